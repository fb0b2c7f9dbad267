// What every slide page shares: the title at the top, the footer and the page number
// ("1/2") at the bottom, and the body box left between them. Every kind's layout uses it.
#pragma once

#include "content/model/notice.h"
#include "player/layout/slide_layout.h"

#include <string>

namespace hallboard {

struct SlideChrome {
    Rect body; // where the kind's content goes, slide-local pixels
    float title_bottom = 0;
};

// Computes the body box for `notice` (title and footer heights depend on their text) without
// drawing anything, so a kind can paginate into it before emitting pages. The page count is
// not known yet, so the bottom row (footer and page number) is always reserved: the box is
// valid for any page count.
SlideChrome measure_chrome(const Notice& notice, const SlideContext& context);

// The body box of a slide with exactly `page_count` pages: the bottom row is reserved only
// when it has something to show (a footer, or a page number because page_count > 1). A kind
// that wants every pixel measures with page_count 1, paginates, and measures again when the
// result has several pages (the box then shrinks, so it paginates once more into it).
SlideChrome measure_chrome(const Notice& notice, const SlideContext& context, int page_count);

// Draws the slide background, title, footer and, when page_count > 1, "页码 page/page_count"
// into `page`. page_index is 0-based. Problems (a title too long even at the minimum size)
// are appended to `problems`.
void draw_chrome(DisplayList& page, const Notice& notice, const SlideContext& context, int page_index, int page_count,
    std::vector<std::string>& problems);

// Builds a layout from per-page body lists: each body list is drawn on top of the chrome.
SlideLayout assemble_pages(const Notice& notice, const SlideContext& context, std::vector<DisplayList> bodies,
    std::vector<std::string> problems);

} // namespace hallboard
