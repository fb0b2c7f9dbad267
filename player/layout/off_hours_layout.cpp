// The dimmed clock of a closed hall.
#include "player/layout/off_hours_layout.h"

#include "player/layout/frame_layout.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace hallboard {

namespace {

// Where the block's centre sits each hour, as fractions of the free room around it: a walk
// over the screen's middle that does not come back to the same place for a day.
constexpr std::array<std::pair<float, float>, 8> hourly_places { {
    { 0.50f, 0.50f },
    { 0.20f, 0.30f },
    { 0.80f, 0.70f },
    { 0.30f, 0.80f },
    { 0.70f, 0.20f },
    { 0.10f, 0.60f },
    { 0.90f, 0.40f },
    { 0.50f, 0.10f },
} };

std::string hours_and_minutes(int minute_of_day)
{
    char text[8];
    std::snprintf(text, sizeof text, "%02d:%02d", (minute_of_day / 60) % 24, minute_of_day % 60);
    return text;
}

} // namespace

DisplayList layout_off_hours_clock(float width, float height, const LocalDateTime& now, TextMeasurer& measurer)
{
    float const short_side = std::min(width, height);
    FontSpec const time_font { static_cast<int>(std::round(short_side * 0.18f)), FontWeight::Regular };
    FontSpec const date_font { static_cast<int>(std::round(short_side * 0.045f)), FontWeight::Regular };
    std::string const time = hours_and_minutes(now.minute_of_day);
    std::string const date = format_chinese_date(now.date) + "　" + weekday_in_chinese(weekday_of(now.date));

    float const time_width = measurer.width(time, time_font);
    float const date_width = measurer.width(date, date_font);
    float const time_height = measurer.ascent(time_font) + measurer.descent(time_font);
    float const date_height = measurer.ascent(date_font) + measurer.descent(date_font);
    float const gap = static_cast<float>(date_font.pixel_size);
    float const block_width = std::max(time_width, date_width);
    float const block_height = time_height + gap + date_height;

    // The block wanders within the middle half of the screen.
    auto const place = hourly_places[static_cast<size_t>(now.minute_of_day / 60) % hourly_places.size()];
    float const room_x = std::max(0.0f, width * 0.5f - block_width);
    float const room_y = std::max(0.0f, height * 0.5f - block_height);
    float const left = (width - block_width) / 2 + (place.first - 0.5f) * room_x;
    float const top = (height - block_height) / 2 + (place.second - 0.5f) * room_y;

    DisplayList list;
    list.text(
        left + (block_width - time_width) / 2, top + measurer.ascent(time_font), time, time_font, off_hours_time_color);
    list.text(left + (block_width - date_width) / 2, top + time_height + gap + measurer.ascent(date_font), date,
        date_font, off_hours_date_color);
    return list;
}

} // namespace hallboard
