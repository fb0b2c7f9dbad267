// Measuring and drawing the pieces of a flow slide: step boxes, materials card, total banner.
#include "player/layout/flow_geometry.h"

#include "player/layout/card_drawing.h"

#include <algorithm>
#include <cmath>

namespace hallboard {

namespace {

float block_height(const WrappedText& text, FontSpec font, double line_spacing)
{
    return text_block_height(static_cast<int>(text.lines.size()), font, line_spacing);
}

FontSpec name_font(const FlowScale& scale)
{
    return { scale.text_px, FontWeight::Bold };
}
FontSpec limit_font(const FlowScale& scale)
{
    return { scale.text_px, FontWeight::Regular };
}
FontSpec detail_font(const FlowScale& scale)
{
    return { scale.detail_px, FontWeight::Regular };
}
float em(const FlowScale& scale)
{
    return static_cast<float>(scale.text_px);
}
float line_height(const FlowScale& scale)
{
    return em(scale) * static_cast<float>(scale.line_spacing);
}

// Row style: the text column starts right of the badge.
float row_text_offset(const FlowScale& scale)
{
    return scale.pad + scale.badge + std::round(0.4f * em(scale));
}

// Names are short (申请受理); more than two lines means the box is too narrow to read.
constexpr size_t max_name_lines = 2;
constexpr size_t max_limit_lines = 2;

void check_step_text(MeasuredStep& step, int number, float text_width, const FlowScale& scale)
{
    auto fail = [&](std::string why) {
        if (step.fits)
            step.problem = "step " + std::to_string(number) + " " + why;
        step.fits = false;
    };
    if (text_width < 3 * em(scale))
        fail("box is too narrow for its text");
    if (step.name.overflow || step.name.lines.size() > max_name_lines)
        fail("name is too long for its box at the minimum size");
    if (step.limit.overflow || step.limit.lines.size() > max_limit_lines)
        fail("time limit is too long for its box at the minimum size");
    if (step.detail.overflow)
        fail("detail has a word too long for its box at the minimum size");
}

// "时限：" on a line of its own before breaking inside the value: "1个工作日" is one unit.
WrappedText wrap_limit(
    const FlowStep& step, const std::string& label, float width, FontSpec font, TextMeasurer& measurer)
{
    float label_width = measurer.width(label, font);
    if (label_width <= width)
        return WrappedText { { label }, label_width, false };
    std::string value = add_cjk_latin_spacing(step.limit);
    if (label.ends_with(value)) {
        std::string prefix = label.substr(0, label.size() - value.size());
        float value_width = measurer.width(value, font);
        float prefix_width = measurer.width(prefix, font);
        if (value_width <= width && prefix_width <= width)
            return WrappedText { { prefix, value }, std::max(value_width, prefix_width), false };
    }
    return wrap_balanced(label, width, font, measurer);
}

} // namespace

FlowScale flow_scale(int text_px, const SlideContext& context)
{
    const Theme& theme = *context.theme;
    int min_px = context.px(theme.min_text_size);
    float size = static_cast<float>(text_px);
    FlowScale scale;
    scale.text_px = text_px;
    scale.detail_px = std::min(text_px, std::max(min_px, static_cast<int>(std::lround(0.85 * text_px))));
    scale.line_spacing = theme.line_spacing;
    scale.pad = std::round(0.45f * size);
    scale.gap = std::round(0.15f * size);
    scale.badge = badge_diameter(FontSpec { text_px, FontWeight::Bold });
    scale.radius = std::round(0.3f * size);
    scale.border = std::max(1.0f, std::round(size / 24));
    scale.arrow_gap = std::round(1.4f * size);
    scale.arrow_inset = std::round(0.15f * size);
    scale.arrow_thickness = std::max(2.0f, std::round(size / 11));
    scale.block_gap = std::round(0.6f * size);
    return scale;
}

std::string limit_label(const FlowStep& step)
{
    if (step.limit.empty())
        return {};
    // Some sources write the prefix themselves.
    if (step.limit.starts_with("时限"))
        return add_cjk_latin_spacing(step.limit);
    return "时限：" + add_cjk_latin_spacing(step.limit);
}

MeasuredStep measure_step(
    const FlowStep& step, int number, float box_width, StepStyle style, const FlowScale& scale, TextMeasurer& measurer)
{
    MeasuredStep result;
    std::string name = add_cjk_latin_spacing(step.name);
    std::string limit = limit_label(step);
    std::string detail = add_cjk_latin_spacing(step.detail);
    double spacing = scale.line_spacing;

    if (style == StepStyle::Column) {
        float inner = box_width - 2 * scale.pad;
        result.name = wrap_balanced(name, inner, name_font(scale), measurer);
        if (!limit.empty())
            result.limit = wrap_limit(step, limit, inner, limit_font(scale), measurer);
        if (!detail.empty())
            result.detail = wrap_balanced(detail, inner, detail_font(scale), measurer);
        float height = scale.pad + scale.badge + scale.gap + block_height(result.name, name_font(scale), spacing);
        if (!limit.empty())
            height += scale.gap + block_height(result.limit, limit_font(scale), spacing);
        if (!detail.empty())
            height += scale.gap + block_height(result.detail, detail_font(scale), spacing);
        result.height = height + scale.pad;
        check_step_text(result, number, inner, scale);
        return result;
    }

    float column = box_width - row_text_offset(scale) - scale.pad;
    result.name = wrap_text(name, column, name_font(scale), measurer);
    if (!limit.empty()) {
        float limit_width = measurer.width(limit, limit_font(scale));
        if (result.name.lines.size() == 1 && result.name.widest + em(scale) + limit_width <= column) {
            result.limit_beside_name = true;
            result.limit.lines = { limit };
            result.limit.widest = limit_width;
        } else {
            result.limit = wrap_text(limit, column, limit_font(scale), measurer);
        }
    }
    if (!detail.empty())
        result.detail = wrap_balanced(detail, column, detail_font(scale), measurer);
    float text_height = block_height(result.name, name_font(scale), spacing);
    if (!limit.empty() && !result.limit_beside_name)
        text_height += block_height(result.limit, limit_font(scale), spacing);
    if (!detail.empty())
        text_height += scale.gap + block_height(result.detail, detail_font(scale), spacing);
    float first_line = line_height(scale);
    float text_offset = std::max(0.0f, (scale.badge - first_line) / 2);
    float badge_offset = std::max(0.0f, (first_line - scale.badge) / 2);
    result.height = 2 * scale.pad + std::max(badge_offset + scale.badge, text_offset + text_height);
    check_step_text(result, number, column, scale);
    return result;
}

void draw_step(DisplayList& list, const MeasuredStep& step, int number, Rect box, StepStyle style,
    const FlowScale& scale, const Theme& theme, TextMeasurer& measurer)
{
    draw_card(list, box, scale.radius, scale.border, theme);
    FontSpec badge_font { scale.text_px, FontWeight::Bold };
    double spacing = scale.line_spacing;

    if (style == StepStyle::Column) {
        float inner = box.w - 2 * scale.pad;
        float x = box.x + scale.pad;
        float y = box.y + scale.pad;
        draw_number_badge(
            list, box.x + box.w / 2, y + scale.badge / 2, scale.badge, number, badge_font, theme, measurer);
        y += scale.badge + scale.gap;
        list.role = TextRole::FlowStep;
        y = emit_lines(
            list, step.name.lines, x, y, inner, name_font(scale), theme.text, spacing, TextAlign::Center, measurer);
        if (!step.limit.lines.empty()) {
            y += scale.gap;
            y = emit_lines(list, step.limit.lines, x, y, inner, limit_font(scale), theme.accent, spacing,
                TextAlign::Center, measurer);
        }
        if (!step.detail.lines.empty()) {
            y += scale.gap;
            emit_lines(list, step.detail.lines, x, y, inner, detail_font(scale), theme.muted_text, spacing,
                TextAlign::Center, measurer);
        }
        return;
    }

    float first_line = line_height(scale);
    float text_top = box.y + scale.pad + std::max(0.0f, (scale.badge - first_line) / 2);
    float badge_top = box.y + scale.pad + std::max(0.0f, (first_line - scale.badge) / 2);
    draw_number_badge(list, box.x + scale.pad + scale.badge / 2, badge_top + scale.badge / 2, scale.badge, number,
        badge_font, theme, measurer);
    float x = box.x + row_text_offset(scale);
    float column = box.right() - scale.pad - x;
    list.role = TextRole::FlowStep;
    float y = emit_lines(
        list, step.name.lines, x, text_top, column, name_font(scale), theme.text, spacing, TextAlign::Left, measurer);
    if (step.limit_beside_name) {
        emit_lines(list, step.limit.lines, x, text_top, column, limit_font(scale), theme.accent, spacing,
            TextAlign::Right, measurer);
    } else if (!step.limit.lines.empty()) {
        y = emit_lines(
            list, step.limit.lines, x, y, column, limit_font(scale), theme.accent, spacing, TextAlign::Left, measurer);
    }
    if (!step.detail.lines.empty()) {
        y += scale.gap;
        emit_lines(list, step.detail.lines, x, y, column, detail_font(scale), theme.muted_text, spacing,
            TextAlign::Left, measurer);
    }
}

namespace {

FontSpec materials_font(const FlowScale& scale)
{
    return { scale.text_px, FontWeight::Regular };
}
FontSpec materials_heading_font(const FlowScale& scale)
{
    return { scale.text_px, FontWeight::Bold };
}

std::string number_label(int number)
{
    return std::to_string(number) + ".";
}

float number_column_width(int last_number, const FlowScale& scale, TextMeasurer& measurer)
{
    return measurer.width(number_label(last_number), materials_heading_font(scale)) + std::round(0.3f * em(scale));
}

std::string materials_heading(bool continued)
{
    return continued ? "所需材料（续）" : "所需材料（一次性告知）";
}

float materials_item_gap(const FlowScale& scale)
{
    return 2 * scale.gap;
}
float materials_column_gap(const FlowScale& scale)
{
    return em(scale);
}

} // namespace

MeasuredMaterials measure_materials(std::span<const std::string> items, int first_number, bool continued,
    float card_width, int columns, const FlowScale& scale, TextMeasurer& measurer)
{
    MeasuredMaterials result;
    result.first_number = first_number;
    columns = std::max(1, std::min(columns, static_cast<int>(items.size())));
    result.columns = columns;
    double spacing = scale.line_spacing;
    float inner = card_width - 2 * scale.pad;
    result.heading = wrap_text(materials_heading(continued), inner, materials_heading_font(scale), measurer);
    result.column_width
        = (inner - static_cast<float>(columns - 1) * materials_column_gap(scale)) / static_cast<float>(columns);
    int last_number = first_number + std::max(0, static_cast<int>(items.size()) - 1);
    result.number_width = number_column_width(last_number, scale, measurer);
    float text_width = result.column_width - result.number_width;
    bool overflow = result.heading.overflow;
    for (auto const& item : items) {
        auto wrapped = wrap_without_stub(add_cjk_latin_spacing(item), text_width, materials_font(scale), measurer);
        overflow = overflow || wrapped.overflow;
        result.item_heights.push_back(block_height(wrapped, materials_font(scale), spacing));
        result.items.push_back(std::move(wrapped));
    }
    int count = static_cast<int>(items.size());
    result.per_column = (count + columns - 1) / columns;
    float tallest = 0;
    for (int column = 0; column < columns; ++column) {
        float height = 0;
        int first = column * result.per_column;
        int last = std::min(count, first + result.per_column);
        for (int index = first; index < last; ++index)
            height += result.item_heights[index] + (index > first ? materials_item_gap(scale) : 0);
        tallest = std::max(tallest, height);
    }
    result.height = 2 * scale.pad + block_height(result.heading, materials_heading_font(scale), spacing) + 2 * scale.gap
        + tallest;
    if (overflow || text_width < 3 * em(scale)) {
        result.fits = false;
        result.problem = "a required material is too long for its card at the minimum size";
    }
    return result;
}

float materials_natural_width(std::span<const std::string> items, float min_width, float max_width,
    const FlowScale& scale, TextMeasurer& measurer)
{
    float widest = measurer.width(materials_heading(false), materials_heading_font(scale));
    float numbers = number_column_width(static_cast<int>(items.size()), scale, measurer);
    for (auto const& item : items)
        widest = std::max(widest, numbers + measurer.width(add_cjk_latin_spacing(item), materials_font(scale)));
    // A little slack so that rounding in the real font does not push the last character over.
    float natural = widest + 2 * scale.pad + std::round(0.2f * em(scale));
    return std::clamp(natural, min_width, std::max(min_width, max_width));
}

void draw_materials(DisplayList& list, const MeasuredMaterials& materials, Rect box, const FlowScale& scale,
    const Theme& theme, TextMeasurer& measurer)
{
    draw_card(list, box, scale.radius, scale.border, theme);
    double spacing = scale.line_spacing;
    float x = box.x + scale.pad;
    float inner = box.w - 2 * scale.pad;
    list.role = TextRole::Label;
    float y = emit_lines(list, materials.heading.lines, x, box.y + scale.pad, inner, materials_heading_font(scale),
        theme.text, spacing, TextAlign::Left, measurer);
    list.line(x, y + scale.gap, x + inner, y + scale.gap, std::max(2.0f, scale.border), theme.accent);
    float items_top = y + 2 * scale.gap;
    int count = static_cast<int>(materials.items.size());
    float number_text_width = materials.number_width - std::round(0.3f * em(scale));
    for (int column = 0; column < materials.columns; ++column) {
        float column_x = x + static_cast<float>(column) * (materials.column_width + materials_column_gap(scale));
        float item_y = items_top;
        int first = column * materials.per_column;
        int last = std::min(count, first + materials.per_column);
        for (int index = first; index < last; ++index) {
            list.role = TextRole::Number;
            emit_lines(list, { number_label(materials.first_number + index) }, column_x, item_y, number_text_width,
                materials_heading_font(scale), theme.accent, spacing, TextAlign::Right, measurer);
            list.role = TextRole::Body;
            emit_lines(list, materials.items[index].lines, column_x + materials.number_width, item_y,
                materials.column_width - materials.number_width, materials_font(scale), theme.text, spacing,
                TextAlign::Left, measurer);
            item_y += materials.item_heights[index] + materials_item_gap(scale);
        }
    }
}

MeasuredBanner measure_banner(std::string_view total, float width, const FlowScale& scale, TextMeasurer& measurer)
{
    MeasuredBanner result;
    FontSpec font { scale.text_px, FontWeight::Bold };
    result.lines = wrap_balanced(add_cjk_latin_spacing(total), width - 2 * scale.pad, font, measurer);
    result.height = block_height(result.lines, font, scale.line_spacing) + 2 * std::round(0.3f * em(scale));
    result.fits = !result.lines.overflow;
    return result;
}

void draw_banner(DisplayList& list, const MeasuredBanner& banner, Rect box, const FlowScale& scale, const Theme& theme,
    TextMeasurer& measurer)
{
    list.fill(box, theme.accent, scale.radius);
    FontSpec font { scale.text_px, FontWeight::Bold };
    float text_height = block_height(banner.lines, font, scale.line_spacing);
    list.role = TextRole::Label;
    emit_lines(list, banner.lines.lines, box.x + scale.pad, box.y + (box.h - text_height) / 2, box.w - 2 * scale.pad,
        font, theme.on_accent, scale.line_spacing, TextAlign::Center, measurer);
}

} // namespace hallboard
