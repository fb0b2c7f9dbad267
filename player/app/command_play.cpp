// `hallboard play --config FILE`: the hall screen itself, in a window or fullscreen.
//
// The frame loop draws only what changed (the ticker strip every frame while it scrolls, the
// clock once a second, the progress bar by the pixel, the slide area on changes), presents
// only that, and when nothing moves sleeps until the next change, woken early by any SDL
// event. Frames are due on a fixed grid of deadlines and show the moment of their deadline.
// Outside display.on_hours the screen is drawn black (or a dimmed clock) once, and the loop
// sleeps until it comes on. `--clock-start`/`--clock-speed` run the show on a simulated clock
// (a week in minutes) for measuring that nothing grows.
#include "player/app/command_line.h"
#include "player/app/commands.h"
#include "player/sync/content_feed.h"
#include "player/status/screen_reporting.h"
#include "player/app/screen_size.h"

#include "player/config/config_watcher.h"
#include "base/log.h"
#include "player/render/font_set.h"
#include "player/render/screen_output.h"
#include "player/render/sdl_session.h"
#include "player/render/texture_tally.h"
#include "player/render/thumbnail.h"
#include "player/screen/frame_pacer.h"
#include "player/screen/process_figures.h"
#include "player/screen/screen_show.h"
#include "player/status/thumbnail_exchange.h"

#include <SDL.h>

#include <chrono>
#include <cstdio>
#include <thread>
#include <utility>

namespace hallboard {

namespace {

using Steady = std::chrono::steady_clock;

// The old loop, kept for comparisons (scripts/measure.sh --compare): the whole frame drawn and
// presented 60 times a second.
constexpr double full_redraw_frames_per_second = 60;
constexpr std::uint64_t max_logged_late_frames = 10; // then only the count at the end
// How long the heartbeat sender waits for the render thread's thumbnail; a frame being drawn
// takes milliseconds, so this is only reached when the loop is stuck.
constexpr std::chrono::seconds thumbnail_wait { 3 };
constexpr int thumbnail_longer_side = 480; // pixels: enough to tell which slide and whether it looks right
constexpr std::chrono::milliseconds polling_driver_slice { 50 };

void explain_missing_display(const std::string& config, const char* reason)
{
    std::fprintf(stderr,
        "error: no display to show the hall screen on (%s); run it under one, e.g. "
        "xvfb-run -s '-screen 0 1920x1080x24' hallboard play --config %s, "
        "or preview the slides with: hallboard render --config %s --out previews\n",
        reason, config.c_str(), config.c_str());
}

std::string format(char const* pattern, double a, double b = 0, double c = 0, double d = 0)
{
    char line[256];
    std::snprintf(line, sizeof line, pattern, a, b, c, d);
    return line;
}

struct LoopFigures {
    long frames = 0;          // frames drawn
    long slides = 0;          // slide pages shown
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

// Twice a (possibly simulated) day, at midnight and at noon: what the process holds, to show
// that a screen running for months does not grow. Noon is inside any hall's opening hours,
// midnight usually outside.
void log_held_figures(const FrameTime& time, const LoopFigures& figures, const ScreenShow& show)
{
    log_info("figures at " + format_date_time(time.local) + ": RSS " + format("%.1f MiB, ", resident_mebibytes()) + "open files "
        + std::to_string(open_file_descriptors()) + ", threads " + std::to_string(thread_count()) + ", textures "
        + std::to_string(live_textures()) + format(" (%.1f MB held by the show)", static_cast<double>(show.texture_bytes()) / 1e6)
        + ", frames " + std::to_string(figures.frames) + ", slides " + std::to_string(figures.slides));
}

// A duration as the config writes them (10s, 2h), or whole days (7d) for simulated weeks.
std::optional<double> parse_show_length(const std::string& text)
{
    if (auto duration = parse_duration(text))
        return std::chrono::duration<double>(*duration).count();
    if (text.size() >= 2 && text.size() <= 4 && text.back() == 'd'
        && text.find_first_not_of("0123456789") == text.size() - 1) {
        int const days = std::atoi(text.c_str());
        if (days >= 1 && days <= 366)
            return days * 86400.0;
    }
    return std::nullopt;
}

// `--clock-start "2026-12-01 06:00" --clock-speed 600`: the simulated clock, or the real one.
std::unique_ptr<ShowClock> clock_from(const CommandLine& command_line)
{
    if (!command_line.has("--clock-start") && !command_line.has("--clock-speed"))
        return std::make_unique<SystemClock>();
    if (!command_line.has("--clock-start")) {
        std::fprintf(stderr, "error: --clock-speed needs --clock-start \"YYYY-MM-DD HH:MM\": where the simulated clock starts\n");
        return nullptr;
    }
    auto start = parse_date_time(command_line.option("--clock-start"));
    if (!start) {
        std::fprintf(stderr, "error: --clock-start '%s' is not a date and time (write it like \"2026-12-01 06:00\")\n",
            command_line.option("--clock-start").c_str());
        return nullptr;
    }
    double speed = 1;
    if (command_line.has("--clock-speed")) {
        char* end = nullptr;
        auto const& text = command_line.option("--clock-speed");
        speed = std::strtod(text.c_str(), &end);
        if (end == text.c_str() || *end != '\0' || !(speed >= 1 && speed <= 100000)) {
            std::fprintf(stderr, "error: --clock-speed '%s' must be a number from 1 to 100000\n", text.c_str());
            return nullptr;
        }
    }
    log_info("clock: simulated, from " + format_date_time(*start) + format(", %.0f times real time", speed));
    return std::make_unique<AcceleratedClock>(*start, speed);
}

} // namespace

int run_play(const std::vector<std::string>& arguments)
{
    auto command_line = parse_command_line(arguments, { { "--config", "--source", "--exit-after", "--renderer", "--clock-start", "--clock-speed" }, { "--full-redraw" } });
    if (!command_line)
        return exit_invalid;
    std::optional<double> exit_after; // in show seconds: simulated ones with --clock-speed
    if (command_line->has("--exit-after")) {
        exit_after = parse_show_length(command_line->option("--exit-after"));
        if (!exit_after) {
            std::fprintf(stderr, "error: --exit-after '%s' is not a duration (write it like 10s, 2h or 7d)\n",
                command_line->option("--exit-after").c_str());
            return exit_invalid;
        }
    }
    std::optional<RendererSetting> renderer_override;
    if (command_line->has("--renderer")) {
        renderer_override = renderer_setting_named(command_line->option("--renderer"));
        if (!renderer_override) {
            std::fprintf(stderr, "error: --renderer must be %s, not '%s'\n", renderer_setting_words().c_str(),
                command_line->option("--renderer").c_str());
            return exit_invalid;
        }
    }
    bool const full_redraw = command_line->has("--full-redraw");
    auto screen = load_screen(*command_line, ContentOrigin::SourceOrServer);
    if (!screen)
        return exit_invalid;
    auto const& config = screen->config;
    use_time_zone(config.timezone);
    auto clock = clock_from(*command_line);
    if (!clock)
        return exit_invalid;

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

    ScreenShow show(output->renderer(), *fonts, std::make_shared<const ScreenConfig>(config), width, height);
    double const frames_per_second = full_redraw ? full_redraw_frames_per_second : output->refresh_rate();
    show.set_frame_rate(frames_per_second, output->sub_pixel() ? TickerPositions::SubPixel : TickerPositions::WholePixels);
    // The window surface keeps what is drawn on it; a GPU's target texture may not be read back cheaply.
    if (output->path() == RenderPath::Software && !full_redraw)
        show.set_slide_memory(SlideMemory::ReleaseOnceShown);
    // The cached content (or the local source) shows at once; a server is synced in the background.
    std::unique_ptr<ContentFeed> feed;
    Uint32 const new_content_event = SDL_RegisterEvents(1);
    if (screen->content) {
        feed = ContentFeed::local(screen->content);
    } else {
        auto wake = [new_content_event] {
            SDL_Event wake_event {};
            wake_event.type = new_content_event;
            SDL_PushEvent(&wake_event);
        };
        auto from_server = ContentFeed::from_server(config, wake);
        if (!from_server) {
            log_error("content: " + from_server.error());
            return exit_failure;
        }
        feed = std::move(*from_server);
    }
    show.set_content(feed->initial());
    // An admin's request for a thumbnail arrives on the heartbeat sender's thread; only this
    // thread may read the screen, so the request wakes the loop, which answers between frames.
    std::uint32_t const thumbnail_event = SDL_RegisterEvents(1);
    ThumbnailExchange thumbnails([thumbnail_event] {
        SDL_Event event {};
        event.type = thumbnail_event;
        SDL_PushEvent(&event);
    });
    // A screen fed by a server reports to it: heartbeats, and what it showed for how long.
    std::unique_ptr<ScreenReporting> reporting;
    if (!config.server.empty())
        reporting = std::make_unique<ScreenReporting>(config, *feed, feed->initial_version(),
            [&thumbnails] { return thumbnails.request(thumbnail_wait); });
    std::string const mode = full_redraw ? "every frame drawn whole (--full-redraw)"
        : output->sub_pixel()             ? "the ticker at sub-pixel positions"
                                          : "the ticker in whole-pixel steps";
    log_info(format("frames: up to %.0f a second, ticker %.1f px/s: ", frames_per_second, show.ticker_pixels_per_second()) + mode);

    clock->start_now();
    FramePacer pacer(frames_per_second, clock->start());
    LoopFigures figures;
    Steady::time_point deadline = clock->start();
    std::optional<std::pair<Date, bool>> figures_half_day; // the date, and whether past noon
    bool first_frame = true;
    bool running = true;
    double previous_ahead_ms = 0; // for the log of a late frame
    // Edits to the screen config or its theme: applied live, or by restarting in place.
    ConfigWatcher watcher(config);
    bool restart = false;
    auto check_config = [&]() {
        Diagnostics diagnostics;
        auto reloaded = watcher.poll(Steady::now(), diagnostics);
        for (auto const& diagnostic : diagnostics.all())
            (diagnostic.severity == Severity::Error ? log_error : log_warning)("config: " + format_diagnostic(diagnostic));
        if (!reloaded) {
            if (diagnostics.error_count() > 0)
                log_error("config: the edited file is not used; the screen goes on with the config in force");
            return;
        }
        if (command_line->has("--source")) // the command line's source stays in force
            reloaded->source = config.source;
        auto changes = compare_configs(show.config(), *reloaded);
        auto joined = [](const std::vector<std::string>& keys) {
            std::string text;
            for (auto const& key : keys)
                text += (text.empty() ? "" : ", ") + key;
            return text;
        };
        if (!changes.restart.empty()) {
            log_info("config: " + joined(changes.restart) + " changed; restarting the player in place to apply it");
            restart = true;
            running = false;
            return;
        }
        if (changes.live.empty())
            return;
        log_info("config: applied " + joined(changes.live) + " (the show starts over with them)");
        if (reporting && reloaded->hall != show.config().hall)
            reporting->hall_renamed(reloaded->hall);
        show.set_config(std::make_shared<const ScreenConfig>(std::move(*reloaded)));
    };

    auto handle = [&](const SDL_Event& event) {
        // SDL turns SIGTERM and SIGINT into SDL_QUIT, so a service stop ends here cleanly too.
        if (event.type == SDL_QUIT)
            running = false;
        if (event.type == SDL_KEYDOWN && (event.key.keysym.sym == SDLK_ESCAPE || event.key.keysym.sym == SDLK_q))
            running = false;
        switch (output->handle_event(event)) {
        case OutputEvent::RedrawEverything:
            show.redraw_everything();
            break;
        case OutputEvent::TexturesLost:
            show.textures_lost();
            break;
        case OutputEvent::Nothing:
            break;
        }
        // A new version from the sync thread: the wait below then ends at once (needs_everything).
        if (new_content_event != static_cast<Uint32>(-1) && event.type == new_content_event) {
            feed->apply_update([&](std::shared_ptr<const ContentSource> content, std::uint64_t version) {
                show.set_content(std::move(content));
                log_info("content: showing version " + std::to_string(version));
                if (reporting)
                    reporting->content_changed(version);
            });
        }
    };

    // SDL's offscreen and dummy drivers (tests, headless runs) cannot wait for an event:
    // SDL_WaitEventTimeout polls them every millisecond, 3 % of a core for a screen at rest. On
    // them the loop sleeps in slices instead; an event from another thread waits a slice at most.
    std::string const driver = SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "";
    bool const driver_waits = driver != "offscreen" && driver != "dummy";

    // Sleeps until `deadline`, handling events meanwhile; any event that leaves the screen
    // needing a full redraw (new content, a lost surface) brings the deadline forward.
    auto wait_until = [&]() {
        for (;;) {
            SDL_Event event;
            while (running && SDL_PollEvent(&event))
                handle(event);
            if (running)
                check_config();
            // The target holds the last frame (the window surface, or the GPU path's frame texture).
            if (thumbnails.pending()) {
                std::string problem;
                auto picture = capture_thumbnail_png(output->renderer(), thumbnail_longer_side, max_thumbnail_bytes, &problem);
                if (!picture)
                    log_warning("thumbnail: cannot read the screen: " + problem);
                thumbnails.fulfil(std::move(picture));
            }
            if (!running)
                return;
            auto now = Steady::now();
            if (show.needs_everything())
                deadline = std::min(deadline, pacer.grid_at_or_after(now));
            if (now >= deadline)
                return;
            auto const remaining = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count();
            if (remaining >= 2 && !driver_waits) {
                std::this_thread::sleep_for(std::min(std::chrono::milliseconds(remaining - 1), polling_driver_slice));
            } else if (remaining >= 2) {
                // Blocks in poll() on the X connection: no CPU while waiting, and any event
                // (from the X server, SDL_PushEvent from another thread, a signal) wakes it.
                // At least every check interval it wakes to look at the config files.
                auto const config_check_ms = std::chrono::duration_cast<std::chrono::milliseconds>(ConfigWatcher::check_interval).count();
                if (SDL_WaitEventTimeout(&event, static_cast<int>(std::min<long long>(remaining - 1, config_check_ms))))
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
        FrameTime time = clock->at(deadline);
        auto const woke = Steady::now();
        auto frame = show.draw_frame(time, full_redraw || show.needs_everything() ? Redraw::Everything : Redraw::Changes,
            AheadWork::AfterPresent);
        auto const drawn = Steady::now();
        output->present(frame.report.damage);
        auto const shown = Steady::now();
        show.work_ahead(time, frame);
        auto const& report = frame.report;
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
        std::pair<Date, bool> const half_day { time.local.date, time.local.minute_of_day >= 12 * 60 };
        if (figures_half_day != half_day) {
            if (figures_half_day)
                log_held_figures(time, figures, show);
            figures_half_day = half_day;
        }
        if (frame.switched && !frame.screen_on) {
            log_info("opening hours: screen off at " + format_date_time(time.local) + " ("
                + (show.config().off_hours == OffHours::DimmedClock ? "dimmed clock" : "blank") + ")");
            if (reporting)
                reporting->slide_shown({}, time.local, time.seconds);
        } else if (frame.switched && figures.frames > 1) {
            log_info("opening hours: screen on at " + format_date_time(time.local));
        }
        if (report.slide_changed) {
            ++figures.slides;
            log_info("showing '" + report.notice_id + "' page " + std::to_string(report.page + 1) + "/"
                + std::to_string(report.page_count));
        }
        if (report.slide_changed && reporting) // "fallback" is the compositor's calm slide, not a notice
            reporting->slide_shown(report.notice_id == "fallback" ? std::string() : report.notice_id, time.local, time.seconds);
        if (exit_after && time.seconds >= *exit_after)
            running = false;

        auto const now = Steady::now();
        if (output->vsync() && (report.animating || full_redraw)) {
            deadline = now; // presents wait for the display: it paces the frames
            continue;
        }
        auto const next_change = clock->moment_of(report.next_change);
        deadline = pacer.next_deadline(deadline, report.animating || full_redraw, next_change, now);
    }
    thumbnails.shut_down();
    if (reporting)
        reporting->stop(clock->now().seconds);
    feed->stop();
    log_held_figures(clock->now(), figures, show);
    log_figures(figures, std::chrono::duration<double>(Steady::now() - clock->start()).count());
    log_info(restart ? "stopped, to start again" : "stopped");
    return restart ? exit_restart : exit_ok;
}

} // namespace hallboard
