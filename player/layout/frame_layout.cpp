// Header, ticker and progress bar geometry and display lists.
#include "player/layout/frame_layout.h"

#include "player/layout/slide_layout.h"
#include "player/layout/text_layout.h"
#include "base/utf8.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace hallboard {

// Two lines of a long hall name sit close together: the header is not body text.
static constexpr double header_line_spacing = 1.1;

ScreenGeometry compute_screen_geometry(float width, float height, const Theme& theme)
{
    ScreenGeometry geometry;
    geometry.width = width;
    geometry.height = height;
    geometry.unit = std::min(width, height);
    // Rounded at the reference short side, then scaled: the slide area of a 3840x2160 screen
    // is exactly twice that of 1920x1080, so slides lay out the same (see layout_slide).
    float const factor = geometry.unit / reference_short_side;
    auto bar_height = [&](double fraction) {
        return std::round(std::round(static_cast<float>(fraction) * reference_short_side) * factor);
    };
    float header_height = bar_height(theme.header_height);
    float ticker_height = bar_height(theme.ticker_height);
    geometry.header = { 0, 0, width, header_height };
    geometry.ticker = { 0, height - ticker_height, width, ticker_height };
    geometry.slide = { 0, header_height, width, height - header_height - ticker_height };
    float progress_height = std::max(2.0f, std::round(0.006f * geometry.unit));
    geometry.progress = { 0, geometry.slide.bottom() - progress_height, width, progress_height };
    return geometry;
}

static float centred_baseline(const Rect& box, FontSpec font, TextMeasurer& measurer)
{
    float ascent = measurer.ascent(font);
    float descent = measurer.descent(font);
    return box.y + (box.h - (ascent + descent)) / 2 + ascent;
}

std::string format_chinese_date(const Date& date)
{
    return std::to_string(date.year) + "年" + std::to_string(date.month) + "月" + std::to_string(date.day) + "日";
}

std::string format_clock(int seconds_of_day)
{
    char text[16];
    std::snprintf(
        text, sizeof text, "%02d:%02d:%02d", seconds_of_day / 3600 % 24, seconds_of_day / 60 % 60, seconds_of_day % 60);
    return text;
}

// The longest start of `line` that, followed by "…", fits `width`. With `cut_anyway`, the "…"
// is added even when the whole line fits (the text went on after it).
static std::string cut_with_ellipsis(
    const std::string& line, float width, FontSpec font, TextMeasurer& measurer, bool cut_anyway)
{
    if (!cut_anyway && measurer.width(line, font) <= width)
        return line;
    std::vector<size_t> ends; // byte offsets after each code point
    for (size_t offset = 0; offset < line.size();) {
        offset += decode_utf8(line, offset).length;
        ends.push_back(offset);
    }
    for (auto end = ends.rbegin(); end != ends.rend(); ++end) {
        auto candidate = line.substr(0, *end) + "…";
        if (measurer.width(candidate, font) <= width)
            return candidate;
    }
    return "…";
}

HeaderLayout layout_header(const ScreenGeometry& geometry, const Theme& theme, const std::string& hall,
    const Date& today, TextMeasurer& measurer)
{
    HeaderLayout header;
    auto const& box = geometry.header;
    float margin = std::round(static_cast<float>(theme.margin) * geometry.unit);
    header.list.fill(box, theme.header_background);
    // A thin accent rule separates the header from the slide.
    float rule = std::max(2.0f, std::round(0.004f * geometry.unit));
    header.list.fill({ box.x, box.bottom() - rule, box.w, rule }, theme.accent);

    FontSpec clock_font { static_cast<int>(std::round(box.h * 0.46f)), FontWeight::Bold };
    FontSpec date_font { static_cast<int>(std::round(box.h * 0.32f)), FontWeight::Regular };
    FontSpec hall_font { static_cast<int>(std::round(box.h * 0.44f)), FontWeight::Bold };

    // Size the clock box for the widest clock so the text never shifts its box.
    float clock_width = measurer.width("00:00:00", clock_font) * 1.04f;
    header.clock_font = clock_font;
    header.clock_box = { box.right() - margin - clock_width, box.y, clock_width, box.h - rule };

    auto date_text = format_chinese_date(today) + "  " + weekday_in_chinese(weekday_of(today));
    float date_width = measurer.width(date_text, date_font);
    float date_x = header.clock_box.x - margin * 0.6f - date_width;

    // The hall name gets what is left of the date: shrunk down to the date's size if need be.
    Rect text_box { box.x, box.y, box.w, box.h - rule };
    float const hall_with_date = date_x - margin * 1.6f;
    while (hall_font.pixel_size > date_font.pixel_size && measurer.width(hall, hall_font) > hall_with_date)
        --hall_font.pixel_size;
    if (measurer.width(hall, hall_font) <= hall_with_date) {
        header.list.text(margin, centred_baseline(text_box, hall_font, measurer), hall, hall_font, theme.header_text);
        header.list.text(
            date_x, centred_baseline(text_box, date_font, measurer), date_text, date_font, theme.header_text);
        return header;
    }
    // A long name on a narrow (portrait) screen: the date gives way, and the name takes the
    // room up to the clock, on one line or two, never under the clock.
    float const hall_room = header.clock_box.x - margin * 2;
    // At most two lines: three lines at the smallest size (0.3 of the header) need 0.99 of it.
    auto fitted = fit_text(hall, hall_room, text_box.h * 0.8f, static_cast<int>(std::round(box.h * 0.44f)),
        static_cast<int>(std::round(box.h * 0.3f)), FontWeight::Bold, header_line_spacing, measurer);
    auto& lines = fitted.wrapped.lines;
    if (lines.size() > 2 || fitted.wrapped.overflow) {
        // Longer than any hall's name: cut rather than draw over the clock.
        header.hall_cut = true;
        bool const went_on = lines.size() > 2;
        lines.resize(std::min<size_t>(lines.size(), 2));
        for (size_t index = 0; index < lines.size(); ++index)
            lines[index] = cut_with_ellipsis(
                lines[index], hall_room, fitted.font, measurer, went_on && index + 1 == lines.size());
    }
    float const block = text_block_height(static_cast<int>(lines.size()), fitted.font, header_line_spacing);
    emit_lines(header.list, lines, margin, text_box.y + (text_box.h - block) / 2, hall_room, fitted.font,
        theme.header_text, header_line_spacing, TextAlign::Left, measurer);
    return header;
}

DisplayList layout_clock(const HeaderLayout& header, const Theme& theme, int seconds_of_day, TextMeasurer& measurer)
{
    DisplayList list;
    auto text = format_clock(seconds_of_day);
    float width = measurer.width(text, header.clock_font);
    list.text(header.clock_box.right() - width, centred_baseline(header.clock_box, header.clock_font, measurer), text,
        header.clock_font, theme.header_text);
    return list;
}

std::string join_ticker_messages(const std::vector<std::string>& messages)
{
    std::string joined;
    for (auto const& message : messages) {
        if (!joined.empty())
            joined += "　　●　　";
        joined += message;
    }
    return joined;
}

TickerLayout measure_ticker(
    const ScreenGeometry& geometry, const Theme& theme, const std::string& text, TextMeasurer& measurer)
{
    (void)theme;
    TickerLayout ticker;
    ticker.font = { static_cast<int>(std::round(geometry.ticker.h * 0.55f)), FontWeight::Regular };
    ticker.baseline = centred_baseline(geometry.ticker, ticker.font, measurer);
    ticker.text_width = text.empty() ? 0 : measurer.width(text, ticker.font);
    // A gap of a third of the screen before the text comes round again.
    ticker.cycle_width
        = ticker.text_width + std::max(geometry.width / 3, static_cast<float>(ticker.font.pixel_size) * 4);
    return ticker;
}

DisplayList layout_ticker(const ScreenGeometry& geometry, const Theme& theme, const TickerLayout& ticker,
    const std::string& text, double offset)
{
    DisplayList list;
    list.fill(geometry.ticker, theme.ticker_background);
    if (text.empty() || ticker.cycle_width <= 0)
        return list;
    // Copy k of the text starts at width - offset + k * cycle_width: at offset 0 the first copy
    // waits just off the right edge, so a newly started screen does not begin mid-sentence.
    double cycle = ticker.cycle_width;
    double first_visible = std::ceil((offset - static_cast<double>(geometry.width) - ticker.text_width) / cycle);
    for (double k = std::max(0.0, first_visible);; ++k) {
        double x = static_cast<double>(geometry.width) - offset + k * cycle;
        if (x >= geometry.width)
            break;
        if (x + ticker.text_width > 0)
            list.text(static_cast<float>(x), ticker.baseline, text, ticker.font, theme.ticker_text);
    }
    return list;
}

DisplayList layout_progress(const ScreenGeometry& geometry, const Theme& theme, double remaining_fraction)
{
    DisplayList list;
    double fraction = std::clamp(remaining_fraction, 0.0, 1.0);
    auto width = static_cast<float>(std::round(fraction * geometry.progress.w));
    if (width > 0)
        list.fill({ geometry.progress.x, geometry.progress.y, width, geometry.progress.h }, theme.progress);
    return list;
}

} // namespace hallboard
