// What the server knows about its screens — last heartbeat, proof-of-play totals, thumbnails —
// kept in SQLite at <served tree>/state/screens.sqlite so that it survives restarts.
#pragma once

#include "base/result.h"
#include "content/server/new_screen_limiter.h"
#include "content/heartbeat/heartbeat.h"
#include "base/local_time.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hallboard {

namespace sqlite {
class Database;
class Statement;
} // namespace sqlite

struct ScreenRegistryLimits {
    std::size_t max_screens = 10000;               // screens kept; a LAN flood of made-up ids must not fill the disk
    int play_retention_days = 400;                 // proof-of-play days kept: a year of audits and some
    std::int64_t evict_silent_after_s = 7 * 86400; // at the bound, a screen silent this long (s) may
                                                   // give its place to a new one
    NewScreenLimits new_screens;                   // new screen ids per client address and minute
};

// One screen as its last heartbeat left it.
struct ScreenRecord {
    std::string screen;
    std::string hall;
    std::uint64_t version = 0;
    std::optional<std::string> current_notice;
    std::uint64_t uptime_s = 0;
    std::uint64_t interval_s = 0;
    std::string sent_at;          // the screen's clock, UTC
    std::int64_t last_seen = 0;   // the server's clock when it arrived, Unix seconds
    std::int64_t first_seen = 0;  // Unix seconds
    std::uint64_t heartbeats = 0; // received since first_seen
    std::string remote;           // the address it came from
    SyncReport sync;
    bool thumbnail_requested = false;
    std::optional<std::int64_t> thumbnail_taken_at; // Unix seconds, when a thumbnail is stored
};

// Proof of play of one notice on one screen over the days asked for.
struct PlayReportRow {
    std::string notice;
    std::string screen;
    std::string hall; // as the screen's latest heartbeat of those days named it
    std::uint64_t count = 0;
    std::uint64_t seconds = 0;
    std::uint64_t days = 0; // days on which it was shown
};

struct PlayReport {
    std::vector<PlayReportRow> rows;     // by notice, then hall, then screen
    std::vector<ScreenRecord> reporting; // screens heard from since the start of the period, by hall, then screen
};

enum class HeartbeatOutcome { Stored, TooManyScreens, TooManyNewScreens, StorageError };

struct HeartbeatRecorded {
    HeartbeatOutcome outcome = HeartbeatOutcome::StorageError;
    bool thumbnail_requested = false;
    std::size_t plays_ignored = 0;  // dated outside what is kept (a screen clock far off)
    bool new_screen = false;        // the first heartbeat of this screen id
    std::string previous_remote;    // set when the screen's address changed: two screens sharing one id show up so
    std::string evicted;            // the screen forgotten to make room for this new one, if any
    std::int64_t retry_after_s = 0; // for TooManyNewScreens: when this address may introduce one again
    std::string error;              // for StorageError, one line for the log
};

enum class ThumbnailOutcome { Stored, NotRequested, UnknownScreen, StorageError };

struct Thumbnail {
    std::string content_type; // image/png or image/jpeg
    std::string bytes;
    std::int64_t taken_at = 0; // Unix seconds, when it arrived
};

// Thread-safe: every call takes one mutex around one connection (writes are small; a
// heartbeat is one transaction). Times are passed in, so that tests control them.
class ScreenRegistry {
public:
    // Opens or creates the database (and its folder): WAL journal, a busy timeout, the schema.
    // A database written by a newer schema is refused rather than misread. Plays older than
    // the retention are pruned, counted back from `now` (Unix seconds).
    static Result<std::unique_ptr<ScreenRegistry>> open(
        const std::filesystem::path& file, ScreenRegistryLimits limits, std::int64_t now);
    ~ScreenRegistry();
    ScreenRegistry(const ScreenRegistry&) = delete;
    ScreenRegistry& operator=(const ScreenRegistry&) = delete;

    // Stores a validated heartbeat: the screen's row is replaced (first_seen and a pending
    // thumbnail request kept), and each play total is kept as the larger of what was stored
    // and what came (a player that restarted mid-day counts from zero again and must not lower
    // the day's figures). Plays dated before the retention period or after `server_today` + 1
    // are ignored. Prunes old plays now and then.
    //
    // A heartbeat of a new screen id is refused (TooManyNewScreens) when its address introduced
    // too many ids lately (limits.new_screens). At max_screens it takes the place of, first, the
    // least recently seen screen that sent only one heartbeat (never confirmed: what a flood of
    // made-up ids leaves; its plays go with it), else the least recently seen screen silent for
    // evict_silent_after_s (its plays stay: they are history); else it is refused (TooManyScreens).
    // Nobody else's screen can therefore be pushed out by a flood while it keeps reporting.
    HeartbeatRecorded record(
        const Heartbeat& heartbeat, std::string_view remote, std::int64_t now, const Date& server_today);

    std::vector<ScreenRecord> screens(); // by hall, then screen
    std::optional<ScreenRecord> screen(std::string_view id);
    bool forget(std::string_view id); // the screen and its thumbnail; its plays stay (they are history)

    bool request_thumbnail(std::string_view id); // false: no such screen
    ThumbnailOutcome store_thumbnail(
        std::string_view id, std::string_view content_type, std::string_view bytes, std::int64_t now);
    std::optional<Thumbnail> thumbnail(std::string_view id);

    // Plays on days from `since` on (screens' local dates), optionally of one notice; screens
    // heard from at or after `since_time` (Unix seconds: the start of `since` on the server).
    PlayReport report(const Date& since, std::int64_t since_time, const std::optional<std::string>& notice);

    // Deletes plays dated before `oldest_kept`; returns how many rows went.
    std::int64_t prune_plays(const Date& oldest_kept);

    const std::filesystem::path& file() const { return m_file; }

private:
    struct Statements;
    ScreenRegistry(std::filesystem::path file, ScreenRegistryLimits limits, std::unique_ptr<sqlite::Database> database);
    Result<void> prepare();
    // Makes room for one new screen at the bound (see record()); false when no screen may go.
    enum class Eviction { Done, NoneEligible, Failed };
    Eviction evict_for_new_screen(std::int64_t now, std::string& evicted);
    ScreenRecord read_screen(const sqlite::Statement& statement) const;

    std::filesystem::path m_file;
    ScreenRegistryLimits m_limits;
    std::mutex m_mutex;
    std::unique_ptr<sqlite::Database> m_database;
    std::unique_ptr<Statements> m_statements;
    std::size_t m_screen_count = 0;
    NewScreenLimiter m_new_screens;
    std::int64_t m_last_prune = 0;
};

// Today's date in the server's local time zone, and the Unix time of a date's local midnight:
// "since 2026-11-23" in a report means from midnight where the server runs.
Date local_date_of(std::int64_t unix_seconds);
std::int64_t local_midnight_of(const Date& date);

} // namespace hallboard
