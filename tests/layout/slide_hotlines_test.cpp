// Hotline slides: the number is the largest text, entries in a grid (2x2 landscape, stacked
// portrait), a QR image inside its card, long directories paginated.
#include "layout_test_support.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace hallboard;
using namespace hallboard::test;

namespace {

Hotlines hotlines(int count)
{
    std::vector<Hotline> const known = {
        { "供电服务热线", "95598", "24 小时服务", "" },
        { "能源监管热线", "12398", "", "" },
        { "营业厅监督电话", "020-12345678", "工作日 8:30-17:30", "assets/feedback-qr.png" },
        { "政务服务便民热线", "12345", "", "" },
    };
    Hotlines result;
    for (int i = 0; i < count; ++i) {
        if (i < 4 && count <= 4) {
            result.entries.push_back(known[static_cast<size_t>(i)]);
        } else {
            // A directory of supply stations (illustrative numbers).
            std::string digits = std::to_string(1000000 + i * 7919).substr(1);
            result.entries.push_back({ "第" + std::to_string(i + 1) + "供电所", "0571-8" + digits,
                i % 3 == 0 ? "工作日 8:30-17:30" : "", "" });
        }
    }
    return result;
}

SlideLayout lay_out(const Hotlines& lines, TestSlide& slide)
{
    return layout_hotlines(make_notice("服务监督电话", lines), lines, slide.context);
}

// The card of each entry on a page, found by its number.
struct Card {
    size_t entry = 0;
    Rect box;
    const TextRun* number = nullptr;
};

std::vector<Card> cards(const DisplayList& page, const Hotlines& lines, TestSlide& slide)
{
    std::vector<Card> found;
    auto fills = fills_of_color(page, slide.theme.card_background);
    for (size_t entry = 0; entry < lines.entries.size(); ++entry) {
        for (auto const* run : text_runs(page)) {
            if (run->text != lines.entries[entry].number)
                continue;
            Rect text = text_box(*run, slide.measurer);
            for (auto const* fill : fills) {
                if (rect_inside(text, fill->rect))
                    found.push_back({ entry, fill->rect, run });
            }
        }
    }
    return found;
}

std::set<int> distinct(const std::vector<Card>& found, float Rect::*field)
{
    std::set<int> values;
    for (auto const& card : found)
        values.insert(static_cast<int>(std::lround(card.box.*field)));
    return values;
}

} // namespace

TEST_CASE("hotline slides fit every screen; each number is the largest text of its slide")
{
    int const counts[] = { 1, 2, 3, 4, 6, 9, 30 };
    for (auto const& screen : test_screens) {
        for (int count : counts) {
            SUBCASE((std::string(screen.name) + ", " + std::to_string(count) + " entries").c_str())
            {
                TestSlide slide(screen);
                auto lines = hotlines(count);
                auto layout = lay_out(lines, slide);
                CHECK_MESSAGE(layout.problems.empty(), join_lines(layout.problems));
                auto issues = layout_issues(layout, slide);
                CHECK_MESSAGE(issues.empty(), join_lines(issues));

                std::vector<int> seen(lines.entries.size(), 0);
                for (auto const& page : layout.pages) {
                    auto found = cards(page, lines, slide);
                    int largest_other = 0;
                    for (auto const* run : text_runs(page)) {
                        bool is_number = std::any_of(
                            found.begin(), found.end(), [&](auto const& card) { return card.number == run; });
                        if (!is_number)
                            largest_other = std::max(largest_other, run->font.pixel_size);
                    }
                    for (auto const& card : found) {
                        ++seen[card.entry];
                        CHECK(card.number->font.weight == FontWeight::Bold);
                        CHECK_MESSAGE(card.number->font.pixel_size > largest_other,
                            card.number->text << " at " << card.number->font.pixel_size << " px, other text up to "
                                              << largest_other);
                        CHECK(card.number->font.pixel_size > slide.title_px());
                    }
                }
                for (size_t entry = 0; entry < seen.size(); ++entry)
                    CHECK_MESSAGE(seen[entry] == 1, "entry " << entry + 1 << " drawn " << seen[entry] << " times");
            }
        }
    }
}

TEST_CASE("short numbers get the theme's hotline size")
{
    for (auto const& screen : test_screens) {
        SUBCASE(screen.name)
        {
            TestSlide slide(screen);
            auto lines = hotlines(4);
            auto layout = lay_out(lines, slide);
            auto runs = runs_containing(layout.pages[0], "12398");
            REQUIRE(runs.size() == 1);
            CHECK(runs.front()->font.pixel_size == slide.context.px(slide.theme.hotline_number_size));
        }
    }
}

TEST_CASE("a few hotlines form a grid: 2x2 in landscape, stacked in portrait")
{
    struct Case {
        const char* name;
        int screen;
        int count;
        size_t columns;
        size_t rows;
    };
    Case const cases[] = {
        { "landscape, four", 0, 4, 2, 2 },
        { "4K landscape, four", 2, 4, 2, 2 },
        { "landscape, three", 0, 3, 2, 2 },
        { "landscape, two", 0, 2, 2, 1 },
        { "portrait, four", 1, 4, 1, 4 },
        { "portrait, three", 1, 3, 1, 3 },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            TestSlide slide(test_screens[c.screen]);
            auto lines = hotlines(c.count);
            auto layout = lay_out(lines, slide);
            REQUIRE(layout.pages.size() == 1);
            auto found = cards(layout.pages[0], lines, slide);
            REQUIRE(found.size() == static_cast<size_t>(c.count));
            CHECK(distinct(found, &Rect::y).size() == c.rows);
            // Three cards in two rows: the last one centred, so three distinct lefts.
            if (c.count % static_cast<int>(c.columns) == 0)
                CHECK(distinct(found, &Rect::x).size() == c.columns);
            for (size_t i = 0; i < found.size(); ++i) {
                for (size_t j = i + 1; j < found.size(); ++j)
                    CHECK_FALSE(rects_overlap(found[i].box, found[j].box));
            }
            // Reading order: left to right, then top to bottom.
            for (size_t i = 1; i < found.size(); ++i) {
                bool right
                    = std::abs(found[i].box.y - found[i - 1].box.y) < 0.5f && found[i].box.x > found[i - 1].box.x;
                CHECK((right || found[i].box.y > found[i - 1].box.bottom()));
            }
        }
    }
}

TEST_CASE("a QR code is drawn inside its card, clear of the text")
{
    for (auto const& screen : test_screens) {
        SUBCASE(screen.name)
        {
            TestSlide slide(screen);
            auto lines = hotlines(3);
            auto layout = lay_out(lines, slide);
            auto const& page = layout.pages[0];
            auto images = commands_of<ImageDraw>(page);
            REQUIRE(images.size() == 1);
            auto const& image = *images.front();
            CHECK(image.path == "/content/source/assets/feedback-qr.png");
            CHECK(image.fit == ImageFit::Contain);
            CHECK(image.rect.w == doctest::Approx(image.rect.h));
            CHECK(image.rect.w >= 2.0f * static_cast<float>(slide.body_px()));
            auto found = cards(page, lines, slide);
            auto card = std::find_if(found.begin(), found.end(), [](auto const& c) { return c.entry == 2; });
            REQUIRE(card != found.end());
            CHECK(rect_inside(image.rect, card->box));
            for (auto const& text : text_boxes(page, slide.measurer))
                CHECK_FALSE(rects_overlap(text.box, image.rect));
        }
    }
}

TEST_CASE("a thirty-entry directory paginates evenly")
{
    for (auto const& screen : test_screens) {
        SUBCASE(screen.name)
        {
            TestSlide slide(screen);
            auto lines = hotlines(30);
            auto layout = lay_out(lines, slide);
            CHECK(layout.problems.empty());
            REQUIRE(layout.pages.size() > 1);
            size_t smallest = lines.entries.size();
            size_t largest = 0;
            for (auto const& page : layout.pages) {
                auto count = cards(page, lines, slide).size();
                smallest = std::min(smallest, count);
                largest = std::max(largest, count);
                CHECK(runs_containing(page, "页码").size() == 1);
            }
            CHECK(largest - smallest <= 1);
        }
    }
}

TEST_CASE("a long number shrinks to its card but stays the largest text")
{
    Hotlines lines = hotlines(4);
    lines.entries[1].number = "400-8888-9999-0000-1234";
    for (auto const& screen : test_screens) {
        SUBCASE(screen.name)
        {
            TestSlide slide(screen);
            auto layout = lay_out(lines, slide);
            CHECK(layout.problems.empty());
            auto issues = layout_issues(layout, slide);
            CHECK_MESSAGE(issues.empty(), join_lines(issues));
            auto found = cards(layout.pages[0], lines, slide);
            auto card = std::find_if(found.begin(), found.end(), [](auto const& c) { return c.entry == 1; });
            REQUIRE(card != found.end());
            CHECK(card->number->font.pixel_size < slide.context.px(slide.theme.hotline_number_size));
            CHECK(card->number->font.pixel_size > slide.title_px());
            CHECK(text_box(*card->number, slide.measurer).w <= card->box.w);
        }
    }
}

TEST_CASE("a number too long for any card is reported")
{
    Hotlines lines = hotlines(2);
    lines.entries[0].number = std::string(90, '9');
    TestSlide slide(test_screens[0]);
    auto layout = lay_out(lines, slide);
    REQUIRE_FALSE(layout.pages.empty());
    CHECK_MESSAGE(join_lines(layout.problems).find("hotline 1") != std::string::npos, join_lines(layout.problems));
}
