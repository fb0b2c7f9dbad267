// Shared drawing pieces of the list-like slides: cards and number badges.
#include "player/layout/card_drawing.h"

#include <cmath>
#include <string>

namespace hallboard {

void draw_card(DisplayList& list, Rect box, float corner_radius, float border, const Theme& theme)
{
    if (border > 0) {
        Rect outer { box.x - border, box.y - border, box.w + 2 * border, box.h + 2 * border };
        list.fill(outer, theme.rule, corner_radius + border);
    }
    list.fill(box, theme.card_background, corner_radius);
}

float badge_diameter(FontSpec font)
{
    // Two digits are one em wide; 1.5 em leaves a ring of accent around "10".
    return std::round(1.5f * static_cast<float>(font.pixel_size));
}

WrappedText wrap_balanced(std::string_view text, float max_width, FontSpec font, TextMeasurer& measurer)
{
    // The breaks chosen for the paragraph as a whole: lines of similar length without
    // splitting words. Narrowing the box (below) would force word splits instead.
    auto balanced = wrap_text(text, max_width, font, measurer, LineFill::Balanced);
    if (!balanced.overflow)
        return balanced;
    auto wrapped = wrap_text(text, max_width, font, measurer);
    size_t const lines = wrapped.lines.size();
    if (lines < 2 || wrapped.overflow)
        return wrapped;
    // Every width in (low, high] that keeps the line count is acceptable; find the smallest.
    float low = max_width * static_cast<float>(lines - 1) / static_cast<float>(lines) - 1;
    float high = max_width;
    for (int step = 0; step < 12 && high - low > 0.5f; ++step) {
        float middle = (low + high) / 2;
        auto candidate = wrap_text(text, middle, font, measurer);
        if (!candidate.overflow && candidate.lines.size() == lines) {
            high = middle;
            wrapped = std::move(candidate);
        } else {
            low = middle;
        }
    }
    return wrapped;
}

WrappedText wrap_without_stub(std::string_view text, float max_width, FontSpec font, TextMeasurer& measurer)
{
    auto wrapped = wrap_text(text, max_width, font, measurer);
    size_t const lines = wrapped.lines.size();
    if (lines < 2 || wrapped.overflow)
        return wrapped;
    float const em = static_cast<float>(font.pixel_size);
    // Two full-width characters ("户。") are a stub; three read as the end of a sentence.
    float const stub = 2.2f * em;
    auto last_width = [&](const WrappedText& candidate) {
        return candidate.lines.empty() ? 0.0f : measurer.width(candidate.lines.back(), font);
    };
    if (wrapped.lines.back().empty() || last_width(wrapped) >= stub)
        return wrapped;
    // Half an em at a time, at most a sixth of the line: beyond that the ragged edge is worse.
    for (float narrower = 0.5f * em; narrower <= max_width / 6; narrower += 0.5f * em) {
        auto candidate = wrap_text(text, max_width - narrower, font, measurer);
        if (candidate.overflow || candidate.lines.size() != lines)
            break;
        if (last_width(candidate) >= stub)
            return candidate;
    }
    return wrapped;
}

float centred_baseline(float centre_y, FontSpec font, TextMeasurer& measurer)
{
    float ascent = measurer.ascent(font);
    float descent = measurer.descent(font);
    return centre_y + (ascent - descent) / 2;
}

void draw_number_badge(DisplayList& list, float centre_x, float centre_y, float diameter, int number, FontSpec font,
    const Theme& theme, TextMeasurer& measurer)
{
    float radius = diameter / 2;
    list.fill(Rect { centre_x - radius, centre_y - radius, diameter, diameter }, theme.accent, radius);
    std::string text = std::to_string(number);
    float width = measurer.width(text, font);
    list.role = TextRole::Number;
    list.text(centre_x - width / 2, centred_baseline(centre_y, font, measurer), std::move(text), font, theme.on_accent);
}

} // namespace hallboard
