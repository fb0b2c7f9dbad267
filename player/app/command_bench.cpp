// `hallboard bench --config FILE [--size WxH] [--frames N] [--slide-time S] [--trace] [--full-redraw]`:
// renders the demo offscreen on the software renderer, drawing only what changed each frame as
// `play` does (or the whole frame, with --full-redraw), and prints time to first frame,
// steady-state, transition and slide-change frame times (with where the time of a change
// went), how much of the screen a frame redraws, and memory: the peak, what it is made of, and
// resident memory over the run (it must not grow with the slides shown). A benchmark, not a
// test: it prints figures and asserts nothing.
#include "player/app/command_line.h"
#include "player/app/commands.h"
#include "player/app/screen_size.h"

#include "player/render/offscreen.h"
#include "player/render/sdl_session.h"
#include "player/screen/compose_settings.h"
#include "player/screen/frame_costs.h"
#include "player/screen/frame_pacer.h"
#include "player/screen/memory_over_run.h"
#include "player/screen/process_figures.h"
#include "player/show/show_setup.h"

#include <SDL.h>

#include <chrono>
#include <cstdio>
#include <malloc.h>
#include <string>

namespace hallboard {

namespace {

using Milliseconds = std::chrono::duration<double, std::milli>;

} // namespace

int run_bench(const std::vector<std::string>& arguments)
{
    auto command_line = parse_command_line(arguments,
        { { "--config", "--size", "--frames", "--source", "--slide-time" }, { "--trace", "--full-redraw" } });
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
    bool const trace = command_line->has("--trace"); // every frame's time, to find the slow ones
    Redraw const redraw = command_line->has("--full-redraw") ? Redraw::Everything : Redraw::Changes;
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
    auto fonts_started = std::chrono::steady_clock::now();
    auto fonts = open_hall_fonts(screen->config);
    double fonts_ms = Milliseconds(std::chrono::steady_clock::now() - fonts_started).count();
    if (!fonts) {
        std::fprintf(stderr, "error: %s\n", fonts.error().c_str());
        return exit_failure;
    }
    // The pixel format of an X11 window's surface, which is what `play` composes into.
    OffscreenCanvas canvas(size->width, size->height, CanvasPixels::Rgb888);
    ScreenCompositor compositor(canvas.renderer(), **fonts, screen->config, size->width, size->height);
    // As `play` on the software path of a 60 Hz display: whole-pixel ticker steps, pages let go once shown.
    auto const compose = compose_settings_for(RenderPath::Software, 60, redraw);
    apply_compose_settings(compose, compositor);
    compositor.set_content(content);

    ManualClock clock(local_time_now().local);
    auto first_started = std::chrono::steady_clock::now();
    auto first_report = compositor.draw_frame(clock.now());
    double first_draw_ms = Milliseconds(std::chrono::steady_clock::now() - first_started).count();
    double first_frame = milliseconds_since_process_start();

    FrameCosts costs;
    MemoryOverRun memory_over_run(frames);
    for (int frame = 1; frame <= frames; ++frame) {
        clock.advance(1.0 / compose.frames_per_second);
        double cpu_started = thread_cpu_milliseconds();
        auto started = std::chrono::steady_clock::now();
        auto report = compositor.draw_frame(clock.now(), redraw);
        double elapsed = Milliseconds(std::chrono::steady_clock::now() - started).count();
        costs.add(report, elapsed, thread_cpu_milliseconds() - cpu_started);
        if (trace)
            std::printf("frame %d: %.2f ms%s%s%s, layout %.1f ms, rasterise %.1f ms\n", frame, elapsed,
                report.slide_changed ? ", slide change to " : "", report.slide_changed ? report.notice_id.c_str() : "",
                report.in_transition ? ", transition" : "", report.layout_ms, report.rasterise_ms);
        memory_over_run.frame_drawn(frame, report);
    }
    auto const& steady = costs.of(FrameKind::Steady);
    auto const& preparing = costs.of(FrameKind::Preparing);
    auto const& transitions = costs.of(FrameKind::Transition);
    auto const& changes = costs.of(FrameKind::SlideChange);
    double const frame_ms = 1000.0 / compose.frames_per_second;
    // A frame longer than this shows as a stutter in the ticker (the player counts them too).
    double const stutter_ms = Milliseconds(TickerSmoothness::late_after).count();

    std::printf("hallboard bench: %dx%d, %d frames at %.0f fps simulated, software renderer, offscreen (RGB888, as a "
                "window), %s\n",
        size->width, size->height, frames, compose.frames_per_second,
        redraw == Redraw::Changes ? "drawing only what changed" : "drawing every frame whole");
    std::printf("time to first frame:  %.1f ms (since process start, +-10 ms); fonts %.1f ms, first frame %.1f ms "
                "(layout %.1f, rasterise %.1f)\n",
        first_frame, fonts_ms, first_draw_ms, first_report.layout_ms, first_report.rasterise_ms);
    std::printf("steady frame:         median %.2f ms, p99 %.2f ms (%zu frames)\n", percentile(steady.wall, 0.5),
        percentile(steady.wall, 0.99), steady.wall.size());
    std::printf("preparing frame:      median %.2f ms, max %.2f ms (%zu frames laying out or rasterising the next page "
                "ahead, %.1f ms in all)\n",
        percentile(preparing.wall, 0.5), maximum(preparing.wall), preparing.wall.size(), costs.ahead_ms());
    std::printf("transition frame:     median %.2f ms, p99 %.2f ms (%zu frames of %s)\n",
        percentile(transitions.wall, 0.5), percentile(transitions.wall, 0.99), transitions.wall.size(),
        screen->config.transition == Transition::Fade        ? "fade"
            : screen->config.transition == Transition::Slide ? "slide"
                                                             : "cut");
    std::printf("slide change frame:   median %.1f ms, max %.1f ms (%zu changes, %d of them prepared ahead)\n",
        percentile(changes.wall, 0.5), maximum(changes.wall), changes.wall.size(), costs.prepared_changes());
    std::printf("  of which layout:    median %.1f ms, max %.1f ms\n", percentile(costs.layouts(), 0.5),
        maximum(costs.layouts()));
    std::printf("  of which rasterise: median %.1f ms, max %.1f ms\n", percentile(costs.rasterisations(), 0.5),
        maximum(costs.rasterisations()));
    std::printf("worst frame:          %.1f ms; %ld frames over %.1f ms, %ld over %.0f ms\n", maximum(costs.all().wall),
        costs.frames_over(frame_ms), frame_ms, costs.frames_over(stutter_ms), stutter_ms);
    std::printf("CPU time per frame:   steady %.2f, preparing %.2f (max %.1f), transition %.2f, slide change %.2f ms "
                "(medians), worst %.1f ms\n",
        percentile(steady.cpu, 0.5), percentile(preparing.cpu, 0.5), maximum(preparing.cpu),
        percentile(transitions.cpu, 0.5), percentile(changes.cpu, 0.5), maximum(costs.all().cpu));
    double const screen_pixels = static_cast<double>(size->width) * size->height;
    std::printf("redrawn a steady frame: median %.0f kpixel (%.1f %% of the screen)\n",
        percentile(costs.steady_damage(), 0.5) / 1000, 100 * percentile(costs.steady_damage(), 0.5) / screen_pixels);
    std::printf("texture cache:        %.1f MB, ticker strip %.1f MB, slide pages %.1f MB at the end\n",
        static_cast<double>(compositor.cached_texture_bytes()) / 1e6,
        static_cast<double>(compositor.ticker_strip_bytes()) / 1e6,
        static_cast<double>(compositor.slide_texture_bytes()) / 1e6);
    std::printf("peak RSS:             %.1f MB\n", peak_resident_mebibytes());
    auto memory = resident_memory_by_kind();
    std::printf(
        "RSS at the end:       %.1f MB: anonymous %.1f, heap %.1f, font files %.1f, libraries %.1f, other %.1f\n",
        memory.total(), memory.anonymous, memory.heap, memory.fonts, memory.libraries, memory.other);
    for (auto const& [file, megabytes] : memory.font_files)
        std::printf("  font file %s: %.1f MB\n", file.c_str(), megabytes);
    std::printf(
        "RSS highest:          %.1f MB at %s\n", memory_over_run.highest(), memory_over_run.highest_at().c_str());
    std::printf("RSS over the run:     ");
    for (size_t i = 0; i < memory_over_run.at_fifths().size(); ++i)
        std::printf("%s%.1f", i ? ", " : "", memory_over_run.at_fifths()[i]);
    std::printf(" MB (at each fifth of %d frames; %zu slides shown)\n", frames, changes.wall.size());
#ifdef __GLIBC__
    auto heap = mallinfo2();
    std::printf("malloc at the end:    %.1f MB in use, %.1f MB free in the heap, %.1f MB in mmapped blocks\n",
        static_cast<double>(heap.uordblks) / 1048576.0, static_cast<double>(heap.fordblks) / 1048576.0,
        static_cast<double>(heap.hblkhd) / 1048576.0);
#endif
    return exit_ok;
}

} // namespace hallboard
