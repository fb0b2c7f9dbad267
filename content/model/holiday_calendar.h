// calendar.yaml: the public holidays and make-up working days (调休) of the year, written once by
// admins for every hall and published with the notices. Screens close on holidays and open on
// make-up days; notices may run only on working days or only on holidays (`days: [workday]`).
#pragma once

#include "base/diagnostics.h"
#include "base/local_time.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hallboard {

inline constexpr int max_calendar_entries = 400; // a year has ~30 entries; ten years fit

// Public holiday days, first to last inclusive: 国庆节 2026-10-01..2026-10-07.
struct Holiday {
    std::string name;
    Date first;
    Date last;
    bool operator==(const Holiday&) const = default;
};

// A weekend day the State Council makes a working day; the hall keeps the hours of `follows`.
struct MakeUpWorkday {
    std::string name;
    Date date;
    Weekday follows = Weekday::Monday;
    bool operator==(const MakeUpWorkday&) const = default;
};

struct HolidayCalendar {
    std::vector<Holiday> holidays;       // sorted by first day, never overlapping
    std::vector<MakeUpWorkday> workdays; // sorted by date, none inside a holiday
    bool empty() const { return holidays.empty() && workdays.empty(); }
    bool operator==(const HolidayCalendar&) const = default;
};

enum class DayKind {
    Ordinary,      // neither: a weekday or weekend day as the week has it
    Holiday,       // inside a holiday
    MakeUpWorkday, // a make-up working day
};

struct CalendarDay {
    DayKind kind = DayKind::Ordinary;
    Weekday hours_of = Weekday::Monday; // whose weekday hours apply (the date's own, or `follows`)
    std::string name;                   // the holiday's or make-up day's name; empty for ordinary days
    bool is_workday() const;            // a make-up day, or Monday to Friday outside holidays
};

// What `date` is under `calendar`.
CalendarDay calendar_day(const HolidayCalendar& calendar, const Date& date);

// Parses calendar.yaml's text strictly: unknown keys, dates out of order, overlapping holidays
// and a make-up day inside a holiday are errors at their line. nullopt when there is any error.
std::optional<HolidayCalendar> parse_calendar(
    std::string_view yaml_text, const std::string& display_name, Diagnostics& diagnostics);

} // namespace hallboard
