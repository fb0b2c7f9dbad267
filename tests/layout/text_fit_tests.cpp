// fit_text, text_block_height and emit_lines with the fixed-advance fake.
#include "player/layout/text_layout.h"

#include "text_test_support.h"

#include <string>
#include <variant>
#include <vector>

using namespace hallboard;

TEST_CASE("text_block_height")
{
    struct Case {
        char const* name;
        int lines;
        int px;
        double spacing;
        float expected;
    };
    Case const cases[] = {
        { "no lines", 0, 40, 1.5, 0 },
        { "negative count", -2, 40, 1.5, 0 },
        { "one line", 1, 40, 1.5, 60 },
        { "three lines", 3, 40, 1.25, 150 },
        { "tight spacing", 2, 30, 1.0, 60 },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            CHECK(text_block_height(c.lines, FontSpec { c.px }, c.spacing) == doctest::Approx(c.expected));
        }
    }
}

TEST_CASE("fit_text picks the largest size that fits")
{
    FixedAdvanceMeasurer measurer;
    // 12 Han characters. At size px a 240-wide box holds floor(240/px) per line.
    std::string const text = "供电营业厅欢迎您办理业务";
    struct Case {
        char const* name;
        float width;
        float height;
        int preferred;
        int min;
        int expected_px;
        bool fits;
        size_t lines;
    };
    Case const cases[] = {
        // One line of 12 at 20 px = 240 wide, 20 * 1.5 = 30 tall.
        { "fits at preferred size", 240, 30, 20, 10, 20, true, 1 },
        // 40 px: 6 per line, 2 lines, 120 tall; 41 px: 5 per line, 3 lines, 184.5 tall.
        { "shrinks to two lines", 240, 120, 60, 10, 40, true, 2 },
        // 60 px: 4 per line, 3 lines, 270 tall; 61 px: 3 per line, 4 lines.
        { "shrinks to three lines", 240, 270, 80, 10, 60, true, 3 },
        // At the minimum 30 px: 8 per line, 2 lines, 90 tall > 80.
        { "does not fit at the minimum", 240, 80, 60, 30, 30, false, 2 },
        // A 30-px character in a 20-wide box overflows however tall the box.
        { "overflow never fits", 20, 10000, 60, 30, 30, false, 12 },
        { "minimum above preferred uses preferred", 240, 1000, 20, 30, 20, true, 1 },
        { "exact fit at the minimum", 240, 30, 40, 20, 20, true, 1 },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            auto const fitted = fit_text(text, c.width, c.height, c.preferred, c.min, FontWeight::Bold, 1.5, measurer);
            CHECK(fitted.font.pixel_size == c.expected_px);
            CHECK(fitted.font.weight == FontWeight::Bold);
            CHECK(fitted.fits == c.fits);
            CHECK(fitted.wrapped.lines.size() == c.lines);
            CHECK(fitted.height == doctest::Approx(text_block_height(static_cast<int>(c.lines), fitted.font, 1.5)));
            if (fitted.fits) {
                CHECK(fitted.height <= c.height);
                CHECK_FALSE(fitted.wrapped.overflow);
            }
        }
    }
}

TEST_CASE("fit_text agrees with trying every size")
{
    // Brute force: the largest px whose wrap fits must be what fit_text returns.
    FixedAdvanceMeasurer measurer;
    char const* const texts[] = {
        "居民用户新装、增容：申请受理（营业厅、“网上国网”App、95598）→现场勘查→装表接电，全过程不超过5个工作日。",
        "服务热线 95598",
        "第一档≤2760 kWh：0.538元/kWh\n第二档2761–4800 kWh：0.588元/kWh\n第三档≥4801 kWh：0.838元/kWh",
    };
    for (char const* text : texts) {
        for (float width : { 200.f, 450.f, 900.f }) {
            for (float height : { 60.f, 150.f, 400.f }) {
                CAPTURE(text);
                CAPTURE(width);
                CAPTURE(height);
                int expected = 0;
                for (int px = 12; px <= 72; ++px) {
                    auto wrapped = wrap_text(text, width, FontSpec { px }, measurer);
                    float h = text_block_height(static_cast<int>(wrapped.lines.size()), FontSpec { px }, 1.4);
                    if (!wrapped.overflow && h <= height)
                        expected = px;
                }
                auto const fitted = fit_text(text, width, height, 72, 12, FontWeight::Regular, 1.4, measurer);
                CHECK(fitted.fits == (expected != 0));
                CHECK(fitted.font.pixel_size == (expected != 0 ? expected : 12));
            }
        }
    }
}

TEST_CASE("fit_text of empty text fits at the preferred size")
{
    FixedAdvanceMeasurer measurer;
    auto const fitted = fit_text("", 100, 0, 48, 20, FontWeight::Regular, 1.5, measurer);
    CHECK(fitted.fits);
    CHECK(fitted.font.pixel_size == 48);
    CHECK(fitted.wrapped.lines.empty());
    CHECK(fitted.height == 0);
}

namespace {

std::vector<TextRun> text_runs(const DisplayList& list)
{
    std::vector<TextRun> runs;
    for (auto const& command : list.commands) {
        REQUIRE(std::holds_alternative<TextRun>(command));
        runs.push_back(std::get<TextRun>(command));
    }
    return runs;
}

} // namespace

TEST_CASE("emit_lines places and aligns lines")
{
    FixedAdvanceMeasurer measurer;
    FontSpec const font { 20, FontWeight::Bold };
    Color const color { 10, 20, 30, 255 };
    // Lines 40 and 20 wide in a 100-wide box at x = 10.
    std::vector<std::string> const lines { "供电", "ab", "", "营" };
    // Line box 20 * 1.5 = 30; glyphs 17.6 + 2.4 = 20 tall, centred: 5 above, baseline at 5 + 17.6.
    float const baseline_in_box = 5 + 17.6f;
    struct Case {
        char const* name;
        TextAlign align;
        float expected_x[3];
    };
    Case const cases[] = {
        { "left", TextAlign::Left, { 10, 10, 10 } },
        { "center", TextAlign::Center, { 40, 50, 50 } },
        { "right", TextAlign::Right, { 70, 90, 90 } },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            DisplayList list;
            float const bottom = emit_lines(list, lines, 10, 100, 100, font, color, 1.5, c.align, measurer);
            CHECK(bottom == doctest::Approx(100 + 4 * 30));
            auto const runs = text_runs(list);
            // The empty line draws nothing but keeps its space.
            REQUIRE(runs.size() == 3);
            float const expected_baselines[] = { 100 + baseline_in_box, 130 + baseline_in_box, 190 + baseline_in_box };
            char const* const expected_text[] = { "供电", "ab", "营" };
            for (size_t i = 0; i < runs.size(); ++i) {
                CAPTURE(i);
                CHECK(runs[i].text == expected_text[i]);
                CHECK(runs[i].x == doctest::Approx(c.expected_x[i]));
                CHECK(runs[i].baseline == doctest::Approx(expected_baselines[i]));
                CHECK(runs[i].font == font);
                CHECK(runs[i].color == color);
            }
        }
    }
}

TEST_CASE("emit_lines of no lines returns the top")
{
    FixedAdvanceMeasurer measurer;
    DisplayList list;
    CHECK(emit_lines(list, {}, 0, 42, 100, FontSpec {}, Color {}, 1.5, TextAlign::Center, measurer) == 42);
    CHECK(list.commands.empty());
}
