// The chrome every slide shares (title, footer, page number, body box), page packing, font
// size choice for paginated content, and the dispatch of notices to their layouts.
#include "player/layout/pagination.h"
#include "player/layout/slide_chrome.h"

#include "layout_test_support.h"

#include <doctest/doctest.h>

using namespace hallboard;
using namespace hallboard::test;

namespace {

std::vector<std::pair<size_t, size_t>> spans(const Pagination& pagination)
{
    std::vector<std::pair<size_t, size_t>> out;
    for (auto const& page : pagination.pages)
        out.emplace_back(page.begin, page.end);
    return out;
}

PageBlock block(float height, float gap = 0, KeepWithNext keep = KeepWithNext::No)
{
    return PageBlock { height, gap, keep };
}

constexpr auto keep = KeepWithNext::Yes;

Notice plain_notice(std::string title, std::string footer = {})
{
    return make_notice(std::move(title), FreeText { NoticeLevel::Info, "正文。", "", std::nullopt }, std::move(footer));
}

} // namespace

TEST_CASE("paginate_blocks packs blocks in order")
{
    struct Case {
        const char* name;
        std::vector<PageBlock> blocks;
        float first_page;
        float page;
        std::vector<std::pair<size_t, size_t>> expected;
        std::vector<size_t> oversized;
    };
    Case const cases[] = {
        { "nothing", {}, 100, 100, {}, {} },
        { "all on one page", { block(30), block(30), block(40) }, 100, 100, { { 0, 3 } }, {} },
        { "exact fit", { block(50), block(50), block(50) }, 100, 100, { { 0, 2 }, { 2, 3 } }, {} },
        { "gaps count between blocks", { block(40), block(40, 30) }, 100, 100, { { 0, 1 }, { 1, 2 } }, {} },
        { "gap dropped at the top of a page", { block(60), block(60, 50), block(30, 10) }, 100, 100,
            { { 0, 1 }, { 1, 3 } }, {} },
        { "heading goes over with its follower", { block(40), block(30, 0, keep), block(40) }, 100, 100,
            { { 0, 1 }, { 1, 3 } }, {} },
        { "chain of headings goes over", { block(40), block(20, 0, keep), block(20, 0, keep), block(40) }, 100, 100,
            { { 0, 1 }, { 1, 4 } }, {} },
        { "heading alone on its page stays", { block(60, 0, keep), block(60) }, 100, 100, { { 0, 1 }, { 1, 2 } }, {} },
        { "heading last of all stays", { block(40), block(40, 0, keep) }, 100, 100, { { 0, 2 } }, {} },
        { "oversized block gets its own page", { block(30), block(150), block(30) }, 100, 100,
            { { 0, 1 }, { 1, 2 }, { 2, 3 } }, { 1 } },
        { "smaller first page", { block(40), block(40), block(40) }, 50, 100, { { 0, 1 }, { 1, 3 } }, {} },
    };
    for (auto const& test : cases) {
        SUBCASE(test.name)
        {
            auto const result = paginate_blocks(test.blocks, test.first_page, test.page);
            CHECK(spans(result) == test.expected);
            CHECK(result.oversized == test.oversized);
            for (auto const& page : result.pages) {
                float expected_height = 0;
                for (size_t i = page.begin; i < page.end; ++i)
                    expected_height += (i > page.begin ? test.blocks[i].gap_before : 0) + test.blocks[i].height;
                CHECK(page.height == doctest::Approx(expected_height));
            }
        }
    }
}

namespace {

PageBlock row(float height, BreakBefore before = BreakBefore::Allowed, float repeat = 0)
{
    PageBlock out { height, 0, KeepWithNext::No };
    out.break_before = before;
    out.repeat_height = repeat;
    return out;
}

std::vector<PageBlock> rows(size_t count, float height)
{
    return std::vector<PageBlock>(count, row(height));
}

constexpr auto avoided = BreakBefore::Avoided;
constexpr auto discouraged = BreakBefore::Discouraged;

} // namespace

TEST_CASE("paginate_balanced spreads blocks evenly over the fewest pages")
{
    struct Case {
        const char* name;
        std::vector<PageBlock> blocks;
        float page;
        size_t min_pages;
        std::vector<std::pair<size_t, size_t>> expected;
        std::vector<size_t> oversized;
    };
    auto heading_then = [](size_t count) {
        std::vector<PageBlock> out { block(10, 0, keep) };
        for (size_t i = 0; i < count; ++i)
            out.push_back(row(10, i == 1 ? avoided : discouraged));
        return out;
    };
    Case const cases[] = {
        { "nothing", {}, 100, 0, {}, {} },
        { "one page stays one page", rows(5, 10), 100, 0, { { 0, 5 } }, {} },
        // Greedy would give 10 + 1.
        { "no lone last row: 6 + 5", rows(11, 10), 100, 0, { { 0, 6 }, { 6, 11 } }, {} },
        { "three pages of 7", rows(21, 10), 100, 0, { { 0, 7 }, { 7, 14 }, { 14, 21 } }, {} },
        // Balance would break before block 5; the rules move the break.
        { "an avoided break is not taken",
            [] {
                auto out = rows(10, 10);
                out[0].height = 12;
                out[5].break_before = avoided;
                return out;
            }(),
            100, 0, { { 0, 4 }, { 4, 10 } }, {} },
        { "a heading goes with its follower",
            [] {
                auto out = rows(10, 10);
                out[0].height = 12;
                out[4].keep_with_next = keep;
                return out;
            }(),
            100, 0, { { 0, 4 }, { 4, 10 } }, {} },
        // 7 + 5 at the heading beats 6 + 6 inside the first section.
        { "breaks at a heading rather than inside a section",
            [&] {
                auto out = heading_then(6);
                auto more = heading_then(4);
                out.insert(out.end(), more.begin(), more.end());
                return out;
            }(),
            100, 0, { { 0, 7 }, { 7, 12 } }, {} },
        { "avoided break taken when nothing else fits", { row(60), row(60, avoided) }, 100, 0, { { 0, 1 }, { 1, 2 } },
            {} },
        // The repeated header makes page 2 hold one row less.
        { "repeated height counts on later pages", std::vector<PageBlock>(8, row(20, BreakBefore::Allowed, 30)), 100, 0,
            { { 0, 5 }, { 5, 8 } }, {} },
        { "at least min_pages when the blocks fill them", rows(5, 10), 100, 2, { { 0, 3 }, { 3, 5 } }, {} },
        { "min_pages beyond the blocks", rows(2, 10), 100, 4, { { 0, 1 }, { 1, 2 } }, {} },
        { "oversized block gets its own page", { row(30), row(150), row(30) }, 100, 0, { { 0, 1 }, { 1, 2 }, { 2, 3 } },
            { 1 } },
    };
    for (auto const& test : cases) {
        SUBCASE(test.name)
        {
            auto const result = paginate_balanced(test.blocks, test.page, test.page, test.min_pages);
            CHECK(spans(result) == test.expected);
            CHECK(result.oversized == test.oversized);
            // Whatever the breaks, never more pages than blocks, and every block once.
            size_t next = 0;
            for (auto const& page : result.pages) {
                CHECK(page.begin == next);
                CHECK(page.end > page.begin);
                next = page.end;
            }
            CHECK(next == test.blocks.size());
        }
    }
}

TEST_CASE("paginate_balanced needs no more pages than greedy packing for plain blocks")
{
    for (size_t count = 1; count <= 40; ++count) {
        for (float height : { 7.0f, 10.0f, 33.0f }) {
            CAPTURE(count);
            CAPTURE(height);
            auto const blocks = rows(count, height);
            auto const greedy = paginate_blocks(blocks, 100, 100);
            auto const balanced = paginate_balanced(blocks, 100, 100);
            CHECK(balanced.pages.size() == greedy.pages.size());
            // Even: page sizes differ by at most one block.
            size_t fewest = count, most = 0;
            for (auto const& page : balanced.pages) {
                fewest = std::min(fewest, page.end - page.begin);
                most = std::max(most, page.end - page.begin);
            }
            CHECK(most - fewest <= 1);
        }
    }
}

TEST_CASE("choose_font_size takes the fewest pages, then the largest size")
{
    struct Plan {
        int px = 0;
        bool feasible = true;
        size_t page_count = 0;
    };
    struct Case {
        const char* name;
        int wide_below;           // infeasible at sizes above this
        int px_per_page_capacity; // pages = ceil(px / capacity)
        int expected_px;
        size_t expected_pages;
    };
    // Pages grow with the size: ceil(px / capacity).
    Case const cases[] = {
        { "fits one page at the preferred size", 100, 50, 45, 1 },
        { "fits one page only when smaller", 100, 40, 40, 1 },
        { "two pages at best, largest size with two", 100, 20, 40, 2 },
        { "never fits one page: minimum pages", 100, 10, 40, 4 },
        { "too wide above 36", 36, 50, 36, 1 },
        { "too wide at every size", 10, 50, 32, 1 },
    };
    for (auto const& test : cases) {
        SUBCASE(test.name)
        {
            int calls = 0;
            auto plan = choose_font_size(45, 32, [&](int px) {
                ++calls;
                return Plan { px, px <= test.wide_below,
                    static_cast<size_t>((px + test.px_per_page_capacity - 1) / test.px_per_page_capacity) };
            });
            CHECK(plan.px == test.expected_px);
            CHECK(plan.page_count == test.expected_pages);
            CHECK(calls <= 7);
        }
    }
}

TEST_CASE("SlideContext::portrait")
{
    for (auto const& screen : test_screens) {
        TestSlide slide(screen);
        CHECK(slide.context.portrait() == (screen.height > screen.width));
    }
}

TEST_CASE("chrome draws background, title with accent bar, footer and page number")
{
    for (auto const& screen : test_screens) {
        SUBCASE(screen.name)
        {
            TestSlide slide(screen);
            auto const notice = plain_notice("居民阶梯电价标准", "依据：某发改价格〔2025〕12号");
            std::vector<std::string> problems;
            DisplayList page;
            draw_chrome(page, notice, slide.context, 1, 3, problems);
            CHECK(problems.empty());
            INFO(join_lines(page_issues(page, slide)));
            CHECK(page_issues(page, slide).empty());

            auto const background = fills_of_color(page, slide.theme.background);
            REQUIRE(background.size() >= 1);
            CHECK(background[0]->rect == Rect { 0, 0, screen.width, screen.height });

            auto const title = runs_containing(page, "居民阶梯电价标准");
            REQUIRE(title.size() == 1);
            CHECK(title[0]->font.weight == FontWeight::Bold);
            CHECK(title[0]->font.pixel_size == slide.title_px());
            auto const title_box = text_box(*title[0], slide.measurer);
            // The accent bar stands left of the title, beside its glyphs.
            auto const bars = fills_of_color(page, slide.theme.accent);
            REQUIRE(bars.size() == 1);
            CHECK(bars[0]->rect.x == doctest::Approx(slide.margin()));
            CHECK(bars[0]->rect.right() < title_box.x);
            CHECK(bars[0]->rect.y <= title_box.y + 1);
            CHECK(bars[0]->rect.bottom() >= title_box.bottom() - 1);

            auto const footer = runs_containing(page, "依据");
            REQUIRE(footer.size() == 1);
            CHECK(footer[0]->x == doctest::Approx(slide.margin()));
            CHECK(footer[0]->color == slide.theme.muted_text);
            CHECK(footer[0]->font.pixel_size == slide.min_px());

            auto const number = runs_containing(page, "页码 2/3");
            REQUIRE(number.size() == 1);
            auto const number_box = text_box(*number[0], slide.measurer);
            CHECK(number_box.right() == doctest::Approx(screen.width - slide.margin()));
            CHECK(number[0]->color == slide.theme.muted_text);
            CHECK(number[0]->baseline == doctest::Approx(footer[0]->baseline));
            // Footer and page number at the bottom, title at the top.
            CHECK(number_box.bottom() > screen.height * 0.85f);
            CHECK(title_box.y < screen.height * 0.15f);
        }
    }
}

TEST_CASE("chrome shows a page number only when there are several pages")
{
    TestSlide slide(test_screens[0]);
    auto const notice = plain_notice("标题");
    for (int count : { 1, 2, 5 }) {
        CAPTURE(count);
        std::vector<std::string> problems;
        DisplayList page;
        draw_chrome(page, notice, slide.context, 0, count, problems);
        CHECK(runs_containing(page, "页码").size() == (count > 1 ? 1u : 0u));
        if (count > 1)
            CHECK(runs_containing(page, "页码 1/" + std::to_string(count)).size() == 1);
    }
}

TEST_CASE("the body box lies between the title and the bottom row")
{
    for (auto const& screen : test_screens) {
        SUBCASE(screen.name)
        {
            TestSlide slide(screen);
            for (bool with_footer : { false, true }) {
                CAPTURE(with_footer);
                auto const notice = plain_notice("一个标题", with_footer ? "页脚文字" : "");
                auto const single = measure_chrome(notice, slide.context, 1).body;
                auto const several = measure_chrome(notice, slide.context, 2).body;
                auto const unknown = measure_chrome(notice, slide.context).body;
                // Unknown page count: safe for any count.
                CHECK(unknown == several);
                CHECK(single.x == doctest::Approx(slide.margin()));
                CHECK(single.w == doctest::Approx(screen.width - 2 * slide.margin()));
                if (with_footer)
                    CHECK(single == several);
                else
                    CHECK(single.bottom() == doctest::Approx(screen.height - slide.margin()));
                CHECK(several.bottom() < single.bottom() + 0.01f);

                // Nothing the chrome draws (text or the rule under the title) reaches into the body.
                std::vector<std::string> problems;
                DisplayList page;
                draw_chrome(page, notice, slide.context, 0, 2, problems);
                for (auto const& box : text_boxes(page, slide.measurer))
                    CHECK_FALSE(rects_overlap(box.box, several));
                for (auto const* fill : commands_of<FillRect>(page)) {
                    if (fill->color != slide.theme.background)
                        CHECK_FALSE(rects_overlap(fill->rect, several));
                }
                // Generous, but a body must remain: at least 60 % of the slide's height.
                CHECK(several.h > 0.6f * screen.height);
            }
        }
    }
}

TEST_CASE("a slide without a title gives the body the top margin")
{
    TestSlide slide(test_screens[0]);
    auto const notice = plain_notice("");
    auto const body = measure_chrome(notice, slide.context, 1).body;
    CHECK(body.y == doctest::Approx(slide.margin()));
    std::vector<std::string> problems;
    DisplayList page;
    draw_chrome(page, notice, slide.context, 0, 1, problems);
    CHECK(text_runs(page).empty());
    CHECK(fills_of_color(page, slide.theme.accent).empty());
}

TEST_CASE("long titles wrap, then shrink, and are reported once when hopeless")
{
    struct Case {
        const char* name;
        int repeat; // times the 10-character phrase is repeated
        bool expect_problem;
    };
    Case const cases[] = {
        { "one line", 1, false },
        { "wraps to two lines", 4, false },
        { "hopeless", 40, true },
    };
    for (auto const& test : cases) {
        SUBCASE(test.name)
        {
            TestSlide slide(test_screens[1]);
            std::string title;
            for (int i = 0; i < test.repeat; ++i)
                title += "关于调整居民电价的通知";
            auto const notice = plain_notice(title);
            auto layout = assemble_pages(notice, slide.context, std::vector<DisplayList>(3), {});
            CHECK(layout.pages.size() == 3);
            CHECK(layout.problems.size() == (test.expect_problem ? 1u : 0u));
            auto const body = measure_chrome(notice, slide.context, 3).body;
            for (auto const& page : layout.pages) {
                INFO(join_lines(page_issues(page, slide)));
                CHECK(page_issues(page, slide).empty());
                for (auto const& box : text_boxes(page, slide.measurer))
                    CHECK_FALSE(rects_overlap(box.box, body));
                for (auto const* run : runs_containing(page, "关于"))
                    CHECK(run->font.pixel_size >= (test.expect_problem ? slide.min_px() : slide.body_px()));
            }
        }
    }
}

TEST_CASE("assemble_pages draws the chrome under each body")
{
    TestSlide slide(test_screens[0]);
    auto const notice = plain_notice("标题");
    std::vector<DisplayList> bodies(2);
    bodies[0].text(100, 400, "第一页", FontSpec { 40 }, slide.theme.text);
    bodies[1].text(100, 400, "第二页", FontSpec { 40 }, slide.theme.text);
    auto const layout = assemble_pages(notice, slide.context, std::move(bodies), { "a problem" });
    REQUIRE(layout.pages.size() == 2);
    CHECK(layout.problems == std::vector<std::string> { "a problem" });
    for (size_t index = 0; index < 2; ++index) {
        auto const& page = layout.pages[index];
        // The background comes first so that the body is drawn over it.
        REQUIRE(!page.commands.empty());
        CHECK(std::get<FillRect>(page.commands.front()).color == slide.theme.background);
        CHECK(runs_containing(page, index == 0 ? "第一页" : "第二页").size() == 1);
        CHECK(runs_containing(page, index == 0 ? "第二页" : "第一页").empty());
        CHECK(runs_containing(page, "页码 " + std::to_string(index + 1) + "/2").size() == 1);
    }
    CHECK(assemble_pages(notice, slide.context, {}, {}).pages.size() == 1);
}

TEST_CASE("layout_slide dispatches on the notice body")
{
    TestSlide slide(test_screens[0]);
    SUBCASE("a ticker has no slide")
    {
        auto const layout = layout_slide(make_notice("", TickerMessage { "欢迎光临" }), slide.context);
        CHECK(layout.pages.empty());
        CHECK(layout.problems.empty());
    }
    SUBCASE("an image")
    {
        auto const layout
            = layout_slide(make_notice("", ImageSlide { "assets/poster.png", ImageFit::Contain, "" }), slide.context);
        REQUIRE(layout.pages.size() == 1);
        CHECK(commands_of<ImageDraw>(layout.pages[0]).size() == 1);
    }
    SUBCASE("a notice")
    {
        auto const layout = layout_slide(
            make_notice("通知", FreeText { NoticeLevel::Info, "今日正常营业。", "", std::nullopt }), slide.context);
        REQUIRE(layout.pages.size() == 1);
        CHECK(runs_containing(layout.pages[0], "今日正常营业").size() == 1);
    }
    SUBCASE("a tariff")
    {
        TariffTable table;
        table.columns = { "档位", "电价" };
        table.rows = { { "第一档", "0.4883" } };
        auto const layout = layout_slide(make_notice("电价", table), slide.context);
        REQUIRE(layout.pages.size() == 1);
        CHECK(runs_containing(layout.pages[0], "0.4883").size() == 1);
    }
}

TEST_CASE("a title that wraps breaks into lines of similar length")
{
    for (auto const& screen : test_screens) {
        for (std::string title : { "关于调整电网企业代理购电工商业用户电价有关事项的公告",
                 "关于西湖文三路片区十千伏线路计划检修停电的通知（第二批）补充说明" }) {
            SUBCASE((std::string(screen.name) + ", " + title).c_str())
            {
                TestSlide slide(screen);
                std::vector<std::string> problems;
                DisplayList page;
                draw_chrome(page, plain_notice(title), slide.context, 0, 1, problems);
                CHECK(problems.empty());
                std::vector<const TextRun*> lines;
                for (auto const* run : text_runs(page)) {
                    if (run->font.weight == FontWeight::Bold)
                        lines.push_back(run);
                }
                REQUIRE(!lines.empty());
                std::string joined;
                for (auto const* line : lines)
                    joined += line->text;
                CHECK(joined == title);
                if (lines.size() < 2)
                    continue;
                float shortest = 1e9f, longest = 0;
                for (auto const* line : lines) {
                    float const width = slide.measurer.width(line->text, line->font);
                    shortest = std::min(shortest, width);
                    longest = std::max(longest, width);
                }
                // Not a full line and a stub: within a couple of characters of each other.
                CHECK(longest - shortest <= 2.5f * static_cast<float>(lines[0]->font.pixel_size));
            }
        }
    }
}
