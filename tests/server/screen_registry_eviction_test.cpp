// A flood of made-up screen ids cannot lock real screens out: never-confirmed and long-silent
// screens give their place to new ones, and each address may introduce only so many ids a minute.
#include "content/server/new_screen_limiter.h"
#include "content/server/screen_registry.h"
#include "server_test_support.h"

#include <doctest/doctest.h>

using namespace hallboard;

namespace {

constexpr std::int64_t t0 = 1'795'000'000;
constexpr Date today { 2026, 11, 23 };

Heartbeat heartbeat_of(const std::string& screen)
{
    Heartbeat heartbeat;
    heartbeat.screen = screen;
    heartbeat.hall = "城西供电营业厅";
    heartbeat.sent_at = "2026-11-23T10:00:00Z";
    heartbeat.plays = { { today, "tariff-residential", 3, 60 } };
    return heartbeat;
}

std::unique_ptr<ScreenRegistry> open_registry(
    const test::TempFolder& folder, std::size_t max_screens, int per_minute = 1000)
{
    ScreenRegistryLimits limits;
    limits.max_screens = max_screens;
    limits.evict_silent_after_s = 7 * 86400;
    limits.new_screens.per_minute = per_minute;
    auto registry = ScreenRegistry::open(folder.path() / "screens.sqlite", limits, t0);
    INFO((registry ? std::string() : registry.error()));
    REQUIRE(registry);
    return std::move(*registry);
}

HeartbeatOutcome send(
    ScreenRegistry& registry, const std::string& screen, std::int64_t now, const char* remote = "10.0.0.66")
{
    return registry.record(heartbeat_of(screen), remote, now, today).outcome;
}

bool has_plays_of(ScreenRegistry& registry, const std::string& screen)
{
    for (auto const& row : registry.report(today, 0, std::nullopt).rows)
        if (row.screen == screen)
            return true;
    return false;
}

} // namespace

TEST_CASE("screen registry at its bound: a flood of one-heartbeat ids gives way to a real new screen")
{
    test::TempFolder folder;
    auto registry = open_registry(folder, 5);
    // A real screen, confirmed by its second heartbeat, then a flood fills the rest.
    CHECK(send(*registry, "hz-real-01", t0, "10.0.0.7") == HeartbeatOutcome::Stored);
    CHECK(send(*registry, "hz-real-01", t0 + 60, "10.0.0.7") == HeartbeatOutcome::Stored);
    for (int i = 0; i < 20; ++i)
        CHECK(send(*registry, "fake-" + std::to_string(i), t0 + 100 + i) == HeartbeatOutcome::Stored);
    // Each fake pushed out the oldest fake; the confirmed screen stayed.
    auto screens = registry->screens();
    CHECK(screens.size() == 5);
    CHECK(registry->screen("hz-real-01"));
    CHECK_FALSE(registry->screen("fake-15"));
    CHECK(registry->screen("fake-16"));

    // A real new screen after the flood is taken, in the place of the oldest fake, whose one
    // heartbeat's plays go with it.
    auto recorded = registry->record(heartbeat_of("hz-real-02"), "10.0.0.8", t0 + 300, today);
    CHECK(recorded.outcome == HeartbeatOutcome::Stored);
    CHECK(recorded.evicted == "fake-16");
    CHECK_FALSE(has_plays_of(*registry, "fake-16"));
    CHECK(has_plays_of(*registry, "fake-19"));
    CHECK(registry->screens().size() == 5);
    // Its second heartbeat confirms it: from now on the fakes go first.
    CHECK(send(*registry, "hz-real-02", t0 + 360, "10.0.0.8") == HeartbeatOutcome::Stored);
    for (int i = 20; i < 30; ++i)
        CHECK(send(*registry, "fake-" + std::to_string(i), t0 + 400 + i) == HeartbeatOutcome::Stored);
    CHECK(registry->screen("hz-real-01"));
    CHECK(registry->screen("hz-real-02"));
}

TEST_CASE("screen registry at its bound: confirmed screens stay until they have been silent a week")
{
    test::TempFolder folder;
    auto registry = open_registry(folder, 3);
    struct Screen {
        const char* id;
        std::int64_t last_heard; // seconds after t0 of its second heartbeat
    };
    const Screen screens[] = { { "hz-a", 100 }, { "hz-b", 50 }, { "hz-c", 200 } };
    for (auto const& screen : screens) {
        CHECK(send(*registry, screen.id, t0, "10.0.0.1") == HeartbeatOutcome::Stored);
        CHECK(send(*registry, screen.id, t0 + screen.last_heard, "10.0.0.1") == HeartbeatOutcome::Stored);
    }
    struct Case {
        std::int64_t at;          // seconds after t0
        HeartbeatOutcome outcome; // of a new screen's heartbeat then
        const char* evicted;
    };
    const Case cases[] = {
        { 3600, HeartbeatOutcome::TooManyScreens, "" },
        { 7 * 86400 + 49, HeartbeatOutcome::TooManyScreens, "" }, // hz-b silent just under a week
        { 7 * 86400 + 51, HeartbeatOutcome::Stored, "hz-b" },     // the longest silent goes first
    };
    for (auto const& item : cases) {
        CAPTURE(item.at);
        auto recorded = registry->record(heartbeat_of("hz-new"), "10.0.0.9", t0 + item.at, today);
        CHECK(recorded.outcome == item.outcome);
        CHECK(recorded.evicted == item.evicted);
    }
    CHECK_FALSE(registry->screen("hz-b"));
    CHECK(registry->screen("hz-a"));
    // A real screen's plays are history: they stay when it is forgotten.
    CHECK(has_plays_of(*registry, "hz-b"));
    CHECK(registry->screens().size() == 3);
}

TEST_CASE("screen registry: each address introduces at most so many new ids a minute; known screens are never limited")
{
    test::TempFolder folder;
    auto registry = open_registry(folder, 100, 3); // 3 a minute: one every 20 s, or 3 at once
    struct Step {
        const char* screen;
        const char* remote;
        std::int64_t at;
        HeartbeatOutcome outcome;
        std::int64_t retry_after_s;
    };
    const Step steps[] = {
        { "new-1", "10.0.0.66", 0, HeartbeatOutcome::Stored, 0 },
        { "new-2", "10.0.0.66", 0, HeartbeatOutcome::Stored, 0 },
        { "new-3", "10.0.0.66", 1, HeartbeatOutcome::Stored, 0 },
        { "new-4", "10.0.0.66", 1, HeartbeatOutcome::TooManyNewScreens, 19 },
        { "new-1", "10.0.0.66", 2, HeartbeatOutcome::Stored, 0 },  // known: not limited
        { "other-1", "10.0.0.7", 2, HeartbeatOutcome::Stored, 0 }, // another address
        { "new-4", "10.0.0.66", 19, HeartbeatOutcome::TooManyNewScreens, 1 },
        { "new-4", "10.0.0.66", 20, HeartbeatOutcome::Stored, 0 },
        { "new-5", "10.0.0.66", 21, HeartbeatOutcome::TooManyNewScreens, 19 },
        { "new-5", "10.0.0.66", 200, HeartbeatOutcome::Stored, 0 },
    };
    for (auto const& step : steps) {
        CAPTURE(step.screen);
        CAPTURE(step.at);
        auto recorded = registry->record(heartbeat_of(step.screen), step.remote, t0 + step.at, today);
        CHECK(recorded.outcome == step.outcome);
        CHECK(recorded.retry_after_s == step.retry_after_s);
        CHECK(registry->screen(step.screen).has_value() == (step.outcome == HeartbeatOutcome::Stored));
    }
}

TEST_CASE("new screen limiter: bookings per address, IPv6 by /64, a bounded table")
{
    SUBCASE("addresses and their keys")
    {
        struct Case {
            const char* address;
            const char* key;
        };
        const Case cases[] = {
            { "10.1.2.31", "10.1.2.31" },
            { "2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64" },
            { "2001:db8:1:2::1", "2001:db8:1:2::/64" },
            { "::1", "::/64" },
            { "not an address", "not an address" },
        };
        for (auto const& c : cases) {
            CAPTURE(c.address);
            CHECK(address_key(c.address) == c.key);
        }
    }
    SUBCASE("two hosts in one IPv6 /64 share a budget")
    {
        NewScreenLimiter limiter({ 2, 100 });
        CHECK(limiter.admit("2001:db8::1", t0) == 0);
        CHECK(limiter.admit("2001:db8::2", t0) == 0);
        CHECK(limiter.admit("2001:db8::3", t0) == 30);
        CHECK(limiter.admit("2001:db8:0:1::1", t0) == 0);
    }
    SUBCASE("the table forgets idle addresses, and when all are busy it waits rather than grows")
    {
        NewScreenLimiter limiter({ 1, 2 });
        CHECK(limiter.admit("10.0.0.1", t0) == 0);
        CHECK(limiter.admit("10.0.0.2", t0) == 0);
        CHECK(limiter.admit("10.0.0.3", t0 + 10) == 60); // both booked a minute ahead
        CHECK(limiter.remembered() == 2);
        CHECK(limiter.admit("10.0.0.3", t0 + 60) == 0); // both idle now: forgotten
        CHECK(limiter.remembered() == 1);
    }
}
