// Whether a screen is well, judged from its last heartbeat: the rule `hallboard screens` and the
// server's admin listing share. Pure: every time is passed in.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace hallboard {

inline constexpr int stale_after_intervals = 3; // missed heartbeats before a screen counts as stale
inline constexpr std::chrono::seconds clock_tolerance {
    120
}; // more skew than this and dated notices switch late or early

struct ScreenHealth {
    bool stale = false;        // no heartbeat for stale_after_intervals intervals
    bool behind = false;       // shows an older version than the server's current one
    bool sync_failing = false; // its last content sync failed
    bool clock_off = false;    // its clock differs from the server's by more than clock_tolerance

    bool ok() const { return !stale && !behind && !sync_failing && !clock_off; }
    bool operator==(const ScreenHealth&) const = default;
};

struct ScreenObservation {
    std::chrono::system_clock::time_point last_seen; // server's clock when the last heartbeat arrived
    std::chrono::seconds interval { 60 };            // the interval the screen reported (or an override)
    std::uint64_t version = 0;                       // the content version it reported
    bool sync_failed = false;
    std::chrono::seconds clock_skew { 0 }; // its sent_at minus last_seen
};

// `current_version` 0 (nothing published) makes no screen behind. A screen is stale once more
// than stale_after_intervals × interval has passed since last_seen.
ScreenHealth screen_status(
    const ScreenObservation& screen, std::chrono::system_clock::time_point now, std::uint64_t current_version);

// "ok", or the problems joined: "stale, behind, sync failing, clock off".
std::string describe(const ScreenHealth& health);

// "12 s ago", "4 min ago", "3 h ago", "2 days ago"; "just now" within a second; "in the future"
// for a time after now (a clock jump on the server).
std::string describe_age(std::chrono::system_clock::time_point then, std::chrono::system_clock::time_point now);

} // namespace hallboard
