// The header: the hall's name never runs into the date or under the clock, on any screen.
#include "player/layout/frame_layout.h"

#include "layout_test_support.h"

#include <doctest/doctest.h>

using namespace hallboard;

TEST_CASE("the hall name shrinks, drops the date, wraps and at last is cut, but never reaches the clock")
{
    FixedAdvanceMeasurer measurer;
    struct Case {
        const char* hall;
        float width, height;
        bool date_shown;
        size_t hall_lines;
        bool cut;
    };
    Case const cases[] = {
        { "城西供电营业厅", 1920, 1080, true, 1, false },
        { "城西供电营业厅", 1080, 1920, true, 1, false },
        { "国网杭州市西湖区供电分公司城西供电营业厅", 1920, 1080, true, 1, false },
        { "国网杭州市西湖区供电分公司城西供电营业厅", 1080, 1920, false, 1, false },
        { "国网浙江省电力有限公司杭州市西湖区供电分公司城西供电营业厅", 1080, 1920, false, 2, false },
        { "国网浙江省电力有限公司杭州市西湖区供电分公司城西供电营业厅国网浙江省电力有限公司杭州市西湖区供电分公司城西供"
          "电营业厅",
            1080, 1920, false, 2, true },
    };
    for (auto const& test : cases) {
        CAPTURE(test.hall);
        CAPTURE(test.width);
        auto const theme = default_theme();
        auto const geometry = compute_screen_geometry(test.width, test.height, theme);
        auto const header = layout_header(geometry, theme, test.hall, { 2026, 12, 1 }, measurer);
        auto const texts = test::text_boxes(header.list, measurer);
        bool date_shown = false;
        std::string hall_shown;
        size_t hall_lines = 0;
        for (auto const& [box, text] : texts) {
            // Nothing reaches the clock's box, and everything stays inside the header.
            CHECK(box.right() <= header.clock_box.x);
            CHECK(box.y >= geometry.header.y);
            CHECK(box.bottom() <= geometry.header.bottom());
            if (text->text.find("年") != std::string::npos && text->text.find("星期") != std::string::npos) {
                date_shown = true;
            } else {
                hall_shown += text->text;
                ++hall_lines;
            }
        }
        CHECK(date_shown == test.date_shown);
        CHECK(hall_lines == test.hall_lines);
        CHECK(hall_shown.ends_with("…") == test.cut);
        CHECK(header.hall_cut == test.cut);
        if (!test.cut)
            CHECK(hall_shown == test.hall);
        // The name stays large enough to read from the counter.
        for (auto const& text : texts)
            CHECK(text.run->font.pixel_size >= static_cast<int>(geometry.header.h * 0.29f));
    }
}
