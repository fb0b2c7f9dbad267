// The type scale and spacing the slide layouts share, derived from the theme: one place to
// tune how big things are relative to each other.
#pragma once

#include "player/layout/slide_layout.h"

#include <algorithm>

namespace hallboard {

struct SlideStyle {
    explicit SlideStyle(const SlideContext& context)
        : theme(*context.theme)
        , measurer(*context.measurer)
        , margin(static_cast<float>(context.px(theme.margin)))
        , title_px(context.px(theme.title_size))
        , body_px(context.px(theme.body_size))
        , min_px(std::max(1, context.px(theme.min_text_size)))
        , line_spacing(theme.line_spacing)
        , m_context(context)
    {
        // A theme with min above body (or body above title) must not invert the scale.
        body_px = std::max(body_px, min_px);
        title_px = std::max(title_px, body_px);
        // Notes, units, captions: a step below the body, still well above the minimum.
        secondary_px = std::max(min_px, static_cast<int>(body_px * 0.85 + 0.5));
        // A sparse slide grows to fill its area rather than sit at the top of an empty screen,
        // up to a size still clearly below the title's.
        fill_px = std::max(body_px, std::min(static_cast<int>(body_px * 1.3 + 0.5), title_px - title_px / 10));
    }

    float px(double fraction) const { return static_cast<float>(fraction * m_context.unit); }
    // At least one device pixel, for hairlines at small units.
    float hairline(double fraction) const
    {
        return std::max(1.0f, static_cast<float>(static_cast<int>(px(fraction) + 0.5f)));
    }
    float line_height(int font_px) const { return static_cast<float>(font_px * line_spacing); }
    float line_height(FontSpec font) const { return line_height(font.pixel_size); }

    const Theme& theme;
    TextMeasurer& measurer;
    float margin;
    int title_px;
    int body_px;
    int min_px;
    int secondary_px = 0;
    int fill_px = 0; // the largest body text size, for content that leaves its area mostly empty
    double line_spacing;

private:
    const SlideContext& m_context;
};

} // namespace hallboard
