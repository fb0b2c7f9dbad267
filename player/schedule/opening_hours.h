// Whether a screen is on at a local moment (display.on_hours, with the content's holiday
// calendar), and when that next changes. Pure: the moment is passed in, never read from a clock.
#pragma once

#include "base/local_time.h"
#include "content/model/holiday_calendar.h"
#include "player/config/weekly_hours.h"

#include <optional>

namespace hallboard {

inline constexpr int seconds_per_day = 24 * 60 * 60;

// The hours that apply on a day: its weekday's, the holiday hours, or on a make-up working day
// the hours of the weekday it follows.
const DayHours& hours_on(const WeeklyHours& hours, const CalendarDay& day);

// True when the screen shows content at `second_of_day` (0..86399, local time) of `date`: inside
// a range of that day's hours (start inclusive, end exclusive, 24:00 ends the day), or in the
// part past midnight of a range the day before. Always on without display.on_hours.
// A second outside 0..86399 is taken as the nearest second of the day (23:59:60, a leap
// second, counts as 23:59:59).
bool screen_is_on(const WeeklyHours& hours, const HolidayCalendar& calendar, const Date& date, int second_of_day);

// Seconds from `second_of_day` of `date` until screen_is_on next gives the other answer: always
// 1 or more. nullopt when nothing changes within the next 40 days (always on, on around the
// clock, or closed for longer): the caller asks again later.
// Ranges that touch or overlap count as one span: "07:30-12:00, 12:00-18:30" switches at 07:30
// and 18:30, never at 12:00.
// A wait that runs past midnight counts each day as 24 hours, which holds in a time zone without
// daylight saving time (China's); a caller elsewhere should ask again after midnight.
std::optional<int> seconds_until_switch(
    const WeeklyHours& hours, const HolidayCalendar& calendar, const Date& date, int second_of_day);

} // namespace hallboard
