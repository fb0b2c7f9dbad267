// `hallboard play --config FILE`: the hall screen itself, in a window or fullscreen.
//
// The frame loop draws only what changed (the ticker strip every frame while it scrolls, the
// clock once a second, the progress bar by the pixel, the slide area on changes), presents
// only that, and when nothing moves sleeps until the next change, woken early by any SDL
// event. Frames are due on a fixed grid of deadlines and show the moment of their deadline.
#include "player/app/command_line.h"
#include "player/app/commands.h"
#include "player/app/content_feed.h"
#include "player/app/screen_reporting.h"
#include "player/app/screen_size.h"

#include "player/log/log.h"
#include "player/render/font_set.h"
#include "player/render/screen_output.h"
#include "player/render/sdl_session.h"
#include "player/screen/frame_pacer.h"
#include "player/screen/process_figures.h"
#include "player/screen/screen_compositor.h"

#include <SDL.h>

#include <chrono>
#include <cstdio>
#include <thread>

namespace hallboard {

namespace {

using Steady = std::chrono::steady_clock;

// The old loop, kept for comparisons (scripts/measure.sh --compare): the whole frame drawn and
// presented 60 times a second.
constexpr double full_redraw_frames_per_second = 60;
constexpr std::uint64_t max_logged_late_frames = 10; // then only the count at the end

void explain_missing_display(const std::string& config, const char* reason)
{
    std::fprintf(stderr,
        "error: no display to show the hall screen on (%s); run it under one, e.g. "
        "xvfb-run -s '-screen 0 1920x1080x24' hallboard play --config %s, "
        "or preview the slides with: hallboard render --config %s --out previews\n",
        reason, config.c_str(), config.c_str());
}

std::optional<RendererSetting> parse_renderer(const std::string& word)
{
    if (word == "auto")
        return RendererSetting::Auto;
    if (word == "gpu")
        return RendererSetting::Gpu;
    if (word == "software")
        return RendererSetting::Software;
    return std::nullopt;
}

std::string format(char const* pattern, double a, double b = 0, double c = 0, double d = 0)
{
    char line[256];
    std::snprintf(line, sizeof line, pattern, a, b, c, d);
    return line;
}

struct LoopFigures {
    long frames = 0;          // frames drawn
    long presented = 0;       // frames that changed something on screen
    long long damaged_pixels = 0;
    TickerSmoothness ticker;
};

void log_figures(const LoopFigures& figures, double seconds)
{
    auto const& ticker = figures.ticker;
    log_info("frames: " + std::to_string(figures.frames) + " drawn in " + format("%.1f", seconds) + " s, "
        + std::to_string(figures.presented) + " presented, "
        + format("%.1f", figures.presented ? static_cast<double>(figures.damaged_pixels) / static_cast<double>(figures.presented) / 1000 : 0)
        + " kpixel each on average");
    log_info("ticker: " + std::to_string(ticker.frames()) + " frames in " + format("%.1f", ticker.moving_seconds()) + " s, "
        + std::to_string(ticker.late_frames()) + " later than 25 ms ("
        + format("%.2f per 10 s), worst gap %.1f ms", ticker.late_per_10_seconds(), ticker.worst_gap_ms()));
}

} // namespace

int run_play(const std::vector<std::string>& arguments)
{
    auto command_line = parse_command_line(arguments, { { "--config", "--source", "--exit-after", "--renderer" }, { "--full-redraw" } });
    if (!command_line)
        return exit_invalid;
    std::optional<double> exit_after;
    if (command_line->has("--exit-after")) {
        auto duration = parse_duration(command_line->option("--exit-after"));
        if (!duration) {
            std::fprintf(stderr, "error: --exit-after '%s' is not a duration (write it like 10s)\n",
                command_line->option("--exit-after").c_str());
            return exit_invalid;
        }
        exit_after = std::chrono::duration<double>(*duration).count();
    }
    std::optional<RendererSetting> renderer_override;
    if (command_line->has("--renderer")) {
        renderer_override = parse_renderer(command_line->option("--renderer"));
        if (!renderer_override) {
            std::fprintf(stderr, "error: --renderer must be auto, gpu or software, not '%s'\n", command_line->option("--renderer").c_str());
            return exit_invalid;
        }
    }
    bool const full_redraw = command_line->has("--full-redraw");
    auto screen = load_screen(*command_line, ContentOrigin::SourceOrServer);
    if (!screen)
        return exit_invalid;
    auto const& config = screen->config;
    use_time_zone(config.timezone);

    auto session = SdlSession::start(SdlVideo::Required);
    if (!session) {
        explain_missing_display(command_line->option("--config"), SDL_GetError());
        return exit_failure;
    }
    auto fonts = FontSet::open(config.theme.font_families);
    if (!fonts) {
        std::fprintf(stderr, "error: no font with Chinese characters found; install fonts-noto-cjk\n");
        return exit_failure;
    }
    OutputOptions options;
    options.title = "Hallboard - " + config.hall;
    options.fullscreen = config.fullscreen;
    options.display_index = config.display_index;
    options.size = config.size;
    options.rotate = config.rotate;
    options.renderer = full_redraw ? RendererSetting::Software : renderer_override.value_or(config.renderer);
    auto output = ScreenOutput::open(options);
    if (!output) {
        log_error(std::string("cannot open the screen's window: ") + SDL_GetError());
        return exit_failure;
    }
    int const width = output->width();
    int const height = output->height();
    log_info("screen '" + config.id + "' (" + config.hall + "): " + std::to_string(width) + "x" + std::to_string(height)
        + (config.rotate ? ", rotated " + std::to_string(config.rotate) + " degrees" : ""));

    ScreenCompositor compositor(output->renderer(), *fonts, config, width, height);
    double const frames_per_second = full_redraw ? full_redraw_frames_per_second : output->refresh_rate();
    compositor.set_frame_rate(frames_per_second, output->sub_pixel() ? TickerPositions::SubPixel : TickerPositions::WholePixels);
    // The window surface keeps what is drawn on it; a GPU's target texture may not be read back cheaply.
    if (output->path() == RenderPath::Software && !full_redraw)
        compositor.set_slide_memory(SlideMemory::ReleaseOnceShown);
    // The cached content (or the local source) shows at once; a server is synced in the background.
    std::unique_ptr<ContentFeed> feed;
    if (screen->content) {
        feed = ContentFeed::local(screen->content);
    } else {
        std::string problem;
        feed = ContentFeed::from_server(config, problem);
        if (!feed) {
            log_error("content: " + problem);
            return exit_failure;
        }
    }
    compositor.set_content(feed->initial());
    // A screen fed by a server reports to it: heartbeats, and what it showed for how long.
    std::unique_ptr<ScreenReporting> reporting;
    if (!config.server.empty())
        reporting = std::make_unique<ScreenReporting>(config, *feed, feed->initial_version());
    std::string const mode = full_redraw ? "every frame drawn whole (--full-redraw)"
        : output->sub_pixel()             ? "the ticker at sub-pixel positions"
                                          : "the ticker in whole-pixel steps";
    log_info(format("frames: up to %.0f a second, ticker %.1f px/s: ", frames_per_second, compositor.ticker_pixels_per_second()) + mode);

    SystemClock clock;
    FramePacer pacer(frames_per_second, clock.start());
    LoopFigures figures;
    Steady::time_point deadline = clock.start();
    bool first_frame = true;
    bool running = true;
    double previous_ahead_ms = 0; // for the log of a late frame

    auto handle = [&](const SDL_Event& event) {
        // SDL turns SIGTERM and SIGINT into SDL_QUIT, so a service stop ends here cleanly too.
        if (event.type == SDL_QUIT)
            running = false;
        if (event.type == SDL_KEYDOWN && (event.key.keysym.sym == SDLK_ESCAPE || event.key.keysym.sym == SDLK_q))
            running = false;
        switch (output->handle_event(event)) {
        case OutputEvent::RedrawEverything:
            compositor.redraw_everything();
            break;
        case OutputEvent::TexturesLost:
            compositor.textures_lost();
            break;
        case OutputEvent::Nothing:
            break;
        }
        // A new version from the sync thread: the wait below then ends at once (needs_everything).
        if (feed->wake_event() != 0 && event.type == feed->wake_event()) {
            feed->apply_update([&](std::shared_ptr<const ContentSource> content, std::uint64_t version) {
                compositor.set_content(std::move(content));
                log_info("content: showing version " + std::to_string(version));
                if (reporting)
                    reporting->content_changed(version);
            });
        }
    };

    // Sleeps until `deadline`, handling events meanwhile; any event that leaves the screen
    // needing a full redraw (new content, a lost surface) brings the deadline forward.
    auto wait_until = [&]() {
        for (;;) {
            SDL_Event event;
            while (running && SDL_PollEvent(&event))
                handle(event);
            if (!running)
                return;
            auto now = Steady::now();
            if (compositor.needs_everything())
                deadline = std::min(deadline, pacer.grid_at_or_after(now));
            if (now >= deadline)
                return;
            auto const remaining = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count();
            if (remaining >= 2) {
                // Blocks in poll() on the X connection: no CPU while waiting, and any event
                // (from the X server, SDL_PushEvent from another thread, a signal) wakes it.
                if (SDL_WaitEventTimeout(&event, static_cast<int>(remaining - 1)))
                    handle(event);
            } else {
                std::this_thread::sleep_until(deadline); // the last millisecond, precisely
            }
        }
    };

    while (running) {
        wait_until();
        if (!running)
            break;
        FrameTime time = clock.at(deadline);
        auto const woke = Steady::now();
        auto report = compositor.draw_frame(time, full_redraw || compositor.needs_everything() ? Redraw::Everything : Redraw::Changes,
            AheadWork::AfterPresent);
        auto const drawn = Steady::now();
        output->present(report.damage);
        auto const shown = Steady::now();
        compositor.work_ahead(time, report);
        double const ahead_ms = std::chrono::duration<double, std::milli>(Steady::now() - shown).count();
        ++figures.frames;
        if (!report.damage.empty())
            ++figures.presented;
        for (auto const& rect : report.damage)
            figures.damaged_pixels += static_cast<long long>(rect.w) * rect.h;
        auto const late_before = figures.ticker.late_frames();
        figures.ticker.frame_shown(shown, report.ticker_moved);
        if (figures.ticker.late_frames() > late_before && late_before < max_logged_late_frames) {
            using Ms = std::chrono::duration<double, std::milli>;
            log_info(format("late ticker frame: woke %.1f ms after its deadline, drew for %.1f ms, presented in %.1f ms; "
                            "the frame before worked ahead for %.1f ms",
                         Ms(woke - deadline).count(), Ms(drawn - woke).count(), Ms(shown - drawn).count(), previous_ahead_ms)
                + (report.slide_changed ? " (slide change)" : report.in_transition ? " (transition)" : ""));
        }
        previous_ahead_ms = ahead_ms;

        if (first_frame) {
            first_frame = false;
            auto const wall = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
            log_info(format("first frame on screen %.3f s after the process started (at %.3f since the epoch); PSS %.1f MiB",
                milliseconds_since_process_start() / 1000, wall, proportional_mebibytes()));
            output->measure_vsync();
        }
        if (report.slide_changed)
            log_info("showing '" + report.notice_id + "' page " + std::to_string(report.page + 1) + "/"
                + std::to_string(report.page_count));
        if (report.slide_changed && reporting) // "fallback" is the compositor's calm slide, not a notice
            reporting->slide_shown(report.notice_id == "fallback" ? std::string() : report.notice_id, time.local, time.seconds);
        if (exit_after && time.seconds >= *exit_after)
            running = false;

        auto const now = Steady::now();
        if (output->vsync() && (report.animating || full_redraw)) {
            deadline = now; // presents wait for the display: it paces the frames
            continue;
        }
        auto const next_change = clock.start()
            + std::chrono::duration_cast<Steady::duration>(std::chrono::duration<double>(report.next_change));
        deadline = pacer.next_deadline(deadline, report.animating || full_redraw, next_change, now);
    }
    if (reporting)
        reporting->stop(std::chrono::duration<double>(Steady::now() - clock.start()).count());
    feed->stop();
    log_figures(figures, std::chrono::duration<double>(Steady::now() - clock.start()).count());
    log_info("stopped");
    return exit_ok;
}

} // namespace hallboard
