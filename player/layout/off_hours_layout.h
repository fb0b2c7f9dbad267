// What a screen shows outside its opening hours when display.off_hours is `clock`: the time,
// large and dim on black, with the date under it.
#pragma once

#include "base/local_time.h"
#include "player/layout/display_list.h"
#include "player/layout/text_measurer.h"

namespace hallboard {

// Dim enough not to light up a closed hall, bright enough to read from the door.
inline constexpr Color off_hours_time_color { 88, 88, 88, 255 };
inline constexpr Color off_hours_date_color { 64, 64, 64, 255 };

// The list draws only the text: the caller clears the screen to black first. The block sits a
// little elsewhere every hour (within the middle of the screen), so that months of nights do
// not wear the same pixels of the panel.
DisplayList layout_off_hours_clock(float width, float height, const LocalDateTime& now, TextMeasurer& measurer);

} // namespace hallboard
