// The desk's access check: the admin token, and the author's name.
#include "content/server/desk_access.h"

#include "content/desk/version_record.h"
#include "content/publish/admin_token.h"

namespace hallboard {

bool is_desk_path(const std::string& path)
{
    return path == "/desk" || path.rfind("/desk/", 0) == 0;
}

DeskAccess authorize_desk(const httplib::Request& request, const ServerOptions& options)
{
    DeskAccess access;
    auto authorization = request.get_header_value("Authorization"); // the token below points into it
    auto token = bearer_token(authorization);
    if (!token || !admin_token_matches(options.admin_token, *token)) {
        access.status = 401;
        access.message = "the desk needs Authorization: Bearer <token> with the server's admin token";
        return access;
    }
    access.caller.author = "admin";
    if (request.has_header(desk_author_header)) {
        auto author = request.get_header_value(desk_author_header);
        if (!desk::is_author_name(author)) {
            access.status = 400;
            access.message = std::string(desk_author_header)
                + " is not a user name (1-64 letters, digits and . _ - @, or Chinese characters)";
            return access;
        }
        access.caller.author = author;
    }
    return access;
}

} // namespace hallboard
