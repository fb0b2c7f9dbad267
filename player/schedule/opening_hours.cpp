// The screen's on/off state over the days, from display.on_hours and the holiday calendar.
#include "player/schedule/opening_hours.h"

#include <algorithm>
#include <bitset>

namespace hallboard {

namespace {

constexpr int minutes_in_day = 24 * 60;
// The longest wait seconds_until_switch looks through: a week, plus the longest holiday.
constexpr int days_looked_ahead = 40;

using MinutesOn = std::bitset<minutes_in_day>;

int clamp_to_day(int second_of_day)
{
    return std::clamp(second_of_day, 0, seconds_per_day - 1);
}

bool runs_past_midnight(const TimeOfDayRange& range)
{
    return range.end_minute <= range.start_minute;
}

Date day_before(const Date& date)
{
    return civil_from_days(days_from_civil(date) - 1);
}

const DayHours& hours_on_date(const WeeklyHours& hours, const HolidayCalendar& calendar, const Date& date)
{
    return hours_on(hours, calendar_day(calendar, date));
}

// The state of every minute of `date`: that day's ranges from their start, and the tails past
// midnight of the day before's. Ranges have minute resolution, so a table of 1440 answers makes
// touching, overlapping and past-midnight ranges agree by construction.
MinutesOn minutes_on(const WeeklyHours& hours, const HolidayCalendar& calendar, const Date& date)
{
    MinutesOn on;
    if (hours.always_on)
        return on.set();
    for (auto const& range : hours_on_date(hours, calendar, date)) {
        int end = runs_past_midnight(range) ? minutes_in_day : std::min(range.end_minute, minutes_in_day);
        for (int minute = range.start_minute; minute < end; ++minute)
            on.set(static_cast<size_t>(minute));
    }
    for (auto const& range : hours_on_date(hours, calendar, day_before(date))) {
        if (runs_past_midnight(range)) {
            for (int minute = 0; minute < range.end_minute; ++minute)
                on.set(static_cast<size_t>(minute));
        }
    }
    return on;
}

} // namespace

const DayHours& hours_on(const WeeklyHours& hours, const CalendarDay& day)
{
    if (day.kind == DayKind::Holiday && hours.holiday)
        return *hours.holiday;
    return hours.by_weekday[static_cast<size_t>(day.hours_of)];
}

bool screen_is_on(const WeeklyHours& hours, const HolidayCalendar& calendar, const Date& date, int second_of_day)
{
    if (hours.always_on)
        return true;
    // Asked every frame: the ranges are read directly rather than through the day's minute table,
    // which only the wait (asked while the screen is off) needs.
    int const minute = clamp_to_day(second_of_day) / 60;
    auto const& today = hours_on_date(hours, calendar, date);
    bool const in_today = std::any_of(today.begin(), today.end(), [&](const TimeOfDayRange& range) {
        return minute >= range.start_minute && (runs_past_midnight(range) || minute < range.end_minute);
    });
    if (in_today)
        return true;
    auto const& yesterday = hours_on_date(hours, calendar, day_before(date));
    return std::any_of(yesterday.begin(), yesterday.end(),
        [&](const TimeOfDayRange& range) { return runs_past_midnight(range) && minute < range.end_minute; });
}

std::optional<int> seconds_until_switch(
    const WeeklyHours& hours, const HolidayCalendar& calendar, const Date& date, int second_of_day)
{
    if (hours.always_on)
        return std::nullopt;
    int const second = clamp_to_day(second_of_day);
    int const minute = second / 60;
    long const first_day = days_from_civil(date);
    auto today = minutes_on(hours, calendar, date);
    bool const now_on = today.test(static_cast<size_t>(minute));
    // Walk forward minute by minute, day by day, to the first minute in the other state.
    for (int day = 0; day < days_looked_ahead; ++day) {
        auto const on = day == 0 ? today : minutes_on(hours, calendar, civil_from_days(first_day + day));
        for (int m = day == 0 ? minute + 1 : 0; m < minutes_in_day; ++m) {
            if (on.test(static_cast<size_t>(m)) != now_on)
                return (day * minutes_in_day + m - minute) * 60 - second % 60;
        }
    }
    return std::nullopt;
}

} // namespace hallboard
