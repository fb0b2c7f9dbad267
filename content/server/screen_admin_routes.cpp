// The admin reads of screen status (token checked before routing): the screen list, the
// proof-of-play report, thumbnails on request, and forgetting a screen that was taken away.
#include "content/publish/manifest.h"
#include "content/heartbeat/screen_status.h"
#include "content/server/screen_registry.h"
#include "content/server/server_routes.h"

#include <chrono>

namespace hallboard {

using nlohmann::json;

namespace {

constexpr char const* screen_id_pattern = "([a-z0-9][a-z0-9_-]{0,63})";

using SystemClock = std::chrono::system_clock;

SystemClock::time_point time_of(std::int64_t unix_seconds)
{
    return SystemClock::time_point(std::chrono::seconds(unix_seconds));
}

json nullable(const std::string& text)
{
    return text.empty() ? json(nullptr) : json(text);
}

ScreenObservation observation_of(const ScreenRecord& record)
{
    ScreenObservation observation;
    observation.last_seen = time_of(record.last_seen);
    observation.interval = std::chrono::seconds(record.interval_s);
    observation.version = record.version;
    observation.sync_failed = record.sync.result == SyncResult::Failed;
    if (auto sent = parse_utc_timestamp(record.sent_at))
        observation.clock_skew = std::chrono::duration_cast<std::chrono::seconds>(*sent - observation.last_seen);
    return observation;
}

json screen_json(const ScreenRecord& record, SystemClock::time_point now, std::uint64_t current_version)
{
    auto observation = observation_of(record);
    auto health = screen_status(observation, now, current_version);
    return {
        { "screen", record.screen },
        { "hall", record.hall },
        { "version", record.version },
        { "current_notice", record.current_notice ? json(*record.current_notice) : json(nullptr) },
        { "uptime_s", record.uptime_s },
        { "interval_s", record.interval_s },
        { "sent_at", record.sent_at },
        { "last_seen", format_utc_timestamp(time_of(record.last_seen)) },
        { "first_seen", format_utc_timestamp(time_of(record.first_seen)) },
        { "heartbeats", record.heartbeats },
        { "remote", record.remote },
        { "sync",
            { { "result", sync_result_name(record.sync.result) }, { "error", nullable(record.sync.error) },
                { "at", nullable(record.sync.at) } } },
        { "clock_skew_s", observation.clock_skew.count() },
        { "thumbnail_requested", record.thumbnail_requested },
        { "thumbnail_at",
            record.thumbnail_taken_at ? json(format_utc_timestamp(time_of(*record.thumbnail_taken_at)))
                                      : json(nullptr) },
        { "status", describe(health) },
    };
}

void list_screens(ScreenRegistry& registry, const ServedTree& tree, httplib::Response& response)
{
    auto now = SystemClock::now();
    auto current = tree.snapshot()->version;
    json screens = json::array();
    for (auto const& record : registry.screens())
        screens.push_back(screen_json(record, now, current));
    response.set_header("Cache-Control", "no-store");
    send_json(response, 200,
        { { "now", format_utc_timestamp(now) }, { "current_version", current }, { "screens", screens } });
}

void answer_report(ScreenRegistry& registry, const httplib::Request& request, httplib::Response& response)
{
    auto since_text = request.get_param_value("since");
    auto since = parse_date(since_text);
    if (!since) {
        send_error(response, 422, "give ?since=YYYY-MM-DD (the first day of the report)");
        return;
    }
    std::optional<std::string> notice;
    if (request.has_param("notice")) {
        notice = request.get_param_value("notice");
        if (!is_valid_screen_id(*notice)) {
            send_error(response, 422, "?notice= must be a notice id (lowercase letters, digits, '-', '_')");
            return;
        }
    }
    auto since_time = local_midnight_of(*since);
    auto report = registry.report(*since, since_time, notice);

    json notices = json::array();
    for (auto const& row : report.rows) {
        if (notices.empty() || notices.back()["notice"] != row.notice)
            notices.push_back(
                { { "notice", row.notice }, { "count", 0 }, { "seconds", 0 }, { "screens", json::array() } });
        auto& entry = notices.back();
        entry["count"] = entry["count"].get<std::uint64_t>() + row.count;
        entry["seconds"] = entry["seconds"].get<std::uint64_t>() + row.seconds;
        entry["screens"].push_back({ { "screen", row.screen }, { "hall", row.hall }, { "count", row.count },
            { "seconds", row.seconds }, { "days", row.days } });
    }
    json reporting = json::array();
    json not_shown = json::array();
    for (auto const& screen : report.reporting) {
        json entry = { { "screen", screen.screen }, { "hall", screen.hall },
            { "last_seen", format_utc_timestamp(time_of(screen.last_seen)) } };
        reporting.push_back(entry);
        bool showed = std::any_of(report.rows.begin(), report.rows.end(),
            [&](const PlayReportRow& row) { return row.screen == screen.screen; });
        if (notice && !showed)
            not_shown.push_back(entry);
    }
    json answer = { { "since", format_date(*since) }, { "since_time", format_utc_timestamp(time_of(since_time)) },
        { "notice", notice ? json(*notice) : json(nullptr) }, { "notices", notices }, { "reporting", reporting } };
    if (notice)
        answer["not_shown_on"] = not_shown;
    response.set_header("Cache-Control", "no-store");
    send_json(response, 200, answer);
}

} // namespace

void install_screen_admin_routes(httplib::Server& server, ScreenRegistry& registry, const ServedTree& tree)
{
    server.Get("/admin/screens", [&registry, &tree](const httplib::Request&, httplib::Response& response) {
        list_screens(registry, tree, response);
    });
    server.Delete(std::string("/admin/screens/") + screen_id_pattern,
        [&registry](const httplib::Request& request, httplib::Response& response) {
            std::string id = request.matches[1];
            if (!registry.forget(id)) {
                send_error(response, 404, "no screen '" + id + "'");
                return;
            }
            send_json(response, 200, { { "screen", id }, { "forgotten", true } });
        });
    server.Post(std::string("/admin/screens/") + screen_id_pattern + "/thumbnail-request",
        [&registry](const httplib::Request& request, httplib::Response& response) {
            std::string id = request.matches[1];
            if (!registry.request_thumbnail(id)) {
                send_error(response, 404, "no screen '" + id + "' has sent a heartbeat");
                return;
            }
            send_json(response, 202,
                { { "screen", id }, { "requested", true },
                    { "message", "the screen sends one after its next heartbeat" } });
        });
    server.Get(std::string("/admin/screens/") + screen_id_pattern + "/thumbnail",
        [&registry](const httplib::Request& request, httplib::Response& response) {
            std::string id = request.matches[1];
            auto thumbnail = registry.thumbnail(id);
            if (!thumbnail) {
                send_error(response, 404,
                    "no thumbnail of '" + id + "' (ask with POST /admin/screens/" + id + "/thumbnail-request)");
                return;
            }
            response.set_header("Cache-Control", "no-store");
            response.set_header("X-Content-Type-Options", "nosniff");
            response.set_header("Hallboard-Taken-At", format_utc_timestamp(time_of(thumbnail->taken_at)));
            response.set_content(std::move(thumbnail->bytes), thumbnail->content_type);
        });
    server.Get("/admin/report", [&registry](const httplib::Request& request, httplib::Response& response) {
        answer_report(registry, request, response);
    });
}

} // namespace hallboard
