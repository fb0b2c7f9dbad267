// Proof-of-play counting: per day and notice, summed time in whole seconds, old days dropped.
#include "player/status/play_counter.h"

#include <doctest/doctest.h>

#include <atomic>
#include <thread>
#include <vector>

using namespace hallboard;
using namespace std::chrono_literals;

namespace {

struct Showing {
    Date date;
    const char* notice;
    std::chrono::milliseconds shown;
};

std::vector<PlayTotal> count(const std::vector<Showing>& showings, int days_kept = PlayCounter::default_days_kept)
{
    PlayCounter counter(days_kept);
    for (auto const& showing : showings)
        counter.record(showing.date, showing.notice, showing.shown);
    return counter.totals();
}

constexpr Date nov22 { 2026, 11, 22 };
constexpr Date nov23 { 2026, 11, 23 };

} // namespace

TEST_CASE("play counter: totals per day and notice")
{
    struct Case {
        const char* name;
        std::vector<Showing> showings;
        int days_kept;
        std::vector<PlayTotal> expected; // by date, then notice
    };
    std::vector<Case> cases = {
        { "nothing shown", {}, 7, {} },
        { "one notice, three showings",
            { { nov23, "tariff", 10s }, { nov23, "tariff", 10s }, { nov23, "tariff", 12s } }, 7,
            { { nov23, "tariff", 3, 32 } } },
        { "milliseconds add up before they are cut to seconds",
            { { nov23, "flow", 1500ms }, { nov23, "flow", 1500ms }, { nov23, "flow", 999ms } }, 7,
            { { nov23, "flow", 3, 3 } } },
        { "two notices, sorted by id", { { nov23, "tariff", 8s }, { nov23, "hotlines", 5s } }, 7,
            { { nov23, "hotlines", 1, 5 }, { nov23, "tariff", 1, 8 } } },
        { "two days kept apart", { { nov22, "tariff", 8s }, { nov23, "tariff", 9s } }, 7,
            { { nov22, "tariff", 1, 8 }, { nov23, "tariff", 1, 9 } } },
        { "showings of no time are not showings", { { nov23, "tariff", 0ms }, { nov23, "tariff", -5ms } }, 7, {} },
        { "days before the kept ones are dropped when a later day is recorded",
            { { { 2026, 11, 20 }, "tariff", 8s }, { { 2026, 11, 21 }, "tariff", 8s }, { nov23, "tariff", 8s } }, 3,
            { { { 2026, 11, 21 }, "tariff", 1, 8 }, { nov23, "tariff", 1, 8 } } },
        { "a clock set back a year forgets the days counted in the future",
            { { { 2027, 11, 23 }, "tariff", 8s }, { nov23, "tariff", 8s } }, 7, { { nov23, "tariff", 1, 8 } } },
        { "the day before keeps counting after midnight (a slide that began before it)",
            { { nov23, "tariff", 8s }, { nov22, "flow", 8s } }, 7,
            { { nov22, "flow", 1, 8 }, { nov23, "tariff", 1, 8 } } },
        { "across the month and year boundary",
            { { { 2026, 12, 31 }, "tariff", 8s }, { { 2027, 1, 1 }, "tariff", 8s } }, 2,
            { { { 2026, 12, 31 }, "tariff", 1, 8 }, { { 2027, 1, 1 }, "tariff", 1, 8 } } },
    };
    for (auto const& item : cases) {
        SUBCASE(item.name)
        {
            auto totals = count(item.showings, item.days_kept);
            REQUIRE(totals.size() == item.expected.size());
            for (size_t i = 0; i < totals.size(); ++i) {
                CAPTURE(i);
                CHECK(totals[i] == item.expected[i]);
            }
        }
    }
}

TEST_CASE("play counter: a week of a busy hall stays bounded")
{
    PlayCounter counter(7);
    // 60 days, 40 notices, one 10-second showing each per minute of a 12-hour day.
    for (int day = 0; day < 60; ++day) {
        auto date = civil_from_days(days_from_civil(nov23) + day);
        for (int minute = 0; minute < 12 * 60; ++minute)
            counter.record(date, "notice-" + std::to_string(minute % 40), 10s);
    }
    auto totals = counter.totals();
    CHECK(totals.size() == 7 * 40);
    CHECK(totals.front().date == civil_from_days(days_from_civil(nov23) + 53));
    CHECK(totals.back().date == civil_from_days(days_from_civil(nov23) + 59));
    for (auto const& total : totals) {
        CHECK(total.count == 18); // 720 minutes over 40 notices
        CHECK(total.seconds == 180);
    }
}

TEST_CASE("play counter: recording and reading on two threads")
{
    PlayCounter counter;
    std::atomic<bool> done { false };
    std::thread reader([&] {
        while (!done) {
            auto totals = counter.totals();
            for (auto const& total : totals)
                CHECK(total.seconds == total.count);
        }
    });
    for (int i = 0; i < 20000; ++i)
        counter.record(nov23, i % 2 ? "a" : "b", 1s);
    done = true;
    reader.join();
    auto totals = counter.totals();
    REQUIRE(totals.size() == 2);
    CHECK(totals[0].count + totals[1].count == 20000);
}
