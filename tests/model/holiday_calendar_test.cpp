// calendar.yaml: public holidays and make-up working days, read strictly, and what a date is.
#include "content/model/holiday_calendar.h"

#include <doctest/doctest.h>

#include <string>

using namespace hallboard;

namespace {

std::string const year_2026 = "# 2026 国务院办公厅通知\n"
                              "holidays:\n"
                              "  - {name: 元旦, from: 2026-01-01, until: 2026-01-03}\n"
                              "  - name: 国庆节\n"
                              "    from: 2026-10-01\n"
                              "    until: 2026-10-07\n"
                              "  - {name: 清明节, date: 2026-04-05}\n"
                              "workdays:\n"
                              "  - {name: 国庆节调休, date: 2026-09-27, follows: fri}\n"
                              "  - {name: 国庆节调休, date: 2026-10-10}\n";

Date date(const char* text)
{
    auto parsed = parse_date(text);
    REQUIRE_MESSAGE(parsed, text);
    return *parsed;
}

} // namespace

TEST_CASE("calendar.yaml: holidays and make-up working days")
{
    Diagnostics diagnostics;
    auto calendar = parse_calendar(year_2026, "calendar.yaml", diagnostics);
    REQUIRE_MESSAGE(calendar, diagnostics.format_all());
    CHECK(diagnostics.all().empty());
    REQUIRE(calendar->holidays.size() == 3);
    CHECK(calendar->holidays[1].name == "清明节"); // sorted by date
    REQUIRE(calendar->workdays.size() == 2);

    auto national_day = calendar_day(*calendar, date("2026-10-03"));
    CHECK(national_day.kind == DayKind::Holiday);
    CHECK(national_day.name == "国庆节");
    CHECK_FALSE(national_day.is_workday());

    auto make_up = calendar_day(*calendar, date("2026-09-27")); // a Sunday
    CHECK(make_up.kind == DayKind::MakeUpWorkday);
    CHECK(make_up.hours_of == Weekday::Friday);
    CHECK(make_up.is_workday());
    CHECK(calendar_day(*calendar, date("2026-10-10")).hours_of == Weekday::Monday); // follows defaults to mon

    auto saturday = calendar_day(*calendar, date("2026-12-05"));
    CHECK(saturday.kind == DayKind::Ordinary);
    CHECK(saturday.hours_of == Weekday::Saturday);
    CHECK_FALSE(saturday.is_workday());
    CHECK(calendar_day(*calendar, date("2026-12-01")).is_workday());
    CHECK(calendar_day(*calendar, date("2026-01-03")).kind == DayKind::Holiday); // until is inclusive
    CHECK(calendar_day(*calendar, date("2026-01-04")).kind == DayKind::Ordinary);
}

TEST_CASE("calendar.yaml: a file with everything commented out is an empty calendar")
{
    Diagnostics diagnostics;
    auto calendar = parse_calendar("# nothing yet\n", "calendar.yaml", diagnostics);
    REQUIRE(calendar);
    CHECK(calendar->empty());
}

TEST_CASE("calendar.yaml: mistakes are errors at their line")
{
    struct Case {
        const char* name;
        std::string yaml;
        int line;
        const char* message;
    };
    Case const cases[] = {
        { "dates out of order", "holidays:\n  - {name: 国庆节, from: 2026-10-07, until: 2026-10-01}\n", 2,
            "'until' 2026-10-01 is before 'from' 2026-10-07" },
        { "overlapping holidays",
            "holidays:\n  - {name: 中秋节, from: 2026-09-25, until: 2026-10-01}\n"
            "  - {name: 国庆节, from: 2026-10-01, until: 2026-10-07}\n",
            3, "holiday '国庆节' overlaps holiday '中秋节' (line 2)" },
        { "a make-up day inside a holiday",
            "holidays:\n  - {name: 国庆节, from: 2026-10-01, until: 2026-10-07}\n"
            "workdays:\n  - {name: 调休, date: 2026-10-03}\n",
            4, "make-up working day 2026-10-03 is inside holiday '国庆节' (line 2)" },
        { "a make-up day listed twice",
            "workdays:\n  - {name: 调休, date: 2026-09-27}\n  - {name: 调休, date: 2026-09-27}\n", 3,
            "make-up working day 2026-09-27 is listed twice" },
        { "a misspelt weekday", "workdays:\n  - {name: 调休, date: 2026-09-27, follows: fir}\n", 2,
            "'follows' must be a weekday" },
        { "an impossible date", "holidays:\n  - {name: 国庆节, date: 2026-02-30}\n", 2, "is not a date" },
        { "a misspelt key", "holiday:\n  - {name: 国庆节, date: 2026-10-01}\n", 1, "holiday" },
        { "no dates", "holidays:\n  - {name: 国庆节}\n", 2, "a holiday needs its dates" },
        { "from without until", "holidays:\n  - {name: 国庆节, from: 2026-10-01}\n", 2, "also needs 'until'" },
        { "a year typed wrong", "holidays:\n  - {name: 国庆节, from: 2026-10-01, until: 2027-10-07}\n", 2,
            "lasts more than 31 days" },
    };
    for (auto const& test_case : cases) {
        SUBCASE(test_case.name)
        {
            Diagnostics diagnostics;
            CHECK_FALSE(parse_calendar(test_case.yaml, "calendar.yaml", diagnostics));
            REQUIRE_FALSE(diagnostics.all().empty());
            bool found = false;
            for (auto const& diagnostic : diagnostics.all()) {
                if (diagnostic.where.line == test_case.line
                    && diagnostic.message.find(test_case.message) != std::string::npos)
                    found = true;
            }
            CHECK_MESSAGE(found, diagnostics.all().front().where.line, ": ", diagnostics.all().front().message);
        }
    }
}

TEST_CASE("calendar.yaml: a make-up day on a weekday is a warning")
{
    Diagnostics diagnostics;
    auto calendar = parse_calendar("workdays:\n  - {name: 调休, date: 2026-12-01}\n", "calendar.yaml", diagnostics);
    CHECK(calendar);
    REQUIRE(diagnostics.all().size() == 1);
    CHECK(diagnostics.all().front().severity == Severity::Warning);
    CHECK(diagnostics.all().front().message.find("Tuesday, already a working day") != std::string::npos);
}
