// What screens send (no token: a heartbeat can only report, never change content):
// POST /api/heartbeat and, when an admin asked for one, PUT /api/screens/<id>/thumbnail.
#include "content/server/request_log.h"
#include "content/server/screen_registry.h"
#include "content/server/server_routes.h"
#include "base/log.h"
#include "base/terminal_text.h"

#include <chrono>

namespace hallboard {

namespace {

constexpr char const* screen_id_pattern = "([a-z0-9][a-z0-9_-]{0,63})";
constexpr std::size_t max_logged_problems = 10;

bool answer_body_problem(BodyRead read, uint64_t limit, httplib::Response& response)
{
    switch (read) {
    case BodyRead::Complete:
        return false;
    case BodyRead::TooLarge:
        send_error(
            response, 413, "the body is larger than " + std::to_string(limit) + " bytes", { { "max_bytes", limit } });
        return true;
    case BodyRead::Broken:
        send_error(response, 400, "the body did not arrive completely");
        return true;
    }
    return true;
}

std::int64_t unix_now()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void post_heartbeat(ScreenRegistry& registry, const httplib::Request& request, httplib::Response& response,
    const httplib::ContentReader& reader)
{
    std::string body;
    if (answer_body_problem(read_bounded_body(reader, max_heartbeat_bytes, body), max_heartbeat_bytes, response))
        return;
    Diagnostics diagnostics;
    auto heartbeat = heartbeat_from_json(body, diagnostics);
    if (!heartbeat) {
        nlohmann::json problems = nlohmann::json::array();
        for (auto const& diagnostic : diagnostics.all()) {
            if (problems.size() < max_logged_problems)
                problems.push_back(diagnostic.message);
        }
        std::string first = problems.empty() ? std::string("malformed") : problems[0].get<std::string>();
        log_warning("heartbeat from " + request.remote_addr + " refused: " + escape_for_log(first, 300));
        send_error(response, 422, "the heartbeat is not valid: " + first, { { "problems", problems } });
        return;
    }
    auto now = unix_now();
    auto recorded = registry.record(*heartbeat, request.remote_addr, now, local_date_of(now));
    switch (recorded.outcome) {
    case HeartbeatOutcome::Stored:
        break;
    case HeartbeatOutcome::TooManyNewScreens:
        // No log line of its own: the request log has the 429, and a flood must not double the log.
        response.set_header("Retry-After", std::to_string(recorded.retry_after_s));
        send_error(response, 429,
            "this address introduced too many new screen ids lately; known screens are not limited",
            { { "retry_after_s", recorded.retry_after_s } });
        return;
    case HeartbeatOutcome::TooManyScreens:
        log_warning("heartbeat of a new screen '" + heartbeat->screen + "' from " + request.remote_addr
            + " refused: the server already keeps the most screens it may");
        send_error(response, 503, "this server already keeps the status of as many screens as it may");
        return;
    case HeartbeatOutcome::StorageError:
        log_error("cannot store a heartbeat in " + registry.file().string() + ": " + recorded.error);
        send_error(response, 500, "the server cannot store heartbeats right now");
        return;
    }
    if (!recorded.evicted.empty())
        log_warning("the server keeps the most screens it may: screen '" + recorded.evicted
            + "' (never confirmed, or long silent) was forgotten to make room for '" + heartbeat->screen + "'");
    if (recorded.new_screen)
        log_info("first heartbeat of screen '" + heartbeat->screen + "' (" + escape_terminal_text(heartbeat->hall)
            + ") from " + request.remote_addr);
    else if (!recorded.previous_remote.empty())
        log_warning("screen '" + heartbeat->screen + "' now reports from " + request.remote_addr + ", before from "
            + recorded.previous_remote + " (if this repeats, two screens share one screen id)");
    nlohmann::json answer = nlohmann::json::parse(heartbeat_answer_to_json({ recorded.thumbnail_requested }));
    if (recorded.plays_ignored > 0)
        answer["plays_ignored"] = recorded.plays_ignored; // dated far from the server's today: check the screen's clock
    response.set_header("Cache-Control", "no-store");
    send_json(response, 200, answer);
}

// The image type by its first bytes: a thumbnail must be what it claims, and only PNG or JPEG.
char const* image_type_of(std::string_view bytes)
{
    if (bytes.size() >= 8 && bytes.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8))
        return "image/png";
    if (bytes.size() >= 3 && bytes.substr(0, 3) == std::string_view("\xFF\xD8\xFF", 3))
        return "image/jpeg";
    return nullptr;
}

void put_thumbnail(ScreenRegistry& registry, const httplib::Request& request, httplib::Response& response,
    const httplib::ContentReader& reader)
{
    std::string id = request.matches[1];
    std::string body;
    if (answer_body_problem(read_bounded_body(reader, max_thumbnail_bytes, body), max_thumbnail_bytes, response))
        return;
    auto type = image_type_of(body);
    if (!type) {
        send_error(response, 415, "a thumbnail must be a PNG or JPEG image");
        return;
    }
    switch (registry.store_thumbnail(id, type, body, unix_now())) {
    case ThumbnailOutcome::Stored:
        send_json(response, 201, { { "stored", true }, { "bytes", body.size() }, { "content_type", type } });
        return;
    case ThumbnailOutcome::NotRequested:
        send_error(response, 409, "no thumbnail of this screen was requested");
        return;
    case ThumbnailOutcome::UnknownScreen:
        send_error(response, 404, "no screen '" + id + "' has sent a heartbeat");
        return;
    case ThumbnailOutcome::StorageError:
        send_error(response, 500, "the server cannot store thumbnails right now");
        return;
    }
}

bool is_thumbnail_path(const std::string& path)
{
    constexpr std::string_view prefix = "/api/screens/", suffix = "/thumbnail";
    return path.size() > prefix.size() + suffix.size() && path.starts_with(prefix) && path.ends_with(suffix);
}

} // namespace

void install_heartbeat_routes(httplib::Server& server, ScreenRegistry& registry)
{
    server.Post("/api/heartbeat",
        [&registry](const httplib::Request& request, httplib::Response& response,
            const httplib::ContentReader& reader) { post_heartbeat(registry, request, response, reader); });
    server.Put(std::string("/api/screens/") + screen_id_pattern + "/thumbnail",
        [&registry](const httplib::Request& request, httplib::Response& response,
            const httplib::ContentReader& reader) { put_thumbnail(registry, request, response, reader); });
}

uint64_t screen_route_body_limit(const std::string& method, const std::string& path)
{
    if (method == "POST" && path == "/api/heartbeat")
        return max_heartbeat_bytes;
    if (method == "PUT" && is_thumbnail_path(path))
        return max_thumbnail_bytes;
    return 0;
}

} // namespace hallboard
