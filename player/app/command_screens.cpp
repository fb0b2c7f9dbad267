// `hallboard screens --server URL --token-file F [--interval 60s]`: every screen the server has
// heard from, when last, and whether it is stale, behind, failing to sync or off in its clock.
#include "content/heartbeat/heartbeat.h"
#include "content/publish/manifest.h"
#include "content/heartbeat/screen_status.h"
#include "player/app/command_line.h"
#include "player/app/commands.h"
#include "content/publish/status_query.h"
#include "base/terminal_text.h"
#include "base/text_table.h"

#include <cstdio>
#include <map>

namespace hallboard {

namespace {

using SystemClock = std::chrono::system_clock;

constexpr char const* usage = "usage: hallboard screens --server URL --token-file FILE [--interval DURATION]\n";

struct ListedScreen {
    std::string screen;
    std::string hall;
    std::uint64_t version = 0;
    std::string current_notice;
    SystemClock::time_point last_seen;
    ScreenObservation observation;
    ScreenHealth health;
    std::string sync_error;
    std::string sync_at;
};

// Every text a server sent is printed through this: the server escapes heartbeats as they
// arrive, but rows stored by an older server, or a server that is not ours, may hold control
// characters that would run in the admin's terminal or forge rows.
std::string shown_field(const nlohmann::json& entry, const char* key, const std::string& fallback = {})
{
    return escape_terminal_text(text_field(entry, key, fallback));
}

ListedScreen read_screen(const nlohmann::json& entry, SystemClock::time_point now, std::uint64_t current,
    std::optional<std::chrono::seconds> interval_override)
{
    ListedScreen screen;
    screen.screen = shown_field(entry, "screen", "?");
    screen.hall = shown_field(entry, "hall");
    screen.version = number_field(entry, "version");
    screen.current_notice = shown_field(entry, "current_notice");
    screen.last_seen = parse_utc_timestamp(text_field(entry, "last_seen")).value_or(SystemClock::time_point {});
    auto sync = entry.find("sync");
    bool failed = false;
    if (sync != entry.end() && sync->is_object()) {
        failed = text_field(*sync, "result") == "failed";
        screen.sync_error = shown_field(*sync, "error");
        screen.sync_at = shown_field(*sync, "at");
    }
    auto& observation = screen.observation;
    observation.last_seen = screen.last_seen;
    observation.interval = interval_override.value_or(
        std::chrono::seconds(std::max<std::uint64_t>(number_field(entry, "interval_s"), 1)));
    observation.version = screen.version;
    observation.sync_failed = failed;
    if (auto sent = parse_utc_timestamp(text_field(entry, "sent_at")))
        observation.clock_skew = std::chrono::duration_cast<std::chrono::seconds>(*sent - screen.last_seen);
    screen.health = screen_status(observation, now, current);
    return screen;
}

std::string describe_skew(std::chrono::seconds skew)
{
    auto seconds = skew.count();
    auto magnitude = seconds < 0 ? -seconds : seconds;
    auto amount = magnitude < 120 ? std::to_string(magnitude) + " s"
        : magnitude < 7200        ? std::to_string(magnitude / 60) + " min"
                                  : std::to_string(magnitude / 3600) + " h";
    return amount + (seconds < 0 ? " behind" : " ahead of") + " the server's";
}

} // namespace

int run_screens(const std::vector<std::string>& arguments)
{
    auto command_line = parse_command_line(arguments, { { "--server", "--token-file", "--interval" }, {} });
    if (!command_line)
        return exit_invalid;
    if (!command_line->positional.empty() || !command_line->has("--server") || !command_line->has("--token-file")) {
        std::fputs(usage, stderr);
        return exit_invalid;
    }
    std::optional<std::chrono::seconds> interval;
    if (command_line->has("--interval")) {
        auto text = command_line->option("--interval");
        auto parsed = parse_duration(text);
        if (!parsed || *parsed < std::chrono::seconds(1)) {
            std::fprintf(
                stderr, "error: --interval '%s' is not a duration of a second or more (e.g. 60s, 2m)\n", text.c_str());
            return exit_invalid;
        }
        interval = std::chrono::duration_cast<std::chrono::seconds>(*parsed);
    }

    int exit_status = exit_ok;
    auto answer = query_admin(
        { command_line->option("--server"), command_line->option("--token-file") }, "admin/screens", exit_status);
    if (!answer)
        return exit_status;
    // Ages and staleness are judged by the server's clock, which stamped last_seen: the admin's
    // own machine may be set differently.
    auto now = parse_utc_timestamp(text_field(*answer, "now")).value_or(SystemClock::now());
    auto current = number_field(*answer, "current_version");

    std::vector<ListedScreen> screens;
    if (auto list = answer->find("screens"); list != answer->end() && list->is_array()) {
        for (auto const& entry : *list) {
            if (entry.is_object())
                screens.push_back(read_screen(entry, now, current, interval));
        }
    }
    if (screens.empty()) {
        std::printf("no screen has sent a heartbeat to %s yet (server at version %llu)\n",
            command_line->option("--server").c_str(), static_cast<unsigned long long>(current));
        return exit_ok;
    }

    TextTable table({ "screen", "hall", "version", "last seen", "status", "showing" });
    std::map<std::string, int> counts;
    for (auto const& screen : screens) {
        table.add_row({ screen.screen, screen.hall, std::to_string(screen.version), describe_age(screen.last_seen, now),
            describe(screen.health), screen.current_notice.empty() ? "-" : screen.current_notice });
        if (screen.health.ok())
            ++counts["ok"];
        counts["stale"] += screen.health.stale;
        counts["behind"] += screen.health.behind;
        counts["sync failing"] += screen.health.sync_failing;
        counts["clock off"] += screen.health.clock_off;
    }
    std::fputs(table.format().c_str(), stdout);

    std::string summary = std::to_string(screens.size()) + (screens.size() == 1 ? " screen: " : " screens: ")
        + std::to_string(counts["ok"]) + " ok";
    for (auto const* name : { "stale", "behind", "sync failing", "clock off" }) {
        if (counts[name] > 0)
            summary += ", " + std::to_string(counts[name]) + " " + name;
    }
    summary += " (server at version " + std::to_string(current) + "; stale after "
        + std::to_string(stale_after_intervals)
        + (interval ? " × " + std::to_string(interval->count()) + " s" : std::string(" missed intervals")) + ")";
    std::printf("\n%s\n", summary.c_str());

    for (auto const& screen : screens) {
        if (screen.health.sync_failing) {
            std::printf("%s: last sync failed%s: %s\n", screen.screen.c_str(),
                screen.sync_at.empty() ? "" : (" at " + screen.sync_at).c_str(), screen.sync_error.c_str());
        }
        if (screen.health.clock_off)
            std::printf(
                "%s: its clock is %s\n", screen.screen.c_str(), describe_skew(screen.observation.clock_skew).c_str());
    }
    return exit_ok;
}

} // namespace hallboard
