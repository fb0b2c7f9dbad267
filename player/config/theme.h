// A theme: colours, fonts, sizes and timing that designers set in themes/*.yaml.
#pragma once

#include "base/diagnostics.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
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
    Color background; // slide area
    Color text;       // body text
    Color muted_text; // notes, footers, captions
    Color accent;     // utility green: title bars, step numbers, arrows
    Color on_accent;  // text drawn on the accent colour
    Color header_background;
    Color header_text;
    Color ticker_background;
    Color ticker_text;
    Color table_header_background;
    Color table_header_text;
    Color zebra_background; // every other table row
    Color section_background;
    Color card_background; // step boxes, commitment items, hotline cards
    Color rule;            // thin lines and borders
    Color warning_background;
    Color warning_text;
    Color warning_accent;
    Color progress; // the slide's remaining-time bar

    // Font families in order of preference, resolved with fontconfig; a bundled Debian
    // CJK font (Noto Sans CJK, then WenQuanYi Micro Hei) is the last resort.
    std::vector<std::string> font_families;

    double title_size = 0.060;         // slide heading
    double body_size = 0.042;          // preferred body text size
    double min_text_size = 0.037;      // nothing is drawn smaller (40 px at 1080p); below this, paginate
    double hotline_number_size = 0.12; // the largest text on a hotline slide
    double header_height = 0.090;      // header bar (hall name, date, clock)
    double ticker_height = 0.070;      // scrolling ticker bar at the bottom
    double margin = 0.040;             // outer margin of the slide area
    double line_spacing = 1.35;        // line height as a multiple of the font size

    double reading_speed = 6.0; // characters per second, for automatic durations
    std::chrono::milliseconds min_duration { 8000 };
    std::chrono::milliseconds max_duration { 40000 };
    double ticker_speed = 0.12; // short sides per second (130 px/s at 1080p)

    bool operator==(const Theme&) const = default;
};

// The built-in default theme, used when a screen config names none.
Theme default_theme();

// Parses a theme file; keys left out keep the default theme's values.
std::optional<Theme> load_theme(const std::filesystem::path& path, Diagnostics& diagnostics);
std::optional<Theme> parse_theme(std::string_view yaml_text, const std::string& display_name, Diagnostics& diagnostics);

// Contrast ratio between two colours as WCAG defines it (1..21). Alpha is ignored: blend a
// translucent colour over what it is drawn on first (blend_over).
double contrast_ratio(Color a, Color b);

// `top` drawn over `bottom` (source-over); the result is opaque when `bottom` is.
Color blend_over(Color top, Color bottom);

// "#rrggbb" or "#rrggbbaa" (either case); nullopt for anything else.
std::optional<Color> parse_color(std::string_view text);
std::string format_color(Color color); // "#rrggbb", or "#rrggbbaa" when not opaque

// A text colour and the colour the layout draws it on. Every pair of a theme should reach
// min_text_contrast (WCAG AA, and the 2021 MIIT ageing-friendly guidance); the theme loader
// warns about pairs that do not.
struct TextColorPair {
    std::string_view text_name;       // theme key, e.g. "muted_text"
    std::string_view background_name; // theme key, e.g. "card_background"
    Color text;
    Color background;
};
inline constexpr double min_text_contrast = 4.5;
std::vector<TextColorPair> text_color_pairs(const Theme& theme);

} // namespace hallboard
