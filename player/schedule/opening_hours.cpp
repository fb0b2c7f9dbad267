// The screen's on/off state over the day, from display.on_hours.
#include "player/schedule/opening_hours.h"

#include <algorithm>
#include <array>

namespace hallboard {

namespace {

constexpr int minutes_in_day = 24 * 60;

int clamp_to_day(int second_of_day)
{
    return std::clamp(second_of_day, 0, seconds_per_day - 1);
}

// The state of every minute of the day. Ranges have minute resolution, so a table of 1440
// answers makes touching, overlapping and past-midnight ranges agree with
// TimeOfDayRange::contains by construction, with no merging logic to get wrong.
std::array<bool, minutes_in_day> minutes_on(const std::vector<TimeOfDayRange>& on_hours)
{
    std::array<bool, minutes_in_day> on {};
    for (int minute = 0; minute < minutes_in_day; ++minute) {
        auto const index = static_cast<size_t>(minute);
        on[index] = on_hours.empty() || std::any_of(on_hours.begin(), on_hours.end(), [&](const TimeOfDayRange& range) {
            return range.contains(minute);
        });
    }
    return on;
}

} // namespace

bool screen_is_on(const std::vector<TimeOfDayRange>& on_hours, int second_of_day)
{
    if (on_hours.empty())
        return true;
    int minute = clamp_to_day(second_of_day) / 60;
    return std::any_of(
        on_hours.begin(), on_hours.end(), [&](const TimeOfDayRange& range) { return range.contains(minute); });
}

std::optional<int> seconds_until_switch(const std::vector<TimeOfDayRange>& on_hours, int second_of_day)
{
    if (on_hours.empty())
        return std::nullopt;
    auto const on = minutes_on(on_hours);
    int second = clamp_to_day(second_of_day);
    int minute = second / 60;
    bool const now_on = on[static_cast<size_t>(minute)];
    // Walk forward minute by minute, round past midnight, to the first minute in the other state.
    for (int ahead = 1; ahead <= minutes_in_day; ++ahead) {
        if (on[static_cast<size_t>((minute + ahead) % minutes_in_day)] != now_on)
            return ahead * 60 - second % 60;
    }
    return std::nullopt; // the same state all day
}

} // namespace hallboard
