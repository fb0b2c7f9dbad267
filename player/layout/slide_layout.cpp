// Dispatches a notice to the layout of its kind.
#include "player/layout/slide_layout.h"

#include <type_traits>

namespace hallboard {

SlideLayout layout_slide(const Notice& notice, const SlideContext& context)
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

} // namespace hallboard
