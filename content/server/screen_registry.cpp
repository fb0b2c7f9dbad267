// The screens' heartbeats, play totals and thumbnails in SQLite: schema, upserts and the report query.
#include "content/server/screen_registry.h"

#include "base/sqlite/sqlite_database.h"
#include "base/log.h"

#include <ctime>
#include <system_error>

namespace hallboard {

namespace {

constexpr int schema_version = 1;

constexpr char const* schema = R"sql(
CREATE TABLE IF NOT EXISTS screens (
    screen TEXT PRIMARY KEY,
    hall TEXT NOT NULL,
    version INTEGER NOT NULL,
    current_notice TEXT,
    uptime_s INTEGER NOT NULL,
    interval_s INTEGER NOT NULL,
    sent_at TEXT NOT NULL,
    last_seen INTEGER NOT NULL,
    first_seen INTEGER NOT NULL,
    heartbeats INTEGER NOT NULL,
    remote TEXT NOT NULL,
    sync_result TEXT NOT NULL,
    sync_error TEXT,
    sync_at TEXT,
    thumbnail_requested INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS plays (
    screen TEXT NOT NULL,
    date TEXT NOT NULL,
    notice TEXT NOT NULL,
    hall TEXT NOT NULL,
    count INTEGER NOT NULL,
    seconds INTEGER NOT NULL,
    PRIMARY KEY (screen, date, notice)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS plays_by_notice ON plays (notice, date);
CREATE INDEX IF NOT EXISTS plays_by_date ON plays (date);
CREATE INDEX IF NOT EXISTS screens_by_last_seen ON screens (last_seen);
CREATE INDEX IF NOT EXISTS screens_unconfirmed ON screens (last_seen) WHERE heartbeats = 1;
CREATE TABLE IF NOT EXISTS thumbnails (
    screen TEXT PRIMARY KEY,
    content_type TEXT NOT NULL,
    taken_at INTEGER NOT NULL,
    bytes BLOB NOT NULL
);
)sql";

constexpr char const* screen_columns
    = "s.screen, s.hall, s.version, s.current_notice, s.uptime_s, s.interval_s, s.sent_at, "
      "s.last_seen, s.first_seen, s.heartbeats, s.remote, s.sync_result, s.sync_error, "
      "s.sync_at, s.thumbnail_requested, t.taken_at";

std::string screens_query(std::string_view where)
{
    return std::string("SELECT ") + screen_columns + " FROM screens s LEFT JOIN thumbnails t ON t.screen = s.screen "
        + std::string(where) + " ORDER BY s.hall, s.screen";
}

SyncResult sync_result_from(std::string_view name)
{
    if (name == "ok")
        return SyncResult::Ok;
    if (name == "failed")
        return SyncResult::Failed;
    return SyncResult::Never;
}

Date add_days(const Date& date, long days)
{
    return civil_from_days(days_from_civil(date) + days);
}

} // namespace

struct ScreenRegistry::Statements {
    sqlite::Statement upsert_screen;
    sqlite::Statement upsert_play;
    sqlite::Statement screen_exists;
    sqlite::Statement all_screens;
    sqlite::Statement one_screen;
    sqlite::Statement forget_screen;
    sqlite::Statement forget_thumbnail;
    sqlite::Statement request_thumbnail;
    sqlite::Statement thumbnail_pending;
    sqlite::Statement store_thumbnail;
    sqlite::Statement clear_request;
    sqlite::Statement read_thumbnail;
    sqlite::Statement report_all;
    sqlite::Statement report_notice;
    sqlite::Statement reporting_screens;
    sqlite::Statement prune;
    sqlite::Statement oldest_unconfirmed;
    sqlite::Statement oldest_silent;
    sqlite::Statement forget_plays;
};

ScreenRegistry::ScreenRegistry(
    std::filesystem::path file, ScreenRegistryLimits limits, std::unique_ptr<sqlite::Database> database)
    : m_file(std::move(file))
    , m_limits(limits)
    , m_database(std::move(database))
    , m_statements(std::make_unique<Statements>())
    , m_new_screens(limits.new_screens)
{
}

ScreenRegistry::~ScreenRegistry() = default;

Result<std::unique_ptr<ScreenRegistry>> ScreenRegistry::open(
    const std::filesystem::path& file, ScreenRegistryLimits limits, std::int64_t now)
{
    std::error_code code;
    std::filesystem::create_directories(file.parent_path(), code);
    if (code)
        return hallboard::fail("cannot create " + file.parent_path().string() + ": " + code.message());
    auto opened = sqlite::Database::open(file, sqlite::Database::NewFile::UmaskMode);
    if (!opened)
        return std::move(opened).take_error();
    auto database = std::move(*opened);
    auto fail = [&](const std::string& what) {
        return hallboard::fail(file.string() + ": " + what + ": " + database->last_error());
    };
    // WAL: readers never wait for the writer, and a commit is one append (no fsync of the
    // main file per heartbeat); synchronous=NORMAL keeps the database intact across a crash
    // and can lose only the last moments of heartbeats, which the next ones replace.
    if (database->query_text("PRAGMA journal_mode=WAL") != "wal")
        return fail("cannot switch to the WAL journal");
    if (!database->execute("PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON"))
        return fail("cannot configure the database");
    auto version = database->query_integer("PRAGMA user_version");
    if (!version)
        return fail("cannot read the schema version (is this an SQLite database?)");
    if (*version > schema_version)
        return hallboard::fail(file.string() + ": written by a newer Hallboard (schema " + std::to_string(*version)
            + "); this one knows schema " + std::to_string(schema_version));
    if (!database->execute(schema) || !database->execute("PRAGMA user_version=" + std::to_string(schema_version)))
        return fail("cannot create the tables");
    auto registry = std::unique_ptr<ScreenRegistry>(new ScreenRegistry(file, limits, std::move(database)));
    if (auto prepared = registry->prepare(); !prepared)
        return std::move(prepared).take_error();
    registry->m_screen_count
        = static_cast<size_t>(registry->m_database->query_integer("SELECT count(*) FROM screens").value_or(0));
    registry->prune_plays(add_days(local_date_of(now), -limits.play_retention_days));
    registry->m_last_prune = now;
    return registry;
}

Result<void> ScreenRegistry::prepare()
{
    auto& s = *m_statements;
    auto& db = *m_database;
    s.upsert_screen = db.prepare(R"sql(
        INSERT INTO screens (screen, hall, version, current_notice, uptime_s, interval_s, sent_at, last_seen, first_seen,
            heartbeats, remote, sync_result, sync_error, sync_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, 1, ?9, ?10, ?11, ?12)
        ON CONFLICT (screen) DO UPDATE SET hall = excluded.hall, version = excluded.version,
            current_notice = excluded.current_notice, uptime_s = excluded.uptime_s, interval_s = excluded.interval_s,
            sent_at = excluded.sent_at, last_seen = excluded.last_seen, heartbeats = heartbeats + 1,
            remote = excluded.remote, sync_result = excluded.sync_result, sync_error = excluded.sync_error,
            sync_at = excluded.sync_at
        RETURNING heartbeats, thumbnail_requested)sql");
    // The larger total wins, count first: a restarted player reports smaller figures for the
    // day it restarted on, and those must not replace what was already counted.
    s.upsert_play = db.prepare(R"sql(
        INSERT INTO plays (screen, date, notice, hall, count, seconds) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
        ON CONFLICT (screen, date, notice) DO UPDATE SET count = excluded.count, seconds = excluded.seconds,
            hall = excluded.hall
        WHERE excluded.count > plays.count OR (excluded.count = plays.count AND excluded.seconds > plays.seconds))sql");
    s.screen_exists = db.prepare("SELECT remote FROM screens WHERE screen = ?1");
    s.all_screens = db.prepare(screens_query(""));
    s.one_screen = db.prepare(screens_query("WHERE s.screen = ?1"));
    s.forget_screen = db.prepare("DELETE FROM screens WHERE screen = ?1");
    s.forget_thumbnail = db.prepare("DELETE FROM thumbnails WHERE screen = ?1");
    s.request_thumbnail = db.prepare("UPDATE screens SET thumbnail_requested = 1 WHERE screen = ?1");
    s.thumbnail_pending = db.prepare("SELECT thumbnail_requested FROM screens WHERE screen = ?1");
    s.store_thumbnail = db.prepare(
        "INSERT OR REPLACE INTO thumbnails (screen, content_type, taken_at, bytes) VALUES (?1, ?2, ?3, ?4)");
    s.clear_request = db.prepare("UPDATE screens SET thumbnail_requested = 0 WHERE screen = ?1");
    s.read_thumbnail = db.prepare("SELECT content_type, taken_at, bytes FROM thumbnails WHERE screen = ?1");
    // The hall of a screen's latest day in the period names it (a screen may have moved).
    constexpr char const* report = R"sql(
        SELECT notice, screen,
            (SELECT hall FROM plays latest WHERE latest.screen = p.screen AND latest.date >= ?1
                ORDER BY latest.date DESC LIMIT 1),
            sum(count), sum(seconds), count(*)
        FROM plays p WHERE date >= ?1 %s GROUP BY notice, screen ORDER BY notice, 3, screen)sql";
    auto with = [&](char const* condition) {
        std::string text = report;
        text.replace(text.find("%s"), 2, condition);
        return text;
    };
    s.report_all = db.prepare(with(""));
    s.report_notice = db.prepare(with("AND notice = ?2"));
    s.reporting_screens = db.prepare(screens_query("WHERE s.last_seen >= ?1"));
    s.prune = db.prepare("DELETE FROM plays WHERE date < ?1");
    // Both use an index (screens_unconfirmed, screens_by_last_seen): a flood makes these run
    // once per new id, and a scan of 10,000 rows each time would be the server's bottleneck.
    s.oldest_unconfirmed = db.prepare("SELECT screen FROM screens WHERE heartbeats = 1 ORDER BY last_seen LIMIT 1");
    s.oldest_silent = db.prepare("SELECT screen FROM screens WHERE last_seen < ?1 ORDER BY last_seen LIMIT 1");
    s.forget_plays = db.prepare("DELETE FROM plays WHERE screen = ?1");
    for (auto const* statement : { &s.upsert_screen, &s.upsert_play, &s.screen_exists, &s.all_screens, &s.one_screen,
             &s.forget_screen, &s.forget_thumbnail, &s.request_thumbnail, &s.thumbnail_pending, &s.store_thumbnail,
             &s.clear_request, &s.read_thumbnail, &s.report_all, &s.report_notice, &s.reporting_screens, &s.prune,
             &s.oldest_unconfirmed, &s.oldest_silent, &s.forget_plays }) {
        if (!*statement)
            return fail(m_file.string() + ": cannot prepare a query: " + db.last_error());
    }
    return Ok {};
}

ScreenRecord ScreenRegistry::read_screen(const sqlite::Statement& row) const
{
    ScreenRecord record;
    record.screen = row.text(0);
    record.hall = row.text(1);
    record.version = static_cast<std::uint64_t>(row.integer(2));
    if (!row.is_null(3))
        record.current_notice = row.text(3);
    record.uptime_s = static_cast<std::uint64_t>(row.integer(4));
    record.interval_s = static_cast<std::uint64_t>(row.integer(5));
    record.sent_at = row.text(6);
    record.last_seen = row.integer(7);
    record.first_seen = row.integer(8);
    record.heartbeats = static_cast<std::uint64_t>(row.integer(9));
    record.remote = row.text(10);
    record.sync.result = sync_result_from(row.text(11));
    record.sync.error = row.text(12);
    record.sync.at = row.text(13);
    record.thumbnail_requested = row.integer(14) != 0;
    if (!row.is_null(15))
        record.thumbnail_taken_at = row.integer(15);
    return record;
}

HeartbeatRecorded ScreenRegistry::record(
    const Heartbeat& heartbeat, std::string_view remote, std::int64_t now, const Date& server_today)
{
    std::lock_guard lock(m_mutex);
    auto& s = *m_statements;
    HeartbeatRecorded result;
    auto storage_error = [&](char const* what) {
        result.outcome = HeartbeatOutcome::StorageError;
        result.error = std::string(what) + ": " + m_database->last_error();
        return result;
    };
    if (now - m_last_prune >= 3600) {
        m_last_prune = now;
        auto pruned = s.prune.bind(1, format_date(add_days(server_today, -m_limits.play_retention_days))).step();
        s.prune.reset();
        if (pruned == sqlite::Statement::Step::Error)
            log_warning("cannot prune old plays from " + m_file.string() + ": " + m_database->last_error());
    }
    sqlite::Transaction transaction(*m_database);
    if (!transaction.begun())
        return storage_error("cannot begin a transaction");
    {
        sqlite::StatementUse known(s.screen_exists);
        auto step = known->bind(1, heartbeat.screen).step();
        if (step == sqlite::Statement::Step::Error)
            return storage_error("cannot look the screen up");
        result.new_screen = step == sqlite::Statement::Step::Done;
        if (!result.new_screen && known->text(0) != remote)
            result.previous_remote = known->text(0);
    }
    if (result.new_screen) {
        if (auto wait = m_new_screens.admit(remote, now); wait > 0) {
            result.outcome = HeartbeatOutcome::TooManyNewScreens;
            result.retry_after_s = wait;
            return result;
        }
    }
    if (result.new_screen && m_screen_count >= m_limits.max_screens) {
        switch (evict_for_new_screen(now, result.evicted)) {
        case Eviction::Done:
            break;
        case Eviction::NoneEligible:
            result.outcome = HeartbeatOutcome::TooManyScreens;
            return result;
        case Eviction::Failed:
            return storage_error("cannot make room for a new screen");
        }
    }
    {
        sqlite::StatementUse upsert(s.upsert_screen);
        upsert->bind(1, heartbeat.screen).bind(2, heartbeat.hall).bind(3, static_cast<std::int64_t>(heartbeat.version));
        if (heartbeat.current_notice)
            upsert->bind(4, *heartbeat.current_notice);
        else
            upsert->bind_null(4);
        upsert->bind(5, static_cast<std::int64_t>(heartbeat.uptime_s))
            .bind(6, static_cast<std::int64_t>(heartbeat.interval_s));
        upsert->bind(7, heartbeat.sent_at)
            .bind(8, now)
            .bind(9, remote)
            .bind(10, sync_result_name(heartbeat.sync.result));
        if (heartbeat.sync.error.empty())
            upsert->bind_null(11);
        else
            upsert->bind(11, heartbeat.sync.error);
        if (heartbeat.sync.at.empty())
            upsert->bind_null(12);
        else
            upsert->bind(12, heartbeat.sync.at);
        if (upsert->step() != sqlite::Statement::Step::Row)
            return storage_error("cannot store the heartbeat");
        result.thumbnail_requested = upsert->integer(1) != 0;
        if (upsert->step() != sqlite::Statement::Step::Done)
            return storage_error("cannot store the heartbeat");
    }
    auto oldest = add_days(server_today, -m_limits.play_retention_days);
    auto newest = add_days(server_today, 1); // a screen east of the server, or a clock a little ahead
    for (auto const& play : heartbeat.plays) {
        if (play.date < oldest || play.date > newest) {
            ++result.plays_ignored;
            continue;
        }
        sqlite::StatementUse upsert(s.upsert_play);
        upsert->bind(1, heartbeat.screen).bind(2, format_date(play.date)).bind(3, play.notice).bind(4, heartbeat.hall);
        upsert->bind(5, static_cast<std::int64_t>(play.count)).bind(6, static_cast<std::int64_t>(play.seconds));
        if (upsert->step() != sqlite::Statement::Step::Done)
            return storage_error("cannot store the plays");
    }
    if (!transaction.commit()) {
        result.evicted.clear();
        return storage_error("cannot commit the heartbeat");
    }
    if (result.new_screen && result.evicted.empty())
        ++m_screen_count;
    result.outcome = HeartbeatOutcome::Stored;
    return result;
}

// Runs inside record()'s transaction: a refused or failed heartbeat rolls the eviction back.
ScreenRegistry::Eviction ScreenRegistry::evict_for_new_screen(std::int64_t now, std::string& evicted)
{
    auto& s = *m_statements;
    bool unconfirmed = true;
    {
        sqlite::StatementUse oldest(s.oldest_unconfirmed);
        auto step = oldest->step();
        if (step == sqlite::Statement::Step::Error)
            return Eviction::Failed;
        if (step == sqlite::Statement::Step::Row)
            evicted = oldest->text(0);
    }
    if (evicted.empty()) {
        unconfirmed = false;
        sqlite::StatementUse oldest(s.oldest_silent);
        auto step = oldest->bind(1, now - m_limits.evict_silent_after_s).step();
        if (step == sqlite::Statement::Step::Error)
            return Eviction::Failed;
        if (step == sqlite::Statement::Step::Done)
            return Eviction::NoneEligible;
        evicted = oldest->text(0);
    }
    std::vector<sqlite::Statement*> removals = { &s.forget_screen, &s.forget_thumbnail };
    // One heartbeat's plays of an id nobody confirmed are no history worth keeping, and keeping
    // them would let a stream of made-up ids grow the plays table without bound.
    if (unconfirmed)
        removals.push_back(&s.forget_plays);
    for (auto* statement : removals) {
        sqlite::StatementUse remove(*statement);
        if (remove->bind(1, evicted).step() != sqlite::Statement::Step::Done) {
            evicted.clear();
            return Eviction::Failed;
        }
    }
    return Eviction::Done;
}

std::vector<ScreenRecord> ScreenRegistry::screens()
{
    std::lock_guard lock(m_mutex);
    std::vector<ScreenRecord> records;
    sqlite::StatementUse query(m_statements->all_screens);
    while (query->step() == sqlite::Statement::Step::Row)
        records.push_back(read_screen(m_statements->all_screens));
    return records;
}

std::optional<ScreenRecord> ScreenRegistry::screen(std::string_view id)
{
    std::lock_guard lock(m_mutex);
    sqlite::StatementUse query(m_statements->one_screen);
    if (query->bind(1, id).step() != sqlite::Statement::Step::Row)
        return std::nullopt;
    return read_screen(m_statements->one_screen);
}

bool ScreenRegistry::forget(std::string_view id)
{
    std::lock_guard lock(m_mutex);
    sqlite::Transaction transaction(*m_database);
    if (!transaction.begun())
        return false;
    std::int64_t removed = 0;
    {
        sqlite::StatementUse remove(m_statements->forget_screen);
        if (remove->bind(1, id).step() != sqlite::Statement::Step::Done)
            return false;
        removed = m_database->changes();
    }
    {
        sqlite::StatementUse remove(m_statements->forget_thumbnail);
        if (remove->bind(1, id).step() != sqlite::Statement::Step::Done)
            return false;
    }
    if (!transaction.commit())
        return false;
    if (removed > 0 && m_screen_count > 0)
        --m_screen_count;
    return removed > 0;
}

bool ScreenRegistry::request_thumbnail(std::string_view id)
{
    std::lock_guard lock(m_mutex);
    sqlite::StatementUse update(m_statements->request_thumbnail);
    return update->bind(1, id).step() == sqlite::Statement::Step::Done && m_database->changes() > 0;
}

ThumbnailOutcome ScreenRegistry::store_thumbnail(
    std::string_view id, std::string_view content_type, std::string_view bytes, std::int64_t now)
{
    std::lock_guard lock(m_mutex);
    auto& s = *m_statements;
    sqlite::Transaction transaction(*m_database);
    if (!transaction.begun())
        return ThumbnailOutcome::StorageError;
    {
        sqlite::StatementUse pending(s.thumbnail_pending);
        auto step = pending->bind(1, id).step();
        if (step == sqlite::Statement::Step::Done)
            return ThumbnailOutcome::UnknownScreen;
        if (step == sqlite::Statement::Step::Error)
            return ThumbnailOutcome::StorageError;
        if (pending->integer(0) == 0)
            return ThumbnailOutcome::NotRequested;
    }
    {
        sqlite::StatementUse store(s.store_thumbnail);
        if (store->bind(1, id).bind(2, content_type).bind(3, now).bind_blob(4, bytes).step()
            != sqlite::Statement::Step::Done)
            return ThumbnailOutcome::StorageError;
    }
    {
        sqlite::StatementUse clear(s.clear_request);
        if (clear->bind(1, id).step() != sqlite::Statement::Step::Done)
            return ThumbnailOutcome::StorageError;
    }
    return transaction.commit() ? ThumbnailOutcome::Stored : ThumbnailOutcome::StorageError;
}

std::optional<Thumbnail> ScreenRegistry::thumbnail(std::string_view id)
{
    std::lock_guard lock(m_mutex);
    sqlite::StatementUse query(m_statements->read_thumbnail);
    if (query->bind(1, id).step() != sqlite::Statement::Step::Row)
        return std::nullopt;
    auto const& row = m_statements->read_thumbnail;
    return Thumbnail { row.text(0), row.text(2), row.integer(1) };
}

PlayReport ScreenRegistry::report(const Date& since, std::int64_t since_time, const std::optional<std::string>& notice)
{
    std::lock_guard lock(m_mutex);
    PlayReport report;
    auto& plays = notice ? m_statements->report_notice : m_statements->report_all;
    {
        sqlite::StatementUse query(plays);
        query->bind(1, format_date(since));
        if (notice)
            query->bind(2, *notice);
        while (query->step() == sqlite::Statement::Step::Row) {
            report.rows.push_back(
                { plays.text(0), plays.text(1), plays.text(2), static_cast<std::uint64_t>(plays.integer(3)),
                    static_cast<std::uint64_t>(plays.integer(4)), static_cast<std::uint64_t>(plays.integer(5)) });
        }
    }
    sqlite::StatementUse query(m_statements->reporting_screens);
    query->bind(1, since_time);
    while (query->step() == sqlite::Statement::Step::Row)
        report.reporting.push_back(read_screen(m_statements->reporting_screens));
    return report;
}

std::int64_t ScreenRegistry::prune_plays(const Date& oldest_kept)
{
    std::lock_guard lock(m_mutex);
    sqlite::StatementUse prune(m_statements->prune);
    if (prune->bind(1, format_date(oldest_kept)).step() != sqlite::Statement::Step::Done)
        return 0;
    return m_database->changes();
}

Date local_date_of(std::int64_t unix_seconds)
{
    auto seconds = static_cast<std::time_t>(unix_seconds);
    std::tm parts {};
    localtime_r(&seconds, &parts);
    return Date { parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday };
}

std::int64_t local_midnight_of(const Date& date)
{
    std::tm parts {};
    parts.tm_year = date.year - 1900;
    parts.tm_mon = date.month - 1;
    parts.tm_mday = date.day;
    parts.tm_isdst = -1;
    return static_cast<std::int64_t>(std::mktime(&parts));
}

} // namespace hallboard
