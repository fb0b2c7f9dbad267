// Tariff tables: one page when they fit, pages with repeated headers when they do not,
// numbers right-aligned, sections spanning the table, wide tables fitting or reported.
#include "player/layout/slide_chrome.h"
#include "player/layout/tariff_columns.h"

#include "layout_test_support.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

using namespace hallboard;
using namespace hallboard::test;

namespace {

TariffTable tiered_table()
{
    TariffTable table;
    table.unit = "元/千瓦时";
    table.columns = { "档位", "年用电量（千瓦时）", "电价" };
    table.rows = {
        { "第一档", "0–2760（含）", "0.538" },
        { "第二档", "2761–4800（含）", "0.588" },
        { "第三档", "4801 以上", "0.838" },
    };
    table.sections = { { 0, "一户一表居民用户" } };
    table.notes = { "峰谷分时电价按有关规定执行。", "以上电价含国家重大水利工程建设基金等政府性基金及附加。" };
    table.effective = Date { 2026, 1, 1 };
    return table;
}

TariffTable long_table(int rows, int section_every)
{
    TariffTable table;
    table.unit = "元/千瓦时";
    table.columns = { "序号", "用电分类", "电价" };
    for (int r = 0; r < rows; ++r) {
        if (section_every > 0 && r % section_every == 0)
            table.sections.push_back({ r, "分组" + std::to_string(r / section_every + 1) });
        table.rows.push_back({ "行" + std::to_string(r + 1), "一般工商业", "0." + std::to_string(5000 + r * 37) });
    }
    table.notes = { "本表为测试数据。" };
    table.effective = Date { 2026, 1, 1 };
    return table;
}

// A grid-agency purchase (代理购电) table: nine columns, long wrapped headers.
TariffTable agency_table()
{
    TariffTable table;
    table.unit = "元/千瓦时";
    table.columns = { "用电分类", "电压等级", "代理购电价格", "上网环节线损费用折价", "电度输配电价",
        "系统运行费用折价", "政府性基金及附加", "高峰", "低谷" };
    table.rows = {
        { "工商业", "不满1千伏", "0.41265", "0.02831", "0.19620", "0.03215", "0.02913", "0.98203", "0.3171" },
        { "工商业", "1-10千伏", "0.41265", "0.02569", "0.17120", "0.03215", "0.02913", "0.92112", "0.2990" },
        { "工商业", "35千伏", "0.41265", "0.02345", "0.14620", "0.03215", "0.02913", "0.86020", "0.2811" },
        { "工商业", "110千伏", "0.41265", "0.02101", "0.12120", "0.03215", "0.02913", "0.80101", "0.2633" },
        { "工商业", "220千伏及以上", "0.41265", "0.01911", "0.10120", "0.03215", "0.02913", "0.75203", "0.2482" },
    };
    table.notes = { "上表所列价格，均含国家重大水利工程建设基金、大中型水库移民后期扶持基金、可再生能源电价附加。" };
    table.effective = Date { 2026, 1, 1 };
    return table;
}

SlideLayout lay_out(const TariffTable& table, TestSlide& slide, std::string footer = {})
{
    return layout_tariff(make_notice("居民阶梯电价", table, std::move(footer)), table, slide.context);
}

std::string all_pages_text(const SlideLayout& layout)
{
    std::string out;
    for (auto const& page : layout.pages)
        out += joined_text(page) + "\n";
    return out;
}

// Fills of `color` as wide as the table (the header colour is also the accent colour of the
// title bar and section strokes in the default theme).
std::vector<const FillRect*> table_wide_fills(const DisplayList& page, Color color, TestSlide& slide)
{
    std::vector<const FillRect*> found;
    for (auto const* fill : fills_of_color(page, color)) {
        if (std::abs(fill->rect.w - slide.content_box().w) < 0.5f)
            found.push_back(fill);
    }
    return found;
}

size_t count_occurrences(const std::string& haystack, const std::string& needle)
{
    size_t count = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + needle.size()))
        ++count;
    return count;
}

} // namespace

TEST_CASE("is_numeric_cell recognises prices, quantities and percentages")
{
    struct Case {
        const char* text;
        bool numeric;
        bool placeholder;
    };
    Case const cases[] = {
        { "0.4883", true, false },
        { "38", true, false },
        { " 0.98203 ", true, false },
        { "-60%", true, false },
        { "+55％", true, false },
        { "\u22120.02", true, false },
        { "1,234.5", true, false },
        { "1.", false, false },
        { ".5", false, false },
        { "0–2160", false, false },
        { "4200 以上", false, false },
        { "第一档", false, false },
        { "10kV", false, false },
        { "1,2", true, false },
        { "12,", false, false },
        { "", false, true },
        { "—", false, true },
        { "/", false, true },
        { "-", false, true },
    };
    for (auto const& test : cases) {
        CAPTURE(test.text);
        CHECK(is_numeric_cell(test.text) == test.numeric);
        CHECK(is_placeholder_cell(test.text) == test.placeholder);
    }
}

TEST_CASE("min_content_width is the widest unbreakable piece")
{
    FixedAdvanceMeasurer measurer;
    FontSpec const font { 10 };
    CHECK(min_content_width("电价", font, measurer) == doctest::Approx(10));
    // A number with its unit stays whole: "4200千" (2 + 1 em) is wider than any other piece.
    CHECK(min_content_width("超过4200千瓦时", font, measurer) == doctest::Approx(30));
    CHECK(min_content_width("a\nlonger word", font, measurer) == doctest::Approx(30));
}

TEST_CASE("fit_columns keeps one-line widths when there is room, shares the width otherwise")
{
    FixedAdvanceMeasurer measurer;
    auto const table = tiered_table();
    FontSpec const cell { 40 };
    FontSpec const header { 40, FontWeight::Bold };
    struct Case {
        const char* name;
        float width;
        ColumnFit fit;
    };
    Case const cases[] = {
        { "roomy", 1800, ColumnFit::Natural },
        { "wraps the long header", 650, ColumnFit::Wrapped },
        { "tight", 480, ColumnFit::Tight },
        { "squeezed", 300, ColumnFit::Squeezed },
    };
    for (auto const& test : cases) {
        SUBCASE(test.name)
        {
            auto const layout = fit_columns(table, test.width, cell, header, measurer);
            CHECK(layout.fit == test.fit);
            REQUIRE(layout.widths.size() == 3);
            float total = 0;
            for (float width : layout.widths) {
                CHECK(width > 0);
                total += width;
            }
            CHECK(total == doctest::Approx(test.width));
            CHECK(
                layout.column_align == std::vector<TextAlign> { TextAlign::Left, TextAlign::Left, TextAlign::Center });
            CHECK(layout.number_width == std::vector<float> { 0, 0, measurer.width("0.538", cell) });
            if (test.fit != ColumnFit::Squeezed) {
                // Numbers never wrap.
                CHECK(layout.widths[2] - 2 * layout.padding >= measurer.width("0.538", cell) - 0.01f);
            }
        }
    }
}

TEST_CASE("every tariff page keeps its text inside the margins, apart and large enough")
{
    struct Case {
        const char* name;
        TariffTable table;
    };
    Case const cases[] = {
        { "tiered", tiered_table() },
        { "long", long_table(40, 6) },
        { "agency, nine columns", agency_table() },
    };
    for (auto const& screen : test_screens) {
        for (auto const& test : cases) {
            SUBCASE((std::string(screen.name) + ", " + test.name).c_str())
            {
                TestSlide slide(screen);
                auto const layout = lay_out(test.table, slide, "依据：某发改价格〔2025〕12号");
                auto const issues = layout_issues(layout, slide);
                INFO(join_lines(issues));
                INFO(join_lines(layout.problems));
                CHECK(issues.empty());
                // Every cell's text is somewhere, exactly once per row it is in.
                std::string const text = all_pages_text(layout);
                for (auto const& row : test.table.rows)
                    CHECK(text.find(row[0]) != std::string::npos);
            }
        }
    }
}

TEST_CASE("a three-row tariff is one page, grown beyond the body size")
{
    for (auto const& screen : test_screens) {
        SUBCASE(screen.name)
        {
            TestSlide slide(screen);
            auto const layout = lay_out(tiered_table(), slide);
            CHECK(layout.problems.empty());
            REQUIRE(layout.pages.size() == 1);
            auto const& page = layout.pages[0];
            CHECK(runs_containing(page, "页码").empty());
            auto const price = runs_containing(page, "0.588");
            REQUIRE(price.size() == 1);
            // A short table grows to fill the slide.
            CHECK(price[0]->font.pixel_size >= slide.body_px());
            CHECK(price[0]->font.pixel_size <= slide.fill_px());
            CHECK(price[0]->color == slide.theme.text);

            // Header row: bold on the header colour, spanning the table.
            auto const header = runs_containing(page, "档位");
            REQUIRE(header.size() == 1);
            CHECK(header[0]->font.weight == FontWeight::Bold);
            CHECK(header[0]->color == slide.theme.table_header_text);
            auto const header_fills = table_wide_fills(page, slide.theme.table_header_background, slide);
            REQUIRE(header_fills.size() == 1);
            Rect const content = slide.content_box();
            CHECK(header_fills[0]->rect.x == doctest::Approx(content.x));
            CHECK(header_fills[0]->rect.w == doctest::Approx(content.w));
            CHECK(rect_inside(text_box(*header[0], slide.measurer), header_fills[0]->rect));

            // Zebra: the second row of the section is shaded, the first and third are not.
            auto const zebra = fills_of_color(page, slide.theme.zebra_background);
            REQUIRE(zebra.size() == 1);
            CHECK(rect_inside(text_box(*runs_containing(page, "第二档")[0], slide.measurer), zebra[0]->rect));
            CHECK_FALSE(rects_overlap(text_box(*runs_containing(page, "第一档")[0], slide.measurer), zebra[0]->rect));
            // A rule under every row and the section.
            CHECK(fills_of_color(page, slide.theme.rule).size() >= 4);

            // Unit above the table at the right; notes and effective date below it.
            auto const unit = runs_containing(page, "单位：元/千瓦时");
            REQUIRE(unit.size() == 1);
            CHECK(text_box(*unit[0], slide.measurer).right() == doctest::Approx(content.right()));
            CHECK(unit[0]->baseline < header[0]->baseline);
            auto const note = runs_containing(page, "注：");
            REQUIRE(note.size() == 1);
            CHECK(note[0]->color == slide.theme.muted_text);
            CHECK(note[0]->baseline > price[0]->baseline);
            CHECK(runs_containing(page, "1. ").size() == 1);
            CHECK(runs_containing(page, "2. ").size() == 1);
            auto const effective = runs_containing(page, "执行日期：2026年1月1日");
            REQUIRE(effective.size() == 1);
            CHECK(effective[0]->baseline > note[0]->baseline);
        }
    }
}

TEST_CASE("numbers are right-aligned and text left-aligned in their columns")
{
    TariffTable table;
    table.columns = { "电压等级", "峰", "需量（元/千瓦·月）" };
    table.rows = {
        { "不满1千伏", "0.98203", "38" },
        { "1-10千伏", "0.6062", "26.5" },
        { "220千伏及以上", "0.3171", "—" },
    };
    for (auto const& screen : test_screens) {
        SUBCASE(screen.name)
        {
            TestSlide slide(screen);
            auto const layout = lay_out(table, slide);
            REQUIRE(layout.pages.size() == 1);
            auto const& page = layout.pages[0];
            auto right_edges = [&](std::initializer_list<const char*> cells) {
                std::vector<float> edges;
                for (auto const* cell : cells) {
                    auto runs = runs_containing(page, cell);
                    REQUIRE(runs.size() == 1);
                    edges.push_back(text_box(*runs[0], slide.measurer).right());
                }
                return edges;
            };
            auto left_edges = [&](std::initializer_list<const char*> cells) {
                std::vector<float> edges;
                for (auto const* cell : cells) {
                    auto runs = runs_containing(page, cell);
                    REQUIRE(runs.size() == 1);
                    edges.push_back(runs[0]->x);
                }
                return edges;
            };
            auto const prices = right_edges({ "0.98203", "0.6062", "0.3171" });
            for (float edge : prices)
                CHECK(edge == doctest::Approx(prices[0]));
            auto const lefts = left_edges({ "0.98203", "0.6062" });
            CHECK(lefts[0] < lefts[1]); // different widths, same right edge
            // The header is centred over its numbers, and so are they in their column.
            auto const header = runs_containing(page, "峰");
            REQUIRE(header.size() == 1);
            auto const header_box = text_box(*header[0], slide.measurer);
            float const numbers_centre = (lefts[0] + prices[0]) / 2;
            CHECK(header_box.x + header_box.w / 2 == doctest::Approx(numbers_centre).epsilon(0.001));
            // A column of numbers with a placeholder: the dash stands in the middle of the numbers.
            auto const demand = right_edges({ "38", "26.5" });
            CHECK(demand[0] == doctest::Approx(demand[1]));
            auto const dash = runs_containing(page, "—");
            REQUIRE(dash.size() == 1);
            auto const dash_box = text_box(*dash[0], slide.measurer);
            float const demand_left = left_edges({ "26.5" })[0];
            CHECK(dash_box.x + dash_box.w / 2 == doctest::Approx((demand_left + demand[0]) / 2).epsilon(0.001));
            auto const text = left_edges({ "不满1千伏", "1-10千伏", "220千伏及以上", "电压等级" });
            for (float edge : text)
                CHECK(edge == doctest::Approx(text[0]));
            CHECK(text[0] < prices[0]);
        }
    }
}

TEST_CASE("section rows span the table, bold, on the section colour")
{
    TestSlide slide(test_screens[0]);
    auto const layout = lay_out(tiered_table(), slide);
    REQUIRE(layout.pages.size() == 1);
    auto const& page = layout.pages[0];
    auto const sections = fills_of_color(page, slide.theme.section_background);
    REQUIRE(sections.size() == 1);
    Rect const content = slide.content_box();
    CHECK(sections[0]->rect.x == doctest::Approx(content.x));
    CHECK(sections[0]->rect.w == doctest::Approx(content.w));
    auto const heading = runs_containing(page, "一户一表居民用户");
    REQUIRE(heading.size() == 1);
    CHECK(heading[0]->font.weight == FontWeight::Bold);
    CHECK(rect_inside(text_box(*heading[0], slide.measurer), sections[0]->rect));
    // Between the header and the first row.
    CHECK(heading[0]->baseline > runs_containing(page, "档位")[0]->baseline);
    CHECK(heading[0]->baseline < runs_containing(page, "第一档")[0]->baseline);
}

TEST_CASE("a 40-row tariff paginates with the header on every page")
{
    for (auto const& screen : test_screens) {
        for (int section_every : { 0, 4, 7 }) {
            SUBCASE((std::string(screen.name) + ", sections every " + std::to_string(section_every)).c_str())
            {
                TestSlide slide(screen);
                auto const table = long_table(40, section_every);
                auto const layout = lay_out(table, slide);
                INFO(join_lines(layout.problems));
                CHECK(layout.problems.empty());
                size_t const count = layout.pages.size();
                REQUIRE(count > 1);
                std::multiset<std::string> rows_seen;
                for (size_t index = 0; index < count; ++index) {
                    CAPTURE(index);
                    auto const& page = layout.pages[index];
                    std::string const number = "页码 " + std::to_string(index + 1) + "/" + std::to_string(count);
                    CHECK(runs_containing(page, number).size() == 1);
                    bool const has_rows = !runs_containing(page, "一般工商业").empty();
                    if (has_rows) {
                        auto const header = runs_containing(page, "用电分类");
                        REQUIRE(header.size() == 1);
                        CHECK(header[0]->font.weight == FontWeight::Bold);
                        CHECK(runs_containing(page, "单位：元/千瓦时").size() == 1);
                    }
                    for (auto const* run : text_runs(page)) {
                        if (run->text.starts_with("行"))
                            rows_seen.insert(run->text);
                    }
                    // A section heading is never the last thing on a page.
                    auto const sections = fills_of_color(page, slide.theme.section_background);
                    for (auto const* section : sections) {
                        bool row_below = false;
                        for (auto const* run : runs_containing(page, "一般工商业"))
                            row_below = row_below || run->baseline > section->rect.bottom();
                        CHECK(row_below);
                    }
                }
                // Every row exactly once.
                CHECK(rows_seen.size() == 40);
                CHECK(std::set<std::string>(rows_seen.begin(), rows_seen.end()).size() == 40);
                // Pages but the last are filled: rows reach into the bottom third of the body.
                auto const notice = make_notice("居民阶梯电价", table);
                Rect const body = measure_chrome(notice, slide.context, static_cast<int>(count)).body;
                for (size_t index = 0; index + 1 < count; ++index) {
                    float lowest = 0;
                    for (auto const* run : runs_containing(layout.pages[index], "一般工商业"))
                        lowest = std::max(lowest, text_box(*run, slide.measurer).bottom());
                    CHECK(lowest > body.y + body.h * 2 / 3);
                    CHECK(lowest <= body.bottom());
                }
                CHECK(runs_containing(layout.pages.back(), "执行日期").size() == 1);
            }
        }
    }
}

TEST_CASE("a table just too long for one page shrinks before it paginates")
{
    TestSlide slide(test_screens[0]);
    // At the body size, how many rows fit one page? Find a count that needs shrinking.
    size_t rows = 3;
    while (lay_out(long_table(static_cast<int>(rows), 0), slide).pages.size() == 1)
        ++rows;
    auto const at_limit = lay_out(long_table(static_cast<int>(rows - 1), 0), slide);
    REQUIRE(at_limit.pages.size() == 1);
    auto const cell = runs_containing(at_limit.pages[0], "行1");
    REQUIRE(!cell.empty());
    CHECK(cell[0]->font.pixel_size < slide.body_px());
    CHECK(cell[0]->font.pixel_size >= slide.min_px());
    // One row more needs two pages: then the text grows back to the largest size that still needs two.
    auto const beyond = lay_out(long_table(static_cast<int>(rows), 0), slide);
    REQUIRE(beyond.pages.size() == 2);
    CHECK(runs_containing(beyond.pages[0], "行1")[0]->font.pixel_size > cell[0]->font.pixel_size);
}

TEST_CASE("a nine-column table fits, splitting its columns into stacked parts when it must")
{
    for (auto const& screen : test_screens) {
        SUBCASE(screen.name)
        {
            TestSlide slide(screen);
            auto const table = agency_table();
            auto const layout = lay_out(table, slide);
            INFO(join_lines(layout.problems));
            CHECK(layout.problems.empty());
            auto const issues = layout_issues(layout, slide);
            INFO(join_lines(issues));
            CHECK(issues.empty());
            // Every price whole on one line somewhere.
            for (auto const& row : table.rows) {
                for (size_t c = 2; c < row.size(); ++c) {
                    size_t found = 0;
                    for (auto const& page : layout.pages)
                        found += runs_containing(page, row[c]).size();
                    CHECK(found >= 1);
                }
            }
            // Every header somewhere (headers wrap: look for their first two characters).
            std::string const text = all_pages_text(layout);
            for (size_t c = 2; c < table.columns.size(); ++c)
                CHECK(count_occurrences(text, table.columns[c].substr(0, 6)) >= 1);
            // Every part of the table on a page has its header band and the label columns.
            size_t parts = 0;
            for (auto const& page : layout.pages) {
                if (runs_containing(page, "工商业").empty())
                    continue;
                size_t const headers = table_wide_fills(page, slide.theme.table_header_background, slide).size();
                CHECK(headers >= 1);
                CHECK(runs_containing(page, "电压等级").size() == headers);
                parts += headers;
            }
            // Split only where the whole table is too wide.
            if (!slide.context.portrait())
                CHECK(parts == 1);
            else
                CHECK(parts > 1);
            if (!slide.context.portrait())
                CHECK(layout.pages.size() == 1);
            CHECK(runs_containing(layout.pages.back(), "执行日期").size() == 1);
        }
    }
}

TEST_CASE("a column too wide for the screen on its own is reported, not clipped")
{
    for (auto const& screen : test_screens) {
        SUBCASE(screen.name)
        {
            TestSlide slide(screen);
            TariffTable table;
            table.columns = { "项目", "数值" };
            // 120 digits: wider than any of the screens at the minimum size.
            table.rows = { { "测试", std::string(120, '7') } };
            auto const layout = lay_out(table, slide);
            CHECK(!layout.problems.empty());
            auto const issues = layout_issues(layout, slide);
            INFO(join_lines(issues));
            CHECK(issues.empty());
        }
    }
}

TEST_CASE("long text cells wrap inside their column")
{
    for (auto const& screen : test_screens) {
        SUBCASE(screen.name)
        {
            TestSlide slide(screen);
            TariffTable table;
            table.columns = { "用电分类", "说明", "电价" };
            table.rows = {
                { "居民生活",
                    "执行居民阶梯电价，按年度累计用电量分档计费，每档之间的价差按国家规定执行，具体标准见下表",
                    "0.538" },
                { "农业生产", "—", "0.509" },
            };
            auto const layout = lay_out(table, slide);
            INFO(join_lines(layout.problems));
            CHECK(layout.problems.empty());
            REQUIRE(layout.pages.size() == 1);
            auto const issues = layout_issues(layout, slide);
            INFO(join_lines(issues));
            CHECK(issues.empty());
            auto const lines = runs_containing(layout.pages[0], "执行居民");
            REQUIRE(lines.size() == 1);
            // The wrapped cell spans several lines, all starting at the same x.
            std::vector<const TextRun*> cell_lines;
            for (auto const* run : text_runs(layout.pages[0])) {
                if (run->x == lines[0]->x && run->font.weight == FontWeight::Regular
                    && run->baseline >= lines[0]->baseline
                    && run->baseline < runs_containing(layout.pages[0], "农业生产")[0]->baseline)
                    cell_lines.push_back(run);
            }
            CHECK(cell_lines.size() >= 2);
            // The price of that row sits vertically in the middle of its wrapped neighbour.
            auto const price = runs_containing(layout.pages[0], "0.538");
            REQUIRE(price.size() == 1);
            CHECK(price[0]->baseline > cell_lines.front()->baseline);
            CHECK(price[0]->baseline <= cell_lines.back()->baseline);
        }
    }
}

TEST_CASE("a table without rows still shows its header")
{
    for (auto const& screen : test_screens) {
        SUBCASE(screen.name)
        {
            TestSlide slide(screen);
            TariffTable table;
            table.unit = "元/千瓦时";
            table.columns = { "档位", "电价" };
            auto const layout = lay_out(table, slide);
            CHECK(layout.problems.empty());
            REQUIRE(layout.pages.size() == 1);
            CHECK(runs_containing(layout.pages[0], "档位").size() == 1);
            CHECK(runs_containing(layout.pages[0], "单位：元/千瓦时").size() == 1);
            CHECK(table_wide_fills(layout.pages[0], slide.theme.table_header_background, slide).size() == 1);
        }
    }
}

TEST_CASE("notes that do not fit under the table continue on a page of their own")
{
    for (auto const& screen : test_screens) {
        SUBCASE(screen.name)
        {
            TestSlide slide(screen);
            auto table = tiered_table();
            table.notes.clear();
            for (int n = 0; n < 30; ++n)
                table.notes.push_back(
                    "第" + std::to_string(n + 1) + "条说明：本条为测试用的较长说明文字，用于检验说明的分页。");
            auto const layout = lay_out(table, slide);
            CHECK(layout.problems.empty());
            auto const issues = layout_issues(layout, slide);
            INFO(join_lines(issues));
            CHECK(issues.empty());
            REQUIRE(layout.pages.size() > 1);
            // Every note once, in order; "注：" only before the first.
            std::string text;
            size_t prefixes = 0;
            for (auto const& page : layout.pages) {
                text += joined_text(page);
                prefixes += runs_containing(page, "注：").size();
                bool const has_rows = !runs_containing(page, "第一档").empty();
                // Pages of notes only have no table header and no unit line.
                CHECK(runs_containing(page, "档位").size() == (has_rows ? 1u : 0u));
                CHECK(runs_containing(page, "单位").size() == (has_rows ? 1u : 0u));
            }
            CHECK(prefixes == 1);
            size_t at = 0;
            for (int n = 0; n < 30; ++n) {
                std::string const label = std::to_string(n + 1) + ". 第" + std::to_string(n + 1) + "条";
                size_t const found = text.find(label, at);
                CHECK(found != std::string::npos);
                at = found == std::string::npos ? at : found;
            }
            CHECK(runs_containing(layout.pages.back(), "执行日期").size() == 1);
        }
    }
}

TEST_CASE("paginated tables are balanced: no lone row, headings keep two rows, continued sections say so")
{
    for (auto const& screen : test_screens) {
        for (int section_every : { 0, 3, 4, 7 }) {
            for (int rows : { 12, 23, 31, 47, 60 }) {
                SUBCASE((std::string(screen.name) + ", " + std::to_string(rows) + " rows, sections every "
                    + std::to_string(section_every))
                            .c_str())
                {
                    TestSlide slide(screen);
                    auto const layout = lay_out(long_table(rows, section_every), slide);
                    INFO(join_lines(layout.problems));
                    CHECK(layout.problems.empty());
                    auto const issues = layout_issues(layout, slide);
                    INFO(join_lines(issues));
                    CHECK(issues.empty());
                    std::vector<int> per_page;
                    for (size_t index = 0; index < layout.pages.size(); ++index) {
                        CAPTURE(index);
                        auto const& page = layout.pages[index];
                        // Rows and headings in the order they are drawn.
                        std::vector<const TextRun*> runs;
                        for (auto const* run : text_runs(page)) {
                            if (run->text.starts_with("行") || run->text.starts_with("分组"))
                                runs.push_back(run);
                        }
                        std::sort(runs.begin(), runs.end(), [](auto a, auto b) { return a->baseline < b->baseline; });
                        int count = 0;
                        for (size_t r = 0; r < runs.size(); ++r) {
                            if (runs[r]->text.starts_with("行")) {
                                ++count;
                                continue;
                            }
                            // A heading has two of its rows below it on its page (or its only one).
                            size_t const number = std::stoul(runs[r]->text.substr(std::string("分组").size()));
                            size_t const section_rows = std::min<size_t>(static_cast<size_t>(section_every),
                                static_cast<size_t>(rows) - (number - 1) * static_cast<size_t>(section_every));
                            size_t const wanted = std::min<size_t>(2, section_rows);
                            REQUIRE(r + wanted < runs.size());
                            for (size_t k = 1; k <= wanted; ++k)
                                CHECK(runs[r + k]->text.starts_with("行"));
                        }
                        if (count == 0)
                            continue;
                        per_page.push_back(count);
                        // With sections, a page starts with a heading: the next section's, or the
                        // heading of the section it starts inside, marked continued.
                        if (section_every > 0) {
                            REQUIRE(runs.size() >= 2);
                            CHECK(runs[0]->text.starts_with("分组"));
                            if (runs[0]->text.starts_with("分组") && runs[1]->text.starts_with("行")) {
                                bool const continued = runs[0]->text.find("（续）") != std::string::npos;
                                int const row = std::stoi(runs[1]->text.substr(std::string("行").size())) - 1;
                                CHECK(continued == (row % section_every != 0));
                            }
                        }
                    }
                    // No page of the table with a single row, and pages about equally full.
                    if (per_page.size() > 1) {
                        int const fewest = *std::min_element(per_page.begin(), per_page.end());
                        int const most = *std::max_element(per_page.begin(), per_page.end());
                        CHECK(fewest >= 2);
                        CHECK(most - fewest <= std::max(3, section_every + 1));
                    }
                }
            }
        }
    }
}

TEST_CASE("a table paginates at the minimum size rather than shrink below it")
{
    // The demo's residential table: two sections, five rows, three notes, a footer. At the body
    // size it needs two pages; at a smaller size it fits one, which beats a page of one row.
    TariffTable table;
    table.unit = "元/千瓦时";
    table.columns = { "类别", "年用电量（千瓦时）", "电价", "峰时电价", "谷时电价" };
    table.sections = { { 0, "一户一表居民用户（不满 1 千伏）" }, { 3, "合表居民用户" } };
    table.rows = {
        { "第一档", "2760 及以下", "0.538", "0.568", "0.288" },
        { "第二档", "2761–4800", "0.588", "0.618", "0.338" },
        { "第三档", "4801 及以上", "0.838", "0.868", "0.588" },
        { "不满 1 千伏", "不分档", "0.558", "—", "—" },
        { "1–10 千伏及以上", "不分档", "0.538", "—", "—" },
    };
    table.notes = { "年用电量按年度累计，分档计价。", "峰时段 8:00–22:00，谷时段 22:00–次日 8:00。",
        "以上电价含国家规定的政府性基金及附加。" };
    table.effective = Date { 2026, 1, 1 };
    for (auto const& screen : test_screens) {
        SUBCASE(screen.name)
        {
            TestSlide slide(screen);
            auto const layout = lay_out(table, slide, "依据：浙江省《关于完善居民生活用电阶梯电价政策有关事项的通知》");
            CHECK(layout.problems.empty());
            // At 40 px (0.037) it needs two landscape pages; balanced, never a page of one row.
            CHECK(layout.pages.size() <= (slide.context.portrait() ? 1u : 2u));
            auto const issues = layout_issues(layout, slide);
            INFO(join_lines(issues));
            CHECK(issues.empty());
        }
    }
}

TEST_CASE("the effective date sits at the right of the last note when there is room")
{
    for (auto const& screen : test_screens) {
        SUBCASE(screen.name)
        {
            TestSlide slide(screen);
            auto table = tiered_table();
            auto const layout = lay_out(table, slide);
            REQUIRE(layout.pages.size() == 1);
            auto const& page = layout.pages[0];
            auto const date = runs_containing(page, "执行日期：2026年1月1日");
            REQUIRE(date.size() == 1);
            auto const last_note = runs_containing(page, "附加。");
            REQUIRE(last_note.size() == 1);
            // Beside the last note at the right, or (the table grown to fill the slide) below it.
            if (date[0]->baseline == doctest::Approx(last_note[0]->baseline)) {
                CHECK(text_box(*date[0], slide.measurer).right() == doctest::Approx(slide.content_box().right()));
                CHECK(date[0]->x > text_box(*last_note[0], slide.measurer).right());
            } else {
                CHECK(date[0]->baseline > last_note[0]->baseline);
            }

            // A last note that leaves no room on its last line puts the date on a line of its own.
            bool seen_inline = false;
            bool seen_own_line = false;
            for (int length = 1; length <= 120; ++length) {
                CAPTURE(length);
                table.notes.back() = "";
                for (int n = 0; n < length; ++n)
                    table.notes.back() += "电";
                table.notes.back() += "尾。";
                auto const layout_of_length = lay_out(table, slide);
                auto const issues = layout_issues(layout_of_length, slide);
                INFO(join_lines(issues));
                CHECK(issues.empty());
                auto const& last_page = layout_of_length.pages.back();
                auto const placed = runs_containing(last_page, "执行日期");
                auto const ending = runs_containing(last_page, "尾。");
                REQUIRE(placed.size() == 1);
                REQUIRE(ending.size() == 1);
                if (placed[0]->baseline == doctest::Approx(ending[0]->baseline)) {
                    seen_inline = true;
                    CHECK(text_box(*placed[0], slide.measurer).right() == doctest::Approx(slide.content_box().right()));
                } else {
                    seen_own_line = true;
                    CHECK(placed[0]->baseline > ending[0]->baseline);
                    CHECK(placed[0]->x == doctest::Approx(slide.content_box().x));
                }
            }
            CHECK(seen_inline);
            CHECK(seen_own_line);
        }
    }
}

TEST_CASE("a narrow table shares its width so that headers stay short and short cells whole")
{
    // The second part of a split commercial table in portrait: long headers over short numbers.
    TariffTable table;
    table.columns = { "用电分类", "电压等级", "最大需量（元/千瓦·月）", "变压器容量（元/千伏安·月）" };
    table.rows = {
        { "大工业", "1–10（20）千伏", "40", "28" },
        { "大工业", "35 千伏", "40", "28" },
        { "电气化铁路牵引用电", "110 千伏及以上", "36", "24" },
        { "农业排灌、农村饮水工程", "不满 1 千伏", "—", "—" },
    };
    TestSlide slide(test_screens[1]);
    auto const layout = lay_out(table, slide);
    REQUIRE(layout.pages.size() == 1);
    auto const& page = layout.pages[0];
    auto const header_fills = table_wide_fills(page, slide.theme.table_header_background, slide);
    REQUIRE(header_fills.size() == 1);
    Rect const header = header_fills[0]->rect;
    // Count the header's lines per column: runs inside the band, grouped by column by their x.
    std::map<int, int> lines_per_column;
    for (auto const* run : text_runs(page)) {
        Rect const box = text_box(*run, slide.measurer);
        if (rect_inside(box, header))
            ++lines_per_column[static_cast<int>(box.x + box.w / 2) / 100];
    }
    for (auto const& [column, lines] : lines_per_column)
        CHECK(lines <= 4); // the table grows to fill the slide: long headers take a line more
    // Short cells are never wrapped for the sake of a header.
    for (const char* cell : { "大工业", "35 千伏", "40" })
        CHECK(runs_containing(page, cell).size() >= 1);
    auto const issues = layout_issues(layout, slide);
    INFO(join_lines(issues));
    CHECK(issues.empty());
}

TEST_CASE("a table split into column parts keeps every row's prices on one page")
{
    // Portrait: the nine-column table does not fit whole, so it is split into parts; each page
    // shows every part for the same rows, so no price is read from the wrong page.
    for (auto const& screen : test_screens) {
        SUBCASE(screen.name)
        {
            TestSlide slide(screen);
            auto const table = agency_table();
            auto const layout = lay_out(table, slide);
            std::map<int, std::set<size_t>> pages_of_row;
            std::map<std::pair<size_t, int>, size_t> cells_of_row_on_page;
            for (size_t page = 0; page < layout.pages.size(); ++page) {
                for (auto const& command : layout.pages[page].commands) {
                    auto const* run = std::get_if<TextRun>(&command);
                    if (run && run->role == TextRole::TableCell) {
                        REQUIRE(run->row >= 0);
                        pages_of_row[run->row].insert(page);
                        ++cells_of_row_on_page[{ page, run->row }];
                    }
                }
            }
            CHECK(pages_of_row.size() == table.rows.size());
            for (auto const& [row, pages] : pages_of_row) {
                CAPTURE(row);
                CHECK(pages.size() == 1);
            }
            // Every cell of every row is drawn (label columns repeat in each part).
            for (auto const& [key, cells] : cells_of_row_on_page)
                CHECK(cells >= table.columns.size());
        }
    }
}
