// Who may use the desk routes, decided in one place: today the admin bearer token, with the
// author named by the X-Hallboard-Author header ("admin" without one). User accounts (issue 11,
// part B) replace this function; the routes only see a DeskCaller.
#pragma once

#include "content/server/content_server.h"

#include <httplib.h>

#include <string>

namespace hallboard {

struct DeskCaller {
    std::string author; // recorded in version.json
};

struct DeskAccess {
    int status = 200;    // 200: allowed; 401: no or wrong token; 400: an author name that cannot be one
    std::string message; // why not, one line
    DeskCaller caller;
};

inline constexpr char const* desk_author_header = "X-Hallboard-Author";

DeskAccess authorize_desk(const httplib::Request& request, const ServerOptions& options);

bool is_desk_path(const std::string& path); // "/desk" and below

} // namespace hallboard
