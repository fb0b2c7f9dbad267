// The screen's opening hours (display.on_hours): on or off at a second of the day, and the wait
// until that changes, at boundaries, across midnight, with touching and overlapping ranges; hours
// by weekday; public holidays and make-up working days of the content's calendar.
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

// The one-range form: the same hours every day; no ranges is no display.on_hours (always on).
WeeklyHours every_day(const std::vector<TimeOfDayRange>& ranges)
{
    return ranges.empty() ? WeeklyHours {} : WeeklyHours::every_day(ranges);
}

Date const a_tuesday { 2026, 12, 1 };
HolidayCalendar const no_calendar;

bool is_on(const std::vector<TimeOfDayRange>& ranges, int second)
{
    return screen_is_on(every_day(ranges), no_calendar, a_tuesday, second);
}

std::optional<int> wait_from(const std::vector<TimeOfDayRange>& ranges, int second)
{
    return seconds_until_switch(every_day(ranges), no_calendar, a_tuesday, second);
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
            CHECK(is_on(test_case.on_hours, now) == test_case.on);
            auto wait = wait_from(test_case.on_hours, now);
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
            bool const on = is_on(on_hours, start);
            auto wait = wait_from(on_hours, start);
            REQUIRE(wait.has_value());
            int walked = 1;
            while (is_on(on_hours, (start + walked) % seconds_per_day) == on && walked <= seconds_per_day)
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
    CHECK(is_on(until_midnight, seconds_per_day) == is_on(until_midnight, seconds_per_day - 1));
    CHECK(wait_from(until_midnight, seconds_per_day) == wait_from(until_midnight, seconds_per_day - 1));
    CHECK(is_on(day, -5) == is_on(day, 0));
    CHECK(wait_from(day, -5) == wait_from(day, 0));
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
            CHECK(screen_is_on(config->on_hours, no_calendar, a_tuesday, now) == test_case.on);
            CHECK(seconds_until_switch(config->on_hours, no_calendar, a_tuesday, now) == test_case.wait);
        }
    }
}

namespace {

WeeklyHours config_hours(const std::string& on_hours)
{
    std::string yaml = "screen: {id: t-01, hall: 测试营业厅}\ndisplay:\n  fullscreen: false\n  on_hours: " + on_hours
        + "\ncontent: {source: .}\n";
    Diagnostics diagnostics;
    auto config = parse_screen_config(yaml, "screen.yaml", diagnostics);
    REQUIRE_MESSAGE(config, yaml);
    return config->on_hours;
}

HolidayCalendar calendar_of(const std::string& yaml)
{
    Diagnostics diagnostics;
    auto calendar = parse_calendar(yaml, "calendar.yaml", diagnostics);
    REQUIRE_MESSAGE(calendar, yaml);
    return *calendar;
}

// A hall open 08:30-17:30 on weekdays, 09:00-12:00 on Saturday, closed on Sunday and holidays.
std::string const weekly = "{mon-fri: \"08:30-17:30\", sat: \"09:00-12:00\", sun: off}";

std::string const golden_week = "holidays:\n"
                                "  - {name: 国庆节, from: 2026-10-01, until: 2026-10-07}\n"
                                "workdays:\n"
                                "  - {name: 国庆节调休, date: 2026-09-27, follows: fri}\n"
                                "  - {name: 国庆节调休, date: 2026-10-10}\n";

struct MomentCase {
    const char* moment; // "2026-12-05 13:00"
    bool on;
    const char* next_switch; // the local moment it changes; nullptr: not within the look-ahead
};

void check_moments(const WeeklyHours& hours, const HolidayCalendar& calendar, std::initializer_list<MomentCase> cases)
{
    for (auto const& test_case : cases) {
        CAPTURE(test_case.moment);
        auto moment = parse_date_time(test_case.moment);
        REQUIRE(moment);
        int second = moment->minute_of_day * 60;
        CHECK(screen_is_on(hours, calendar, moment->date, second) == test_case.on);
        auto wait = seconds_until_switch(hours, calendar, moment->date, second);
        if (!test_case.next_switch) {
            CHECK_FALSE(wait.has_value());
            continue;
        }
        auto next = parse_date_time(test_case.next_switch);
        REQUIRE(next);
        long expected = (days_from_civil(next->date) - days_from_civil(moment->date)) * seconds_per_day
            + (next->minute_of_day - moment->minute_of_day) * 60;
        REQUIRE(wait.has_value());
        CHECK(*wait == expected);
    }
}

} // namespace

TEST_CASE("opening hours by weekday: weekdays, a short Saturday, a closed Sunday")
{
    auto hours = config_hours(weekly);
    check_moments(hours, no_calendar,
        {
            { "2026-12-01 08:29", false, "2026-12-01 08:30" }, // Tuesday morning
            { "2026-12-01 12:00", true, "2026-12-01 17:30" },
            { "2026-12-04 17:30", false, "2026-12-05 09:00" }, // Friday evening: Saturday morning next
            { "2026-12-05 11:59", true, "2026-12-05 12:00" },  // Saturday
            { "2026-12-05 13:00", false, "2026-12-07 08:30" }, // Saturday afternoon: closed until Monday
            { "2026-12-06 10:00", false, "2026-12-07 08:30" }, // Sunday
        });
}

TEST_CASE("opening hours by weekday: a range past midnight belongs to the day it starts")
{
    auto hours = config_hours("{fri: \"20:00-02:00\"}");
    check_moments(hours, no_calendar,
        {
            { "2026-12-04 19:59", false, "2026-12-04 20:00" }, // Friday
            { "2026-12-05 01:59", true, "2026-12-05 02:00" },  // Saturday night is Friday's
            { "2026-12-05 20:00", false, "2026-12-11 20:00" }, // Saturday evening: the next Friday
            { "2026-12-04 01:00", false, "2026-12-04 20:00" }, // Thursday had no range past midnight
        });
}

TEST_CASE("opening hours on public holidays and make-up working days")
{
    auto calendar = calendar_of(golden_week);
    SUBCASE("the weekday form closes on holidays by default and opens on make-up days")
    {
        check_moments(config_hours(weekly), calendar,
            {
                { "2026-09-30 17:00", true, "2026-09-30 17:30" },  // the day before
                { "2026-10-01 10:00", false, "2026-10-08 08:30" }, // 国庆节, a Thursday
                { "2026-10-03 10:00", false, "2026-10-08 08:30" }, // a Saturday inside the holiday
                { "2026-09-27 17:00", true, "2026-09-27 17:30" },  // make-up Sunday, Friday's hours
                { "2026-10-10 15:00", true, "2026-10-10 17:30" },  // make-up Saturday, Monday's hours by default
            });
    }
    SUBCASE("holiday hours of their own")
    {
        auto hours = config_hours("{mon-fri: \"08:30-17:30\", sat-sun: off, holiday: \"10:00-15:00\"}");
        check_moments(hours, calendar,
            {
                { "2026-10-02 09:00", false, "2026-10-02 10:00" },
                { "2026-10-02 14:00", true, "2026-10-02 15:00" },
                { "2026-10-07 16:00", false, "2026-10-08 08:30" },
            });
    }
    SUBCASE("the one-range form means every day, holidays included")
    {
        check_moments(config_hours("\"07:30-18:30\""), calendar,
            {
                { "2026-10-01 10:00", true, "2026-10-01 18:30" },
            });
    }
    SUBCASE("no calendar: a holiday date is an ordinary day")
    {
        check_moments(config_hours(weekly), no_calendar,
            {
                { "2026-10-01 10:00", true, "2026-10-01 17:30" },
            });
    }
}

TEST_CASE("opening hours by weekday: mistakes get the line and a hint")
{
    struct Case {
        const char* on_hours;
        const char* message;
        const char* hint;
    };
    Case const cases[] = {
        { "{mon-fri: \"08:30-17:30\", fri: \"09:00-12:00\"}", "fri is given twice in 'on_hours'",
            "name each day once" },
        { "{mon-fir: \"08:30-17:30\"}", "'mon-fir' in 'on_hours' is not a day", "did you mean 'mon-fri'" },
        { "{tues: \"08:30-17:30\"}", "'tues' in 'on_hours' is not a day", "did you mean 'tue'" },
        { "{sat: \"09:00-12:60\"}", "'on_hours.sat' has a malformed time range '09:00-12:60'", "HH:MM-HH:MM" },
        { "{holiday: closed}", "'on_hours.holiday' has a malformed time range 'closed'", "HH:MM-HH:MM" },
    };
    for (auto const& test_case : cases) {
        SUBCASE(test_case.on_hours)
        {
            std::string yaml = "screen: {id: t-01, hall: 测试营业厅}\ndisplay:\n  fullscreen: false\n  on_hours: "
                + std::string(test_case.on_hours) + "\ncontent: {source: .}\n";
            Diagnostics diagnostics;
            CHECK_FALSE(parse_screen_config(yaml, "screen.yaml", diagnostics));
            REQUIRE(diagnostics.all().size() >= 1);
            auto const& first = diagnostics.all().front();
            CHECK(first.where.line == 4);
            CHECK_MESSAGE(first.message.find(test_case.message) != std::string::npos, first.message);
            CHECK_MESSAGE(first.hint.find(test_case.hint) != std::string::npos, first.hint);
        }
    }
}
