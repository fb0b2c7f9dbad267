// The server's one log line per request, safe to print whatever the client sent.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hallboard {

struct RequestLogEntry {
    std::string_view remote; // "127.0.0.1"
    std::string_view method; // "GET"
    std::string_view path;   // decoded request path, as the client sent it
    int status = 0;
    uint64_t bytes = 0;                 // response body bytes (0 for HEAD and 304)
    std::optional<double> milliseconds; // from routing to the response; unknown for requests that never got that far
};

// "127.0.0.1 GET /blobs/3f2a… 200 48213B 0.41ms". Control characters, quotes, backslashes and
// non-ASCII bytes of the method and path are written as \xNN (a client cannot forge a log
// line), and a path longer than 200 bytes is cut with "...".
std::string format_request_log(const RequestLogEntry& entry);

// The text of `raw` with every byte outside printable ASCII (and '"', '\\') escaped as \xNN.
std::string escape_for_log(std::string_view raw, size_t max_bytes);

} // namespace hallboard
