// The desk's routes: reading requests into DeskService calls and answering their JSON.
#include "content/server/desk_routes.h"

#include "content/desk/change_set_json.h"
#include "content/desk/version_record.h"
#include "content/model/strict_json.h"
#include "content/server/desk_access.h"
#include "content/server/server_routes.h"

#include <charconv>

namespace hallboard {

namespace {

constexpr std::uint64_t max_restore_body_bytes = 8 * 1024; // a number and a message of at most 2000 bytes

void send_answer(httplib::Response& response, const DeskAnswer& answer)
{
    response.status = answer.status;
    response.set_header("Cache-Control", "no-store");
    response.set_content(
        answer.body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n", "application/json");
}

std::optional<std::uint64_t> number_parameter(const httplib::Request& request, const char* name, std::uint64_t fallback)
{
    if (!request.has_param(name))
        return fallback;
    auto text = request.get_param_value(name);
    std::uint64_t value = 0;
    auto [end, problem] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (problem != std::errc() || end != text.data() + text.size() || text.size() > 16)
        return std::nullopt;
    return value;
}

// The body, or an answer already sent (413, 400).
std::optional<std::string> read_body(
    const httplib::ContentReader& reader, std::uint64_t limit, httplib::Response& response)
{
    std::string body;
    switch (read_bounded_body(reader, limit, body)) {
    case BodyRead::TooLarge:
        send_error(
            response, 413, "the body is larger than " + std::to_string(limit) + " bytes", { { "max_bytes", limit } });
        return std::nullopt;
    case BodyRead::Broken:
        send_error(response, 400, "the body did not arrive completely");
        return std::nullopt;
    case BodyRead::Complete:
        break;
    }
    return body;
}

// {"version": N, "message": "..."}, strictly.
Result<std::pair<std::uint64_t, std::string>> read_restore(const std::string& body)
{
    Diagnostics diagnostics;
    std::pair<std::uint64_t, std::string> request;
    {
        json_reading::JsonErrors errors("restore", diagnostics);
        auto document = json_reading::parse_strict_json(body, 2, errors);
        if (document) {
            json_reading::ObjectReader object(*document, "", errors);
            request.first = object.integer("version", 1, max_manifest_version).value_or(0);
            request.second = object.text("message", json_reading::Emptiness::Allowed);
            if (request.second.size() > desk::max_change_message_bytes)
                errors.error("message", "is longer than " + std::to_string(desk::max_change_message_bytes) + " bytes");
        }
    }
    if (diagnostics.has_errors() || diagnostics.all().size() > 0)
        return fail(diagnostics.all().empty() ? std::string("send {\"version\": N, \"message\": \"…\"}")
                                              : format_diagnostic(diagnostics.all().front()));
    return request;
}

} // namespace

void install_desk_routes(httplib::Server& server, DeskService& desk, const ServerOptions& options)
{
    server.Get("/desk/source", [&desk](const httplib::Request&, httplib::Response& response) {
        send_answer(response, desk.current_source());
    });
    server.Get("/desk/versions", [&desk](const httplib::Request& request, httplib::Response& response) {
        auto before = number_parameter(request, "before", 0);
        auto limit = number_parameter(request, "limit", 50);
        if (!before || !limit) {
            send_error(response, 400, "before and limit are whole numbers");
            return;
        }
        send_answer(response, desk.list_versions(*before, *limit));
    });
    server.Get(
        "/desk/versions/([1-9][0-9]{0,15})", [&desk](const httplib::Request& request, httplib::Response& response) {
            send_answer(response, desk.version(std::stoull(request.matches[1].str())));
        });
    server.Post("/desk/changes",
        [&desk, &options](
            const httplib::Request& request, httplib::Response& response, const httplib::ContentReader& reader) {
            auto access = authorize_desk(request, options);
            if (access.status != 200) {
                send_error(response, access.status, access.message);
                return;
            }
            auto body = read_body(reader, desk::max_change_set_bytes, response);
            if (!body)
                return;
            auto change = desk::change_set_from_json(*body);
            if (!change) {
                send_error(response, 400, change.error());
                return;
            }
            send_answer(response, desk.publish_change(*change, access.caller.author, std::chrono::system_clock::now()));
        });
    server.Post("/desk/restore",
        [&desk, &options](
            const httplib::Request& request, httplib::Response& response, const httplib::ContentReader& reader) {
            auto access = authorize_desk(request, options);
            if (access.status != 200) {
                send_error(response, access.status, access.message);
                return;
            }
            auto body = read_body(reader, max_restore_body_bytes, response);
            if (!body)
                return;
            auto restore = read_restore(*body);
            if (!restore) {
                send_error(response, 400, restore.error());
                return;
            }
            send_answer(response,
                desk.restore(restore->first, restore->second, access.caller.author, std::chrono::system_clock::now()));
        });
}

std::uint64_t desk_route_body_limit(const std::string& method, const std::string& path)
{
    if (method == "POST" && path == "/desk/changes")
        return desk::max_change_set_bytes;
    if (method == "POST" && path == "/desk/restore")
        return max_restore_body_bytes;
    return 0;
}

} // namespace hallboard
