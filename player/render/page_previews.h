// A render run's pages on disk: one PNG per page of each notice, named in show order, plus the
// contact sheet entries for them and the caption that says which moment they show.
#pragma once

#include "base/local_time.h"
#include "base/result.h"
#include "content/model/notice.h"
#include "player/layout/frame_layout.h"
#include "player/render/contact_sheet.h"
#include "player/render/offscreen.h"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace hallboard {

// Draws page `page` of `notice` onto the canvas and returns how many pages the notice has; 0
// when it has nothing to show (and nothing was drawn). The caller passes the screen compositor
// in: it lives in player/screen, above render.
using PageDrawer = std::function<int(const Notice& notice, int page)>;

struct WrittenPages {
    int count = 0;                        // PNGs written
    std::vector<ContactSheetEntry> sheet; // one per PNG, labelled "ID  PAGE/PAGES"
};

// Draws every page of each of `notices` in turn and saves it as out/NN-ID-PAGE.png. Fails with
// "cannot write PATH" at the first PNG that cannot be written.
Result<WrittenPages> write_page_previews(OffscreenCanvas& canvas, const std::vector<const Notice*>& notices,
    const PageDrawer& draw_page, const std::filesystem::path& out);

// "03-tariff-residential-2.png": the notice's position in the run (from 1), its id, the page (from 1).
std::string page_preview_name(std::size_t position, const std::string& id, int page);

// The contact sheet's caption: the moment shown and the hall's zone, e.g.
// "at 2026-12-01 10:00 (Asia/Shanghai)"; without --at, "every slide notice, as at NOW (ZONE)".
std::string preview_caption(
    const std::optional<LocalDateTime>& at, const LocalDateTime& now, const std::string& timezone);

// Seconds after which the ticker's text has scrolled from the right edge to the left margin:
// a preview taken then shows the ticker with its text in view.
double seconds_until_ticker_in_view(const ScreenGeometry& geometry, const Theme& theme);

} // namespace hallboard
