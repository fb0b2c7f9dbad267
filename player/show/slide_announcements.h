// What the screen starts showing, told to the log and to the server's proof of play: a new
// slide, the screen going off or on with the opening hours.
#pragma once

#include "player/screen/screen_show.h"
#include "player/status/screen_reporting.h"

namespace hallboard {

enum class FirstFrame { Yes, No };

// `reporting` may be null (a screen with local content reports to nobody). Render thread only.
void announce_frame(const ShowFrame& frame, const FrameTime& time, const ScreenConfig& config, FirstFrame first,
    ScreenReporting* reporting);

} // namespace hallboard
