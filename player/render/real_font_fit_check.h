// `hallboard check --size` with the fonts a screen uses: starts SDL (no video) and opens the
// theme's fonts, then runs check_fit (player/layout/fit_check.h).
#pragma once

#include "player/config/path_check.h"

namespace hallboard {

// Measures with the fonts of run.theme (the default theme when no config or theme was checked).
// When SDL or the fonts cannot be opened, that is an error in run.report and nothing is laid out.
void check_fit_with_real_fonts(CheckRun& run, ScreenSize size);

} // namespace hallboard
