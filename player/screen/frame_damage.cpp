// Damage between two frame states: a rectangle per part that changed, then tidied up.
#include "player/screen/frame_damage.h"

#include <algorithm>

namespace hallboard {

PixelRect intersection(const PixelRect& a, const PixelRect& b)
{
    int const x0 = std::max(a.x, b.x);
    int const y0 = std::max(a.y, b.y);
    int const x1 = std::min(a.right(), b.right());
    int const y1 = std::min(a.bottom(), b.bottom());
    if (x1 <= x0 || y1 <= y0)
        return {};
    return { x0, y0, x1 - x0, y1 - y0 };
}

PixelRect bounding_box(const PixelRect& a, const PixelRect& b)
{
    if (a.empty())
        return b;
    if (b.empty())
        return a;
    int const x0 = std::min(a.x, b.x);
    int const y0 = std::min(a.y, b.y);
    return { x0, y0, std::max(a.right(), b.right()) - x0, std::max(a.bottom(), b.bottom()) - y0 };
}

bool contains(const PixelRect& outer, const PixelRect& inner)
{
    return inner.x >= outer.x && inner.y >= outer.y && inner.right() <= outer.right()
        && inner.bottom() <= outer.bottom();
}

bool overlaps(const PixelRect& a, const PixelRect& b)
{
    return !intersection(a, b).empty();
}

std::vector<PixelRect> damaged_rects(const FrameState& shown, const FrameState& next, const FrameRegions& regions)
{
    if (!shown.drawn || !next.drawn)
        return { regions.screen };

    std::vector<PixelRect> damage;
    auto add = [&](PixelRect rect) {
        rect = intersection(rect, regions.screen);
        if (!rect.empty())
            damage.push_back(rect);
    };
    if (next.header_day != shown.header_day)
        add(regions.header);
    else if (next.clock_second != shown.clock_second)
        add(regions.clock);

    bool const slide_changed = next.page != shown.page || next.leaving != shown.leaving
        || ((next.leaving != 0) && next.transition_step != shown.transition_step);
    if (slide_changed) {
        add(regions.slide);
    } else if (next.progress_width != shown.progress_width) {
        // The bar shrinks (or, with a clock set back, grows): only the pixels between its old
        // and new ends change.
        int const from = std::min(next.progress_width, shown.progress_width);
        int const to = std::max(next.progress_width, shown.progress_width);
        add({ regions.progress.x + from, regions.progress.y, to - from, regions.progress.h });
    }

    if (next.ticker_text != shown.ticker_text || next.ticker_position != shown.ticker_position)
        add(regions.ticker);

    // Parts never overlap one another, except that the caller's regions may; drop what another
    // rectangle already covers.
    std::vector<PixelRect> kept;
    for (std::size_t i = 0; i < damage.size(); ++i) {
        bool covered = false;
        for (std::size_t j = 0; j < damage.size() && !covered; ++j)
            covered = j != i && contains(damage[j], damage[i]) && (damage[j] != damage[i] || j < i);
        if (!covered)
            kept.push_back(damage[i]);
    }
    return kept;
}

} // namespace hallboard
