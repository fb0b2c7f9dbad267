// Commitment slides: a numbered list with accent badges, bold headings, two columns on a
// landscape slide, ten real-length items on one page, longer lists paginated by whole items.
#include "player/layout/card_drawing.h"

#include "layout_test_support.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace hallboard;
using namespace hallboard::test;

namespace {

// The 2023 十项承诺 in summary (domain notes); items 8-10 are illustrative.
Commitments ten_commitments()
{
    Commitments commitments;
    commitments.items = {
        { "电力供应安全可靠", "城市电网平均供电可靠率达到99.9%，居民客户端平均电压合格率达到98.5%。" },
        { "停电限电及时告知", "计划停电提前7天告知，临时检修停电提前24小时告知重要客户。" },
        { "快速抢修及时复电", "提供24小时电力故障抢修服务，城区45分钟、农村90分钟、边远地区2小时内到达现场。" },
        { "价费政策公开透明", "严格执行价格主管部门制定的电价和收费政策，在营业厅、网上国网和95598网站公开。" },
        { "渠道服务丰富便捷", "通过营业厅、95598电话和网站、网上国网App等渠道，提供线上线下一站式服务。" },
        { "获得电力快捷高效", "居民客户全过程办电时间不超过5个工作日，低压非居民客户不超过6个工作日。" },
        { "电表异常快速响应", "受理客户计费电能表校验申请后，5个工作日内出具检测结果。" },
        { "电费服务温馨便利", "通过短信、网上国网等渠道提供电费账单和余额提醒服务。" },
        { "服务投诉快速处理", "客户投诉24小时内联系客户，5个工作日内答复处理意见。" },
        { "保护客户信息安全", "严格保护客户个人信息，未经授权不向第三方提供。" },
    };
    return commitments;
}

Commitments fifteen_commitments()
{
    auto commitments = ten_commitments();
    commitments.items.push_back({ "", "城乡居民客户端电压合格率不低于规定标准。" });
    commitments.items.push_back({ "限时办理", "居民客户新装用电，装表接电不超过3个工作日。" });
    commitments.items.push_back({ "", "供电设施计划检修停电，提前7天向社会公告。" });
    commitments.items.push_back({ "首问负责", "首位接待客户的员工负责引导办理，不推诿、不拖延。" });
    commitments.items.push_back({ "", "营业厅实行无周休日服务，节假日照常办理业务。" });
    return commitments;
}

SlideLayout lay_out(const Commitments& commitments, TestSlide& slide, std::string footer = {})
{
    return layout_commitments(
        make_notice("供电服务十项承诺", commitments, std::move(footer)), commitments, slide.context);
}

std::string without_spaces(const std::string& text)
{
    std::string out;
    for (size_t i = 0; i < text.size();) {
        if (text.compare(i, 3, "\u2009") == 0)
            i += 3;
        else if (text[i] == ' ')
            ++i;
        else
            out += text[i++];
    }
    return out;
}

struct Badge {
    int number = 0;
    Rect box;
};

// The numbers drawn on accent badges, in drawing order.
std::vector<Badge> badges(const DisplayList& page, TestSlide& slide)
{
    std::vector<Badge> found;
    for (auto const* run : text_runs(page)) {
        if (run->color == slide.theme.on_accent && !run->text.empty()
            && run->text.find_first_not_of("0123456789") == std::string::npos)
            found.push_back({ std::stoi(run->text), text_box(*run, slide.measurer) });
    }
    return found;
}

// Distinct left edges of the badges: the list's columns.
std::set<int> badge_columns(const DisplayList& page, TestSlide& slide)
{
    std::set<int> columns;
    for (auto const& badge : badges(page, slide))
        columns.insert(static_cast<int>(std::lround((badge.box.x + badge.box.w / 2) / 10)));
    return columns;
}

} // namespace

TEST_CASE("commitment slides fit every screen without overlaps or tiny text")
{
    struct Case {
        const char* name;
        Commitments commitments;
        std::string footer;
    };
    Commitments three;
    three.items = { { "", "城乡居民客户端电压合格率不低于规定标准。" },
        { "限时办理", "居民客户新装用电，装表接电不超过3个工作日。" },
        { "", "供电设施计划检修停电，提前7天向社会公告。" } };
    Case const cases[] = {
        { "three items", three, "" },
        { "ten items", ten_commitments(), "" },
        { "ten items with a footer", ten_commitments(), "依据：国家电网有限公司供电服务“十项承诺”（2023年版）" },
        { "fifteen items", fifteen_commitments(), "" },
    };
    for (auto const& screen : test_screens) {
        for (auto const& c : cases) {
            SUBCASE((std::string(screen.name) + ", " + c.name).c_str())
            {
                TestSlide slide(screen);
                auto layout = lay_out(c.commitments, slide, c.footer);
                CHECK_MESSAGE(layout.problems.empty(), join_lines(layout.problems));
                auto issues = layout_issues(layout, slide);
                CHECK_MESSAGE(issues.empty(), join_lines(issues));

                // Each item whole on one page, numbered once, in order over the pages.
                std::vector<int> numbers;
                for (auto const& page : layout.pages) {
                    for (auto const& badge : badges(page, slide))
                        numbers.push_back(badge.number);
                }
                REQUIRE(numbers.size() == c.commitments.items.size());
                for (size_t i = 0; i < numbers.size(); ++i)
                    CHECK(numbers[i] == static_cast<int>(i + 1));
                for (size_t i = 0; i < c.commitments.items.size(); ++i) {
                    auto const& item = c.commitments.items[i];
                    int pages_with_item = 0;
                    for (auto const& page : layout.pages) {
                        auto text = without_spaces(joined_text(page));
                        if (text.find(without_spaces(item.heading + item.detail)) != std::string::npos
                            || text.find(without_spaces(item.heading + "：" + item.detail)) != std::string::npos)
                            ++pages_with_item;
                    }
                    CHECK_MESSAGE(
                        pages_with_item == 1, "item " << i + 1 << " is whole on " << pages_with_item << " pages");
                }
            }
        }
    }
}

TEST_CASE("ten real commitments fit two landscape 1080p pages at 40 px or more")
{
    TestSlide slide(test_screens[0]);
    auto layout = lay_out(ten_commitments(), slide);
    REQUIRE(layout.pages.size() == 2);
    CHECK(layout.problems.empty());
    // Two columns, numbered down the left column first.
    auto const& page = layout.pages[0];
    CHECK(badge_columns(page, slide).size() == 2);
    auto found = badges(page, slide);
    CHECK(found.size() + badges(layout.pages[1], slide).size() == 10);
    for (size_t i = 1; i < found.size(); ++i) {
        bool below = found[i].box.y > found[i - 1].box.bottom()
            && std::abs(found[i].box.x - found[i - 1].box.x) < found[i].box.w;
        bool next_column = found[i].box.x > found[i - 1].box.right() && found[i].box.y < found[i - 1].box.y;
        CHECK_MESSAGE((below || next_column),
            "badge " << found[i].number << " is neither below nor at the top of the next column");
    }
    for (auto const* run : text_runs(page))
        CHECK(run->font.pixel_size >= slide.min_px());
}

TEST_CASE("fifteen landscape items paginate or fit, never splitting an item")
{
    for (auto const& screen : test_screens) {
        SUBCASE(screen.name)
        {
            TestSlide slide(screen);
            auto commitments = fifteen_commitments();
            auto layout = lay_out(commitments, slide);
            CHECK(layout.problems.empty());
            if (layout.pages.size() > 1) {
                // Pages carry a page number, and no page is left nearly empty.
                for (auto const& page : layout.pages) {
                    CHECK(runs_containing(page, "页码").size() == 1);
                    CHECK(badges(page, slide).size() >= commitments.items.size() / layout.pages.size() - 1);
                }
            }
        }
    }
}

TEST_CASE("headings are bold, details regular, numbers on accent badges")
{
    for (auto const& screen : test_screens) {
        SUBCASE(screen.name)
        {
            TestSlide slide(screen);
            auto commitments = ten_commitments();
            auto layout = lay_out(commitments, slide);
            for (auto const& item : commitments.items) {
                // The page the item is on.
                size_t on = 0;
                while (on + 1 < layout.pages.size() && runs_containing(layout.pages[on], item.heading).empty())
                    ++on;
                auto const& page = layout.pages[on];
                auto heading = runs_containing(page, item.heading);
                REQUIRE(heading.size() == 1);
                CHECK(heading.front()->font.weight == FontWeight::Bold);
                // The detail's first words, wherever the line breaks.
                auto detail = runs_containing(page, item.detail.substr(0, 6));
                REQUIRE(!detail.empty());
                CHECK(detail.front()->font.weight == FontWeight::Regular);
                CHECK(detail.front()->font.pixel_size == heading.front()->font.pixel_size);
            }
            for (auto const& page : layout.pages) {
                auto accents = fills_of_color(page, slide.theme.accent);
                for (auto const& badge : badges(page, slide)) {
                    bool on_badge = std::any_of(accents.begin(), accents.end(),
                        [&](const FillRect* fill) { return rect_inside(badge.box, fill->rect); });
                    CHECK_MESSAGE(on_badge, "number " << badge.number << " is not on an accent badge");
                }
            }
        }
    }
}

TEST_CASE("portrait lists use one column; short landscape lists one column too")
{
    struct Case {
        const char* name;
        int screen;
        Commitments commitments;
    };
    Commitments two;
    two.items = { { "限时办理", "居民客户新装用电，装表接电不超过3个工作日。" }, { "", "营业厅实行无周休日服务。" } };
    Case const cases[] = {
        { "portrait, ten items", 1, ten_commitments() },
        { "portrait, fifteen items", 1, fifteen_commitments() },
        { "landscape, two items", 0, two },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            TestSlide slide(test_screens[c.screen]);
            auto layout = lay_out(c.commitments, slide);
            for (auto const& page : layout.pages)
                CHECK(badge_columns(page, slide).size() == 1);
        }
    }
}

TEST_CASE("an item that cannot fit is reported")
{
    Commitments commitments = ten_commitments();
    commitments.items[4].detail = std::string(140, 'M');
    for (auto const& screen : test_screens) {
        SUBCASE(screen.name)
        {
            TestSlide slide(screen);
            auto layout = lay_out(commitments, slide);
            REQUIRE_FALSE(layout.pages.empty());
            CHECK_MESSAGE(
                join_lines(layout.problems).find("commitment 5") != std::string::npos, join_lines(layout.problems));
        }
    }
}

TEST_CASE("wrap_without_stub keeps the line count and leaves no one-character last line")
{
    FixedAdvanceMeasurer measurer;
    FontSpec const font { 10 };
    // Widths at which greedy wrapping leaves one or two characters on the last line.
    for (int length : { 21, 22, 31, 41, 62 }) {
        std::string text;
        for (int n = 0; n < length; ++n)
            text += "电";
        float const width = 100; // ten characters a line
        CAPTURE(length);
        auto const greedy = wrap_text(text, width, font, measurer);
        auto const fixed = wrap_without_stub(text, width, font, measurer);
        CHECK(fixed.lines.size() == greedy.lines.size());
        CHECK_FALSE(fixed.overflow);
        std::string joined;
        for (auto const& line : fixed.lines) {
            CHECK(measurer.width(line, font) <= width);
            joined += line;
        }
        CHECK(joined == text);
        CHECK(measurer.width(fixed.lines.back(), font) >= 2.2f * 10 - 0.01f);
    }
    // Nothing to fix: one line, or a last line long enough already.
    CHECK(wrap_without_stub("电电电", 100, font, measurer).lines == std::vector<std::string> { "电电电" });
    auto const fine = wrap_without_stub("电电电电电电电电电电电电电电电", 100, font, measurer);
    CHECK(fine.lines == wrap_text("电电电电电电电电电电电电电电电", 100, font, measurer).lines);
}

TEST_CASE("no commitment ends in a line of one or two characters")
{
    for (auto const& screen : test_screens) {
        SUBCASE(screen.name)
        {
            TestSlide slide(screen);
            auto const layout = lay_out(fifteen_commitments(), slide);
            for (auto const& page : layout.pages) {
                for (auto const* run : text_runs(page)) {
                    // A stub: a line of at most two characters that is not a badge number.
                    bool const number
                        = !run->text.empty() && run->text[0] >= '0' && run->text[0] <= '9' && run->text.size() <= 2;
                    if (!number && run->font.weight == FontWeight::Regular)
                        CHECK(slide.measurer.width(run->text, run->font)
                            >= 2.2f * static_cast<float>(run->font.pixel_size) - 0.01f);
                }
            }
        }
    }
}
