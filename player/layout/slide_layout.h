// Lays out one notice as a slide: one display list per page, in slide-local coordinates.
// Pure: no SDL; text is measured through TextMeasurer.
#pragma once

#include "content/model/notice.h"
#include "player/config/theme.h"
#include "player/layout/display_list.h"
#include "player/layout/text_measurer.h"

#include <string>
#include <vector>

namespace hallboard {

struct SlideContext {
    float width = 0; // the slide area (between header and ticker), pixels
    float height = 0;
    float unit = 1080; // the screen's short side: theme sizes are fractions of it
    const Theme* theme = nullptr;
    TextMeasurer* measurer = nullptr;
    // Folder against which asset paths (assets/poster.png) resolve to files on disk.
    std::string asset_root;

    int px(double fraction) const { return static_cast<int>(fraction * unit + 0.5); }
    bool portrait() const; // taller than wide
};

struct SlideLayout {
    std::vector<DisplayList> pages; // at least one page
    // Text that could not be placed without going below the minimum size or being cut:
    // reported by `hallboard check --size`. Empty when everything fits.
    std::vector<std::string> problems;
    // What fits but a hall manager should know (`check --size` warns): a warning notice set
    // below the minimum size so as not to split it.
    std::vector<std::string> warnings;
};

// The short side every slide is laid out at before being scaled to the screen (1080 px).
inline constexpr float reference_short_side = 1080;

// Lays out any slide kind. A ticker notice has no slide: it returns no pages. The layout is done
// at a short side of reference_short_side and scaled, so that any screen of the same shape gets
// the same lines and pages (3840x2160 is 1920x1080 with every size doubled).
SlideLayout layout_slide(const Notice& notice, const SlideContext& context);

// Multiplies every coordinate, size and font size of `list` by `factor` (font sizes rounded).
void scale_display_list(DisplayList& list, float factor);

// Per-kind layouts, called by layout_slide.
SlideLayout layout_tariff(const Notice& notice, const TariffTable& table, const SlideContext& context);
SlideLayout layout_flow(const Notice& notice, const Flow& flow, const SlideContext& context);
SlideLayout layout_commitments(const Notice& notice, const Commitments& commitments, const SlideContext& context);
SlideLayout layout_hotlines(const Notice& notice, const Hotlines& hotlines, const SlideContext& context);
SlideLayout layout_free_text(const Notice& notice, const FreeText& text, const SlideContext& context);
SlideLayout layout_image(const Notice& notice, const ImageSlide& image, const SlideContext& context);

} // namespace hallboard
