// Reading themes/*.yaml: every field of Theme, keys left out keep the default theme's values.
#include "player/config/config_values.h"
#include "player/config/theme.h"

#include <cstdio>
#include <filesystem>

namespace hallboard {

using namespace config_detail;
using namespace std::chrono_literals;

namespace {

struct ColorField {
    std::string_view key;
    Color Theme::*field;
};

constexpr ColorField color_fields[] = {
    { "background", &Theme::background },
    { "text", &Theme::text },
    { "muted_text", &Theme::muted_text },
    { "accent", &Theme::accent },
    { "on_accent", &Theme::on_accent },
    { "header_background", &Theme::header_background },
    { "header_text", &Theme::header_text },
    { "ticker_background", &Theme::ticker_background },
    { "ticker_text", &Theme::ticker_text },
    { "table_header_background", &Theme::table_header_background },
    { "table_header_text", &Theme::table_header_text },
    { "zebra_background", &Theme::zebra_background },
    { "section_background", &Theme::section_background },
    { "card_background", &Theme::card_background },
    { "rule", &Theme::rule },
    { "warning_background", &Theme::warning_background },
    { "warning_text", &Theme::warning_text },
    { "warning_accent", &Theme::warning_accent },
    { "progress", &Theme::progress },
};

// One row per size: the key, the field, and the smallest value that still makes sense.
// Sizes are fractions of the screen's short side; half of it is the most anything may take.
struct SizeField {
    std::string_view key;
    double Theme::*field;
    double min;
    double max;
};

constexpr SizeField size_fields[] = {
    { "title", &Theme::title_size, 0.005, 0.5 },
    { "body", &Theme::body_size, 0.005, 0.5 },
    { "minimum", &Theme::min_text_size, 0.005, 0.5 },
    { "hotline_number", &Theme::hotline_number_size, 0.005, 0.5 },
    { "header", &Theme::header_height, 0.005, 0.5 },
    { "ticker", &Theme::ticker_height, 0.005, 0.5 },
    { "margin", &Theme::margin, 0.0, 0.5 },
};

class ThemeParser {
public:
    ThemeParser(YamlFile& file)
        : m_file(file)
    {
    }

    std::optional<Theme> parse(const YAML::Node& root)
    {
        int errors_before = m_file.diagnostics().error_count();
        Theme theme = default_theme();
        if (!m_file.expect_map(root, "a theme file"))
            return std::nullopt;
        m_file.check_keys(root, { "name", "colors", "fonts", "sizes", "timing" }, "the theme");

        std::filesystem::path file_name(m_file.name());
        theme.name = file_name.stem().string(); // a theme without a name is known by its file's
        if (auto name = m_file.text(root, "name", Presence::Optional); name && !trim(*name).empty())
            theme.name = std::string(trim(*name));

        if (auto colors = lookup(root, "colors"); colors && m_file.expect_map(*colors, "'colors'"))
            read_colors(*colors, theme);
        if (auto fonts = lookup(root, "fonts"); fonts && m_file.expect_map(*fonts, "'fonts'"))
            read_fonts(*fonts, theme);
        if (auto sizes = lookup(root, "sizes"); sizes && m_file.expect_map(*sizes, "'sizes'"))
            read_sizes(*sizes, theme);
        if (auto timing = lookup(root, "timing"); timing && m_file.expect_map(*timing, "'timing'"))
            read_timing(*timing, theme);

        if (m_file.diagnostics().error_count() != errors_before)
            return std::nullopt;
        warn_low_contrast(root, theme);
        return theme;
    }

private:
    void read_colors(const YAML::Node& colors, Theme& theme)
    {
        check_color_keys(colors);
        for (auto const& entry : colors) {
            if (!entry.first.IsScalar())
                continue;
            auto key = entry.first.Scalar();
            auto const* field = find_color_field(key);
            if (!field)
                continue;
            auto const& value = entry.second;
            if (value.IsNull()) {
                // An unquoted "#" starts a YAML comment, leaving the value empty.
                m_file.error(entry.first, "colour '" + key + "' is empty",
                    "put the colour in quotes: " + key + ": \"#007a63\" (an unquoted # starts a comment)");
                continue;
            }
            auto text = m_file.scalar(value, "colour '" + key + "'");
            if (!text)
                continue;
            auto color = parse_color(trim(*text));
            if (!color) {
                m_file.error(value, "colour '" + key + "' must be \"#rrggbb\" or \"#rrggbbaa\", not '" + *text + "'",
                    "six hexadecimal digits after #, e.g. \"#007a63\"");
                continue;
            }
            theme.*(field->field) = *color;
        }
    }

    void check_color_keys(const YAML::Node& colors)
    {
        check_duplicate_keys(m_file, colors, "'colors'");
        // check_keys takes a fixed list; the colour table is the one source of the names.
        std::vector<std::string> names;
        for (auto const& field : color_fields)
            names.emplace_back(field.key);
        for (auto const& entry : colors) {
            if (!entry.first.IsScalar()) {
                m_file.error(entry.first, "keys in 'colors' must be plain words");
                continue;
            }
            auto key = entry.first.Scalar();
            if (find_color_field(key))
                continue;
            auto hint = did_you_mean(key, names);
            if (hint.empty()) {
                hint = "colours are:";
                for (auto const& name : names)
                    hint += " " + name;
            }
            m_file.error(entry.first, "unknown key '" + key + "' in 'colors'", hint);
        }
    }

    static ColorField const* find_color_field(std::string_view key)
    {
        for (auto const& field : color_fields) {
            if (field.key == key)
                return &field;
        }
        return nullptr;
    }

    void read_fonts(const YAML::Node& fonts, Theme& theme)
    {
        m_file.check_keys(fonts, { "families" }, "'fonts'");
        auto families = m_file.text_list(fonts, "families", Presence::Optional);
        if (!families)
            return;
        std::vector<std::string> cleaned;
        for (auto const& family : *families) {
            if (!trim(family).empty())
                cleaned.emplace_back(trim(family));
        }
        if (cleaned.empty()) {
            m_file.error(fonts["families"], "'families' lists no font",
                "name at least one, e.g. [Noto Sans CJK SC, WenQuanYi Micro Hei]");
            return;
        }
        theme.font_families = std::move(cleaned);
    }

    void read_sizes(const YAML::Node& sizes, Theme& theme)
    {
        m_file.check_keys(sizes,
            { "title", "body", "minimum", "hotline_number", "header", "ticker", "margin", "line_spacing" }, "'sizes'");
        for (auto const& row : size_fields) {
            if (auto value
                = read_number(m_file, sizes, row.key, row.min, row.max, "(a fraction of the screen's short side)"))
                theme.*(row.field) = *value;
        }
        // Below 1.3 lines crowd for elderly readers (MIIT guidance); above 3 a paragraph falls apart.
        if (auto spacing = read_number(m_file, sizes, "line_spacing", 1.0, 3.0, "(times the font size)")) {
            theme.line_spacing = *spacing;
            if (*spacing < 1.3)
                m_file.warning(sizes["line_spacing"], "'line_spacing' below 1.3 is hard to read for elderly customers");
        }

        auto location = [&](std::string_view key) { return sizes[std::string(key)]; };
        // 0.037 (40 px at 1080p) is what customers read from 3 m; a theme may go a little below.
        if (lookup(sizes, "minimum") && theme.min_text_size < 0.033)
            m_file.warning(sizes["minimum"],
                "the minimum text size " + format_number(theme.min_text_size)
                    + " is below 0.033 of the short side: customers 3 m away cannot read it (0.037 is 40 px at 1080p)");
        if (theme.min_text_size > theme.body_size) {
            m_file.error(location(lookup(sizes, "minimum") ? "minimum" : "body"),
                "the minimum text size (" + format_number(theme.min_text_size) + ") is larger than the body size ("
                    + format_number(theme.body_size) + ")");
        }
        if (theme.min_text_size > theme.title_size) {
            m_file.error(location(lookup(sizes, "minimum") ? "minimum" : "title"),
                "the minimum text size (" + format_number(theme.min_text_size) + ") is larger than the title size ("
                    + format_number(theme.title_size) + ")");
        }
        if (theme.header_height + theme.ticker_height > 0.5) {
            m_file.error(location(lookup(sizes, "ticker") ? "ticker" : "header"),
                "header and ticker together take " + format_number(theme.header_height + theme.ticker_height)
                    + " of the short side, more than 0.5 leaves too little room for slides");
        }
    }

    void read_timing(const YAML::Node& timing, Theme& theme)
    {
        m_file.check_keys(timing, { "reading_speed", "min_duration", "max_duration", "ticker_speed" }, "'timing'");
        if (auto speed = read_number(m_file, timing, "reading_speed", 0.5, 50, "(characters per second)"))
            theme.reading_speed = *speed;
        if (auto min = read_duration(m_file, timing, "min_duration", 1s, 10min))
            theme.min_duration = *min;
        if (auto max = read_duration(m_file, timing, "max_duration", 1s, 60min))
            theme.max_duration = *max;
        if (theme.min_duration > theme.max_duration) {
            auto where = lookup(timing, "min_duration") ? timing["min_duration"] : timing["max_duration"];
            m_file.error(where,
                "'min_duration' (" + format_duration(theme.min_duration) + ") is longer than 'max_duration' ("
                    + format_duration(theme.max_duration) + ")");
        }
        if (auto speed = read_number(m_file, timing, "ticker_speed", 0.01, 2, "(short sides per second)"))
            theme.ticker_speed = *speed;
    }

    void warn_low_contrast(const YAML::Node& root, const Theme& theme)
    {
        auto colors = lookup(root, "colors");
        for (auto const& pair : text_color_pairs(theme)) {
            double ratio = contrast_ratio(pair.text, pair.background);
            if (ratio >= min_text_contrast)
                continue;
            // Point at whichever of the two colours the file sets; the default's own pairs pass.
            YAML::Node where = root;
            if (colors && lookup(*colors, pair.text_name))
                where = (*colors)[std::string(pair.text_name)];
            else if (colors && lookup(*colors, pair.background_name))
                where = (*colors)[std::string(pair.background_name)];
            char ratio_text[16];
            std::snprintf(ratio_text, sizeof ratio_text, "%.2f", ratio);
            m_file.warning(where,
                "'" + std::string(pair.text_name) + "' on '" + std::string(pair.background_name)
                    + "' has a contrast of " + ratio_text + ":1, below 4.5:1",
                "elderly customers read from metres away: darken or lighten one of the two");
        }
    }

    YamlFile& m_file;
};

} // namespace

std::optional<Theme> parse_theme(std::string_view yaml_text, const std::string& display_name, Diagnostics& diagnostics)
{
    YamlFile file(display_name, diagnostics);
    try {
        auto root = file.parse(yaml_text);
        if (!root)
            return std::nullopt;
        return ThemeParser(file).parse(*root);
    } catch (YAML::Exception const& exception) {
        // The readers index only mappings; this is a last line of defence, not a path we expect.
        diagnostics.error({ display_name, exception.mark.line + 1, exception.mark.column + 1 }, exception.msg);
        return std::nullopt;
    }
}

std::optional<Theme> load_theme(const std::filesystem::path& path, Diagnostics& diagnostics)
{
    YamlFile file(path.string(), diagnostics);
    try {
        auto root = file.load(path);
        if (!root)
            return std::nullopt;
        return ThemeParser(file).parse(*root);
    } catch (YAML::Exception const& exception) {
        diagnostics.error({ path.string(), exception.mark.line + 1, exception.mark.column + 1 }, exception.msg);
        return std::nullopt;
    }
}

} // namespace hallboard
