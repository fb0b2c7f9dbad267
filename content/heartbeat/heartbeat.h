// The heartbeat a screen POSTs to its server every interval, and the server's answer: one JSON
// contract, written by the player (player/status) and read by the server (content/server).
#pragma once

#include "base/diagnostics.h"
#include "base/local_time.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hallboard {

inline constexpr std::size_t max_heartbeat_bytes = 64 * 1024;
inline constexpr std::size_t max_heartbeat_plays = 400;   // entries; a 64-character notice id makes one ~130 bytes
inline constexpr std::size_t max_hall_bytes = 256;        // UTF-8 bytes of the hall's name
inline constexpr std::size_t max_sync_error_bytes = 1024; // a sync error is one line for a log
inline constexpr std::uint64_t max_heartbeat_interval_s = 86400;
inline constexpr std::uint64_t max_plays_per_day = 86400;        // a one-second slide all day long
inline constexpr std::uint64_t max_play_seconds_per_day = 90000; // a day, plus the slide that began before midnight
inline constexpr std::size_t max_thumbnail_bytes = 2 * 1024 * 1024;

enum class SyncResult { Ok, Failed, Never };

// The screen's last content sync: what an admin needs to see why a screen is behind.
struct SyncReport {
    SyncResult result = SyncResult::Never;
    std::string error; // one line; set (non-empty) exactly when result is Failed
    std::string at;    // UTC "2026-11-23T10:00:00Z" of that sync; empty exactly when result is Never
    bool operator==(const SyncReport&) const = default;
};

// Proof of play: how often and how long one notice was shown on one local day. Totals are
// cumulative since the player started that day, so a later heartbeat supersedes an earlier one.
struct PlayTotal {
    Date date;                 // the screen's local date when the showing began
    std::string notice;        // notice id
    std::uint64_t count = 0;   // times shown, at least 1
    std::uint64_t seconds = 0; // total time shown, whole seconds
    bool operator==(const PlayTotal&) const = default;
};

struct Heartbeat {
    std::string screen;                        // screen.id: lowercase letters, digits, '-', '_'; 1-64 characters
    std::string hall;                          // screen.hall, 1-256 bytes (as read by the server: escaped)
    std::uint64_t version = 0;                 // content version the screen shows; 0 before its first content
    std::optional<std::string> current_notice; // the notice on screen now; none during the fallback slide or when blank
    std::uint64_t uptime_s = 0;                // seconds since the player started
    std::uint64_t interval_s = 60;             // the screen's heartbeat interval: three missed make it stale
    std::string sent_at;                       // the screen's clock, UTC "2026-11-23T10:00:00Z"
    SyncReport sync;
    std::vector<PlayTotal> plays; // at most max_heartbeat_plays, each (date, notice) once
    bool operator==(const Heartbeat&) const = default;
};

// What the server answers a heartbeat with.
struct HeartbeatAnswer {
    bool thumbnail_requested = false; // an admin asked for a picture of the screen: PUT one now
};

// Screen ids and notice ids share one syntax: 1-64 of a-z, 0-9, '-', '_', starting with a letter or digit.
bool is_valid_screen_id(std::string_view text);

// Escapes the free-text fields as the server would and cuts them to their bounds (at a UTF-8
// character boundary), and keeps the newest
// max_heartbeat_plays plays, so that what a player builds from its own state always passes
// heartbeat_from_json. Returns how many plays were left out (to be sent next time).
std::size_t fit_heartbeat_to_bounds(Heartbeat& heartbeat);

// Compact JSON with every field present (absent optional values are null).
std::string heartbeat_to_json(const Heartbeat& heartbeat);

// Parses a heartbeat strictly: at most max_heartbeat_bytes, no unknown or missing fields,
// every field of the right type, syntax and range, the sync fields consistent with its result,
// each (date, notice) once. Problems go to `diagnostics` under the name "heartbeat". Never throws.
// The free-text fields (hall, sync.error) come back with control characters escaped
// (escape_terminal_text), and their bounds apply to the escaped form; every other text field
// has a syntax that admits no control character at all.
std::optional<Heartbeat> heartbeat_from_json(std::string_view json_text, Diagnostics& diagnostics);

std::string heartbeat_answer_to_json(const HeartbeatAnswer& answer);
// Lenient about fields it does not know (a newer server may add some); nullopt when the
// answer is not a JSON object or thumbnail_requested is not true/false.
std::optional<HeartbeatAnswer> heartbeat_answer_from_json(std::string_view json_text);

char const* sync_result_name(SyncResult result); // "ok", "failed", "never"

// UTC timestamps ("2026-11-23T10:00:00Z", as content/manifest.h writes them) to and from a time point.
std::optional<std::chrono::system_clock::time_point> parse_utc_timestamp(std::string_view text);

} // namespace hallboard
