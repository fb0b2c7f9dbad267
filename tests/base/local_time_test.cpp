// Table-driven tests of the civil calendar and the strict date, time and duration parsers.
#include "base/local_time.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

using namespace hallboard;
using namespace std::chrono_literals;

TEST_CASE("parse_date accepts exactly YYYY-MM-DD of a real day")
{
    struct Case {
        const char* text;
        std::optional<Date> expected;
    };
    std::vector<Case> cases {
        { "2026-12-01", Date { 2026, 12, 1 } },
        { "2024-02-29", Date { 2024, 2, 29 } }, // leap year
        { "2000-02-29", Date { 2000, 2, 29 } }, // divisible by 400
        { "0001-01-01", Date { 1, 1, 1 } },
        { "9999-12-31", Date { 9999, 12, 31 } },
        { "2026-13-01", std::nullopt },
        { "2026-00-10", std::nullopt },
        { "2026-02-30", std::nullopt },
        { "2026-02-29", std::nullopt }, // not a leap year
        { "1900-02-29", std::nullopt }, // divisible by 100 only
        { "2026-04-31", std::nullopt },
        { "2026-01-00", std::nullopt },
        { "0000-01-01", std::nullopt },
        { "2026-1-01", std::nullopt },
        { "2026-01-1", std::nullopt },
        { "2026/01/01", std::nullopt },
        { " 2026-01-01", std::nullopt },
        { "2026-01-01 ", std::nullopt },
        { "20260101", std::nullopt },
        { "2026-0a-01", std::nullopt },
        { "+026-01-01", std::nullopt },
        { "", std::nullopt },
    };
    for (auto const& c : cases) {
        CAPTURE(c.text);
        CHECK(parse_date(c.text) == c.expected);
    }
}

TEST_CASE("parse_time_of_day accepts HH:MM and 24:00")
{
    struct Case {
        const char* text;
        std::optional<int> expected;
    };
    std::vector<Case> cases {
        { "00:00", 0 },
        { "09:00", 540 },
        { "08:30", 510 },
        { "23:59", 1439 },
        { "24:00", 1440 },
        { "24:01", std::nullopt },
        { "25:00", std::nullopt },
        { "12:60", std::nullopt },
        { "9:00", std::nullopt },
        { "09:0", std::nullopt },
        { "0900", std::nullopt },
        { "09.00", std::nullopt },
        { "09:00:00", std::nullopt },
        { "-1:00", std::nullopt },
        { "", std::nullopt },
    };
    for (auto const& c : cases) {
        CAPTURE(c.text);
        CHECK(parse_time_of_day(c.text) == c.expected);
    }
}

TEST_CASE("parse_date_time accepts a date or a date and a time")
{
    struct Case {
        const char* text;
        std::optional<LocalDateTime> expected;
    };
    std::vector<Case> cases {
        { "2026-12-01", LocalDateTime { { 2026, 12, 1 }, 0 } },
        { "2026-12-01 09:00", LocalDateTime { { 2026, 12, 1 }, 540 } },
        { "2026-12-01 23:59", LocalDateTime { { 2026, 12, 1 }, 1439 } },
        { "2026-12-01 24:00", std::nullopt }, // 24:00 only ends a range
        { "2026-12-01T09:00", std::nullopt },
        { "2026-12-01  09:00", std::nullopt },
        { "2026-12-01 9:00", std::nullopt },
        { "2026-02-30 09:00", std::nullopt },
        { "2026-12-01 09:00:00", std::nullopt },
    };
    for (auto const& c : cases) {
        CAPTURE(c.text);
        CHECK(parse_date_time(c.text) == c.expected);
    }
}

TEST_CASE("parse_time_range reads a start and an end")
{
    struct Case {
        const char* text;
        std::optional<TimeOfDayRange> expected;
    };
    std::vector<Case> cases {
        { "08:30-17:30", TimeOfDayRange { 510, 1050 } },
        { "08:30 - 17:30", TimeOfDayRange { 510, 1050 } },
        { "00:00-24:00", TimeOfDayRange { 0, 1440 } },
        { "22:00-06:00", TimeOfDayRange { 1320, 360 } },
        { "22:00-24:00", TimeOfDayRange { 1320, 1440 } },
        { "24:00-06:00", std::nullopt }, // 24:00 cannot start a range
        { "08:00-08:00", std::nullopt },
        { "8:30-17:30", std::nullopt },
        { "08:30–17:30", std::nullopt }, // en dash
        { "08:30", std::nullopt },
        { "08:30-17:30-18:00", std::nullopt },
        { "-", std::nullopt },
    };
    for (auto const& c : cases) {
        CAPTURE(c.text);
        CHECK(parse_time_range(c.text) == c.expected);
    }
}

TEST_CASE("TimeOfDayRange::contains treats the end as exclusive and wraps past midnight")
{
    struct Case {
        TimeOfDayRange range;
        int minute;
        bool expected;
    };
    std::vector<Case> cases {
        { { 510, 1050 }, 510, true },
        { { 510, 1050 }, 1049, true },
        { { 510, 1050 }, 1050, false },
        { { 510, 1050 }, 509, false },
        { { 1320, 360 }, 1400, true },
        { { 1320, 360 }, 0, true },
        { { 1320, 360 }, 359, true },
        { { 1320, 360 }, 360, false },
        { { 1320, 360 }, 720, false },
        { { 0, 1440 }, 0, true },
        { { 0, 1440 }, 1439, true },
    };
    for (auto const& c : cases) {
        CAPTURE(c.range.start_minute);
        CAPTURE(c.range.end_minute);
        CAPTURE(c.minute);
        CHECK(c.range.contains(c.minute) == c.expected);
    }
}

TEST_CASE("parse_duration reads integer and decimal values with a unit")
{
    struct Case {
        const char* text;
        std::optional<std::chrono::milliseconds> expected;
    };
    std::vector<Case> cases {
        { "8s", 8000ms },
        { "1500ms", 1500ms },
        { "2m", 120000ms },
        { "1.5s", 1500ms },
        { "0.5m", 30000ms },
        { "1h", 3600000ms },
        { "24h", 86400000ms },
        { "1440m", 86400000ms },
        { "1ms", 1ms },
        { "0s", std::nullopt },
        { "0ms", std::nullopt },
        { "0.0001s", std::nullopt },
        { "-5s", std::nullopt },
        { "24.5h", std::nullopt },
        { "25h", std::nullopt },
        { "86400001ms", std::nullopt },
        { "99999999999999999999999s", std::nullopt },
        { "8", std::nullopt },
        { "8 s", std::nullopt },
        { "8sec", std::nullopt },
        { "8S", std::nullopt },
        { "s", std::nullopt },
        { ".5s", std::nullopt },
        { "1.s", std::nullopt },
        { "1e3ms", std::nullopt },
        { "+8s", std::nullopt },
        { "", std::nullopt },
        { "8秒", std::nullopt },
    };
    for (auto const& c : cases) {
        CAPTURE(c.text);
        CHECK(parse_duration(c.text) == c.expected);
    }
}

TEST_CASE("parse_weekday reads mon..sun only")
{
    struct Case {
        const char* text;
        std::optional<Weekday> expected;
    };
    std::vector<Case> cases {
        { "mon", Weekday::Monday },
        { "tue", Weekday::Tuesday },
        { "wed", Weekday::Wednesday },
        { "thu", Weekday::Thursday },
        { "fri", Weekday::Friday },
        { "sat", Weekday::Saturday },
        { "sun", Weekday::Sunday },
        { "Mon", std::nullopt },
        { "monday", std::nullopt },
        { "周一", std::nullopt },
        { "", std::nullopt },
    };
    for (auto const& c : cases) {
        CAPTURE(c.text);
        CHECK(parse_weekday(c.text) == c.expected);
    }
}

TEST_CASE("weekday_of and the day counts agree with known dates")
{
    struct Case {
        Date date;
        long days;
        Weekday weekday;
    };
    std::vector<Case> cases {
        { { 1970, 1, 1 }, 0, Weekday::Thursday },
        { { 1969, 12, 31 }, -1, Weekday::Wednesday },
        { { 2000, 3, 1 }, 11017, Weekday::Wednesday },
        { { 2024, 2, 29 }, 19782, Weekday::Thursday },
        { { 2026, 1, 1 }, 20454, Weekday::Thursday },
        { { 2026, 12, 1 }, 20788, Weekday::Tuesday },
        { { 1900, 1, 1 }, -25567, Weekday::Monday },
    };
    for (auto const& c : cases) {
        CAPTURE(format_date(c.date));
        CHECK(days_from_civil(c.date) == c.days);
        CHECK(civil_from_days(c.days) == c.date);
        CHECK(weekday_of(c.date) == c.weekday);
    }
}

TEST_CASE("civil_from_days inverts days_from_civil over four centuries")
{
    // Every day from 1900 to 2300 crosses all leap-year rules; the day after a date is one more.
    long first = days_from_civil({ 1900, 1, 1 });
    long last = days_from_civil({ 2300, 12, 31 });
    Date previous = civil_from_days(first - 1);
    int weekday = static_cast<int>(weekday_of(previous));
    std::optional<long> first_bad_day;
    for (long day = first; day <= last && !first_bad_day; ++day) {
        Date date = civil_from_days(day);
        weekday = (weekday + 1) % 7;
        if (!is_valid_date(date) || days_from_civil(date) != day || !(date > previous)
            || static_cast<int>(weekday_of(date)) != weekday)
            first_bad_day = day;
        previous = date;
    }
    CHECK(first_bad_day == std::nullopt);
    CHECK(previous == Date { 2300, 12, 31 });
}

TEST_CASE("formatting")
{
    CHECK(format_date({ 2026, 3, 7 }) == "2026-03-07");
    CHECK(format_date_time({ { 2026, 12, 1 }, 9 * 60 + 5 }) == "2026-12-01 09:05");
    CHECK(format_date_time({ { 2026, 12, 1 }, 1439 }) == "2026-12-01 23:59");

    struct Case {
        Weekday weekday;
        const char* chinese;
    };
    std::vector<Case> cases {
        { Weekday::Monday, "星期一" },
        { Weekday::Tuesday, "星期二" },
        { Weekday::Wednesday, "星期三" },
        { Weekday::Thursday, "星期四" },
        { Weekday::Friday, "星期五" },
        { Weekday::Saturday, "星期六" },
        { Weekday::Sunday, "星期日" },
    };
    for (auto const& c : cases)
        CHECK(weekday_in_chinese(c.weekday) == c.chinese);
    // Round trip through the parser.
    for (auto text : { "2026-01-01 00:00", "1999-12-31 23:59", "2024-02-29 12:30" })
        CHECK(format_date_time(*parse_date_time(text)) == text);
}
