// `hallboard check --size`: every slide, and each hall's name in the header, laid out at one
// screen size, so that what cannot fit is reported before it reaches a screen. Pure: text is
// measured through TextMeasurer (the real fonts in check, a fake in tests).
#pragma once

#include "player/config/path_check.h"
#include "player/config/theme.h"
#include "player/layout/text_measurer.h"

namespace hallboard {

// Lays out every slide notice of `run.sources` at `size` with `theme`: a slide that cannot fit
// is an error, a hall's name cut short in the header a warning (in run.report). Adds the line
// "laid out N slide(s) at WxH" to the report.
void check_fit(CheckRun& run, const Theme& theme, ScreenSize size, TextMeasurer& measurer);

} // namespace hallboard
