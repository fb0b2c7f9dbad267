// The built-in default theme and the colour arithmetic themes are checked with.
#include "player/config/theme.h"

#include <algorithm>
#include <cmath>

namespace hallboard {

static constexpr Color rgb(std::uint32_t hex)
{
    return Color { static_cast<std::uint8_t>((hex >> 16) & 0xff), static_cast<std::uint8_t>((hex >> 8) & 0xff),
        static_cast<std::uint8_t>(hex & 0xff), 255 };
}

// themes/default.yaml spells out exactly these values (a test keeps the two equal): change
// both together.
Theme default_theme()
{
    Theme theme;
    theme.name = "default";
    // A calm light scheme around State Grid green. Every text colour reaches at least 4.9:1
    // on every background it is drawn on (see text_color_pairs), most well above 6:1.
    theme.background = rgb(0xf4f7f6);
    theme.text = rgb(0x1b2b26);
    theme.muted_text = rgb(0x4d5f58);
    theme.accent = rgb(0x007a63);
    theme.on_accent = rgb(0xffffff);
    theme.header_background = rgb(0x006652);
    theme.header_text = rgb(0xffffff);
    theme.ticker_background = rgb(0x004d3f);
    theme.ticker_text = rgb(0xffffff);
    theme.table_header_background = rgb(0x007a63);
    theme.table_header_text = rgb(0xffffff);
    theme.zebra_background = rgb(0xe4efeb);
    theme.section_background = rgb(0xd2e7df);
    theme.card_background = rgb(0xffffff);
    theme.rule = rgb(0xb7cbc4);
    theme.warning_background = rgb(0xfdf1e4);
    theme.warning_text = rgb(0x7a2a0c);
    theme.warning_accent = rgb(0xb3261e);
    theme.progress = rgb(0x00875a);
    theme.font_families = { "Noto Sans CJK SC", "WenQuanYi Micro Hei" };
    // Sizes, timing: the defaults written in the Theme struct itself.
    return theme;
}

static double linear_channel(std::uint8_t value)
{
    double c = value / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

static double relative_luminance(Color color)
{
    return 0.2126 * linear_channel(color.r) + 0.7152 * linear_channel(color.g) + 0.0722 * linear_channel(color.b);
}

double contrast_ratio(Color a, Color b)
{
    double la = relative_luminance(a);
    double lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Color blend_over(Color top, Color bottom)
{
    double top_alpha = top.a / 255.0;
    double bottom_alpha = bottom.a / 255.0;
    double out_alpha = top_alpha + bottom_alpha * (1 - top_alpha);
    if (out_alpha <= 0)
        return Color { 0, 0, 0, 0 };
    auto channel = [&](std::uint8_t t, std::uint8_t b) {
        double value = (t * top_alpha + b * bottom_alpha * (1 - top_alpha)) / out_alpha;
        return static_cast<std::uint8_t>(std::clamp(std::lround(value), 0L, 255L));
    };
    return Color { channel(top.r, bottom.r), channel(top.g, bottom.g), channel(top.b, bottom.b),
        static_cast<std::uint8_t>(std::clamp(std::lround(out_alpha * 255), 0L, 255L)) };
}

static std::optional<int> hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return std::nullopt;
}

std::optional<Color> parse_color(std::string_view text)
{
    if (text.empty() || text[0] != '#' || (text.size() != 7 && text.size() != 9))
        return std::nullopt;
    std::uint8_t channels[4] = { 0, 0, 0, 255 };
    for (size_t i = 1, channel = 0; i < text.size(); i += 2, ++channel) {
        auto high = hex_digit(text[i]);
        auto low = hex_digit(text[i + 1]);
        if (!high || !low)
            return std::nullopt;
        channels[channel] = static_cast<std::uint8_t>(*high * 16 + *low);
    }
    return Color { channels[0], channels[1], channels[2], channels[3] };
}

std::string format_color(Color color)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out = "#";
    auto put = [&](std::uint8_t value) {
        out += digits[value >> 4];
        out += digits[value & 0xf];
    };
    put(color.r);
    put(color.g);
    put(color.b);
    if (color.a != 255)
        put(color.a);
    return out;
}

std::vector<TextColorPair> text_color_pairs(const Theme& theme)
{
    // What the layout draws on what: plain text and notes on every panel colour, accent
    // headings and step numbers on the light panels, and the "on" colours on their bars.
    struct Entry {
        std::string_view text_name;
        Color Theme::*text;
        std::string_view background_name;
        Color Theme::*background;
    };
    static constexpr Entry entries[] = {
        { "text", &Theme::text, "background", &Theme::background },
        { "muted_text", &Theme::muted_text, "background", &Theme::background },
        { "accent", &Theme::accent, "background", &Theme::background },
        { "text", &Theme::text, "card_background", &Theme::card_background },
        { "muted_text", &Theme::muted_text, "card_background", &Theme::card_background },
        { "accent", &Theme::accent, "card_background", &Theme::card_background },
        { "text", &Theme::text, "zebra_background", &Theme::zebra_background },
        { "muted_text", &Theme::muted_text, "zebra_background", &Theme::zebra_background },
        { "text", &Theme::text, "section_background", &Theme::section_background },
        { "muted_text", &Theme::muted_text, "section_background", &Theme::section_background },
        { "on_accent", &Theme::on_accent, "accent", &Theme::accent },
        { "header_text", &Theme::header_text, "header_background", &Theme::header_background },
        { "ticker_text", &Theme::ticker_text, "ticker_background", &Theme::ticker_background },
        { "table_header_text", &Theme::table_header_text, "table_header_background", &Theme::table_header_background },
        { "warning_text", &Theme::warning_text, "warning_background", &Theme::warning_background },
        { "muted_text", &Theme::muted_text, "warning_background", &Theme::warning_background },
        { "warning_accent", &Theme::warning_accent, "warning_background", &Theme::warning_background },
        { "on_accent", &Theme::on_accent, "warning_accent", &Theme::warning_accent },
    };
    std::vector<TextColorPair> pairs;
    for (auto const& entry : entries) {
        // Panels may be translucent over the slide background; text over the panel.
        Color background = blend_over(theme.*entry.background, theme.background);
        if (entry.background == &Theme::background)
            background = blend_over(theme.background, Color { 0, 0, 0, 255 });
        Color text = blend_over(theme.*entry.text, background);
        pairs.push_back({ entry.text_name, entry.background_name, text, background });
    }
    return pairs;
}

} // namespace hallboard
