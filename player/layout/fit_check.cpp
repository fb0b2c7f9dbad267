// Laying out a check run's content at one size and reporting what does not fit.
#include "player/layout/fit_check.h"

#include "player/layout/frame_layout.h"
#include "player/layout/slide_layout.h"

namespace hallboard {

void check_fit(CheckRun& run, const Theme& theme, ScreenSize size, TextMeasurer& measurer)
{
    auto& diagnostics = run.report.diagnostics;
    auto size_text = std::to_string(size.width) + "x" + std::to_string(size.height);
    auto geometry = compute_screen_geometry(static_cast<float>(size.width), static_cast<float>(size.height), theme);
    int slides = 0;
    for (auto const& source : run.sources) {
        SlideContext context;
        context.width = geometry.slide.w;
        context.height = geometry.slide.h;
        context.unit = geometry.unit;
        context.theme = &theme;
        context.measurer = &measurer;
        context.asset_root = source.root.string();
        for (auto const& notice : source.notices) {
            if (notice.kind == NoticeKind::Ticker)
                continue;
            auto layout = layout_slide(notice, context);
            ++slides;
            auto where = notice.defined_at;
            where.file = (source.root / where.file).lexically_normal().string();
            for (auto const& problem : layout.problems)
                diagnostics.error(where, "slide '" + notice.id + "' does not fit at " + size_text + ": " + problem);
            for (auto const& warning : layout.warnings)
                diagnostics.warning(where, "slide '" + notice.id + "' at " + size_text + ": " + warning);
        }
    }
    run.report.lines.push_back("laid out " + std::to_string(slides) + " slide(s) at " + size_text);
    // The header holds the hall's name in up to two lines beside the clock; a longer one is cut.
    // Measured beside a date with a two-digit month and day, the widest the header shows.
    for (auto const& [hall, where] : run.halls) {
        if (layout_header(geometry, theme, hall, { 2026, 12, 31 }, measurer).hall_cut)
            diagnostics.warning(where,
                "screen.hall '" + hall + "' is too long for the header at " + size_text + ": it is cut short with '…'",
                "write the hall's name as customers know it, e.g. 城西供电营业厅");
    }
}

} // namespace hallboard
