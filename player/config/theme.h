// A theme: colours, fonts, sizes and timing that designers set in themes/*.yaml.
#pragma once

#include "content/diagnostics.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hallboard {

struct Color {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    bool operator==(const Color&) const = default;
};

// Sizes are fractions of the screen's short side (its height in landscape, its width in
// portrait), so that text is the same physical size on a landscape and a portrait screen
// of the same panel. At 1920x1080, 0.04 is 43 px.
struct Theme {
    std::string name;

    // Colours. Text/background pairs keep a contrast of at least 4.5:1.
    Color background;       // slide area
    Color text;             // body text
    Color muted_text;       // notes, footers, captions
    Color accent;           // utility green: title bars, step numbers, arrows
    Color on_accent;        // text drawn on the accent colour
    Color header_background;
    Color header_text;
    Color ticker_background;
    Color ticker_text;
    Color table_header_background;
    Color table_header_text;
    Color zebra_background; // every other table row
    Color section_background;
    Color card_background;  // step boxes, commitment items, hotline cards
    Color rule;             // thin lines and borders
    Color warning_background;
    Color warning_text;
    Color warning_accent;
    Color progress;         // the slide's remaining-time bar

    // Font families in order of preference, resolved with fontconfig; a bundled Debian
    // CJK font (Noto Sans CJK, then WenQuanYi Micro Hei) is the last resort.
    std::vector<std::string> font_families;

    double title_size = 0.060;         // slide heading
    double body_size = 0.042;          // preferred body text size
    double min_text_size = 0.030;      // nothing is drawn smaller; below this, paginate
    double hotline_number_size = 0.12; // the largest text on a hotline slide
    double header_height = 0.090;      // header bar (hall name, date, clock)
    double ticker_height = 0.070;      // scrolling ticker bar at the bottom
    double margin = 0.040;             // outer margin of the slide area
    double line_spacing = 1.35;        // line height as a multiple of the font size

    double reading_speed = 6.0;        // characters per second, for automatic durations
    std::chrono::milliseconds min_duration { 8000 };
    std::chrono::milliseconds max_duration { 40000 };
    double ticker_speed = 0.12;        // short sides per second (130 px/s at 1080p)
};

// The built-in default theme, used when a screen config names none.
Theme default_theme();

// Parses a theme file; keys left out keep the default theme's values.
std::optional<Theme> load_theme(const std::filesystem::path& path, Diagnostics& diagnostics);
std::optional<Theme> parse_theme(std::string_view yaml_text, const std::string& display_name, Diagnostics& diagnostics);

// Contrast ratio between two colours as WCAG defines it (1..21).
double contrast_ratio(Color a, Color b);

} // namespace hallboard
