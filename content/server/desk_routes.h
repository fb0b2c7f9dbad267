// The desk's HTTP routes (docs/server.md §8), installed when `serve` has a signing key.
#pragma once

#include "content/server/content_server.h"
#include "content/server/desk_service.h"

#include <httplib.h>

#include <cstdint>
#include <string>

namespace hallboard {

// GET /desk/source, GET /desk/versions[?before=N&limit=K], GET /desk/versions/N,
// POST /desk/changes (a change set), POST /desk/restore ({"version":N,"message":…}).
// Access is checked before routing (authorize_desk); the handlers ask it again for the author.
void install_desk_routes(httplib::Server& server, DeskService& desk, const ServerOptions& options);

// How many body bytes a desk request may carry (0: none, or not a desk route).
std::uint64_t desk_route_body_limit(const std::string& method, const std::string& path);

} // namespace hallboard
