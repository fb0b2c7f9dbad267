// `hallboard play --config FILE`: the hall screen itself, in a window or fullscreen. Parses the
// command line and wires the screen's parts together; the frame loop is player/show/play_loop.h.
// `--clock-start`/`--clock-speed` run the show on a simulated clock (a week in minutes) for
// measuring that nothing grows.
#include "player/app/command_line.h"
#include "player/app/commands.h"

#include "base/log.h"
#include "player/render/sdl_session.h"
#include "player/show/play_loop.h"
#include "player/show/show_setup.h"

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace hallboard {

namespace {

void explain_missing_display(const std::string& config, const char* reason)
{
    std::fprintf(stderr,
        "error: no display to show the hall screen on (%s); run it under one, e.g. "
        "xvfb-run -s '-screen 0 1920x1080x24' hallboard play --config %s, "
        "or preview the slides with: hallboard render --config %s --out previews\n",
        reason, config.c_str(), config.c_str());
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
        std::fprintf(stderr,
            "error: --clock-speed needs --clock-start \"YYYY-MM-DD HH:MM\": where the simulated clock starts\n");
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
    char speed_text[32];
    std::snprintf(speed_text, sizeof speed_text, "%.0f", speed);
    log_info("clock: simulated, from " + format_date_time(*start) + ", " + speed_text + " times real time");
    return std::make_unique<AcceleratedClock>(*start, speed);
}

} // namespace

int run_play(const std::vector<std::string>& arguments)
{
    auto command_line = parse_command_line(arguments,
        { { "--config", "--source", "--exit-after", "--renderer", "--clock-start", "--clock-speed" },
            { "--full-redraw" } });
    if (!command_line)
        return exit_invalid;
    PlayOptions options;
    options.redraw = command_line->has("--full-redraw") ? Redraw::Everything : Redraw::Changes;
    if (command_line->has("--exit-after")) {
        options.exit_after = parse_show_length(command_line->option("--exit-after"));
        if (!options.exit_after) {
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
    auto screen = load_screen(*command_line, ContentOrigin::SourceOrServer);
    if (!screen)
        return exit_invalid;
    auto const& config = screen->config;
    if (command_line->has("--source"))
        options.pinned_source = config.source;
    use_time_zone(config.timezone);
    auto clock = clock_from(*command_line);
    if (!clock)
        return exit_invalid;

    auto session = SdlSession::start(SdlVideo::Required);
    if (!session) {
        explain_missing_display(command_line->option("--config"), SDL_GetError());
        return exit_failure;
    }
    auto fonts = open_hall_fonts(config);
    if (!fonts) {
        std::fprintf(stderr, "error: %s\n", fonts.error().c_str());
        return exit_failure;
    }
    bool const full_redraw = options.redraw == Redraw::Everything;
    auto output = ScreenOutput::open(output_options_for(
        config, full_redraw ? RendererSetting::Software : renderer_override.value_or(config.renderer)));
    if (!output) {
        log_error(std::string("cannot open the screen's window: ") + SDL_GetError());
        return exit_failure;
    }
    log_screen_opened(config, *output);

    ScreenShow show(
        output->renderer(), **fonts, std::make_shared<const ScreenConfig>(config), output->width(), output->height());
    auto const compose = compose_settings_for(output->path(), output->refresh_rate(), options.redraw);
    options.frames_per_second = compose.frames_per_second;
    apply_compose_settings(compose, show);
    // The cached content (or the local source) shows at once; a server is synced in the background.
    PlayEvents events;
    auto feed = open_content_feed(config, screen->content, events.new_content_wake());
    if (!feed) {
        log_error("content: " + feed.error());
        return exit_failure;
    }
    show.set_content((*feed)->initial());
    ThumbnailExchange thumbnails(events.thumbnail_wake());
    // A screen fed by a server reports to it: heartbeats, and what it showed for how long.
    std::unique_ptr<ScreenReporting> reporting;
    if (!config.server.empty())
        reporting = std::make_unique<ScreenReporting>(config, **feed, (*feed)->initial_version(),
            [&thumbnails] { return thumbnails.request(PlayLoop::thumbnail_wait); });
    log_frame_plan(compose, show, *output, options.redraw);

    SdlWaiting waiting;
    FeedUpdates updates(**feed);
    PlayLoop loop({ *output, show, *clock, waiting, events, updates, thumbnails, reporting.get() }, options);
    return loop.run() == PlayEnd::Restart ? exit_restart : exit_ok;
}

} // namespace hallboard
