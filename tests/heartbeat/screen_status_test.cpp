// The rule that marks screens stale, behind, failing to sync or off in their clock, and how ages read.
#include "content/heartbeat/screen_status.h"

#include <doctest/doctest.h>

#include <vector>

using namespace hallboard;
using namespace std::chrono_literals;

TEST_CASE("screen status: stale after three of the screen's own intervals, behind below the current version")
{
    auto now = std::chrono::system_clock::time_point(1'800'000'000s);
    struct Case {
        const char* name;
        std::chrono::seconds age;      // since the last heartbeat
        std::chrono::seconds interval; // the screen's
        std::uint64_t version;
        std::uint64_t current;
        bool sync_failed;
        std::chrono::seconds skew;
        ScreenHealth expected;
        const char* described;
    };
    std::vector<Case> cases = {
        { "just heard from, current", 5s, 60s, 7, 7, false, 0s, {}, "ok" },
        { "exactly three intervals: not yet stale", 180s, 60s, 7, 7, false, 0s, {}, "ok" },
        { "a second past three intervals", 181s, 60s, 7, 7, false, 0s, { .stale = true }, "stale" },
        { "a short interval goes stale sooner", 4s, 1s, 7, 7, false, 0s, { .stale = true }, "stale" },
        { "a long interval stays fresh longer", 20min, 10min, 7, 7, false, 0s, {}, "ok" },
        { "one version behind", 5s, 60s, 6, 7, false, 0s, { .behind = true }, "behind" },
        { "ahead of the server (a rolled-back server) is not behind", 5s, 60s, 8, 7, false, 0s, {}, "ok" },
        { "nothing published yet: nobody is behind", 5s, 60s, 0, 0, false, 0s, {}, "ok" },
        { "never got content while the server has some", 5s, 60s, 0, 3, false, 0s, { .behind = true }, "behind" },
        { "last sync failed", 5s, 60s, 7, 7, true, 0s, { .sync_failing = true }, "sync failing" },
        { "clock two minutes ahead: tolerated", 5s, 60s, 7, 7, false, 120s, {}, "ok" },
        { "clock five minutes behind", 5s, 60s, 7, 7, false, -300s, { .clock_off = true }, "clock off" },
        { "everything wrong at once", 1h, 60s, 2, 7, true, 3600s, { true, true, true, true },
            "stale, behind, sync failing, clock off" },
    };
    for (auto const& item : cases) {
        SUBCASE(item.name)
        {
            ScreenObservation screen;
            screen.last_seen = now - item.age;
            screen.interval = item.interval;
            screen.version = item.version;
            screen.sync_failed = item.sync_failed;
            screen.clock_skew = item.skew;
            auto health = screen_status(screen, now, item.current);
            CHECK(health.stale == item.expected.stale);
            CHECK(health.behind == item.expected.behind);
            CHECK(health.sync_failing == item.expected.sync_failing);
            CHECK(health.clock_off == item.expected.clock_off);
            CHECK(health.ok() == item.expected.ok());
            CHECK(describe(health) == item.described);
        }
    }
}

TEST_CASE("screen status: ages are written for people")
{
    auto now = std::chrono::system_clock::time_point(1'800'000'000s);
    struct Case {
        std::chrono::seconds age;
        const char* expected;
    };
    std::vector<Case> cases = {
        { 0s, "just now" },
        { 1s, "1 s ago" },
        { 12s, "12 s ago" },
        { 119s, "119 s ago" },
        { 120s, "2 min ago" },
        { 119min, "119 min ago" },
        { 2h, "2 h ago" },
        { 47h, "47 h ago" },
        { 48h, "2 days ago" },
        { -1s, "just now" },
        { -10s, "in the future" },
    };
    for (auto const& item : cases) {
        CAPTURE(item.age.count());
        CHECK(describe_age(now - item.age, now) == item.expected);
    }
}
