// Dispatches a notice to the layout of its kind, in reference units (see layout_slide).
#include "player/layout/slide_layout.h"

#include <algorithm>
#include <cmath>
#include <type_traits>

namespace hallboard {

namespace {

SlideLayout layout_by_kind(const Notice& notice, const SlideContext& context)
{
    return std::visit(
        [&](const auto& body) -> SlideLayout {
            using Body = std::decay_t<decltype(body)>;
            if constexpr (std::is_same_v<Body, TariffTable>)
                return layout_tariff(notice, body, context);
            else if constexpr (std::is_same_v<Body, Flow>)
                return layout_flow(notice, body, context);
            else if constexpr (std::is_same_v<Body, Commitments>)
                return layout_commitments(notice, body, context);
            else if constexpr (std::is_same_v<Body, Hotlines>)
                return layout_hotlines(notice, body, context);
            else if constexpr (std::is_same_v<Body, FreeText>)
                return layout_free_text(notice, body, context);
            else if constexpr (std::is_same_v<Body, ImageSlide>)
                return layout_image(notice, body, context);
            else {
                // The ticker runs in its bar at the bottom of the screen: no slide.
                static_assert(std::is_same_v<Body, TickerMessage>, "every notice body needs a layout");
                return SlideLayout {};
            }
        },
        notice.body);
}

} // namespace

void scale_display_list(DisplayList& list, float factor)
{
    if (factor == 1.0f)
        return;
    auto scale_rect = [&](Rect& rect) {
        rect = { rect.x * factor, rect.y * factor, rect.w * factor, rect.h * factor };
    };
    for (auto& command : list.commands) {
        std::visit(
            [&](auto& draw) {
                using Draw = std::decay_t<decltype(draw)>;
                if constexpr (std::is_same_v<Draw, FillRect>) {
                    scale_rect(draw.rect);
                    draw.corner_radius *= factor;
                } else if constexpr (std::is_same_v<Draw, TextRun>) {
                    draw.x *= factor;
                    draw.baseline *= factor;
                    draw.font.pixel_size
                        = std::max(1, static_cast<int>(std::lround(static_cast<float>(draw.font.pixel_size) * factor)));
                } else if constexpr (std::is_same_v<Draw, ImageDraw>) {
                    scale_rect(draw.rect);
                } else {
                    draw.x1 *= factor;
                    draw.y1 *= factor;
                    draw.x2 *= factor;
                    draw.y2 *= factor;
                    draw.thickness = std::max(1.0f, draw.thickness * factor);
                }
            },
            command);
    }
}

SlideLayout layout_slide(const Notice& notice, const SlideContext& context)
{
    // Resolution independence: every slide is laid out on a screen whose short side is
    // reference_short_side pixels, then scaled. So a 3840x2160 wall shows exactly the breaks and
    // pages of the 1920x1080 preview an admin approved, with every size doubled, and integer
    // font sizes do not round differently at different resolutions.
    float const factor = context.unit / reference_short_side;
    if (context.unit <= 0 || factor == 1.0f)
        return layout_by_kind(notice, context);
    SlideContext reference = context;
    reference.unit = reference_short_side;
    reference.width = context.width / factor;
    reference.height = context.height / factor;
    auto layout = layout_by_kind(notice, reference);
    for (auto& page : layout.pages)
        scale_display_list(page, factor);
    return layout;
}

} // namespace hallboard
