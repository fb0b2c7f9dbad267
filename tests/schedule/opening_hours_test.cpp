// The screen's opening hours (display.on_hours): on or off at a second of the day, and the wait
// until that changes, at boundaries, across midnight, with touching and overlapping ranges.
#include "schedule_test_support.h"

#include "player/config/screen_config.h"
#include "player/schedule/opening_hours.h"

#include <cstdio>
#include <string>

using namespace hallboard;

namespace {

// "HH:MM:SS" -> second of the day.
int second_of(const char* text)
{
    int hour = 0, minute = 0, second = 0;
    int read = std::sscanf(text, "%d:%d:%d", &hour, &minute, &second);
    REQUIRE_MESSAGE(read == 3, text);
    return hour * 3600 + minute * 60 + second;
}

struct Case {
    const char* name;
    std::vector<TimeOfDayRange> on_hours;
    const char* now; // HH:MM:SS
    bool on;
    const char* next_switch; // HH:MM:SS on the clock face, today or tomorrow; nullptr: never
};

} // namespace

TEST_CASE("opening hours: on or off now, and when that changes")
{
    using test::hours;
    auto const day = hours({ "07:30-18:30" });
    auto const lunch = hours({ "07:30-12:00", "13:00-18:30" });
    auto const adjacent = hours({ "07:30-12:00", "12:00-18:30" });
    auto const night = hours({ "22:00-06:00" });
    Case const cases[] = {
        // No on_hours: always on, never a switch.
        { "always on at midnight", {}, "00:00:00", true, nullptr },
        { "always on at noon", {}, "12:00:00", true, nullptr },
        { "always on at the last second", {}, "23:59:59", true, nullptr },
        // One range: on at the start minute, off at the end minute.
        { "single: one second before opening", day, "07:29:59", false, "07:30:00" },
        { "single: at opening", day, "07:30:00", true, "18:30:00" },
        { "single: midday", day, "12:34:56", true, "18:30:00" },
        { "single: one second before closing", day, "18:29:59", true, "18:30:00" },
        { "single: at closing, off until tomorrow", day, "18:30:00", false, "07:30:00" },
        { "single: the last second of the day", day, "23:59:59", false, "07:30:00" },
        { "single: midnight", day, "00:00:00", false, "07:30:00" },
        // Two ranges with a lunch break.
        { "lunch: morning", lunch, "09:00:00", true, "12:00:00" },
        { "lunch: one second before the break", lunch, "11:59:59", true, "12:00:00" },
        { "lunch: the break begins", lunch, "12:00:00", false, "13:00:00" },
        { "lunch: one second before the afternoon", lunch, "12:59:59", false, "13:00:00" },
        { "lunch: afternoon", lunch, "13:00:00", true, "18:30:00" },
        { "lunch: evening", lunch, "20:00:00", false, "07:30:00" },
        // Touching ranges are one span: no switch at 12:00.
        { "adjacent: before the joint", adjacent, "11:59:59", true, "18:30:00" },
        { "adjacent: at the joint", adjacent, "12:00:00", true, "18:30:00" },
        { "adjacent, written in reverse order", hours({ "12:00-18:30", "07:30-12:00" }), "10:00:00", true, "18:30:00" },
        { "adjacent: before opening", adjacent, "07:00:00", false, "07:30:00" },
        // Overlapping and nested ranges.
        { "overlapping", hours({ "07:30-13:00", "12:00-18:30" }), "08:00:00", true, "18:30:00" },
        { "overlapping, inside both", hours({ "07:30-13:00", "12:00-18:30" }), "12:30:00", true, "18:30:00" },
        { "nested", hours({ "08:00-17:00", "09:00-10:00" }), "09:59:59", true, "17:00:00" },
        { "the same range twice", hours({ "08:00-17:00", "08:00-17:00" }), "16:59:59", true, "17:00:00" },
        // Past midnight.
        { "night: one second before", night, "21:59:59", false, "22:00:00" },
        { "night: at the start", night, "22:00:00", true, "06:00:00" },
        { "night: the last second before midnight", night, "23:59:59", true, "06:00:00" },
        { "night: midnight is no switch", night, "00:00:00", true, "06:00:00" },
        { "night: one second before the end", night, "05:59:59", true, "06:00:00" },
        { "night: at the end", night, "06:00:00", false, "22:00:00" },
        { "night with a day range too", hours({ "22:00-06:00", "12:00-13:00" }), "06:00:00", false, "12:00:00" },
        { "night written as two ranges", hours({ "22:00-24:00", "00:00-06:00" }), "23:59:59", true, "06:00:00" },
        // 24:00 as an end.
        { "until 24:00: the last second", hours({ "20:00-24:00" }), "23:59:59", true, "00:00:00" },
        { "until 24:00: midnight", hours({ "20:00-24:00" }), "00:00:00", false, "20:00:00" },
        { "from 00:00: midnight", hours({ "00:00-06:00" }), "00:00:00", true, "06:00:00" },
        { "from 00:00: the second before", hours({ "00:00-06:00" }), "23:59:59", false, "00:00:00" },
        { "off for one minute a day", hours({ "00:00-23:59" }), "23:59:00", false, "00:00:00" },
        { "on for one minute a day", hours({ "12:00-12:01" }), "12:00:30", true, "12:01:00" },
        // Covering the whole day: on, and never a switch.
        { "00:00-24:00", hours({ "00:00-24:00" }), "00:00:00", true, nullptr },
        { "00:00-24:00, last second", hours({ "00:00-24:00" }), "23:59:59", true, nullptr },
        { "day and night ranges that meet", hours({ "06:00-22:00", "22:00-06:00" }), "22:00:00", true, nullptr },
        { "night range that wraps onto itself", hours({ "06:00-05:00", "04:00-07:00" }), "05:30:00", true, nullptr },
    };
    for (auto const& test_case : cases) {
        SUBCASE(test_case.name)
        {
            int now = second_of(test_case.now);
            CHECK(screen_is_on(test_case.on_hours, now) == test_case.on);
            auto wait = seconds_until_switch(test_case.on_hours, now);
            if (!test_case.next_switch) {
                CHECK_FALSE(wait.has_value());
            } else {
                int at = second_of(test_case.next_switch);
                int expected = at > now ? at - now : at + seconds_per_day - now; // tomorrow when not later today
                REQUIRE(wait.has_value());
                CHECK(*wait == expected);
            }
        }
    }
}

TEST_CASE("opening hours: the wait agrees with a second-by-second walk")
{
    // Whatever the ranges, the state holds for exactly `wait` seconds and then flips.
    using test::hours;
    std::vector<TimeOfDayRange> const sets[] = {
        hours({ "07:30-18:30" }),
        hours({ "07:30-12:00", "13:00-18:30" }),
        hours({ "07:30-12:00", "12:00-18:30" }),
        hours({ "22:00-06:00", "12:00-13:00" }),
        hours({ "23:59-00:01" }),
        hours({ "00:00-00:01", "23:58-24:00" }),
    };
    for (auto const& on_hours : sets) {
        // Starting points spread over the day, at uneven seconds.
        for (int start = 11; start < seconds_per_day; start += 2963) {
            CAPTURE(start);
            bool const on = screen_is_on(on_hours, start);
            auto wait = seconds_until_switch(on_hours, start);
            REQUIRE(wait.has_value());
            int walked = 1;
            while (screen_is_on(on_hours, (start + walked) % seconds_per_day) == on && walked <= seconds_per_day)
                ++walked;
            CHECK(*wait == walked);
        }
    }
}

TEST_CASE("opening hours: a second outside the day is taken as the nearest one")
{
    auto const day = test::hours({ "07:30-18:30" });
    auto const until_midnight = test::hours({ "20:00-24:00" });
    // 23:59:60, a leap second, is still the last second of the day.
    CHECK(screen_is_on(until_midnight, seconds_per_day) == screen_is_on(until_midnight, seconds_per_day - 1));
    CHECK(seconds_until_switch(until_midnight, seconds_per_day)
        == seconds_until_switch(until_midnight, seconds_per_day - 1));
    CHECK(screen_is_on(day, -5) == screen_is_on(day, 0));
    CHECK(seconds_until_switch(day, -5) == seconds_until_switch(day, 0));
}

TEST_CASE("opening hours as field staff write them in a screen config")
{
    struct Case {
        const char* on_hours; // the YAML value of display.on_hours
        const char* now;
        bool on;
        std::optional<int> wait;
    };
    Case const cases[] = {
        { "\"07:30-12:00, 12:00-18:30\"", "12:00:00", true, 6 * 3600 + 30 * 60 },
        { "\"07:30-12:00, 13:30-18:30\"", "12:00:00", false, 90 * 60 },
        { "[\"22:00-06:00\"]", "23:00:00", true, 7 * 3600 },
        { "\"00:00-24:00\"", "03:00:00", true, std::nullopt },
    };
    for (auto const& test_case : cases) {
        SUBCASE(test_case.on_hours)
        {
            std::string yaml = "screen: {id: t-01, hall: 测试营业厅}\n"
                               "display: {fullscreen: false, on_hours: "
                + std::string(test_case.on_hours) + "}\ncontent: {source: .}\n";
            Diagnostics diagnostics;
            auto config = parse_screen_config(yaml, "screen.yaml", diagnostics);
            REQUIRE_MESSAGE(config, yaml);
            int now = second_of(test_case.now);
            CHECK(screen_is_on(config->on_hours, now) == test_case.on);
            CHECK(seconds_until_switch(config->on_hours, now) == test_case.wait);
        }
    }
}
