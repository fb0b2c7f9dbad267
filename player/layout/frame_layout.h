// The parts of the screen around the slide: header (hall name, date, clock), ticker bar and
// progress bar. Pure geometry and display lists; the player composes them each frame.
#pragma once

#include "base/local_time.h"
#include "player/config/theme.h"
#include "player/layout/display_list.h"
#include "player/layout/text_measurer.h"

#include <string>
#include <vector>

namespace hallboard {

struct ScreenGeometry {
    float width = 0;
    float height = 0;
    float unit = 0; // the short side: theme sizes are fractions of it
    Rect header;
    Rect slide; // the area slides are laid out in
    Rect ticker;
    Rect progress; // a thin bar along the bottom edge of the slide area
};

ScreenGeometry compute_screen_geometry(float width, float height, const Theme& theme);

// The header's text that changes once a day: hall name on the left, date and weekday on the
// right (left of the clock box). The clock is drawn separately because it changes every second.
struct HeaderLayout {
    DisplayList list;
    Rect clock_box; // where the clock text goes, right-aligned inside it
    FontSpec clock_font;
    bool hall_cut = false; // the hall's name did not fit in two lines and ends in "…" (check warns)
};

HeaderLayout layout_header(const ScreenGeometry& geometry, const Theme& theme, const std::string& hall,
    const Date& today, TextMeasurer& measurer);

// "10:35:07", drawn right-aligned in the header's clock box.
DisplayList layout_clock(const HeaderLayout& header, const Theme& theme, int seconds_of_day, TextMeasurer& measurer);

// The ticker's messages joined into one line with separators, e.g. "欢迎光临！  ●  ...".
std::string join_ticker_messages(const std::vector<std::string>& messages);

// The ticker bar: background plus the text scrolled left by `offset` pixels (which wraps
// around every `ticker_cycle_width`). Text outside the bar must be clipped by the caller.
struct TickerLayout {
    FontSpec font;
    float baseline = 0;
    float text_width = 0;  // width of one copy of the joined text
    float cycle_width = 0; // text plus a gap before the next copy
};

TickerLayout measure_ticker(
    const ScreenGeometry& geometry, const Theme& theme, const std::string& text, TextMeasurer& measurer);
DisplayList layout_ticker(const ScreenGeometry& geometry, const Theme& theme, const TickerLayout& ticker,
    const std::string& text, double offset);

// The remaining-time bar: full width at the start of a page, empty at its end.
DisplayList layout_progress(const ScreenGeometry& geometry, const Theme& theme, double remaining_fraction);

std::string format_chinese_date(const Date& date); // 2026年11月23日
std::string format_clock(int seconds_of_day);      // 09:05:07

} // namespace hallboard
