// The HTTP routes of the content server, installed on a cpp-httplib server (module-internal).
#pragma once

#include "content/server/content_server.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace hallboard {

class ScreenRegistry;

// GET/HEAD /healthz, /manifest.json, /manifest.json.sig, /blobs/<sha256>, /versions/<N>/manifest.json[.sig].
void install_public_routes(httplib::Server& server, ServedTree& tree);

// /admin/...; authentication and body bounds are checked before routing (see content_server.cpp).
void install_admin_routes(httplib::Server& server, ServedTree& tree, const ServerOptions& options);

// How many body bytes a request to this method and path may carry (0: none).
uint64_t body_limit_for(const std::string& method, const std::string& path, const ServerOptions& options);

// What screens send, without a token (a heartbeat can only report): POST /api/heartbeat and
// PUT /api/screens/<id>/thumbnail (accepted only when an admin asked for one).
void install_heartbeat_routes(httplib::Server& server, ScreenRegistry& registry);
// Screen status for admins: GET /admin/screens, GET /admin/report?since=DATE[&notice=ID],
// POST /admin/screens/<id>/thumbnail-request, GET /admin/screens/<id>/thumbnail, DELETE /admin/screens/<id>.
void install_screen_admin_routes(httplib::Server& server, ScreenRegistry& registry, const ServedTree& tree);
// The body bound of the heartbeat routes (0 for every other request).
uint64_t screen_route_body_limit(const std::string& method, const std::string& path);

// Reads a whole request body of at most `limit` bytes into `body`. Content-Length was checked
// before routing; this bounds chunked bodies too.
enum class BodyRead { Complete, TooLarge, Broken };
BodyRead read_bounded_body(const httplib::ContentReader& reader, uint64_t limit, std::string& body);

void send_json(httplib::Response& response, int status, const nlohmann::json& body);
void send_error(httplib::Response& response, int status, const std::string& message,
    nlohmann::json extra = nlohmann::json::object());

} // namespace hallboard
