// A free-text notice (e.g. 停电通知): paragraphs at the largest size that fits, paginated by
// lines when even the minimum size does not fit one page; the issuer and date (落款) right-
// aligned at the end. Warnings sit in a bordered card in the warning colours under a text
// label, so their meaning does not rest on colour alone.
#include "player/layout/card_drawing.h"
#include "player/layout/frame_layout.h"
#include "player/layout/pagination.h"
#include "player/layout/slide_chrome.h"
#include "player/layout/slide_style.h"
#include "player/layout/text_layout.h"

#include <algorithm>
#include <cmath>

namespace hallboard {

namespace {

constexpr std::string_view warning_label = "重要通知";
// An urgent warning (priority: urgent, e.g. 故障停电) must not look like a planned one.
constexpr std::string_view urgent_label = "紧急通知";

// In a warning, a paragraph that says when or where (停电时间：…, 停电范围：…) is what a customer
// looks for: it is set bold, a step larger, in the warning accent.
bool is_emphasised(std::string_view paragraph)
{
    size_t const colon = std::min(paragraph.find("："), paragraph.find(':'));
    if (colon == std::string_view::npos || colon > 24)
        return false;
    std::string_view const label = paragraph.substr(0, colon);
    for (std::string_view key : { "时间", "范围", "区域", "地点", "日期", "时段" }) {
        if (label.find(key) != std::string_view::npos)
            return true;
    }
    return false;
}

// The frame around the text: nothing for an info notice, a card with a label for a warning.
struct NoticeFrame {
    bool card = false;
    bool urgent = false;
    std::string_view label;
    float padding = 0;
    float border = 0;
    FontSpec label_font;
    float label_width = 0; // the badge, text plus its side padding
    float label_height = 0;
    float label_gap = 0; // between the badge and the first line
    Rect text_box;       // where lines go on every page (the card's height follows its page's text)
};

NoticeFrame make_frame(const FreeText& text, bool urgent, Rect body, const SlideStyle& style)
{
    NoticeFrame frame;
    if (text.level != NoticeLevel::Warning) {
        frame.text_box = body;
        return frame;
    }
    frame.card = true;
    frame.urgent = urgent;
    frame.label = urgent ? urgent_label : warning_label;
    frame.padding = style.px(0.022);
    // An urgent notice: a heavier border and its label as a band across the whole card.
    frame.border = std::max(2.0f, style.px(urgent ? 0.01 : 0.004));
    frame.label_font = FontSpec { style.secondary_px, FontWeight::Bold };
    float const label_text = style.measurer.width(frame.label, frame.label_font);
    frame.label_width = urgent ? body.w - 2 * (frame.border + frame.padding)
                               : label_text + 1.2f * static_cast<float>(style.secondary_px);
    frame.label_height = style.line_height(frame.label_font);
    frame.label_gap = style.px(0.015);
    float const inset = frame.border + frame.padding;
    // The label sits on the card's top border (as a legend): its height is not lost twice.
    float const top = body.y + frame.label_height + frame.label_gap;
    frame.text_box
        = Rect { body.x + inset, top, std::max(1.0f, body.w - 2 * inset), std::max(0.0f, body.bottom() - inset - top) };
    return frame;
}

struct TextPlan {
    bool feasible = true;
    size_t page_count = 0;
    bool overflow = false; // a word wider than the box: cut between characters
    FontSpec font;
    std::vector<std::string> lines; // one per block, except the last block when there is a signature
    std::vector<bool> emphasised;   // parallel to lines: a time or area line of a warning
    std::vector<std::string> signature;
    std::vector<PageBlock> blocks;
    Pagination pagination;
};

std::vector<std::string> signature_texts(const FreeText& text)
{
    std::vector<std::string> out;
    if (!text.issuer.empty())
        out.push_back(text.issuer);
    if (text.date)
        out.push_back(format_chinese_date(*text.date));
    return out;
}

std::vector<std::string_view> split_paragraphs(std::string_view body)
{
    std::vector<std::string_view> paragraphs;
    while (!body.empty()) {
        size_t const newline = body.find('\n');
        std::string_view const paragraph = body.substr(0, newline);
        // Blank lines only separate paragraphs; the gap between paragraphs is the layout's.
        if (paragraph.find_first_not_of(" \t\r") != std::string_view::npos)
            paragraphs.push_back(paragraph);
        if (newline == std::string_view::npos)
            break;
        body.remove_prefix(newline + 1);
    }
    return paragraphs;
}

FontSpec emphasis_font(FontSpec font)
{
    return FontSpec { static_cast<int>(std::lround(font.pixel_size * 1.1)), FontWeight::Bold };
}

TextPlan plan_text(const FreeText& text, const Rect& box, int font_px, const SlideStyle& style)
{
    TextPlan plan;
    plan.font = FontSpec { font_px, FontWeight::Regular };
    // A warning's paragraphs are short items (时间, 范围, 线路 …): a smaller gap keeps it on one page.
    float const paragraph_gap = (text.level == NoticeLevel::Warning ? 0.2f : 0.5f) * static_cast<float>(font_px);
    for (auto paragraph : split_paragraphs(text.body)) {
        bool const emphasised = text.level == NoticeLevel::Warning && is_emphasised(paragraph);
        FontSpec const font = emphasised ? emphasis_font(plan.font) : plan.font;
        float const line_height = style.line_height(font);
        auto wrapped = wrap_without_stub(paragraph, box.w, font, style.measurer);
        plan.overflow = plan.overflow || wrapped.overflow;
        for (size_t index = 0; index < wrapped.lines.size(); ++index) {
            plan.emphasised.push_back(emphasised);
            PageBlock block { line_height, 0, KeepWithNext::No };
            if (index == 0 && !plan.blocks.empty())
                block.gap_before = paragraph_gap;
            // No paragraph's first line alone at the foot of a page, nor its last line alone
            // at the top of the next.
            if ((index == 0 || index + 2 == wrapped.lines.size()) && wrapped.lines.size() > 1)
                block.keep_with_next = KeepWithNext::Yes;
            plan.blocks.push_back(block);
            plan.lines.push_back(std::move(wrapped.lines[index]));
        }
    }

    auto signature = signature_texts(text);
    // Issuer and date on one line when they fit: a line saved.
    if (signature.size() == 2) {
        std::string joined = signature[0] + "　" + signature[1];
        if (style.measurer.width(joined, plan.font) <= box.w)
            signature = { std::move(joined) };
    }
    for (auto const& line : signature) {
        auto wrapped = wrap_text(line, box.w, plan.font, style.measurer);
        plan.overflow = plan.overflow || wrapped.overflow;
        for (auto& piece : wrapped.lines)
            plan.signature.push_back(std::move(piece));
    }
    if (!plan.signature.empty()) {
        // The signature never stands alone on a page: the last line goes over with it.
        if (!plan.blocks.empty())
            plan.blocks.back().keep_with_next = KeepWithNext::Yes;
        float const gap = plan.blocks.empty() ? 0 : style.line_height(plan.font) * 0.8f;
        plan.blocks.push_back(
            PageBlock { text_block_height(static_cast<int>(plan.signature.size()), plan.font, style.line_spacing), gap,
                KeepWithNext::No });
    }

    plan.pagination = paginate_blocks(plan.blocks, box.h);
    plan.page_count = std::max<size_t>(1, plan.pagination.pages.size());
    plan.feasible = !plan.overflow;
    return plan;
}

void draw_frame(
    DisplayList& list, const NoticeFrame& frame, const Rect& body, float content_height, const SlideStyle& style)
{
    if (!frame.card)
        return;
    float const inset = frame.border + frame.padding;
    float const card_top = body.y + frame.label_height / 2;
    float const height
        = std::min(body.bottom() - card_top, frame.label_height / 2 + frame.label_gap + content_height + inset);
    Rect const outer { body.x, card_top, body.w, height };
    float const radius = style.px(0.008);
    list.fill(outer, style.theme.warning_accent, radius);
    list.fill(
        Rect { outer.x + frame.border, outer.y + frame.border, outer.w - 2 * frame.border, outer.h - 2 * frame.border },
        style.theme.warning_background, std::max(0.0f, radius - frame.border));
    Rect const badge { body.x + inset, body.y, frame.label_width, frame.label_height };
    list.fill(badge, style.theme.warning_accent, style.px(0.006));
    list.role = TextRole::Label;
    emit_lines(list, { std::string(frame.label) }, badge.x, badge.y, badge.w, frame.label_font, style.theme.on_accent,
        style.line_spacing, TextAlign::Center, style.measurer);
}

std::vector<DisplayList> draw_pages(
    const TextPlan& plan, const NoticeFrame& frame, const Rect& body, const FreeText& text, const SlideStyle& style)
{
    Color const color = text.level == NoticeLevel::Warning ? style.theme.warning_text : style.theme.text;
    Rect const box = frame.text_box;
    std::vector<DisplayList> pages;
    for (auto const& span : plan.pagination.pages) {
        DisplayList list;
        draw_frame(list, frame, body, span.height, style);
        float y = box.y;
        for (size_t index = span.begin; index < span.end; ++index) {
            if (index > span.begin)
                y += plan.blocks[index].gap_before;
            if (index < plan.lines.size()) {
                list.role = TextRole::Body;
                bool const emphasised = plan.emphasised[index];
                emit_lines(list, { plan.lines[index] }, box.x, y, box.w,
                    emphasised ? emphasis_font(plan.font) : plan.font, emphasised ? style.theme.warning_accent : color,
                    style.line_spacing, TextAlign::Left, style.measurer);
            } else {
                list.role = TextRole::Footer;
                emit_lines(list, plan.signature, box.x, y, box.w, plan.font, color, style.line_spacing,
                    TextAlign::Right, style.measurer);
            }
            y += plan.blocks[index].height;
        }
        pages.push_back(std::move(list));
    }
    if (pages.empty()) {
        pages.emplace_back();
        draw_frame(pages.back(), frame, body, 0, style);
    }
    return pages;
}

} // namespace

SlideLayout layout_free_text(const Notice& notice, const FreeText& text, const SlideContext& context)
{
    SlideStyle const style(context);
    bool const warning = text.level == NoticeLevel::Warning;
    bool const urgent = notice.priority == Priority::Urgent;
    // A warning is never split over pages: it takes the largest size that fills its card on
    // one page, up to the title's size; below the minimum only when it cannot fit otherwise
    // (and `check --size` reports it).
    int const warning_floor = std::max(1, static_cast<int>(std::lround(style.min_px * 0.8)));
    auto plan_for = [&](const Rect& body) {
        NoticeFrame const frame = make_frame(text, urgent, body, style);
        auto plan_at = [&](int px) { return plan_text(text, frame.text_box, px, style); };
        if (!warning)
            return choose_font_size(style.fill_px, style.min_px, plan_at);
        TextPlan plan = choose_font_size(style.title_px, style.min_px, plan_at);
        // A little below the minimum rather than split; a warning far too long still paginates.
        for (int px = style.min_px - 1; plan.page_count > 1 && px >= warning_floor; --px) {
            TextPlan smaller = plan_at(px);
            if (smaller.page_count == 1)
                return smaller;
        }
        return plan;
    };

    Rect body = measure_chrome(notice, context, 1).body;
    TextPlan plan = plan_for(body);
    if (plan.page_count > 1) {
        // Several pages show a page number, which may take a row of the body.
        body = measure_chrome(notice, context, static_cast<int>(plan.page_count)).body;
        plan = plan_for(body);
    }
    NoticeFrame const frame = make_frame(text, urgent, body, style);

    std::vector<std::string> problems;
    std::vector<std::string> warnings;
    if (warning && plan.font.pixel_size < style.min_px)
        warnings.push_back("the warning is set below the minimum text size to keep it on one page: shorten it");
    if (plan.overflow)
        problems.push_back(
            "notice text has a word wider than the slide at the minimum text size; it is broken between characters");
    if (!plan.pagination.oversized.empty())
        problems.push_back(
            "part of the notice (a line, or the issuer and date) is taller than the slide at the minimum text size");
    auto layout = assemble_pages(notice, context, draw_pages(plan, frame, body, text, style), std::move(problems));
    layout.warnings = std::move(warnings);
    return layout;
}

} // namespace hallboard
