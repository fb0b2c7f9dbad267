// Damage between two frame states: exactly the parts that changed, tidied up.
#include "player/screen/frame_damage.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace hallboard;

namespace {

// A 1920x1080 screen laid out as the default theme does.
FrameRegions regions()
{
    FrameRegions r;
    r.screen = { 0, 0, 1920, 1080 };
    r.header = { 0, 0, 1920, 97 };
    r.clock = { 1600, 0, 280, 93 };
    r.slide = { 0, 97, 1920, 907 };
    r.progress = { 0, 998, 1920, 6 };
    r.ticker = { 0, 1004, 1920, 76 };
    return r;
}

FrameState steady()
{
    FrameState state;
    state.drawn = true;
    state.header_day = 20788;
    state.clock_second = 36000;
    state.page = 3;
    state.progress_width = 1000;
    state.ticker_text = 1;
    state.ticker_position = 512;
    return state;
}

} // namespace

namespace doctest {
template <>
struct StringMaker<PixelRect> {
    static String convert(const PixelRect& r)
    {
        return ("{" + std::to_string(r.x) + "," + std::to_string(r.y) + "," + std::to_string(r.w) + ","
            + std::to_string(r.h) + "}")
            .c_str();
    }
};
} // namespace doctest

TEST_CASE("each change damages its own part of the screen, and nothing else")
{
    auto const r = regions();
    struct Case {
        char const* name;
        void (*change)(FrameState&);
        std::vector<PixelRect> expected;
    };
    Case const cases[] = {
        { "nothing changed", [](FrameState&) {}, {} },
        { "the clock ticked", [](FrameState& s) { s.clock_second += 1; }, { r.clock } },
        { "the day changed: the whole header, the clock inside it",
            [](FrameState& s) {
                s.header_day += 1;
                s.clock_second = 0;
            },
            { r.header } },
        { "a new page",
            [](FrameState& s) {
                s.page = 4;
                s.leaving = 3;
                s.transition_step = 0;
            },
            { r.slide } },
        { "the transition moved on",
            [](FrameState& s) {
                s.leaving = 2;
                s.transition_step = 400;
            },
            { r.slide } },
        { "the progress bar lost two pixels", [](FrameState& s) { s.progress_width = 998; }, { { 998, 998, 2, 6 } } },
        { "the progress bar grew back (clock set back)", [](FrameState& s) { s.progress_width = 1010; },
            { { 1000, 998, 10, 6 } } },
        { "the ticker scrolled", [](FrameState& s) { s.ticker_position = 510; }, { r.ticker } },
        { "the ticker scrolled by a fraction of a pixel", [](FrameState& s) { s.ticker_position = 511.75; },
            { r.ticker } },
        { "the ticker's text changed", [](FrameState& s) { s.ticker_text = 2; }, { r.ticker } },
        { "clock and ticker at once",
            [](FrameState& s) {
                s.clock_second += 1;
                s.ticker_position -= 2;
            },
            { r.clock, r.ticker } },
        { "a new page with the bar full again: the slide area holds the bar",
            [](FrameState& s) {
                s.page = 4;
                s.progress_width = 1920;
            },
            { r.slide } },
        { "slide, header and ticker: each part once",
            [](FrameState& s) {
                s.page = 4;
                s.header_day += 1;
                s.ticker_position -= 2;
            },
            { r.header, r.slide, r.ticker } },
        { "the target holds nothing yet", [](FrameState& s) { s.drawn = false; }, { r.screen } },
    };
    for (auto const& test_case : cases) {
        SUBCASE(test_case.name)
        {
            FrameState next = steady();
            test_case.change(next);
            FrameState shown = steady();
            if (!next.drawn) {
                // "Not drawn" is a property of the target before the frame.
                shown.drawn = false;
                next.drawn = true;
            }
            CHECK(damaged_rects(shown, next, r) == test_case.expected);
        }
    }
}

TEST_CASE("a transition that ends damages the slide area once more, then nothing")
{
    auto const r = regions();
    FrameState during = steady();
    during.leaving = 2;
    during.transition_step = 990;
    FrameState ended = steady();
    CHECK(damaged_rects(during, ended, r) == std::vector<PixelRect> { r.slide });
    CHECK(damaged_rects(ended, ended, r).empty());
    // Outside a transition the step means nothing.
    FrameState odd = ended;
    odd.transition_step = 5;
    CHECK(damaged_rects(ended, odd, r).empty());
}

TEST_CASE("damage stays on the screen, and rectangle helpers agree")
{
    FrameRegions r = regions();
    r.ticker = { -10, 1004, 1940, 100 }; // a region reaching past the edges is cut to the screen
    FrameState next = steady();
    next.ticker_position += 1;
    CHECK(damaged_rects(steady(), next, r) == std::vector<PixelRect> { { 0, 1004, 1920, 76 } });

    struct Case {
        PixelRect a, b, meet, box;
        bool a_holds_b;
    };
    Case const cases[] = {
        { { 0, 0, 10, 10 }, { 5, 5, 10, 10 }, { 5, 5, 5, 5 }, { 0, 0, 15, 15 }, false },
        { { 0, 0, 10, 10 }, { 2, 2, 3, 3 }, { 2, 2, 3, 3 }, { 0, 0, 10, 10 }, true },
        { { 0, 0, 10, 10 }, { 10, 0, 5, 5 }, {}, { 0, 0, 15, 10 }, false },
        { { 0, 0, 0, 0 }, { 3, 4, 5, 6 }, {}, { 3, 4, 5, 6 }, false },
    };
    for (auto const& c : cases) {
        CAPTURE(c.a);
        CAPTURE(c.b);
        CHECK(intersection(c.a, c.b) == c.meet);
        CHECK(bounding_box(c.a, c.b) == c.box);
        CHECK(contains(c.a, c.b) == c.a_holds_b);
        CHECK(overlaps(c.a, c.b) == !c.meet.empty());
    }
}
