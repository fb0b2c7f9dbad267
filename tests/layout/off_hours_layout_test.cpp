// The dimmed clock of a closed hall: readable size, on the screen in every hour, and moving.
#include "player/layout/off_hours_layout.h"

#include "layout_test_support.h"

#include <doctest/doctest.h>

#include <set>
#include <utility>

using namespace hallboard;

TEST_CASE("the off-hours clock shows hours and minutes and the date, inside the screen at every hour")
{
    FixedAdvanceMeasurer measurer;
    struct Size {
        float width, height;
    };
    for (auto size : { Size { 1920, 1080 }, Size { 1080, 1920 }, Size { 3840, 2160 } }) {
        CAPTURE(size.width);
        std::set<std::pair<int, int>> places;
        for (int hour = 0; hour < 24; ++hour) {
            CAPTURE(hour);
            LocalDateTime const now { { 2026, 11, 23 }, hour * 60 + 5 };
            auto const list = layout_off_hours_clock(size.width, size.height, now, measurer);
            auto const texts = test::text_runs(list);
            REQUIRE(texts.size() == 2);
            char expected[8];
            std::snprintf(expected, sizeof expected, "%02d:05", hour);
            CHECK(texts[0]->text == expected);
            CHECK(texts[1]->text == "2026年11月23日　星期一");
            CHECK(texts[0]->color == off_hours_time_color);
            // Large: a fifth of the short side or so, readable from the door.
            CHECK(texts[0]->font.pixel_size >= static_cast<int>(std::min(size.width, size.height) * 0.15f));
            for (auto const* text : texts) {
                auto const box = test::text_box(*text, measurer);
                CHECK(box.x >= 0);
                CHECK(box.right() <= size.width);
                CHECK(box.y >= 0);
                CHECK(box.bottom() <= size.height);
            }
            places.insert({ static_cast<int>(texts[0]->x), static_cast<int>(texts[0]->baseline) });
        }
        // It moves from hour to hour rather than wearing one place of the panel.
        CHECK(places.size() >= 6);
    }
}
