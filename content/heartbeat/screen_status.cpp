// The stale/behind/sync-failing rule for screens, and how ages are written for admins.
#include "content/heartbeat/screen_status.h"

#include <algorithm>

namespace hallboard {

ScreenHealth screen_status(
    const ScreenObservation& screen, std::chrono::system_clock::time_point now, std::uint64_t current_version)
{
    ScreenHealth health;
    auto interval = std::max(screen.interval, std::chrono::seconds(1));
    health.stale = now - screen.last_seen > stale_after_intervals * interval;
    health.behind = current_version > 0 && screen.version < current_version;
    health.sync_failing = screen.sync_failed;
    auto skew = screen.clock_skew < std::chrono::seconds(0) ? -screen.clock_skew : screen.clock_skew;
    health.clock_off = skew > clock_tolerance;
    return health;
}

std::string describe(const ScreenHealth& health)
{
    if (health.ok())
        return "ok";
    std::string text;
    auto add = [&](bool present, char const* name) {
        if (present)
            text += (text.empty() ? "" : ", ") + std::string(name);
    };
    add(health.stale, "stale");
    add(health.behind, "behind");
    add(health.sync_failing, "sync failing");
    add(health.clock_off, "clock off");
    return text;
}

std::string describe_age(std::chrono::system_clock::time_point then, std::chrono::system_clock::time_point now)
{
    auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now - then).count();
    if (seconds < 0)
        return seconds > -2 ? "just now" : "in the future";
    if (seconds < 1)
        return "just now";
    if (seconds < 120)
        return std::to_string(seconds) + " s ago";
    if (seconds < 120 * 60)
        return std::to_string(seconds / 60) + " min ago";
    if (seconds < 48 * 3600)
        return std::to_string(seconds / 3600) + " h ago";
    return std::to_string(seconds / 86400) + " days ago";
}

} // namespace hallboard
