// display.on_hours as field staff write it: the same hours every day, or hours by weekday, and
// what the screen does on a public holiday. Data only; player/schedule answers "on or off now".
#pragma once

#include "base/local_time.h"

#include <array>
#include <optional>
#include <vector>

namespace hallboard {

// One day's hours. Empty: off all day. A range whose end is not after its start runs past
// midnight and belongs to the day it starts on ("22:00-02:00" on Friday is on until Saturday
// 02:00), as a notice's `hours` do.
using DayHours = std::vector<TimeOfDayRange>;

struct WeeklyHours {
    bool always_on = true;              // no display.on_hours: on around the clock, every day
    std::array<DayHours, 7> by_weekday; // Monday first, as Weekday counts
    // The hours on a public holiday of the content's calendar.yaml. nullopt: the hours of the
    // weekday it falls on (the one-range form, "07:30-18:30", means every day, holidays too);
    // the weekday form defaults to off, as halls close on public holidays.
    std::optional<DayHours> holiday;

    // The same hours every day, holidays included.
    static WeeklyHours every_day(DayHours hours)
    {
        WeeklyHours weekly;
        weekly.always_on = false;
        weekly.by_weekday.fill(hours);
        return weekly;
    }
    bool operator==(const WeeklyHours&) const = default;
};

} // namespace hallboard
