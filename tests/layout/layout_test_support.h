// Shared by the slide layout tests: the screens every kind is laid out on, and checks that a
// page's text stays inside the margins, never overlaps and never goes below the minimum size.
#pragma once

#include "player/config/theme.h"
#include "player/layout/display_list.h"
#include "player/layout/slide_layout.h"
#include "player/layout/slide_style.h"
#include "player/layout/text_measurer.h"

#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hallboard::test {

// The slide area (between header and ticker) of the screens we lay out for, default theme.
struct TestScreen {
    const char* name;
    float width;
    float height;
    float unit; // the screen's short side
};

inline constexpr TestScreen test_screens[] = {
    { "1920x1080 landscape", 1920, 907, 1080 },
    { "1080x1920 portrait", 1080, 1751, 1080 },
    { "3840x2160 landscape", 3840, 1814, 2160 },
};

// A slide context with the fixed-advance fake measurer and the default theme. Owns what the
// context points at, so it is neither copied nor moved.
class TestSlide {
public:
    explicit TestSlide(const TestScreen& screen, std::string asset_root = "/content/source")
        : theme(default_theme())
    {
        context.width = screen.width;
        context.height = screen.height;
        context.unit = screen.unit;
        context.theme = &theme;
        context.measurer = &measurer;
        context.asset_root = std::move(asset_root);
    }
    TestSlide(const TestSlide&) = delete;
    TestSlide& operator=(const TestSlide&) = delete;

    int min_px() const { return context.px(theme.min_text_size); }
    int body_px() const { return context.px(theme.body_size); }
    // The largest body text: sparse slides grow up to it (slide_style.h).
    int fill_px() const { return SlideStyle(context).fill_px; }
    int title_px() const { return context.px(theme.title_size); }
    float margin() const { return static_cast<float>(context.px(theme.margin)); }
    // The slide minus its margins: where all text must stay.
    Rect content_box() const
    {
        float const m = margin();
        return Rect { m, m, context.width - 2 * m, context.height - 2 * m };
    }

    Theme theme;
    FixedAdvanceMeasurer measurer;
    SlideContext context;
};

// The box a TextRun's glyphs occupy: advance width by ascent + descent.
struct TextBox {
    Rect box;
    const TextRun* run = nullptr;
};

inline Rect text_box(const TextRun& run, TextMeasurer& measurer)
{
    float const ascent = measurer.ascent(run.font);
    return Rect { run.x, run.baseline - ascent, measurer.width(run.text, run.font),
        ascent + measurer.descent(run.font) };
}

inline std::vector<TextBox> text_boxes(const DisplayList& list, TextMeasurer& measurer)
{
    std::vector<TextBox> boxes;
    for (auto const& command : list.commands) {
        if (auto const* run = std::get_if<TextRun>(&command))
            boxes.push_back(TextBox { text_box(*run, measurer), run });
    }
    return boxes;
}

inline std::vector<const TextRun*> text_runs(const DisplayList& list)
{
    std::vector<const TextRun*> runs;
    for (auto const& command : list.commands) {
        if (auto const* run = std::get_if<TextRun>(&command))
            runs.push_back(run);
    }
    return runs;
}

// Runs whose text contains `needle`.
inline std::vector<const TextRun*> runs_containing(const DisplayList& list, std::string_view needle)
{
    std::vector<const TextRun*> found;
    for (auto const* run : text_runs(list)) {
        if (run->text.find(needle) != std::string::npos)
            found.push_back(run);
    }
    return found;
}

// Every run's text concatenated without separators, so that a phrase wrapped across lines
// can still be found.
inline std::string joined_text(const DisplayList& list)
{
    std::string out;
    for (auto const* run : text_runs(list))
        out += run->text;
    return out;
}

template <typename Command>
std::vector<const Command*> commands_of(const DisplayList& list)
{
    std::vector<const Command*> found;
    for (auto const& command : list.commands) {
        if (auto const* typed = std::get_if<Command>(&command))
            found.push_back(typed);
    }
    return found;
}

inline std::vector<const FillRect*> fills_of_color(const DisplayList& list, Color color)
{
    std::vector<const FillRect*> found;
    for (auto const* fill : commands_of<FillRect>(list)) {
        if (fill->color == color)
            found.push_back(fill);
    }
    return found;
}

inline bool rects_overlap(const Rect& a, const Rect& b, float tolerance = 0.5f)
{
    return a.x + tolerance < b.right() && b.x + tolerance < a.right() && a.y + tolerance < b.bottom()
        && b.y + tolerance < a.bottom();
}

inline bool rect_inside(const Rect& inner, const Rect& outer, float tolerance = 0.5f)
{
    return inner.x >= outer.x - tolerance && inner.y >= outer.y - tolerance
        && inner.right() <= outer.right() + tolerance && inner.bottom() <= outer.bottom() + tolerance;
}

inline std::string describe(const Rect& rect)
{
    auto number = [](float value) { return std::to_string(static_cast<int>(std::lround(value))); };
    return "(" + number(rect.x) + "," + number(rect.y) + " " + number(rect.w) + "x" + number(rect.h) + ")";
}

// What is wrong with one page: text outside the slide minus margins, text boxes that overlap,
// text below the theme's minimum size, empty runs, and fills or images outside the slide.
inline std::vector<std::string> page_issues(const DisplayList& page, TestSlide& slide)
{
    std::vector<std::string> issues;
    Rect const content = slide.content_box();
    Rect const whole { 0, 0, slide.context.width, slide.context.height };
    auto const boxes = text_boxes(page, slide.measurer);
    for (size_t i = 0; i < boxes.size(); ++i) {
        auto const& run = *boxes[i].run;
        if (run.text.empty())
            issues.push_back("an empty text run");
        if (run.font.pixel_size < slide.min_px())
            issues.push_back("\"" + run.text + "\" at " + std::to_string(run.font.pixel_size)
                + " px, below the minimum " + std::to_string(slide.min_px()));
        if (!rect_inside(boxes[i].box, content))
            issues.push_back(
                "\"" + run.text + "\" " + describe(boxes[i].box) + " outside the content box " + describe(content));
        for (size_t j = i + 1; j < boxes.size(); ++j) {
            if (rects_overlap(boxes[i].box, boxes[j].box))
                issues.push_back("\"" + run.text + "\" " + describe(boxes[i].box) + " overlaps \"" + boxes[j].run->text
                    + "\" " + describe(boxes[j].box));
        }
    }
    for (auto const* fill : commands_of<FillRect>(page)) {
        if (!rect_inside(fill->rect, whole))
            issues.push_back("a fill " + describe(fill->rect) + " outside the slide");
    }
    for (auto const* image : commands_of<ImageDraw>(page)) {
        if (!rect_inside(image->rect, content))
            issues.push_back("image " + image->path + " " + describe(image->rect) + " outside the content box");
    }
    return issues;
}

// page_issues of every page, each prefixed with its page number; a layout without pages is an issue.
inline std::vector<std::string> layout_issues(const SlideLayout& layout, TestSlide& slide)
{
    std::vector<std::string> issues;
    if (layout.pages.empty())
        issues.push_back("no pages");
    for (size_t index = 0; index < layout.pages.size(); ++index) {
        for (auto& issue : page_issues(layout.pages[index], slide))
            issues.push_back("page " + std::to_string(index + 1) + ": " + issue);
    }
    return issues;
}

// A notice of the kind that matches `body`, as the content loader would produce it.
inline Notice make_notice(std::string title, NoticeBody body, std::string footer = {})
{
    static constexpr NoticeKind kinds[] = { NoticeKind::Tariff, NoticeKind::Flow, NoticeKind::Commitments,
        NoticeKind::Hotlines, NoticeKind::Notice, NoticeKind::Image, NoticeKind::Ticker };
    Notice notice;
    notice.id = "test";
    notice.kind = kinds[body.index()];
    notice.title = std::move(title);
    notice.footer = std::move(footer);
    notice.body = std::move(body);
    return notice;
}

inline std::string join_lines(const std::vector<std::string>& lines)
{
    std::string out;
    for (auto const& line : lines)
        out += line + "\n";
    return out;
}

} // namespace hallboard::test
