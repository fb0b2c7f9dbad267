// FontSet: fontconfig resolution, fallbacks, and measurements of real Chinese text.
#include "render_test_support.h"

namespace hallboard {

using test::fonts;

TEST_CASE("FontSet opens a Chinese font with a real bold face")
{
    FontSet& set = fonts();
    CHECK(set.regular_face().family.find("Noto Sans CJK") != std::string::npos);
    CHECK(set.regular_face().file.find("NotoSansCJK-Regular") != std::string::npos);
    CHECK(set.has_real_bold());
    CHECK(set.bold_face().file.find("NotoSansCJK-Bold") != std::string::npos);
}

TEST_CASE("Han text is about one em per character at every size")
{
    FontSet& set = fonts();
    for (int size : { 16, 24, 40, 64, 100, 180 }) {
        CAPTURE(size);
        for (FontWeight weight : { FontWeight::Regular, FontWeight::Bold }) {
            FontSpec const spec { size, weight };
            float const em = static_cast<float>(size);
            CHECK(set.width("中文", spec) == doctest::Approx(2 * em).epsilon(0.03));
            CHECK(set.width("城西供电营业厅", spec) == doctest::Approx(7 * em).epsilon(0.03));
            CHECK(set.ascent(spec) > 0.8f * em);
            CHECK(set.descent(spec) > 0.1f * em);
            CHECK(set.ascent(spec) > set.descent(spec));
        }
    }
}

TEST_CASE("Widths compare as the glyphs do")
{
    FontSet& set = fonts();
    FontSpec const regular { 48, FontWeight::Regular };
    FontSpec const bold { 48, FontWeight::Bold };
    struct Row {
        char const* text;
    };
    for (Row row : { Row { "0.4883 元/千瓦时" }, Row { "95598" }, Row { "Hallboard" }, Row { "供电服务热线" } }) {
        CAPTURE(row.text);
        CHECK(set.width(row.text, bold) >= set.width(row.text, regular));
        CHECK(set.width(row.text, regular) > 0);
    }
    // Latin letters and digits are narrower than Han characters.
    CHECK(set.width("ab", regular) < set.width("中文", regular));
    CHECK(set.width("12345", regular) < set.width("中文中文中", regular));
    // Width grows with the text and with the size.
    CHECK(set.width("中文中文", regular) > set.width("中文", regular));
    CHECK(set.width("中文", FontSpec { 60, FontWeight::Regular }) > set.width("中文", regular));
    CHECK(set.width("", regular) == 0);
    // A cached measurement equals a fresh one.
    float const first = set.width("电价公示", regular);
    CHECK(set.width("电价公示", regular) == first);
}

TEST_CASE("font() switches sizes, and what a size measures does not depend on the sizes used before")
{
    test::session();
    // Fresh font sets measure each size first; the shared one has switched back and forth.
    FontSet& switched = fonts();
    for (int size = 10; size < 60; size += 7) {
        for (FontWeight weight : { FontWeight::Regular, FontWeight::Bold }) {
            TTF_Font* font = switched.font(FontSpec { size, weight });
            REQUIRE(font != nullptr);
            CHECK(TTF_FontHeight(font) > size);
            CHECK(TTF_FontHeight(font) < 2 * size);
        }
    }
    struct Row {
        char const* text;
        FontSpec spec;
    };
    Row const rows[] = {
        { "供电服务热线 95598", { 45, FontWeight::Regular } },
        { "0.4883 元/千瓦时", { 32, FontWeight::Bold } },
        { "城西供电营业厅", { 77, FontWeight::Bold } },
        { "Hallboard jgy", { 13, FontWeight::Regular } },
    };
    for (Row const& row : rows) {
        CAPTURE(row.text);
        CAPTURE(row.spec.pixel_size);
        auto fresh = FontSet::open({});
        REQUIRE(fresh);
        float const expected = fresh->width(row.text, row.spec);
        int expected_ascent = TTF_FontAscent(fresh->font(row.spec));
        // Measure at other sizes of both weights first, then at the row's size.
        for (int other : { 20, 90, row.spec.pixel_size + 1 }) {
            switched.width("电价公示", FontSpec { other, FontWeight::Regular });
            switched.width("电价公示", FontSpec { other, FontWeight::Bold });
        }
        CHECK(switched.width(row.text, row.spec) == expected);
        CHECK(TTF_FontAscent(switched.font(row.spec)) == expected_ascent);
        int width = 0;
        int height = 0;
        REQUIRE(TTF_SizeUTF8(switched.font(row.spec), row.text, &width, &height) == 0);
        CHECK(static_cast<float>(width) == expected);
    }
}

TEST_CASE("Missing or Latin-only families fall back to a Chinese font with a warning")
{
    test::session();
    struct Row {
        std::vector<std::string> families;
        char const* warned; // a family that must be named in a warning, or null
        char const* chosen; // part of the chosen family's name
    };
    Row const rows[] = {
        { { "No Such Family Hallboard" }, "No Such Family Hallboard", "Noto Sans CJK" },
        { { "DejaVu Sans", "WenQuanYi Micro Hei" }, nullptr, "WenQuanYi Micro Hei" },
        { { "No Such Family Hallboard", "WenQuanYi Micro Hei" }, "No Such Family Hallboard", "WenQuanYi Micro Hei" },
        { {}, nullptr, "Noto Sans CJK SC" },
        { { "文泉驿微米黑" }, nullptr, "WenQuanYi Micro Hei" }, // a family's Chinese name counts too
        { { "wenquanyi micro hei" }, nullptr, "WenQuanYi Micro Hei" },
    };
    for (Row const& row : rows) {
        CAPTURE(row.chosen);
        test::LogRecorder log;
        auto set = FontSet::open(row.families);
        REQUIRE(set);
        CHECK(set->regular_face().family.find(row.chosen) != std::string::npos);
        if (row.warned)
            CHECK(log.count(LogLevel::Warning, row.warned) == 1);
        CHECK(log.count(LogLevel::Info, set->regular_face().file) == 1);
        CHECK(set->width("中文", FontSpec { 40, FontWeight::Regular }) == doctest::Approx(80).epsilon(0.05));
    }
}

TEST_CASE("A family without a bold face gets synthesised bold")
{
    test::session();
    auto set = FontSet::open({ "WenQuanYi Micro Hei" });
    REQUIRE(set);
    CHECK_FALSE(set->has_real_bold());
    FontSpec const regular { 40, FontWeight::Regular };
    FontSpec const bold { 40, FontWeight::Bold };
    CHECK(set->width("供电营业厅", bold) >= set->width("供电营业厅", regular));
    TTF_Font* bold_font = set->font(bold);
    REQUIRE(bold_font);
    CHECK((TTF_GetFontStyle(bold_font) & TTF_STYLE_BOLD) != 0);
}

} // namespace hallboard
