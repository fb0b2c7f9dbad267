// The title with its accent bar, the footer and page number, and the body box between them.
#include "player/layout/slide_chrome.h"

#include "player/layout/card_drawing.h"
#include "player/layout/slide_style.h"
#include "player/layout/text_layout.h"

#include <algorithm>

namespace hallboard {

namespace {

enum class BottomRow { Reserved, OnlyWhenNeeded };

// Where everything of the chrome goes; computed once and used for both measuring and drawing.
struct ChromeGeometry {
    FittedText title;
    bool title_fits = true;
    Rect title_box; // the title's lines, right of the accent bar
    Rect accent_bar;
    float rule_y = 0; // top of the hairline under the title
    float rule_thickness = 0;
    FontSpec footer_font;
    std::vector<std::string> footer_lines;
    bool footer_overflow = false;
    float bottom_row_top = 0; // footer and page number
    bool has_bottom_row = false;
    Rect body;
};

std::string page_number_text(int page, int page_count)
{
    return "页码 " + std::to_string(page) + "/" + std::to_string(page_count);
}

// Titles stay a title: first two lines at the title size shrinking to the body size, and
// only then three lines down to the minimum.
// A wrapped title breaks into lines of similar length ("电网企业代理购电 / 工商业用户电价表"),
// not a full line and a stub ("电网企业代理购电工商业用户电 / 价表").
FittedText balance_lines(FittedText fitted, const std::string& text, float width, const SlideStyle& style)
{
    if (fitted.wrapped.lines.size() < 2 || fitted.wrapped.overflow)
        return fitted;
    auto balanced = wrap_balanced(text, width, fitted.font, style.measurer);
    if (balanced.lines.size() == fitted.wrapped.lines.size() && !balanced.overflow)
        fitted.wrapped = std::move(balanced);
    return fitted;
}

FittedText fit_title(const std::string& title, float width, const SlideStyle& style, bool& fits)
{
    auto two_lines = text_block_height(2, FontSpec { style.title_px, FontWeight::Bold }, style.line_spacing);
    auto fitted = fit_text(
        title, width, two_lines, style.title_px, style.body_px, FontWeight::Bold, style.line_spacing, style.measurer);
    if (fitted.fits) {
        fits = true;
        return balance_lines(std::move(fitted), title, width, style);
    }
    auto three_lines = text_block_height(3, FontSpec { style.body_px, FontWeight::Bold }, style.line_spacing);
    fitted = fit_text(
        title, width, three_lines, style.body_px, style.min_px, FontWeight::Bold, style.line_spacing, style.measurer);
    fits = fitted.fits;
    return fits ? balance_lines(std::move(fitted), title, width, style) : fitted;
}

ChromeGeometry compute_geometry(const Notice& notice, const SlideContext& context, BottomRow bottom_row, int page_count)
{
    SlideStyle const style(context);
    ChromeGeometry geometry;
    float const left = style.margin;
    float const content_width = std::max(1.0f, context.width - 2 * style.margin);
    float top = style.margin;

    if (!notice.title.empty()) {
        float const bar_width = std::max(2.0f, style.px(0.008));
        float const bar_gap = style.px(0.018);
        float const text_left = left + bar_width + bar_gap;
        float const text_width = std::max(1.0f, content_width - bar_width - bar_gap);
        geometry.title = fit_title(notice.title, text_width, style, geometry.title_fits);
        float const height = geometry.title.height;
        geometry.title_box = Rect { text_left, top, text_width, height };
        // The bar spans the glyphs of the first to the last line, not the leading around them.
        float const leading
            = (style.line_height(geometry.title.font) - static_cast<float>(geometry.title.font.pixel_size)) / 2;
        geometry.accent_bar = Rect { left, top + leading, bar_width, std::max(0.0f, height - 2 * leading) };
        geometry.rule_y = top + height + style.px(0.010);
        geometry.rule_thickness = style.hairline(0.0018);
        top = geometry.rule_y + geometry.rule_thickness + style.px(0.024);
    }

    float bottom = context.height - style.margin;
    geometry.footer_font = FontSpec { style.min_px, FontWeight::Regular };
    bool const wants_row = !notice.footer.empty() || page_count > 1 || bottom_row == BottomRow::Reserved;
    if (wants_row) {
        // The footer wraps clear of the page number's corner whether or not this slide has
        // one, so the footer reads the same on every slide.
        float const number_room = style.measurer.width(page_number_text(99, 99), geometry.footer_font) + style.px(0.03);
        float const footer_width = std::max(content_width / 2, content_width - number_room);
        auto wrapped = wrap_without_stub(notice.footer, footer_width, geometry.footer_font, style.measurer);
        geometry.footer_lines = std::move(wrapped.lines);
        geometry.footer_overflow = wrapped.overflow;
        int const rows = std::max<int>(1, static_cast<int>(geometry.footer_lines.size()));
        float const row_height = text_block_height(rows, geometry.footer_font, style.line_spacing);
        geometry.bottom_row_top = bottom - row_height;
        geometry.has_bottom_row = true;
        bottom = geometry.bottom_row_top - style.px(0.016);
    }

    geometry.body = Rect { left, top, content_width, std::max(0.0f, bottom - top) };
    return geometry;
}

} // namespace

bool SlideContext::portrait() const
{
    return height > width;
}

SlideChrome measure_chrome(const Notice& notice, const SlideContext& context)
{
    auto geometry = compute_geometry(notice, context, BottomRow::Reserved, 1);
    return SlideChrome { geometry.body, geometry.title_box.bottom() };
}

SlideChrome measure_chrome(const Notice& notice, const SlideContext& context, int page_count)
{
    auto geometry = compute_geometry(notice, context, BottomRow::OnlyWhenNeeded, page_count);
    return SlideChrome { geometry.body, geometry.title_box.bottom() };
}

void draw_chrome(DisplayList& page, const Notice& notice, const SlideContext& context, int page_index, int page_count,
    std::vector<std::string>& problems)
{
    SlideStyle const style(context);
    auto const geometry = compute_geometry(notice, context, BottomRow::OnlyWhenNeeded, page_count);
    page.fill(Rect { 0, 0, context.width, context.height }, style.theme.background);

    if (!notice.title.empty()) {
        page.fill(geometry.accent_bar, style.theme.accent);
        page.role = TextRole::Title;
        emit_lines(page, geometry.title.wrapped.lines, geometry.title_box.x, geometry.title_box.y, geometry.title_box.w,
            geometry.title.font, style.theme.text, style.line_spacing, TextAlign::Left, style.measurer);
        float const content_width = context.width - 2 * style.margin;
        page.fill(Rect { style.margin, geometry.rule_y, content_width, geometry.rule_thickness }, style.theme.rule);
    }

    if (geometry.has_bottom_row) {
        float const content_width = context.width - 2 * style.margin;
        page.role = TextRole::Footer;
        emit_lines(page, geometry.footer_lines, style.margin, geometry.bottom_row_top, content_width,
            geometry.footer_font, style.theme.muted_text, style.line_spacing, TextAlign::Left, style.measurer);
        if (page_count > 1) {
            // On the footer's last line, so the corner reads as one row.
            int const rows = std::max<int>(1, static_cast<int>(geometry.footer_lines.size()));
            float const line_top
                = geometry.bottom_row_top + style.line_height(geometry.footer_font) * static_cast<float>(rows - 1);
            emit_lines(page, { page_number_text(page_index + 1, page_count) }, style.margin, line_top, content_width,
                geometry.footer_font, style.theme.muted_text, style.line_spacing, TextAlign::Right, style.measurer);
        }
    }

    // Every page draws the same chrome: report its problems once.
    if (page_index == 0) {
        if (!geometry.title_fits)
            problems.push_back(
                "title \"" + notice.title + "\" is too long to fit in three lines at the minimum text size");
        if (geometry.footer_overflow)
            problems.push_back(
                "footer \"" + notice.footer + "\" has a word wider than the slide at the minimum text size");
    }
}

SlideLayout assemble_pages(const Notice& notice, const SlideContext& context, std::vector<DisplayList> bodies,
    std::vector<std::string> problems)
{
    if (bodies.empty())
        bodies.emplace_back();
    SlideLayout layout;
    layout.problems = std::move(problems);
    int const page_count = static_cast<int>(bodies.size());
    for (int index = 0; index < page_count; ++index) {
        DisplayList page;
        draw_chrome(page, notice, context, index, page_count, layout.problems);
        auto& body = bodies[static_cast<size_t>(index)].commands;
        page.commands.insert(
            page.commands.end(), std::make_move_iterator(body.begin()), std::make_move_iterator(body.end()));
        layout.pages.push_back(std::move(page));
    }
    return layout;
}

} // namespace hallboard
