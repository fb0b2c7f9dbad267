// Free-text notices: fitted paragraphs, the warning card with its text label, the issuer and
// date at the end, and pagination by lines when even the minimum size does not fit.
#include "player/layout/slide_chrome.h"

#include "layout_test_support.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace hallboard;
using namespace hallboard::test;

namespace {

constexpr const char* outage_text
    = "因线路检修，2026年12月1日 08:00–18:00 以下区域停电：天河路1号至99号、体育东路全线。\n"
      "停电期间请关闭家用电器，来电前不要接触线路。如有疑问请拨打95598供电服务热线。";

FreeText notice_body(NoticeLevel level, std::string body, std::string issuer = "某某供电局",
    std::optional<Date> date = Date { 2026, 11, 22 })
{
    return FreeText { level, std::move(body), std::move(issuer), date };
}

SlideLayout lay_out(const FreeText& text, TestSlide& slide, std::string footer = {})
{
    return layout_free_text(make_notice("停电通知", text, std::move(footer)), text, slide.context);
}

// Sentences of a given length without spaces, so that the text can be found again whole
// by concatenating the lines.
std::string long_text(int sentences)
{
    std::string out;
    for (int i = 0; i < sentences; ++i) {
        out += "第" + std::to_string(i + 1)
            + "句：供电公司将对本区域线路进行检修，请广大客户提前做好准备工作，谢谢配合。";
        if (i % 4 == 3)
            out += "\n";
    }
    return out;
}

// Line breaking drops the spaces and newlines where lines end: compare text without them.
std::string without_newlines(std::string text)
{
    text.erase(std::remove_if(text.begin(), text.end(), [](char c) { return c == '\n' || c == ' '; }), text.end());
    return text;
}

// The text of the body runs only (not the title, footer or page number, not the label).
std::string body_text(const DisplayList& page, Color color, int min_px, int max_px)
{
    std::string out;
    for (auto const* run : text_runs(page)) {
        if (run->color == color && run->font.weight == FontWeight::Regular && run->font.pixel_size >= min_px
            && run->font.pixel_size <= max_px)
            out += run->text;
    }
    return out;
}

} // namespace

TEST_CASE("notices keep their text inside the margins, apart and large enough")
{
    struct Case {
        const char* name;
        NoticeLevel level;
        int sentences; // 0: the short outage notice
    };
    Case const cases[] = {
        { "short info", NoticeLevel::Info, 0 },
        { "short warning", NoticeLevel::Warning, 0 },
        { "long info", NoticeLevel::Info, 60 },
        { "long warning", NoticeLevel::Warning, 60 },
    };
    for (auto const& screen : test_screens) {
        for (auto const& test : cases) {
            SUBCASE((std::string(screen.name) + ", " + test.name).c_str())
            {
                TestSlide slide(screen);
                auto const text = notice_body(test.level, test.sentences ? long_text(test.sentences) : outage_text);
                auto const layout = lay_out(text, slide, "联系电话：95598");
                CHECK(layout.problems.empty());
                auto const issues = layout_issues(layout, slide);
                INFO(join_lines(issues));
                CHECK(issues.empty());
            }
        }
    }
}

TEST_CASE("a short notice is one page, grown to fill the slide, signed at the right")
{
    for (auto const& screen : test_screens) {
        SUBCASE(screen.name)
        {
            TestSlide slide(screen);
            auto const layout = lay_out(notice_body(NoticeLevel::Info, outage_text), slide);
            CHECK(layout.problems.empty());
            REQUIRE(layout.pages.size() == 1);
            auto const& page = layout.pages[0];
            auto const first = runs_containing(page, "因线路检修");
            REQUIRE(first.size() == 1);
            // A sparse notice grows beyond the body size, up to the fill size.
            CHECK(first[0]->font.pixel_size > slide.body_px());
            CHECK(first[0]->font.pixel_size <= slide.fill_px());
            CHECK(first[0]->color == slide.theme.text);
            CHECK(first[0]->x == doctest::Approx(slide.margin()));
            CHECK(without_newlines(body_text(page, slide.theme.text, slide.body_px(), slide.fill_px()))
                      .find(without_newlines(outage_text))
                != std::string::npos);
            CHECK(runs_containing(page, "重要通知").empty());
            CHECK(fills_of_color(page, slide.theme.warning_background).empty());

            auto const issuer = runs_containing(page, "某某供电局");
            auto const date = runs_containing(page, "2026年11月22日");
            REQUIRE(issuer.size() == 1);
            REQUIRE(date.size() == 1);
            float const right = slide.content_box().right();
            CHECK(text_box(*issuer[0], slide.measurer).right() == doctest::Approx(right));
            CHECK(text_box(*date[0], slide.measurer).right() == doctest::Approx(right));
            // On one line when they fit side by side, else the date under the issuer.
            CHECK(issuer[0]->baseline <= date[0]->baseline);
            // After the last line of the body.
            for (auto const* run : runs_containing(page, "热线"))
                CHECK(run->baseline < issuer[0]->baseline);
        }
    }
}

TEST_CASE("the signature shows what is given")
{
    TestSlide slide(test_screens[0]);
    struct Case {
        const char* name;
        std::string issuer;
        std::optional<Date> date;
        size_t runs_right_aligned;
    };
    Case const cases[] = {
        { "both, on one line", "某某供电局", Date { 2026, 3, 5 }, 1 },
        { "issuer only", "某某供电局", std::nullopt, 1 },
        { "date only", "", Date { 2026, 3, 5 }, 1 },
        { "neither", "", std::nullopt, 0 },
    };
    for (auto const& test : cases) {
        SUBCASE(test.name)
        {
            auto const layout
                = lay_out(notice_body(NoticeLevel::Info, "今日营业时间调整。", test.issuer, test.date), slide);
            REQUIRE(layout.pages.size() == 1);
            size_t right_aligned = 0;
            for (auto const& box : text_boxes(layout.pages[0], slide.measurer)) {
                if (std::abs(box.box.right() - slide.content_box().right()) < 0.5f)
                    ++right_aligned;
            }
            CHECK(right_aligned == test.runs_right_aligned);
            CHECK(runs_containing(layout.pages[0], "2026年3月5日").size() == (test.date ? 1u : 0u));
        }
    }
}

TEST_CASE("a warning draws the warning colours and a text label")
{
    for (auto const& screen : test_screens) {
        SUBCASE(screen.name)
        {
            TestSlide slide(screen);
            auto const layout = lay_out(notice_body(NoticeLevel::Warning, outage_text), slide);
            REQUIRE(layout.pages.size() == 1);
            auto const& page = layout.pages[0];
            auto const card = fills_of_color(page, slide.theme.warning_background);
            REQUIRE(card.size() == 1);
            auto const accents = fills_of_color(page, slide.theme.warning_accent);
            REQUIRE(accents.size() >= 1);
            auto const label = runs_containing(page, "重要通知");
            REQUIRE(label.size() == 1);
            CHECK(label[0]->font.weight == FontWeight::Bold);
            CHECK(label[0]->color == slide.theme.on_accent);
            // The label sits on a warning-accent badge inside the card.
            auto const label_box = text_box(*label[0], slide.measurer);
            bool on_badge = false;
            for (auto const* fill : accents)
                on_badge = on_badge || (rect_inside(label_box, fill->rect) && fill->rect.w < card[0]->rect.w / 2);
            CHECK(on_badge);
            // A legend on the card's top border: across it, inside the card's sides.
            CHECK(label_box.bottom() > card[0]->rect.y);
            CHECK(label_box.x >= card[0]->rect.x);
            // Body text in the warning colour, inside the card, below the label.
            auto const first = runs_containing(page, "因线路检修");
            REQUIRE(first.size() == 1);
            CHECK(first[0]->color == slide.theme.warning_text);
            CHECK(first[0]->baseline > label[0]->baseline);
            for (auto const& box : text_boxes(page, slide.measurer)) {
                if (box.run->color == slide.theme.warning_text)
                    CHECK(rect_inside(box.box, card[0]->rect));
            }
            // The card is drawn under the text.
            auto const card_at
                = std::find_if(page.commands.begin(), page.commands.end(), [&](const DrawCommand& command) {
                      auto const* fill = std::get_if<FillRect>(&command);
                      return fill && fill->color == slide.theme.warning_background;
                  });
            auto const text_at
                = std::find_if(page.commands.begin(), page.commands.end(), [&](const DrawCommand& command) {
                      auto const* run = std::get_if<TextRun>(&command);
                      return run && run->color == slide.theme.warning_text;
                  });
            CHECK(card_at < text_at);
        }
    }
}

TEST_CASE("a notice a little too long for the body size shrinks onto one page")
{
    TestSlide slide(test_screens[0]);
    // Grow the text until the body size no longer fits one page, then check it shrank.
    for (int sentences = 1; sentences < 40; ++sentences) {
        auto const layout = lay_out(notice_body(NoticeLevel::Info, long_text(sentences)), slide);
        auto const first = runs_containing(layout.pages[0], "第1句");
        REQUIRE(first.size() == 1);
        if (first[0]->font.pixel_size < slide.body_px()) {
            CHECK(layout.pages.size() == 1);
            CHECK(first[0]->font.pixel_size >= slide.min_px());
            CHECK(body_text(layout.pages[0], slide.theme.text, slide.min_px(), slide.body_px())
                      .find(without_newlines(long_text(sentences)))
                != std::string::npos);
            return;
        }
        REQUIRE(layout.pages.size() == 1);
    }
    FAIL("the text never needed to shrink");
}

TEST_CASE("a very long notice paginates by lines, the signature on the last page")
{
    for (auto const& screen : test_screens) {
        for (auto level : { NoticeLevel::Info, NoticeLevel::Warning }) {
            SUBCASE((std::string(screen.name) + (level == NoticeLevel::Warning ? ", warning" : ", info")).c_str())
            {
                TestSlide slide(screen);
                std::string const source = long_text(80);
                auto const layout = lay_out(notice_body(level, source), slide);
                CHECK(layout.problems.empty());
                size_t const count = layout.pages.size();
                REQUIRE(count > 1);
                Color const color = level == NoticeLevel::Warning ? slide.theme.warning_text : slide.theme.text;
                std::string text;
                int font_px = 0;
                for (size_t index = 0; index < count; ++index) {
                    CAPTURE(index);
                    auto const& page = layout.pages[index];
                    CHECK(
                        runs_containing(page, "页码 " + std::to_string(index + 1) + "/" + std::to_string(count)).size()
                        == 1);
                    CHECK(runs_containing(page, "某某供电局").size() == (index + 1 == count ? 1u : 0u));
                    CHECK(runs_containing(page, "重要通知").size() == (level == NoticeLevel::Warning ? 1u : 0u));
                    // Every page has the same text size.
                    auto const runs = runs_containing(page, "句");
                    REQUIRE(!runs.empty());
                    if (font_px == 0)
                        font_px = runs[0]->font.pixel_size;
                    for (auto const* run : runs)
                        CHECK(run->font.pixel_size == font_px);
                    text += body_text(page, color, slide.min_px(), slide.body_px());
                }
                // All the text, in order, once.
                CHECK(text.starts_with(without_newlines(source)));
                CHECK(text == without_newlines(source) + "某某供电局　2026年11月22日");
                CHECK(font_px >= slide.min_px());
                CHECK(font_px <= slide.body_px());
            }
        }
    }
}

TEST_CASE("a word wider than the slide is reported")
{
    TestSlide slide(test_screens[1]);
    std::string const url(200, 'x');
    auto const layout = lay_out(notice_body(NoticeLevel::Info, "请访问 " + url), slide);
    CHECK(!layout.problems.empty());
    auto const issues = layout_issues(layout, slide);
    INFO(join_lines(issues));
    CHECK(issues.empty());
}
