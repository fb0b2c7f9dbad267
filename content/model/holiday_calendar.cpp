// calendar.yaml: reading it strictly, and what a date is under it.
#include "content/model/holiday_calendar.h"

#include "content/model/notice_parsing.h"

#include <algorithm>

namespace hallboard {

using namespace parsing;

bool CalendarDay::is_workday() const
{
    switch (kind) {
    case DayKind::Holiday:
        return false;
    case DayKind::MakeUpWorkday:
        return true;
    case DayKind::Ordinary:
        break;
    }
    return hours_of != Weekday::Saturday && hours_of != Weekday::Sunday;
}

CalendarDay calendar_day(const HolidayCalendar& calendar, const Date& date)
{
    CalendarDay day;
    day.hours_of = weekday_of(date);
    for (auto const& holiday : calendar.holidays) {
        if (holiday.first <= date && date <= holiday.last) {
            day.kind = DayKind::Holiday;
            day.name = holiday.name;
            return day;
        }
    }
    for (auto const& workday : calendar.workdays) {
        if (workday.date == date) {
            day.kind = DayKind::MakeUpWorkday;
            day.hours_of = workday.follows;
            day.name = workday.name;
            return day;
        }
    }
    return day;
}

namespace {

// Longer than any public holiday (the longest, 春节, is 8 or 9 days): a longer span is a typo.
constexpr long longest_holiday_days = 31;

std::string_view weekday_name(Weekday weekday)
{
    static constexpr std::string_view names[]
        = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };
    return names[static_cast<size_t>(weekday)];
}

std::string in_quotes(std::string_view text)
{
    return "'" + std::string(text) + "'";
}

struct Located {
    YAML::Node node;
    std::string where; // "line N" of the entry, for "overlaps the one at line N"
};

void read_holiday(YamlFile& file, const YAML::Node& item, HolidayCalendar& calendar, std::vector<Located>& where)
{
    if (!file.expect_map(item, "a holiday"))
        return;
    file.check_keys(item, { "name", "date", "from", "until" }, "a holiday");
    auto name = read_text(file, item, "name", Presence::Required, "name the holiday, e.g. name: 国庆节");
    bool has_date = has_key(item, "date");
    bool has_range = has_key(item, "from") || has_key(item, "until");
    if (has_date == has_range) {
        file.error(item, has_date ? "a holiday has 'date' or 'from'/'until', not both" : "a holiday needs its dates",
            "one day: date: 2026-04-05; several: from: 2026-10-01 and until: 2026-10-07");
        return;
    }
    std::optional<Date> first = has_date ? read_date(file, item, "date") : read_date(file, item, "from");
    std::optional<Date> last = has_date ? first : read_date(file, item, "until");
    if (has_range && (!has_key(item, "from") || !has_key(item, "until"))) {
        file.error(item, "a holiday with 'from' also needs 'until' (and the other way round)",
            "the last day is included: from: 2026-10-01, until: 2026-10-07");
        return;
    }
    if (!name || !first || !last)
        return;
    if (*last < *first) {
        file.error(value_of(item, "until"),
            "'until' " + format_date(*last) + " is before 'from' " + format_date(*first),
            "write the first day in 'from' and the last day in 'until'");
        return;
    }
    if (days_from_civil(*last) - days_from_civil(*first) >= longest_holiday_days) {
        file.error(value_of(item, "until"),
            "holiday " + in_quotes(*name) + " lasts more than " + std::to_string(longest_holiday_days) + " days",
            "check the year and month of 'from' and 'until'");
        return;
    }
    calendar.holidays.push_back({ *name, *first, *last });
    where.push_back({ item, "line " + std::to_string(file.at(item).line) });
}

void read_workday(YamlFile& file, const YAML::Node& item, HolidayCalendar& calendar, std::vector<Located>& where)
{
    if (!file.expect_map(item, "a make-up working day"))
        return;
    file.check_keys(item, { "name", "date", "follows" }, "a make-up working day");
    auto name = read_text(file, item, "name", Presence::Required, "name it, e.g. name: 国庆节调休");
    if (!has_key(item, "date")) {
        file.error(item, "a make-up working day needs its 'date'", "e.g. date: 2026-09-27");
        return;
    }
    auto date = read_date(file, item, "date");
    Weekday follows = Weekday::Monday;
    if (auto text = read_text(file, item, "follows", Presence::Optional)) {
        if (auto day = parse_weekday(*text))
            follows = *day;
        else {
            auto hint = did_you_mean(*text, weekday_words);
            file.error(value_of(item, "follows"), "'follows' must be a weekday (mon … sun), not " + in_quotes(*text),
                hint.empty() ? "the hall keeps that weekday's hours on this day, e.g. follows: mon" : hint);
            return;
        }
    }
    if (!name || !date)
        return;
    auto weekday = weekday_of(*date);
    if (weekday != Weekday::Saturday && weekday != Weekday::Sunday)
        file.warning(value_of(item, "date"),
            "make-up working day " + format_date(*date) + " is a " + std::string(weekday_name(weekday))
                + ", already a working day",
            "make-up working days (调休) are weekend days; check the date");
    calendar.workdays.push_back({ *name, *date, follows });
    where.push_back({ item, "line " + std::to_string(file.at(item).line) });
}

// Overlapping holidays, a make-up day inside a holiday, a make-up day given twice: each an error
// at the later entry, naming the earlier one's line.
void check_clashes(
    YamlFile& file, HolidayCalendar& calendar, std::vector<Located>& holidays_at, std::vector<Located>& workdays_at)
{
    for (size_t i = 0; i < calendar.holidays.size(); ++i) {
        for (size_t j = 0; j < i; ++j) {
            auto const& a = calendar.holidays[j];
            auto const& b = calendar.holidays[i];
            if (a.first <= b.last && b.first <= a.last)
                file.error(holidays_at[i].node,
                    "holiday " + in_quotes(b.name) + " overlaps holiday " + in_quotes(a.name) + " ("
                        + holidays_at[j].where + ")",
                    "each day may belong to one holiday only");
        }
    }
    for (size_t i = 0; i < calendar.workdays.size(); ++i) {
        auto const& workday = calendar.workdays[i];
        for (size_t j = 0; j < calendar.holidays.size(); ++j) {
            auto const& holiday = calendar.holidays[j];
            if (holiday.first <= workday.date && workday.date <= holiday.last)
                file.error(workdays_at[i].node,
                    "make-up working day " + format_date(workday.date) + " is inside holiday " + in_quotes(holiday.name)
                        + " (" + holidays_at[j].where + ")",
                    "a day is either a holiday or a working day; check both dates");
        }
        for (size_t j = 0; j < i; ++j) {
            if (calendar.workdays[j].date == workday.date)
                file.error(workdays_at[i].node,
                    "make-up working day " + format_date(workday.date) + " is listed twice (also "
                        + workdays_at[j].where + ")",
                    "keep one entry");
        }
    }
}

} // namespace

std::optional<HolidayCalendar> parse_calendar(
    std::string_view yaml_text, const std::string& display_name, Diagnostics& diagnostics)
{
    HolidayCalendar calendar;
    if (is_blank_yaml(yaml_text) && is_valid_utf8(yaml_text))
        return calendar; // everything commented out
    Diagnostics found;
    try {
        YamlFile file(display_name, found);
        auto root = file.parse(yaml_text);
        if (!root || !file.expect_map(*root, display_name))
            return std::nullopt;
        file.check_keys(*root, { "holidays", "workdays" }, display_name);
        std::vector<Located> holidays_at;
        std::vector<Located> workdays_at;
        int entries = 0;
        auto bounded = [&](const YAML::Node& item) {
            if (++entries <= max_calendar_entries)
                return true;
            if (entries == max_calendar_entries + 1)
                file.error(item, display_name + " has more than " + std::to_string(max_calendar_entries) + " entries",
                    "keep the years that matter; remove old ones");
            return false;
        };
        for_each_item(file, *root, "holidays", Presence::Optional, "", [&](const YAML::Node& item, int) {
            if (bounded(item))
                read_holiday(file, item, calendar, holidays_at);
        });
        for_each_item(file, *root, "workdays", Presence::Optional, "", [&](const YAML::Node& item, int) {
            if (bounded(item))
                read_workday(file, item, calendar, workdays_at);
        });
        check_clashes(file, calendar, holidays_at, workdays_at);
    } catch (std::exception const& exception) {
        found.error({ display_name, 0, 0 }, std::string("could not read this file: ") + exception.what());
    }
    append_in_file_order(diagnostics, found);
    if (found.has_errors())
        return std::nullopt;
    std::sort(calendar.holidays.begin(), calendar.holidays.end(),
        [](const Holiday& a, const Holiday& b) { return a.first < b.first; });
    std::sort(calendar.workdays.begin(), calendar.workdays.end(),
        [](const MakeUpWorkday& a, const MakeUpWorkday& b) { return a.date < b.date; });
    return calendar;
}

} // namespace hallboard
