// The screen registry in a real SQLite file: upserts, the larger-total rule for plays, reopening,
// retention, the bound on screens, thumbnails and the proof-of-play report.
#include "content/server/screen_registry.h"
#include "server_test_support.h"

#include <doctest/doctest.h>
#include <sqlite3.h>

using namespace hallboard;

namespace {

constexpr std::int64_t t0 = 1'795'000'000; // 2026-11-18, the tests' "now"
constexpr Date today { 2026, 11, 23 };

Heartbeat heartbeat_of(const std::string& screen, const std::string& hall = "城西供电营业厅", std::uint64_t version = 7)
{
    Heartbeat heartbeat;
    heartbeat.screen = screen;
    heartbeat.hall = hall;
    heartbeat.version = version;
    heartbeat.current_notice = "tariff-residential";
    heartbeat.uptime_s = 3600;
    heartbeat.interval_s = 60;
    heartbeat.sent_at = "2026-11-23T10:00:00Z";
    heartbeat.sync = { SyncResult::Ok, "", "2026-11-23T09:59:30Z" };
    return heartbeat;
}

std::unique_ptr<ScreenRegistry> open_registry(const test::TempFolder& folder, ScreenRegistryLimits limits = {})
{
    auto registry = ScreenRegistry::open(folder.path() / "state" / "screens.sqlite", limits, t0);
    INFO((registry ? std::string() : registry.error()));
    REQUIRE(registry);
    return std::move(*registry);
}

HeartbeatRecorded record(
    ScreenRegistry& registry, const Heartbeat& heartbeat, std::int64_t now = t0, const char* remote = "10.1.2.31")
{
    auto result = registry.record(heartbeat, remote, now, today);
    INFO(result.error);
    REQUIRE(result.outcome == HeartbeatOutcome::Stored);
    return result;
}

} // namespace

TEST_CASE("screen registry: a play total is kept as the larger of what was stored and what came")
{
    struct Case {
        const char* name;
        std::uint64_t stored_count, stored_seconds;
        std::uint64_t sent_count, sent_seconds;
        std::uint64_t kept_count, kept_seconds;
    };
    std::vector<Case> cases = {
        { "the day goes on: larger totals replace", 10, 100, 12, 120, 12, 120 },
        { "the player restarted: smaller totals do not subtract", 50, 500, 3, 30, 50, 500 },
        { "the same totals again change nothing", 10, 100, 10, 100, 10, 100 },
        { "more showings of shorter time still win (count first)", 10, 100, 11, 90, 11, 90 },
        { "same count, longer time wins", 10, 100, 10, 105, 10, 105 },
        { "same count, shorter time loses", 10, 100, 10, 95, 10, 100 },
    };
    for (auto const& item : cases) {
        SUBCASE(item.name)
        {
            test::TempFolder folder;
            auto registry = open_registry(folder);
            auto heartbeat = heartbeat_of("hz-chengxi-01");
            heartbeat.plays = { { today, "tariff-residential", item.stored_count, item.stored_seconds } };
            record(*registry, heartbeat);
            heartbeat.plays = { { today, "tariff-residential", item.sent_count, item.sent_seconds } };
            record(*registry, heartbeat, t0 + 60);
            auto report = registry->report(today, 0, std::nullopt);
            REQUIRE(report.rows.size() == 1);
            CHECK(report.rows[0].count == item.kept_count);
            CHECK(report.rows[0].seconds == item.kept_seconds);
        }
    }
}

TEST_CASE("screen registry: the last heartbeat replaces the screen's row; first_seen and the count stay")
{
    test::TempFolder folder;
    auto registry = open_registry(folder);
    auto first = record(*registry, heartbeat_of("hz-chengxi-01"), t0);
    CHECK(first.new_screen);
    CHECK(first.previous_remote.empty());
    auto later = heartbeat_of("hz-chengxi-01", "城西供电营业厅（新址）", 8);
    later.current_notice.reset();
    later.sync = { SyncResult::Failed, "connection refused", "2026-11-23T10:05:00Z" };
    later.interval_s = 30;
    record(*registry, later, t0 + 300);

    auto screen = registry->screen("hz-chengxi-01");
    REQUIRE(screen);
    CHECK(screen->hall == "城西供电营业厅（新址）");
    CHECK(screen->version == 8);
    CHECK_FALSE(screen->current_notice);
    CHECK(screen->interval_s == 30);
    CHECK(screen->sync == later.sync);
    CHECK(screen->first_seen == t0);
    CHECK(screen->last_seen == t0 + 300);
    CHECK(screen->heartbeats == 2);
    CHECK(screen->remote == "10.1.2.31");
    CHECK_FALSE(registry->screen("hz-other"));

    // Another address under the same id: a moved screen, or two screens sharing one config.
    auto moved = record(*registry, later, t0 + 360, "10.1.2.40");
    CHECK_FALSE(moved.new_screen);
    CHECK(moved.previous_remote == "10.1.2.31");
    CHECK(record(*registry, later, t0 + 420, "10.1.2.40").previous_remote.empty());
    CHECK(registry->screen("hz-chengxi-01")->remote == "10.1.2.40");
}

TEST_CASE("screen registry: everything is still there after the server restarts")
{
    test::TempFolder folder;
    {
        auto registry = open_registry(folder);
        auto heartbeat = heartbeat_of("hz-chengxi-01");
        heartbeat.plays = { { today, "tariff-residential", 12, 240 } };
        record(*registry, heartbeat);
        record(*registry, heartbeat_of("hz-binjiang-01", "滨江供电营业厅"));
        REQUIRE(registry->request_thumbnail("hz-chengxi-01"));
        REQUIRE(
            registry->store_thumbnail("hz-chengxi-01", "image/png", "\x89PNG fake", t0) == ThumbnailOutcome::Stored);
        REQUIRE(registry->request_thumbnail("hz-binjiang-01"));
    }
    CHECK(folder.exists("state/screens.sqlite"));
    auto registry = open_registry(folder);
    auto screens = registry->screens();
    REQUIRE(screens.size() == 2);
    CHECK(screens[0].screen == "hz-chengxi-01"); // by hall: 城 (U+57CE) before 滨 (U+6EE8)
    CHECK(screens[1].screen == "hz-binjiang-01");
    CHECK(screens[0].thumbnail_taken_at == t0);
    CHECK_FALSE(screens[0].thumbnail_requested);
    CHECK(screens[1].thumbnail_requested); // still pending
    auto report = registry->report(today, 0, std::nullopt);
    REQUIRE(report.rows.size() == 1);
    CHECK(report.rows[0].count == 12);
    auto thumbnail = registry->thumbnail("hz-chengxi-01");
    REQUIRE(thumbnail);
    CHECK(thumbnail->bytes == "\x89PNG fake");
    CHECK(thumbnail->content_type == "image/png");
}

TEST_CASE("screen registry: plays outside the retention window are ignored, and old ones pruned")
{
    test::TempFolder folder;
    auto registry = open_registry(folder, { 10000, 30 });
    auto heartbeat = heartbeat_of("hz-chengxi-01");
    heartbeat.plays = {
        { { 2026, 10, 24 }, "a", 1, 1 }, // today - 30: the oldest kept
        { { 2026, 10, 23 }, "b", 1, 1 }, // today - 31: too old
        { { 2026, 11, 24 }, "c", 1, 1 }, // tomorrow: a screen east of the server
        { { 2026, 11, 25 }, "d", 1, 1 }, // the day after: a clock that is wrong
        { { 2001, 1, 1 }, "e", 1, 1 },   // a screen whose clock battery died
    };
    auto result = registry->record(heartbeat, "10.1.2.31", t0, today);
    CHECK(result.outcome == HeartbeatOutcome::Stored);
    CHECK(result.plays_ignored == 3);
    auto report = registry->report({ 2000, 1, 1 }, 0, std::nullopt);
    REQUIRE(report.rows.size() == 2);
    CHECK(report.rows[0].notice == "a");
    CHECK(report.rows[1].notice == "c");

    CHECK(registry->prune_plays({ 2026, 11, 1 }) == 1);
    report = registry->report({ 2000, 1, 1 }, 0, std::nullopt);
    REQUIRE(report.rows.size() == 1);
    CHECK(report.rows[0].notice == "c");
}

TEST_CASE("screen registry: heartbeats of new screens beyond the bound are refused, known screens go on")
{
    test::TempFolder folder;
    auto registry = open_registry(folder, { 2, 400 });
    // Two heartbeats each: confirmed screens, which a new id cannot push out (see
    // screen_registry_eviction_test.cpp for the ones it can).
    for (auto when : { t0, t0 + 60 }) {
        record(*registry, heartbeat_of("screen-1"), when);
        record(*registry, heartbeat_of("screen-2"), when);
    }
    CHECK(registry->record(heartbeat_of("screen-3"), "10.0.0.3", t0 + 60, today).outcome
        == HeartbeatOutcome::TooManyScreens);
    record(*registry, heartbeat_of("screen-1"), t0 + 120);
    CHECK(registry->forget("screen-2"));
    CHECK_FALSE(registry->forget("screen-2"));
    record(*registry, heartbeat_of("screen-3"), t0 + 120);
    record(*registry, heartbeat_of("screen-3"), t0 + 180);
    CHECK(registry->screens().size() == 2);

    // The bound holds across a restart: the count is read back from the file.
    registry.reset();
    registry = open_registry(folder, { 2, 400 });
    CHECK(
        registry->record(heartbeat_of("screen-4"), "10.0.0.4", t0, today).outcome == HeartbeatOutcome::TooManyScreens);
}

TEST_CASE("screen registry: a thumbnail is taken only when one was asked for")
{
    test::TempFolder folder;
    auto registry = open_registry(folder);
    CHECK_FALSE(registry->request_thumbnail("hz-chengxi-01")); // no such screen yet
    CHECK(registry->store_thumbnail("hz-chengxi-01", "image/png", "x", t0) == ThumbnailOutcome::UnknownScreen);
    record(*registry, heartbeat_of("hz-chengxi-01"));
    CHECK(registry->store_thumbnail("hz-chengxi-01", "image/png", "x", t0) == ThumbnailOutcome::NotRequested);
    CHECK_FALSE(registry->thumbnail("hz-chengxi-01"));

    REQUIRE(registry->request_thumbnail("hz-chengxi-01"));
    auto answer = registry->record(heartbeat_of("hz-chengxi-01"), "10.1.2.31", t0 + 60, today);
    CHECK(answer.thumbnail_requested);
    CHECK(registry->store_thumbnail("hz-chengxi-01", "image/jpeg", "first", t0 + 61) == ThumbnailOutcome::Stored);
    answer = registry->record(heartbeat_of("hz-chengxi-01"), "10.1.2.31", t0 + 120, today);
    CHECK_FALSE(answer.thumbnail_requested);
    CHECK(
        registry->store_thumbnail("hz-chengxi-01", "image/jpeg", "second", t0 + 121) == ThumbnailOutcome::NotRequested);
    auto thumbnail = registry->thumbnail("hz-chengxi-01");
    REQUIRE(thumbnail);
    CHECK(thumbnail->bytes == "first");
    CHECK(thumbnail->taken_at == t0 + 61);

    CHECK(registry->forget("hz-chengxi-01"));
    CHECK_FALSE(registry->thumbnail("hz-chengxi-01"));
}

TEST_CASE("screen registry: the report sums days per notice and screen, and knows who reported")
{
    test::TempFolder folder;
    auto registry = open_registry(folder);
    auto a = heartbeat_of("hz-chengxi-01", "城西供电营业厅");
    a.plays = { { { 2026, 11, 21 }, "tariff", 5, 50 }, { { 2026, 11, 22 }, "tariff", 10, 100 },
        { today, "tariff", 1, 10 }, { today, "hotlines", 2, 16 } };
    record(*registry, a, t0);
    auto b = heartbeat_of("hz-binjiang-01", "滨江供电营业厅");
    b.plays = { { today, "hotlines", 3, 24 } };
    record(*registry, b, t0 + 10);
    record(*registry, heartbeat_of("hz-xiaoshan-01", "萧山供电营业厅"), t0 - 86400); // silent since yesterday

    auto report = registry->report({ 2026, 11, 22 }, t0 - 3600, std::nullopt);
    REQUIRE(report.rows.size() == 3);
    CHECK(report.rows[0].notice == "hotlines");
    CHECK(report.rows[0].screen == "hz-chengxi-01"); // 城 before 滨
    CHECK(report.rows[1].notice == "hotlines");
    CHECK(report.rows[1].screen == "hz-binjiang-01");
    CHECK(report.rows[1].hall == "滨江供电营业厅");
    CHECK(report.rows[2].notice == "tariff");
    CHECK(report.rows[2].count == 11); // the 21st is before the report's first day
    CHECK(report.rows[2].seconds == 110);
    CHECK(report.rows[2].days == 2);
    REQUIRE(report.reporting.size() == 2);
    CHECK(report.reporting[0].screen == "hz-chengxi-01");
    CHECK(report.reporting[1].screen == "hz-binjiang-01");

    auto one = registry->report({ 2026, 11, 22 }, t0 - 3600, std::string("tariff"));
    REQUIRE(one.rows.size() == 1);
    CHECK(one.rows[0].screen == "hz-chengxi-01");
    CHECK(registry->report({ 2026, 11, 22 }, t0 - 3600, std::string("no-such")).rows.empty());
}

TEST_CASE("screen registry: files it must not use are refused with the reason")
{
    test::TempFolder folder;
    SUBCASE("a database of a newer schema")
    {
        auto file = folder.path() / "screens.sqlite";
        sqlite3* handle = nullptr;
        REQUIRE(sqlite3_open(file.c_str(), &handle) == SQLITE_OK);
        REQUIRE(sqlite3_exec(handle, "PRAGMA user_version=99", nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(handle);
        auto registry = ScreenRegistry::open(file, {}, t0);
        REQUIRE_FALSE(registry);
        CHECK(registry.error().find("newer Hallboard") != std::string::npos);
    }
    SUBCASE("a file that is not a database")
    {
        auto file = folder.write("screens.sqlite", std::string(4096, 'x'));
        auto registry = ScreenRegistry::open(file, {}, t0);
        REQUIRE_FALSE(registry);
        CHECK(registry.error().find("screens.sqlite") != std::string::npos);
    }
    SUBCASE("a folder that cannot be created")
    {
        folder.write("state", "a file where the folder should be");
        auto registry = ScreenRegistry::open(folder.path() / "state" / "screens.sqlite", {}, t0);
        REQUIRE_FALSE(registry);
        CHECK(registry.error().find("cannot create") != std::string::npos);
    }
}

TEST_CASE("local dates and midnights on the server's clock agree")
{
    for (Date date : { Date { 2026, 11, 23 }, Date { 2026, 1, 1 }, Date { 2024, 2, 29 } }) {
        auto midnight = local_midnight_of(date);
        CHECK(local_date_of(midnight) == date);
        CHECK(local_date_of(midnight - 1) < date);
        CHECK(local_date_of(midnight + 86399) == date);
    }
}
