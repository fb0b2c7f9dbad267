// Asking `hallboard serve`'s admin API for screen status (GET /admin/screens, /admin/report),
// for the `screens` and `report` commands. Problems are printed on stderr as one error line.
#pragma once

#include "base/net/http_client.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>

namespace hallboard {

struct StatusQuery {
    std::string server;     // base URL, e.g. http://10.1.2.3:8080
    std::string token_file; // the admin token, as `hallboard serve --token-file` has it
};

// Sends `method` `path` (e.g. "admin/screens/x/thumbnail") with the token and an empty body,
// and returns the answer when its status is one of `wanted`. Otherwise prints why (the
// server's "error" field when it gave one) and sets `exit_status` as query_admin does.
std::optional<net::Response> admin_request(const StatusQuery& query, net::Method method, const std::string& path,
    std::initializer_list<int> wanted, int& exit_status);

// GETs `path` (e.g. "admin/screens") with the token and returns the JSON object answered.
// On failure prints why and sets `exit_status`: 2 for an unusable token file or a refused
// token (the user has something to fix), 1 when the server cannot be reached or answers
// something else.
std::optional<nlohmann::json> query_admin(const StatusQuery& query, const std::string& path, int& exit_status);

// A field of an answer read defensively: a missing or mistyped field gives the fallback.
std::string text_field(const nlohmann::json& object, const char* key, const std::string& fallback = {});
std::uint64_t number_field(const nlohmann::json& object, const char* key);

} // namespace hallboard
