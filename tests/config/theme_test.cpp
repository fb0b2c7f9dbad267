// Themes: colour arithmetic, the default theme's contrast, the theme files in themes/, and
// the place and wording of errors in malformed themes.
#include "diagnostic_matchers.h"

#include "player/config/theme.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

using namespace hallboard;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

TEST_CASE("contrast ratios follow WCAG 2.x")
{
    struct Case {
        char const* a;
        char const* b;
        double expected;
    };
    // Reference values from the WCAG definition (and common contrast checkers).
    Case const cases[] = {
        { "#000000", "#ffffff", 21.0 },
        { "#ffffff", "#000000", 21.0 },
        { "#777777", "#ffffff", 4.48 },
        { "#767676", "#ffffff", 4.54 },
        { "#007a63", "#ffffff", 5.30 },
        { "#ff0000", "#ffffff", 4.00 },
        { "#1b2b26", "#1b2b26", 1.0 },
    };
    for (auto const& test_case : cases) {
        CAPTURE(test_case.a);
        CAPTURE(test_case.b);
        auto ratio = contrast_ratio(*parse_color(test_case.a), *parse_color(test_case.b));
        CHECK(ratio == doctest::Approx(test_case.expected).epsilon(0.005));
    }
}

TEST_CASE("colours are #rrggbb or #rrggbbaa")
{
    struct Case {
        char const* text;
        std::optional<Color> expected;
    };
    Case const cases[] = {
        { "#007a63", Color { 0x00, 0x7a, 0x63, 255 } },
        { "#007A63", Color { 0x00, 0x7a, 0x63, 255 } },
        { "#ffffff80", Color { 255, 255, 255, 0x80 } },
        { "#000000", Color { 0, 0, 0, 255 } },
        { "007a63", std::nullopt },
        { "#07a", std::nullopt },
        { "#007a6", std::nullopt },
        { "#007a633", std::nullopt },
        { "#007a63g0", std::nullopt },
        { "#00 a63", std::nullopt },
        { "green", std::nullopt },
        { "", std::nullopt },
    };
    for (auto const& test_case : cases) {
        CAPTURE(test_case.text);
        CHECK(parse_color(test_case.text) == test_case.expected);
        if (test_case.expected)
            CHECK(parse_color(format_color(*test_case.expected)) == test_case.expected);
    }
    CHECK(format_color(Color { 0, 0x7a, 0x63, 255 }) == "#007a63");
    CHECK(format_color(Color { 255, 255, 255, 0x80 }) == "#ffffff80");
}

TEST_CASE("blending a translucent colour over another")
{
    Color black { 0, 0, 0, 255 };
    Color white { 255, 255, 255, 255 };
    CHECK(blend_over(white, black) == white);
    CHECK(blend_over(Color { 255, 255, 255, 0 }, black) == black);
    CHECK(blend_over(Color { 255, 255, 255, 128 }, black) == Color { 128, 128, 128, 255 });
    CHECK(blend_over(Color { 0, 0, 255, 64 }, Color { 255, 0, 0, 255 }) == Color { 191, 0, 64, 255 });
}

static void check_text_contrast(const Theme& theme)
{
    auto pairs = text_color_pairs(theme);
    REQUIRE(pairs.size() >= 10);
    for (auto const& pair : pairs) {
        CAPTURE(pair.text_name);
        CAPTURE(pair.background_name);
        CHECK(contrast_ratio(pair.text, pair.background) >= min_text_contrast);
    }
}

TEST_CASE("the default theme: light, utility green, readable")
{
    auto theme = default_theme();
    check_text_contrast(theme);
    Color black { 0, 0, 0, 255 };
    Color white { 255, 255, 255, 255 };
    CHECK(contrast_ratio(theme.background, black) > contrast_ratio(theme.background, white)); // light background
    CHECK(contrast_ratio(theme.text, theme.background) >= 7.0);                               // AAA for body text
    CHECK(theme.accent.g > theme.accent.r);                                                   // green, not another hue
    CHECK(theme.accent.g > theme.accent.b);
    CHECK(theme.font_families == std::vector<std::string> { "Noto Sans CJK SC", "WenQuanYi Micro Hei" });
    CHECK(theme.line_spacing >= 1.3);
    CHECK(theme.body_size * 1080 >= 40); // body text at least 40 px at 1080p (domain notes)
    CHECK(theme.min_text_size <= theme.body_size);
}

TEST_CASE("text pairs cover every text colour of the theme")
{
    auto pairs = text_color_pairs(default_theme());
    for (std::string_view name : { "text", "muted_text", "on_accent", "header_text", "ticker_text", "table_header_text",
             "warning_text", "accent", "warning_accent" }) {
        CAPTURE(name);
        CHECK(std::any_of(pairs.begin(), pairs.end(), [&](auto const& pair) { return pair.text_name == name; }));
    }
    // The contrast check must see what is drawn: a translucent text colour is blended first.
    Theme theme = default_theme();
    theme.text = Color { theme.text.r, theme.text.g, theme.text.b, 40 };
    auto faded = text_color_pairs(theme);
    auto text_on_background = std::find_if(faded.begin(), faded.end(),
        [](auto const& pair) { return pair.text_name == "text" && pair.background_name == "background"; });
    REQUIRE(text_on_background != faded.end());
    CHECK(contrast_ratio(text_on_background->text, text_on_background->background) < min_text_contrast);
}

TEST_CASE("themes/default.yaml spells out the built-in default exactly")
{
    Diagnostics diagnostics;
    auto theme = load_theme(fs::path(HALLBOARD_SOURCE_DIR) / "themes" / "default.yaml", diagnostics);
    INFO(diagnostics.format_all());
    REQUIRE(theme);
    CHECK(diagnostics.all().empty());
    CHECK(*theme == default_theme());
}

TEST_CASE("every theme in themes/ loads cleanly and keeps text readable")
{
    int count = 0;
    for (auto const& entry : fs::directory_iterator(fs::path(HALLBOARD_SOURCE_DIR) / "themes")) {
        if (entry.path().extension() != ".yaml")
            continue;
        ++count;
        CAPTURE(entry.path().string());
        Diagnostics diagnostics;
        auto theme = load_theme(entry.path(), diagnostics);
        INFO(diagnostics.format_all());
        REQUIRE(theme);
        CHECK(diagnostics.all().empty());
        CHECK(theme->name == entry.path().stem().string());
        check_text_contrast(*theme);
    }
    CHECK(count >= 2);
}

TEST_CASE("the high-contrast theme is dark with light text")
{
    Diagnostics diagnostics;
    auto theme = load_theme(fs::path(HALLBOARD_SOURCE_DIR) / "themes" / "high-contrast.yaml", diagnostics);
    REQUIRE(theme);
    Color black { 0, 0, 0, 255 };
    CHECK(contrast_ratio(theme->background, black) < 1.2); // near-black
    CHECK(contrast_ratio(theme->text, theme->background) >= 15);
    CHECK(contrast_ratio(theme->header_text, theme->header_background) >= 7);
    CHECK(contrast_ratio(theme->ticker_text, theme->ticker_background) >= 7);
    CHECK(theme->accent.g > theme->accent.r);                     // green accent
    CHECK(theme->font_families == default_theme().font_families); // left out: kept
}

TEST_CASE("keys left out keep the defaults; the name defaults to the file's")
{
    Diagnostics diagnostics;
    auto theme = parse_theme("colors:\n  accent: \"#005f4b\"\nsizes:\n  body: 0.05\ntiming:\n  max_duration: 1m\n",
        "themes/hall-7.yaml", diagnostics);
    INFO(diagnostics.format_all());
    REQUIRE(theme);
    CHECK(diagnostics.all().empty());
    Theme expected = default_theme();
    expected.name = "hall-7";
    expected.accent = Color { 0x00, 0x5f, 0x4b, 255 };
    expected.body_size = 0.05;
    expected.max_duration = 60s;
    CHECK(*theme == expected);
}

TEST_CASE("every field of a theme can be set")
{
    struct ColorKey {
        char const* key;
        Color Theme::*field;
    };
    ColorKey const colors[] = {
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
    // A distinct colour per key, so that a key written into the wrong field shows.
    std::string yaml = "name: every\ncolors:\n";
    std::uint8_t index = 1;
    for (auto const& color : colors) {
        yaml += "  " + std::string(color.key) + ": \"" + format_color(Color { index, 0x10, 0x20, 0x30 }) + "\"\n";
        ++index;
    }
    yaml += "fonts: {families: [Source Han Sans SC]}\n"
            "sizes: {title: 0.07, body: 0.05, minimum: 0.035, hotline_number: 0.15, header: 0.1, ticker: 0.08,"
            " margin: 0.02, line_spacing: 1.5}\n"
            "timing: {reading_speed: 4.5, min_duration: 5s, max_duration: 1m, ticker_speed: 0.2}\n";
    Diagnostics diagnostics;
    auto theme = parse_theme(yaml, "every.yaml", diagnostics);
    INFO(diagnostics.format_all());
    REQUIRE(theme);
    CHECK(diagnostics.error_count() == 0); // these colours are unreadable: warnings expected
    CHECK(theme->name == "every");
    index = 1;
    for (auto const& color : colors) {
        CAPTURE(color.key);
        CHECK((*theme).*(color.field) == Color { index, 0x10, 0x20, 0x30 });
        ++index;
    }
    CHECK(theme->font_families == std::vector<std::string> { "Source Han Sans SC" });
    CHECK(theme->title_size == 0.07);
    CHECK(theme->body_size == 0.05);
    CHECK(theme->min_text_size == 0.035);
    CHECK(theme->hotline_number_size == 0.15);
    CHECK(theme->header_height == 0.1);
    CHECK(theme->ticker_height == 0.08);
    CHECK(theme->margin == 0.02);
    CHECK(theme->line_spacing == 1.5);
    CHECK(theme->reading_speed == 4.5);
    CHECK(theme->min_duration == 5s);
    CHECK(theme->max_duration == 60s);
    CHECK(theme->ticker_speed == 0.2);
    CHECK(diagnostics.warning_count() > 0); // every text pair here is dark on dark
}

TEST_CASE("malformed themes report the place and the problem")
{
    struct Case {
        char const* yaml;
        test::ExpectedDiagnostic expected;
    };
    Case const cases[] = {
        { "colours:\n  text: \"#000000\"\n",
            { Severity::Error, 1, 1, "unknown key 'colours' in the theme", "did you mean 'colors'?" } },
        { "colors:\n  backgrond: \"#ffffff\"\n",
            { Severity::Error, 2, 3, "unknown key 'backgrond' in 'colors'", "did you mean 'background'?" } },
        { "colors:\n  text: #1b2b26\n",
            { Severity::Error, 2, 3, "colour 'text' is empty", "put the colour in quotes" } },
        { "colors:\n  text: \"#12345\"\n",
            { Severity::Error, 2, 9, "colour 'text' must be \"#rrggbb\" or \"#rrggbbaa\", not '#12345'", "" } },
        { "colors:\n  text: \"#12345g\"\n", { Severity::Error, 2, 9, "not '#12345g'", "" } },
        { "colors:\n  text: [1, 2]\n", { Severity::Error, 2, 9, "colour 'text' must be a single value", "" } },
        { "colors: red\n", { Severity::Error, 1, 9, "'colors' must be a mapping", "" } },
        { "sizes:\n  body: 0.8\n",
            { Severity::Error, 2, 9,
                "'body' must be between 0.005 and 0.5 (a fraction of the screen's short side), not 0.8", "" } },
        { "sizes:\n  title: big\n", { Severity::Error, 2, 10, "'title' must be a number, not 'big'", "" } },
        { "sizes:\n  body: 0,05\n", { Severity::Error, 2, 9, "'body' must be a number", "point" } },
        { "sizes:\n  margin: -0.1\n", { Severity::Error, 2, 11, "'margin' must be between 0 and 0.5", "" } },
        { "sizes:\n  line_spacing: 0.8\n",
            { Severity::Error, 2, 17, "'line_spacing' must be between 1 and 3 (times the font size)", "" } },
        { "sizes:\n  minimum: 0.05\n",
            { Severity::Error, 2, 12, "the minimum text size (0.05) is larger than the body size (0.042)", "" } },
        { "sizes: {header: 0.3, ticker: 0.3}\n",
            { Severity::Error, 1, 30, "header and ticker together take 0.6", "" } },
        { "sizes:\n  size: 0.1\n", { Severity::Error, 2, 3, "unknown key 'size' in 'sizes'", "" } },
        { "timing:\n  min_duration: 8\n",
            { Severity::Error, 2, 17, "'min_duration' must be a duration like 8s", "add a unit: 8s" } },
        { "timing:\n  min_duration: 50s\n",
            { Severity::Error, 2, 17, "'min_duration' (50s) is longer than 'max_duration' (40s)", "" } },
        { "timing:\n  reading_speed: 0\n",
            { Severity::Error, 2, 18, "'reading_speed' must be between 0.5 and 50 (characters per second), not 0",
                "" } },
        { "timing:\n  ticker_speed: 5\n", { Severity::Error, 2, 17, "'ticker_speed' must be between 0.01 and 2", "" } },
        { "fonts:\n  families: []\n", { Severity::Error, 2, 13, "'families' lists no font", "" } },
        { "fonts:\n  families: Noto Sans\n", { Severity::Error, 2, 13, "'families' must be a list", "" } },
        { "fonts:\n  family: [Noto Sans CJK SC]\n",
            { Severity::Error, 2, 3, "unknown key 'family' in 'fonts'", "allowed here: families" } },
        { "colors:\n  text: \"#000000\"\n  text: \"#111111\"\n",
            { Severity::Error, 3, 3, "'text' appears twice in 'colors'", "only the first" } },
        { "- a\n- b\n", { Severity::Error, 1, 1, "a theme file must be a mapping", "" } },
        { "colors:\n\ttext: \"#000000\"\n", { Severity::Error, 2, 1, "tab used for indentation", "" } },
    };
    for (auto const& test_case : cases) {
        SUBCASE(test_case.yaml)
        {
            Diagnostics diagnostics;
            auto theme = parse_theme(test_case.yaml, "themes/bad.yaml", diagnostics);
            INFO(diagnostics.format_all());
            CHECK_FALSE(theme);
            CHECK(diagnostics.error_count() == 1);
            CHECK(test::has_diagnostic(diagnostics, "themes/bad.yaml", test_case.expected));
        }
    }
}

TEST_CASE("readability problems are warnings, and the theme still loads")
{
    struct Case {
        char const* yaml;
        test::ExpectedDiagnostic expected;
    };
    Case const cases[] = {
        { "colors:\n  muted_text: \"#aaaaaa\"\n",
            { Severity::Warning, 2, 15, "'muted_text' on 'background' has a contrast of", "" } },
        { "colors:\n  accent: \"#7fd1bc\"\n",
            { Severity::Warning, 2, 11, "'on_accent' on 'accent' has a contrast of", "" } },
        { "sizes:\n  line_spacing: 1.2\n", { Severity::Warning, 2, 17, "'line_spacing' below 1.3", "" } },
    };
    for (auto const& test_case : cases) {
        SUBCASE(test_case.yaml)
        {
            Diagnostics diagnostics;
            auto theme = parse_theme(test_case.yaml, "themes/pale.yaml", diagnostics);
            INFO(diagnostics.format_all());
            CHECK(theme);
            CHECK(diagnostics.error_count() == 0);
            CHECK(test::has_diagnostic(diagnostics, "themes/pale.yaml", test_case.expected));
        }
    }
}

TEST_CASE("a missing theme file is an error, not a crash")
{
    Diagnostics diagnostics;
    auto theme = load_theme(fs::path(HALLBOARD_TEST_DATA) / "themes" / "absent.yaml", diagnostics);
    CHECK_FALSE(theme);
    CHECK(diagnostics.error_count() == 1);
}
