// `hallboard play --config FILE`: the hall screen itself, in a window or fullscreen.
#include "player/app/command_line.h"
#include "player/app/commands.h"
#include "player/app/screen_size.h"

#include "player/log/log.h"
#include "player/render/font_set.h"
#include "player/render/sdl_session.h"
#include "player/screen/screen_compositor.h"

#include <SDL.h>

#include <chrono>
#include <cstdio>
#include <thread>

namespace hallboard {

namespace {

constexpr double frames_per_second = 60;

void explain_missing_display(const std::string& config, const char* reason)
{
    std::fprintf(stderr,
        "error: no display to show the hall screen on (%s); run it under one, e.g. "
        "xvfb-run -s '-screen 0 1920x1080x24' hallboard play --config %s, "
        "or preview the slides with: hallboard render --config %s --out previews\n",
        reason, config.c_str(), config.c_str());
}

struct Window {
    SDL_Window* window = nullptr;
    SDL_Renderer* renderer = nullptr;
    ~Window()
    {
        if (renderer)
            SDL_DestroyRenderer(renderer);
        if (window)
            SDL_DestroyWindow(window);
    }
};

bool open_window(Window& out, const ScreenConfig& config)
{
    // Without a real GPU, SDL would route even software output through OpenGL (llvmpipe),
    // which costs far more than blitting the window surface directly.
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    Uint32 flags = SDL_WINDOW_SHOWN;
    if (config.fullscreen)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
    int position = static_cast<int>(SDL_WINDOWPOS_CENTERED_DISPLAY(config.display_index));
    out.window = SDL_CreateWindow(("Hallboard - " + config.hall).c_str(), position, position, config.size.width,
        config.size.height, flags);
    if (!out.window) {
        log_error(std::string("cannot open a window: ") + SDL_GetError());
        return false;
    }
    out.renderer = SDL_CreateRenderer(out.window, -1, SDL_RENDERER_SOFTWARE);
    if (!out.renderer) {
        log_error(std::string("cannot create a renderer: ") + SDL_GetError());
        return false;
    }
    SDL_ShowCursor(SDL_DISABLE);
    log_info("renderer: software (window surface blits; the GPU path comes with a later release)");
    return true;
}

} // namespace

int run_play(const std::vector<std::string>& arguments)
{
    auto command_line = parse_command_line(arguments, { { "--config", "--source", "--exit-after" }, {} });
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
    auto screen = load_screen(*command_line);
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
    Window window;
    if (!open_window(window, config))
        return exit_failure;

    int output_width = 0, output_height = 0;
    SDL_GetRendererOutputSize(window.renderer, &output_width, &output_height);
    bool sideways = config.rotate == 90 || config.rotate == 270;
    int width = sideways ? output_height : output_width;
    int height = sideways ? output_width : output_height;
    log_info("screen '" + config.id + "' (" + config.hall + "): " + std::to_string(width) + "x" + std::to_string(height)
        + (config.rotate ? ", rotated " + std::to_string(config.rotate) + " degrees" : ""));

    ScreenCompositor compositor(window.renderer, *fonts, config, width, height);
    compositor.set_content(screen->content);

    // A mounted-sideways panel: compose upright into a texture, then turn it onto the window.
    SDL_Texture* upright = nullptr;
    if (config.rotate != 0) {
        upright = SDL_CreateTexture(window.renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, width, height);
        if (!upright) {
            log_error(std::string("cannot create the rotation texture: ") + SDL_GetError());
            return exit_failure;
        }
    }

    SystemClock clock;
    auto frame_interval = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        std::chrono::duration<double>(1.0 / frames_per_second));
    auto next_frame = std::chrono::steady_clock::now();
    bool first_frame = true;
    bool running = true;
    while (running) {
        SDL_Event event;
        while (SDL_PollEvent(&event)) {
            // SDL turns SIGTERM and SIGINT into SDL_QUIT, so a service stop ends here cleanly too.
            if (event.type == SDL_QUIT)
                running = false;
            if (event.type == SDL_KEYDOWN && (event.key.keysym.sym == SDLK_ESCAPE || event.key.keysym.sym == SDLK_q))
                running = false;
        }
        FrameTime now = clock.now();
        if (upright)
            SDL_SetRenderTarget(window.renderer, upright);
        auto report = compositor.draw_frame(now);
        if (upright) {
            SDL_SetRenderTarget(window.renderer, nullptr);
            SDL_SetRenderDrawColor(window.renderer, 0, 0, 0, 255);
            SDL_RenderClear(window.renderer);
            SDL_Rect place { (output_width - width) / 2, (output_height - height) / 2, width, height };
            SDL_RenderCopyEx(window.renderer, upright, nullptr, &place, config.rotate, nullptr, SDL_FLIP_NONE);
        }
        SDL_RenderPresent(window.renderer);
        if (first_frame) {
            log_info("first frame after " + std::to_string(static_cast<int>(now.seconds * 1000)) + " ms of showing");
            first_frame = false;
        }
        if (report.slide_changed)
            log_info("showing '" + report.notice_id + "' page " + std::to_string(report.page + 1) + "/"
                + std::to_string(report.page_count));
        if (exit_after && now.seconds >= *exit_after)
            running = false;

        // Pace on a fixed deadline; after a long stall, start afresh rather than rush to catch up.
        next_frame += frame_interval;
        auto current = std::chrono::steady_clock::now();
        if (current > next_frame + 5 * frame_interval)
            next_frame = current;
        std::this_thread::sleep_until(next_frame);
    }
    if (upright)
        SDL_DestroyTexture(upright);
    log_info("stopped");
    return exit_ok;
}

} // namespace hallboard
