// Which notices are eligible: validity windows, weekdays, hours (across midnight) and tags.
#include "schedule_test_support.h"

#include "player/schedule/rotation.h"

using namespace hallboard;
using test::at;

namespace {

struct Case {
    const char* name;
    const char* valid_from = nullptr;
    const char* valid_until = nullptr;
    std::vector<Weekday> days = {};
    std::vector<TimeOfDayRange> hours = {};
    std::vector<std::string> notice_tags = {};
    std::vector<std::string> screen_tags = {};
    const char* now = "2026-12-01 10:00"; // a Tuesday
    bool expected = true;
};

} // namespace

TEST_CASE("eligibility")
{
    using test::days;
    using test::hours;
    std::vector<std::string> const lobby { "hangzhou", "lobby" };
    Case const cases[] = {
        { .name = "no constraints" },
        // Validity windows: both ends inclusive, to the minute.
        { .name = "before valid_from", .valid_from = "2026-12-01 00:00", .now = "2026-11-30 23:59", .expected = false },
        { .name = "at valid_from", .valid_from = "2026-12-01 00:00", .now = "2026-12-01 00:00" },
        { .name = "a minute before a timed valid_from",
            .valid_from = "2026-12-01 09:00",
            .now = "2026-12-01 08:59",
            .expected = false },
        { .name = "last minute of a valid_until date", .valid_until = "2026-12-01 23:59", .now = "2026-12-01 23:59" },
        { .name = "the day after valid_until",
            .valid_until = "2026-12-01 23:59",
            .now = "2026-12-02 00:00",
            .expected = false },
        { .name = "valid_until across the year",
            .valid_until = "2026-12-31 23:59",
            .now = "2027-01-01 00:00",
            .expected = false },
        { .name = "at a timed valid_until", .valid_until = "2026-12-01 09:00", .now = "2026-12-01 09:00" },
        { .name = "a minute after a timed valid_until",
            .valid_until = "2026-12-01 09:00",
            .now = "2026-12-01 09:01",
            .expected = false },
        { .name = "inside a window",
            .valid_from = "2026-11-20 00:00",
            .valid_until = "2026-12-10 23:59",
            .now = "2026-12-01 10:00" },
        { .name = "leap day: before", .valid_from = "2024-02-29 00:00", .now = "2024-02-28 12:00", .expected = false },
        { .name = "leap day: after", .valid_from = "2024-02-29 00:00", .now = "2024-03-01 12:00" },
        // Weekdays.
        { .name = "working days on a Saturday",
            .days = days({ "mon", "tue", "wed", "thu", "fri" }),
            .now = "2026-12-05 10:00",
            .expected = false },
        { .name = "working days on a Friday",
            .days = days({ "mon", "tue", "wed", "thu", "fri" }),
            .now = "2026-12-04 10:00" },
        { .name = "weekend on a Sunday", .days = days({ "sat", "sun" }), .now = "2026-12-06 10:00" },
        { .name = "weekend on a Tuesday",
            .days = days({ "sat", "sun" }),
            .now = "2026-12-01 10:00",
            .expected = false },
        // Hours: start inclusive, end exclusive.
        { .name = "before opening", .hours = hours({ "08:30-17:30" }), .now = "2026-12-01 08:29", .expected = false },
        { .name = "at opening", .hours = hours({ "08:30-17:30" }), .now = "2026-12-01 08:30" },
        { .name = "last minute", .hours = hours({ "08:30-17:30" }), .now = "2026-12-01 17:29" },
        { .name = "at closing", .hours = hours({ "08:30-17:30" }), .now = "2026-12-01 17:30", .expected = false },
        { .name = "lunch gap between two ranges",
            .hours = hours({ "08:00-12:00", "14:00-17:00" }),
            .now = "2026-12-01 13:00",
            .expected = false },
        { .name = "second range", .hours = hours({ "08:00-12:00", "14:00-17:00" }), .now = "2026-12-01 15:00" },
        { .name = "whole day", .hours = hours({ "00:00-24:00" }), .now = "2026-12-01 23:59" },
        // Ranges past midnight.
        { .name = "night range before midnight", .hours = hours({ "22:00-06:00" }), .now = "2026-12-01 23:00" },
        { .name = "night range at midnight", .hours = hours({ "22:00-06:00" }), .now = "2026-12-02 00:00" },
        { .name = "night range after midnight", .hours = hours({ "22:00-06:00" }), .now = "2026-12-02 05:59" },
        { .name = "night range ended",
            .hours = hours({ "22:00-06:00" }),
            .now = "2026-12-02 06:00",
            .expected = false },
        { .name = "night range not begun",
            .hours = hours({ "22:00-06:00" }),
            .now = "2026-12-01 21:59",
            .expected = false },
        { .name = "Friday night, Friday evening",
            .days = days({ "fri" }),
            .hours = hours({ "22:00-02:00" }),
            .now = "2026-12-04 23:00" },
        { .name = "Friday night, early Saturday",
            .days = days({ "fri" }),
            .hours = hours({ "22:00-02:00" }),
            .now = "2026-12-05 01:00" },
        { .name = "Friday night, early Friday",
            .days = days({ "fri" }),
            .hours = hours({ "22:00-02:00" }),
            .now = "2026-12-04 01:00",
            .expected = false },
        { .name = "Friday night, Saturday evening",
            .days = days({ "fri" }),
            .hours = hours({ "22:00-02:00" }),
            .now = "2026-12-05 23:00",
            .expected = false },
        { .name = "Sunday night into Monday, across a month",
            .days = days({ "sun" }),
            .hours = hours({ "23:00-01:00" }),
            .now = "2026-12-01 00:30",
            .expected = false },
        { .name = "Monday night into Tuesday, across a month",
            .days = days({ "mon" }),
            .hours = hours({ "23:00-01:00" }),
            .now = "2026-12-01 00:30" },
        // Tags.
        { .name = "shared tag", .notice_tags = { "hangzhou" }, .screen_tags = lobby },
        { .name = "one of several tags", .notice_tags = { "ningbo", "lobby" }, .screen_tags = lobby },
        { .name = "no shared tag", .notice_tags = { "ningbo" }, .screen_tags = lobby, .expected = false },
        { .name = "tagged notice, untagged screen", .notice_tags = { "ningbo" }, .screen_tags = {}, .expected = false },
        { .name = "untagged notice, untagged screen", .notice_tags = {}, .screen_tags = {} },
        { .name = "tags ignore ASCII case", .notice_tags = { "HangZhou" }, .screen_tags = lobby },
        { .name = "a tag is a whole word", .notice_tags = { "hang" }, .screen_tags = lobby, .expected = false },
        // Everything at once: one failing condition is enough.
        { .name = "all conditions hold",
            .valid_from = "2026-11-01 00:00",
            .valid_until = "2026-12-31 23:59",
            .days = days({ "tue" }),
            .hours = hours({ "09:00-11:00" }),
            .notice_tags = { "lobby" },
            .screen_tags = lobby },
        { .name = "all but the tag",
            .valid_from = "2026-11-01 00:00",
            .valid_until = "2026-12-31 23:59",
            .days = days({ "tue" }),
            .hours = hours({ "09:00-11:00" }),
            .notice_tags = { "ningbo" },
            .screen_tags = lobby,
            .expected = false },
        { .name = "all but the hour",
            .valid_from = "2026-11-01 00:00",
            .valid_until = "2026-12-31 23:59",
            .days = days({ "tue" }),
            .hours = hours({ "11:00-12:00" }),
            .notice_tags = { "lobby" },
            .screen_tags = lobby,
            .expected = false },
    };
    for (auto const& test_case : cases) {
        SUBCASE(test_case.name)
        {
            Notice notice = test::slide("n");
            if (test_case.valid_from)
                notice.valid_from = at(test_case.valid_from);
            if (test_case.valid_until)
                notice.valid_until = at(test_case.valid_until);
            notice.days = test_case.days;
            notice.hours = test_case.hours;
            notice.tags = test_case.notice_tags;
            CHECK(is_eligible(notice, at(test_case.now), test_case.screen_tags) == test_case.expected);
        }
    }
}
