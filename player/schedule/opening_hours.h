// Whether a screen is on at a time of day (display.on_hours), and when that next changes.
// Pure: the time of day is passed in by the caller, never read from a clock.
#pragma once

#include "base/local_time.h"

#include <optional>
#include <vector>

namespace hallboard {

inline constexpr int seconds_per_day = 24 * 60 * 60;

// True when the screen shows content at `second_of_day` (0..86399, local time): inside one of
// `on_hours`, each read as TimeOfDayRange::contains reads it (start inclusive, end exclusive,
// end <= start runs past midnight, 24:00 ends the day). An empty list means always on.
// A second outside 0..86399 is taken as the nearest second of the day (23:59:60, a leap
// second, counts as 23:59:59).
bool screen_is_on(const std::vector<TimeOfDayRange>& on_hours, int second_of_day);

// Seconds from `second_of_day` until screen_is_on next gives the other answer: always 1 or
// more, and at most one day. nullopt when the state never changes: an empty list, or ranges
// that together cover the whole day ("00:00-24:00", or "06:00-22:00, 22:00-06:00").
// Ranges that touch or overlap count as one span: "07:30-12:00, 12:00-18:30" switches at 07:30
// and 18:30, never at 12:00.
// A wait that runs past midnight counts the next day as 24 hours, which holds in a time zone
// without daylight saving time (China's); a caller elsewhere should ask again after midnight.
std::optional<int> seconds_until_switch(const std::vector<TimeOfDayRange>& on_hours, int second_of_day);

} // namespace hallboard
