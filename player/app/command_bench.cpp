// `hallboard bench --config FILE [--size WxH] [--frames N]`: renders the demo offscreen on the
// software renderer and prints time to first frame, steady-state and slide-change frame times
// and peak memory. A benchmark, not a test: it prints figures and asserts nothing.
#include "player/app/command_line.h"
#include "player/app/commands.h"
#include "player/app/screen_size.h"

#include "player/render/font_set.h"
#include "player/render/offscreen.h"
#include "player/render/sdl_session.h"
#include "player/screen/screen_compositor.h"

#include <algorithm>
#include <chrono>
#include <SDL.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace hallboard {

namespace {

using Milliseconds = std::chrono::duration<double, std::milli>;

// How long ago this process was started by the kernel (resolution: one clock tick, ~10 ms).
double milliseconds_since_process_start()
{
    std::ifstream stat("/proc/self/stat");
    std::string contents((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    // The command name may hold spaces; fields are counted after its closing parenthesis.
    auto after_name = contents.rfind(')');
    if (after_name == std::string::npos)
        return -1;
    std::istringstream fields(contents.substr(after_name + 2));
    std::string field;
    unsigned long long start_ticks = 0;
    for (int index = 3; fields >> field; ++index) {
        if (index == 22) {
            start_ticks = std::stoull(field);
            break;
        }
    }
    std::ifstream uptime_file("/proc/uptime");
    double uptime_seconds = 0;
    uptime_file >> uptime_seconds;
    double ticks_per_second = static_cast<double>(sysconf(_SC_CLK_TCK));
    return (uptime_seconds - static_cast<double>(start_ticks) / ticks_per_second) * 1000;
}

double peak_rss_megabytes()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stod(line.substr(6)) / 1024;
    }
    return -1;
}

double percentile(std::vector<double> values, double fraction)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    auto index = static_cast<size_t>(fraction * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

} // namespace

int run_bench(const std::vector<std::string>& arguments)
{
    auto command_line = parse_command_line(arguments, { { "--config", "--size", "--frames", "--source", "--slide-time" }, {} });
    if (!command_line)
        return exit_invalid;
    int frames = 600;
    double slide_seconds = 2;
    try {
        frames = std::stoi(command_line->option("--frames", "600"));
        slide_seconds = std::stod(command_line->option("--slide-time", "2"));
    } catch (std::exception const&) {
        std::fprintf(stderr, "error: --frames takes a whole number and --slide-time a number of seconds\n");
        return exit_invalid;
    }
    if (frames < 10 || slide_seconds <= 0) {
        std::fprintf(stderr, "error: --frames must be at least 10 and --slide-time positive\n");
        return exit_invalid;
    }
    auto screen = load_screen(*command_line);
    if (!screen)
        return exit_invalid;
    auto size = composed_size(*command_line, screen->config);
    if (!size)
        return exit_invalid;

    // Every page stays --slide-time seconds, so a short run still sees many slide changes.
    auto content = std::make_shared<ContentSource>(*screen->content);
    for (auto& notice : content->notices)
        notice.duration = std::chrono::milliseconds(static_cast<long>(slide_seconds * 1000));

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
    compositor.set_content(content);

    ManualClock clock(local_time_now().local);
    compositor.draw_frame(clock.now());
    double first_frame = milliseconds_since_process_start();

    std::vector<double> steady, changes, transitions, layouts, rasterisations;
    for (int frame = 0; frame < frames; ++frame) {
        clock.advance(1.0 / 60);
        auto started = std::chrono::steady_clock::now();
        auto report = compositor.draw_frame(clock.now());
        double elapsed = Milliseconds(std::chrono::steady_clock::now() - started).count();
        (report.slide_changed ? changes : report.in_transition ? transitions : steady).push_back(elapsed);
        if (report.slide_changed) {
            layouts.push_back(report.layout_ms);
            rasterisations.push_back(report.rasterise_ms);
        }
    }

    std::printf("hallboard bench: %dx%d, %d frames at 60 fps simulated, software renderer, offscreen\n", size->width,
        size->height, frames);
    std::printf("time to first frame:  %.1f ms (since process start, +-10 ms)\n", first_frame);
    std::printf("steady frame:         median %.2f ms, p99 %.2f ms (%zu frames)\n", percentile(steady, 0.5),
        percentile(steady, 0.99), steady.size());
    std::printf("transition frame:     median %.2f ms, p99 %.2f ms (%zu frames of %s)\n", percentile(transitions, 0.5),
        percentile(transitions, 0.99), transitions.size(),
        screen->config.transition == Transition::Fade ? "fade" : screen->config.transition == Transition::Slide ? "slide" : "cut");
    std::printf("slide change frame:   median %.1f ms, max %.1f ms (%zu changes)\n", percentile(changes, 0.5),
        changes.empty() ? 0.0 : *std::max_element(changes.begin(), changes.end()), changes.size());
    std::printf("  of which layout:    median %.1f ms, max %.1f ms\n", percentile(layouts, 0.5),
        layouts.empty() ? 0.0 : *std::max_element(layouts.begin(), layouts.end()));
    std::printf("  of which rasterise: median %.1f ms, max %.1f ms\n", percentile(rasterisations, 0.5),
        rasterisations.empty() ? 0.0 : *std::max_element(rasterisations.begin(), rasterisations.end()));
    std::printf("texture cache:        %.1f MB\n", static_cast<double>(compositor.cached_texture_bytes()) / 1e6);
    std::printf("peak RSS:             %.1f MB\n", peak_rss_megabytes());
    return exit_ok;
}

} // namespace hallboard
