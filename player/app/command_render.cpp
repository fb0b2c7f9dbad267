// `hallboard render --config FILE --out DIR [--size WxH] [--at TIME]`: every slide page as the
// screen would show it (header, slide, ticker), through the same compositor, offscreen, plus
// a contact sheet index.png for admins to review before publishing.
#include "player/app/command_line.h"
#include "player/app/commands.h"
#include "player/app/screen_size.h"

#include "base/durable_files.h"
#include "player/layout/frame_layout.h"
#include "player/layout/preview_lines.h"
#include "player/layout/slide_layout.h"
#include "player/render/contact_sheet.h"
#include "player/render/font_set.h"
#include "player/render/offscreen.h"
#include "player/render/page_previews.h"
#include "player/render/sdl_session.h"
#include "player/schedule/opening_hours.h"
#include "player/schedule/rotation.h"
#include "player/screen/screen_compositor.h"
#include "player/screen/local_clock.h"
#include "player/screen/screen_show.h"

#include <SDL.h>

#include <cstdio>
#include <set>

namespace hallboard {

namespace {

// Which notices to preview: without --at every slide notice (admins preview future ones too);
// with --at, what the screen would rotate through at that moment.
std::vector<const Notice*> notices_to_render(const LoadedScreen& screen, const std::optional<LocalDateTime>& at)
{
    std::vector<const Notice*> chosen;
    if (at) {
        std::set<std::string> seen;
        for (auto const* notice : rotation_cycle(screen.content->notices, *at, screen.config.tags)) {
            if (seen.insert(notice->id).second)
                chosen.push_back(notice);
        }
        return chosen;
    }
    for (auto const& notice : screen.content->notices) {
        if (notice.kind != NoticeKind::Ticker)
            chosen.push_back(&notice);
    }
    return chosen;
}

// lines.json: the slides laid out exactly as the compositor lays them out (same geometry, fonts
// and context), every text line in screen coordinates, page by page in the PNGs' order.
PreviewRun preview_run(
    const std::vector<const Notice*>& notices, const LoadedScreen& screen, ScreenSize size, TextMeasurer& measurer)
{
    auto const& theme = screen.config.theme;
    auto geometry = compute_screen_geometry(static_cast<float>(size.width), static_cast<float>(size.height), theme);
    SlideContext context;
    context.width = geometry.slide.w;
    context.height = geometry.slide.h;
    context.unit = geometry.unit;
    context.theme = &theme;
    context.measurer = &measurer;
    context.asset_root = screen.content->root.string();
    PreviewRun run;
    run.width = size.width;
    run.height = size.height;
    run.theme = theme.name;
    run.min_text_size = theme.min_text_size;
    for (std::size_t index = 0; index < notices.size(); ++index) {
        auto layout = layout_slide(*notices[index], context);
        int const page_count = static_cast<int>(layout.pages.size());
        for (int page = 0; page < page_count; ++page) {
            run.pages.push_back(
                { page_preview_name(index + 1, notices[index]->id, page + 1), notices[index]->id, page + 1, page_count,
                    preview_lines(
                        layout.pages[static_cast<std::size_t>(page)], geometry.slide.x, geometry.slide.y, measurer) });
        }
    }
    return run;
}

} // namespace

int run_render(const std::vector<std::string>& arguments)
{
    auto command_line = parse_command_line(arguments, { { "--config", "--out", "--size", "--at", "--source" }, {} });
    if (!command_line)
        return exit_invalid;
    if (!command_line->has("--out")) {
        std::fprintf(stderr, "error: --out DIR is required\n");
        return exit_invalid;
    }
    auto screen = load_screen(*command_line);
    if (!screen)
        return exit_invalid;
    // The hall's clock, not the machine's: a Shanghai hall previewed on a UTC server shows 08:00 at 08:00.
    use_time_zone(screen->config.timezone);
    auto size = composed_size(*command_line, screen->config);
    if (!size)
        return exit_invalid;
    std::optional<LocalDateTime> at;
    if (command_line->has("--at")) {
        at = parse_at_option(*command_line);
        if (!at)
            return exit_invalid;
    }

    // Otherwise a preview of a moment when the screen is blank would pass for what the hall sees.
    auto const& calendar = screen->content->calendar;
    bool const screen_off = at && !screen_is_on(screen->config.on_hours, calendar, at->date, at->minute_of_day * 60);
    if (screen_off) {
        auto day = calendar_day(calendar, at->date);
        std::string why
            = day.kind == DayKind::Holiday ? "on holiday " + day.name + " (calendar.yaml)" : "outside display.on_hours";
        std::printf("note: at %s the screen is off (%s): it shows off-hours.png; "
                    "the other pages are the slides it would show if it were on\n",
            format_date_time(*at).c_str(), why.c_str());
    }

    std::filesystem::path out = command_line->option("--out");
    std::error_code error;
    std::filesystem::create_directories(out, error);
    if (error) {
        std::fprintf(stderr, "error: cannot create %s: %s\n", out.string().c_str(), error.message().c_str());
        return exit_failure;
    }

    auto session = SdlSession::start(SdlVideo::NotNeeded);
    if (!session) {
        std::fprintf(stderr, "error: cannot start SDL: %s\n", SDL_GetError());
        return exit_failure;
    }
    auto fonts = FontSet::open(screen->config.theme.font_families);
    if (!fonts) {
        std::fprintf(stderr, "error: no font with Chinese characters found; install fonts-noto-cjk\n");
        return exit_failure;
    }
    OffscreenCanvas canvas(size->width, size->height);
    ScreenCompositor compositor(canvas.renderer(), *fonts, screen->config, size->width, size->height);
    compositor.set_content(screen->content);

    // Previews show the wall time given (or now), with the ticker's text in view.
    FrameTime now = local_time_now();
    ManualClock clock(at.value_or(now.local));
    clock.advance(seconds_until_ticker_in_view(compositor.geometry(), screen->config.theme));

    auto notices = notices_to_render(*screen, at);
    auto pages = write_page_previews(
        canvas, notices,
        [&](const Notice& notice, int page) {
            int page_count = compositor.show_static(notice, page, clock.now());
            if (page_count > 0)
                compositor.draw_frame(clock.now());
            return page_count;
        },
        out);
    if (!pages) {
        std::fprintf(stderr, "error: %s\n", pages.error().c_str());
        return exit_failure;
    }
    auto lines_path = out / "lines.json";
    if (!durable::write_file(lines_path, preview_json(preview_run(notices, *screen, *size, *fonts)))) {
        std::fprintf(stderr, "error: cannot write %s\n", lines_path.string().c_str());
        return exit_failure;
    }
    if (screen_off) {
        // What the hall sees then: black, or the dimmed clock (display.off_hours).
        ScreenShow show(
            canvas.renderer(), *fonts, std::make_shared<const ScreenConfig>(screen->config), size->width, size->height);
        show.set_content(screen->content); // its calendar decides holidays
        show.draw_frame(clock.now(), Redraw::Everything, AheadWork::InFrame);
        if (!canvas.save_png(out / "off-hours.png")) {
            std::fprintf(stderr, "error: cannot write %s\n", (out / "off-hours.png").string().c_str());
            return exit_failure;
        }
    }
    ContactSheetOptions sheet_options;
    sheet_options.caption = preview_caption(at, now.local, screen->config.timezone);
    if (!write_contact_sheet(pages->sheet, out / "index.png", *fonts, sheet_options)) {
        std::fprintf(stderr, "error: cannot write %s\n", (out / "index.png").string().c_str());
        return exit_failure;
    }
    std::printf("wrote %d page(s) of %zu slide(s) at %dx%d and index.png to %s, %s\n", pages->count, notices.size(),
        size->width, size->height, out.string().c_str(), sheet_options.caption.c_str());
    return exit_ok;
}

} // namespace hallboard
