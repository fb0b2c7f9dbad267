// Flow slides: numbered step boxes joined by arrows (a row in landscape, a column in
// portrait), time limits, the total banner and the materials card, on every test screen.
#include "player/layout/text_layout.h"

#include "layout_test_support.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <optional>

using namespace hallboard;
using namespace hallboard::test;

namespace {

Flow residential_flow()
{
    Flow flow;
    flow.steps = {
        { "申请受理", "当日", "营业厅、网上国网App、95598均可申请，一证办电" },
        { "现场勘查", "1个工作日", "" },
        { "装表接电", "2个工作日", "勘查后装表，当场通电" },
    };
    flow.materials = { "用电人有效身份证明", "房屋产权证明或租赁协议" };
    flow.total = "全程不超过3个工作日";
    return flow;
}

// 高压业扩 and then some: nine steps, six materials.
Flow long_flow()
{
    Flow flow;
    flow.steps = {
        { "业务受理", "当日", "营业厅或网上国网提交用电申请" },
        { "现场勘查", "2个工作日", "" },
        { "供电方案答复", "15个工作日", "单电源15个、双电源30个工作日" },
        { "设计文件审核", "10个工作日", "" },
        { "中间检查", "5个工作日", "隐蔽工程施工期间" },
        { "竣工检验", "5个工作日", "" },
        { "签订供用电合同", "", "" },
        { "装表接电", "5个工作日", "竣工检验合格后" },
        { "回访归档", "3个工作日", "" },
    };
    flow.materials = { "用电申请书", "营业执照或统一社会信用代码证", "法定代表人身份证明及授权委托书",
        "用电地址物业权属证明", "项目批复、核准或备案文件", "用电设备清单" };
    flow.total = "供电企业办理时间合计不超过22个工作日";
    return flow;
}

SlideLayout lay_out(const Flow& flow, TestSlide& slide)
{
    return layout_flow(make_notice("低压居民新装（增容）办理流程", flow), flow, slide.context);
}

// Thin spaces and spaces go where the layout puts them; compare text without them.
std::string without_spaces(std::string text)
{
    std::string out;
    for (size_t i = 0; i < text.size();) {
        if (text.compare(i, 3, "\u2009") == 0) {
            i += 3;
        } else if (text[i] == ' ') {
            ++i;
        } else {
            out += text[i++];
        }
    }
    return out;
}

struct StepBox {
    int step = 0; // 0-based
    Rect box;
};

// The card of each step on a page: the smallest card fill holding the run of the step's name.
// The runs of a step's name: the whole name, or, when it wraps in its card (at 40 px a long
// name may), its first line: a bold run the name starts with.
std::vector<const TextRun*> name_runs(const DisplayList& page, const std::string& name)
{
    // Bold only: a step's details may name another step (竣工检验合格后).
    std::vector<const TextRun*> runs;
    for (auto const* run : runs_containing(page, name)) {
        if (run->font.weight == FontWeight::Bold)
            runs.push_back(run);
    }
    if (!runs.empty())
        return runs;
    for (auto const& command : page.commands) {
        auto const* run = std::get_if<TextRun>(&command);
        if (run && run->font.weight == FontWeight::Bold && run->text.size() >= 6 && name.starts_with(run->text))
            runs.push_back(run);
    }
    return runs;
}

std::vector<StepBox> step_boxes(const DisplayList& page, const Flow& flow, TestSlide& slide)
{
    std::vector<StepBox> found;
    auto cards = fills_of_color(page, slide.theme.card_background);
    for (size_t step = 0; step < flow.steps.size(); ++step) {
        auto runs = name_runs(page, flow.steps[step].name);
        if (runs.empty())
            continue;
        Rect text = text_box(*runs.front(), slide.measurer);
        std::optional<Rect> best;
        for (auto const* card : cards) {
            if (rect_inside(text, card->rect) && (!best || card->rect.w * card->rect.h < best->w * best->h))
                best = card->rect;
        }
        REQUIRE_MESSAGE(best, "no card around step " << step + 1);
        found.push_back({ static_cast<int>(step), *best });
    }
    return found;
}

// Distance from a point to the outline of a rectangle.
float distance_to_edge(float x, float y, Rect rect)
{
    float dx = std::max({ rect.x - x, 0.0f, x - rect.right() });
    float dy = std::max({ rect.y - y, 0.0f, y - rect.bottom() });
    if (dx > 0 || dy > 0)
        return std::hypot(dx, dy);
    return std::min({ x - rect.x, rect.right() - x, y - rect.y, rect.bottom() - y });
}

struct Arrow {
    float from_x, from_y, to_x, to_y;
};

// Chains of joined lines ending in an arrow head: one per arrow, however many bends.
std::vector<Arrow> arrows(const DisplayList& page)
{
    std::vector<Arrow> found;
    std::optional<Arrow> open;
    for (auto const* line : commands_of<LineDraw>(page)) {
        bool continues = open && std::abs(open->to_x - line->x1) < 0.5f && std::abs(open->to_y - line->y1) < 0.5f;
        if (!continues)
            open = Arrow { line->x1, line->y1, line->x2, line->y2 };
        open->to_x = line->x2;
        open->to_y = line->y2;
        if (line->arrow_head) {
            found.push_back(*open);
            open.reset();
        }
    }
    return found;
}

} // namespace

TEST_CASE("flow slides fit every screen without overlaps or tiny text")
{
    struct Case {
        const char* name;
        Flow flow;
    };
    Flow no_materials = residential_flow();
    no_materials.materials.clear();
    no_materials.total.clear();
    Flow one_step;
    one_step.steps = { { "网上办理", "即时", "" } };
    Case const cases[] = {
        { "three steps", residential_flow() },
        { "nine steps", long_flow() },
        { "no materials, no total", no_materials },
        { "one step", one_step },
    };
    for (auto const& screen : test_screens) {
        for (auto const& c : cases) {
            SUBCASE((std::string(screen.name) + ", " + c.name).c_str())
            {
                TestSlide slide(screen);
                auto layout = lay_out(c.flow, slide);
                CHECK_MESSAGE(layout.problems.empty(), join_lines(layout.problems));
                auto issues = layout_issues(layout, slide);
                CHECK_MESSAGE(issues.empty(), join_lines(issues));

                // Every step once, its name bold, at body size or smaller but never below the minimum.
                std::vector<int> seen(c.flow.steps.size(), 0);
                for (auto const& page : layout.pages) {
                    for (auto const& step : step_boxes(page, c.flow, slide)) {
                        ++seen[static_cast<size_t>(step.step)];
                        auto runs = name_runs(page, c.flow.steps[static_cast<size_t>(step.step)].name);
                        CHECK(runs.front()->font.weight == FontWeight::Bold);
                        CHECK(runs.front()->font.pixel_size <= slide.body_px());
                    }
                }
                for (size_t step = 0; step < seen.size(); ++step)
                    CHECK_MESSAGE(seen[step] == 1, "step " << step + 1 << " drawn " << seen[step] << " times");
            }
        }
    }
}

TEST_CASE("a short landscape flow is one row at the body size with the materials beside it")
{
    for (auto const& screen : test_screens) {
        if (screen.height > screen.width)
            continue;
        SUBCASE(screen.name)
        {
            TestSlide slide(screen);
            auto flow = residential_flow();
            auto layout = lay_out(flow, slide);
            REQUIRE(layout.pages.size() == 1);
            auto boxes = step_boxes(layout.pages[0], flow, slide);
            REQUIRE(boxes.size() == 3);
            for (size_t i = 1; i < boxes.size(); ++i) {
                CHECK(boxes[i].box.y == doctest::Approx(boxes[0].box.y));
                CHECK(boxes[i].box.x > boxes[i - 1].box.right());
            }
            auto names = runs_containing(layout.pages[0], "申请受理");
            CHECK(names.front()->font.pixel_size == slide.body_px());
            // The materials card is right of the steps.
            auto heading = runs_containing(layout.pages[0], "所需材料");
            REQUIRE(heading.size() == 1);
            CHECK(heading.front()->x > boxes.back().box.right());
        }
    }
}

TEST_CASE("nine landscape steps wrap into rows in reading order")
{
    for (auto const& screen : test_screens) {
        if (screen.height > screen.width)
            continue;
        SUBCASE(screen.name)
        {
            TestSlide slide(screen);
            auto flow = long_flow();
            auto layout = lay_out(flow, slide);
            CHECK(layout.problems.empty());
            size_t rows = 0;
            for (auto const& page : layout.pages) {
                auto boxes = step_boxes(page, flow, slide);
                if (boxes.empty())
                    continue;
                rows += 1;
                for (size_t i = 1; i < boxes.size(); ++i) {
                    CHECK(boxes[i].step == boxes[i - 1].step + 1);
                    bool same_row = std::abs(boxes[i].box.y - boxes[i - 1].box.y) < 0.5f;
                    if (same_row) {
                        CHECK(boxes[i].box.x > boxes[i - 1].box.right());
                    } else {
                        // A new row starts below the previous one, back at the left.
                        CHECK(boxes[i].box.y > boxes[i - 1].box.bottom());
                        CHECK(boxes[i].box.x < boxes[i - 1].box.x);
                        rows += 1;
                    }
                }
            }
            // Nine readable boxes never fit one row of a landscape slide.
            CHECK(rows >= 2);
        }
    }
}

TEST_CASE("portrait flows stack their steps top to bottom")
{
    TestSlide slide(test_screens[1]);
    for (auto const& flow : { residential_flow(), long_flow() }) {
        auto layout = lay_out(flow, slide);
        for (auto const& page : layout.pages) {
            auto boxes = step_boxes(page, flow, slide);
            for (size_t i = 1; i < boxes.size(); ++i) {
                CHECK(boxes[i].box.y > boxes[i - 1].box.bottom());
                CHECK(boxes[i].box.x == doctest::Approx(boxes[i - 1].box.x));
            }
        }
    }
}

TEST_CASE("arrows join each step to the next")
{
    for (auto const& screen : test_screens) {
        for (auto const& flow : { residential_flow(), long_flow() }) {
            SUBCASE((std::string(screen.name) + ", " + std::to_string(flow.steps.size()) + " steps").c_str())
            {
                TestSlide slide(screen);
                auto layout = lay_out(flow, slide);
                float const tolerance = 0.3f * static_cast<float>(slide.body_px());
                size_t total_arrows = 0;
                for (auto const& page : layout.pages) {
                    auto boxes = step_boxes(page, flow, slide);
                    auto found = arrows(page);
                    // Arrows join steps of the same page; a page break needs none.
                    CHECK(found.size() == (boxes.empty() ? 0 : boxes.size() - 1));
                    total_arrows += found.size();
                    for (size_t i = 0; i + 1 < boxes.size() && i < found.size(); ++i) {
                        auto const& arrow = found[i];
                        CHECK(distance_to_edge(arrow.from_x, arrow.from_y, boxes[i].box) <= tolerance);
                        CHECK(distance_to_edge(arrow.to_x, arrow.to_y, boxes[i + 1].box) <= tolerance);
                        // The head stays outside the box it points at.
                        CHECK_FALSE(rect_inside(Rect { arrow.to_x, arrow.to_y, 0, 0 }, boxes[i + 1].box, -0.5f));
                    }
                    for (auto const* line : commands_of<LineDraw>(page))
                        CHECK(line->color == slide.theme.accent);
                }
                CHECK(total_arrows + layout.pages.size() >= flow.steps.size());
            }
        }
    }
}

TEST_CASE("flows show time limits, the total and every required material")
{
    for (auto const& screen : test_screens) {
        for (auto const& flow : { residential_flow(), long_flow() }) {
            SUBCASE((std::string(screen.name) + ", " + std::to_string(flow.steps.size()) + " steps").c_str())
            {
                TestSlide slide(screen);
                auto layout = lay_out(flow, slide);
                std::string text;
                std::string accent_text;
                std::string banner_text;
                for (auto const& page : layout.pages) {
                    text += without_spaces(joined_text(page));
                    for (auto const* run : text_runs(page)) {
                        if (run->color == slide.theme.accent)
                            accent_text += without_spaces(run->text);
                        if (run->color == slide.theme.on_accent)
                            banner_text += without_spaces(run->text);
                    }
                }
                for (auto const& step : flow.steps) {
                    if (!step.limit.empty())
                        CHECK_MESSAGE(accent_text.find("时限：" + step.limit) != std::string::npos, step.limit);
                    CHECK(text.find(without_spaces(step.detail)) != std::string::npos);
                }
                CHECK(text.find("所需材料") != std::string::npos);
                for (size_t i = 0; i < flow.materials.size(); ++i)
                    CHECK(text.find(std::to_string(i + 1) + "." + flow.materials[i]) != std::string::npos);
                CHECK(banner_text.find(without_spaces(flow.total)) != std::string::npos);
                // The banner's text sits on an accent fill.
                bool on_fill = false;
                for (auto const& page : layout.pages) {
                    for (auto const* run : text_runs(page)) {
                        if (run->color != slide.theme.on_accent || run->text.find("个工作日") == std::string::npos)
                            continue;
                        for (auto const* fill : fills_of_color(page, slide.theme.accent))
                            on_fill = on_fill || rect_inside(text_box(*run, slide.measurer), fill->rect);
                    }
                }
                CHECK(on_fill);
            }
        }
    }
}

TEST_CASE("step details are smaller than step names")
{
    TestSlide slide(test_screens[0]);
    auto flow = residential_flow();
    auto layout = lay_out(flow, slide);
    auto names = runs_containing(layout.pages[0], "装表接电");
    auto details = runs_containing(layout.pages[0], "勘查后");
    REQUIRE(!names.empty());
    REQUIRE(!details.empty());
    CHECK(details.front()->font.pixel_size < names.front()->font.pixel_size);
    CHECK(details.front()->font.pixel_size >= slide.min_px());
}

TEST_CASE("a flow that cannot fit reports problems instead of clipping silently")
{
    struct Case {
        const char* name;
        Flow flow;
        const char* expected;
    };
    // A word of 130 letters is wider than any slide at the minimum size: nowhere to break it.
    std::string const word(130, 'W');
    Flow long_name = residential_flow();
    long_name.steps[1].name = word;
    Flow long_material = residential_flow();
    long_material.materials.push_back(word);
    Case const cases[] = {
        { "unbreakable step name", long_name, "step 2" },
        { "unbreakable material", long_material, "material" },
    };
    for (auto const& screen : test_screens) {
        for (auto const& c : cases) {
            SUBCASE((std::string(screen.name) + ", " + c.name).c_str())
            {
                TestSlide slide(screen);
                auto layout = lay_out(c.flow, slide);
                REQUIRE_FALSE(layout.pages.empty());
                CHECK_MESSAGE(
                    join_lines(layout.problems).find(c.expected) != std::string::npos, join_lines(layout.problems));
            }
        }
    }
}

TEST_CASE("a very long flow paginates with continuous numbering")
{
    Flow flow;
    for (int i = 0; i < 24; ++i)
        flow.steps.push_back({ "步骤" + std::to_string(i + 1) + "办理", "1个工作日", "按要求提交资料并等待审核结果" });
    flow.materials = { "用电人有效身份证明" };
    flow.total = "全程不超过24个工作日";
    for (auto const& screen : test_screens) {
        SUBCASE(screen.name)
        {
            TestSlide slide(screen);
            auto layout = lay_out(flow, slide);
            CHECK(layout.problems.empty());
            CHECK(layout.pages.size() > 1);
            auto issues = layout_issues(layout, slide);
            CHECK_MESSAGE(issues.empty(), join_lines(issues));
            // Badge numbers 1..24 appear once each, in order over the pages.
            std::vector<int> numbers;
            for (auto const& page : layout.pages) {
                for (auto const* run : text_runs(page)) {
                    if (run->color == slide.theme.on_accent
                        && run->text.find_first_not_of("0123456789") == std::string::npos)
                        numbers.push_back(std::stoi(run->text));
                }
            }
            REQUIRE(numbers.size() == 24);
            for (size_t i = 0; i < numbers.size(); ++i)
                CHECK(numbers[i] == static_cast<int>(i + 1));
        }
    }
}
