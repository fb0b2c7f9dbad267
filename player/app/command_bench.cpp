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

#include "player/render/font_set.h"
#include "player/render/offscreen.h"
#include "player/render/sdl_session.h"
#include "player/screen/process_figures.h"
#include "player/screen/screen_compositor.h"

#include <algorithm>
#include <chrono>
#include <SDL.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <malloc.h>
#include <sstream>
#include <string>
#include <time.h>
#include <unistd.h>

namespace hallboard {

namespace {

using Milliseconds = std::chrono::duration<double, std::milli>;

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

// Resident memory now, by kind of mapping, from /proc/self/smaps: what the peak is made of.
struct MemoryBreakdown {
    double anonymous = 0; // large allocations (canvas, textures, glyph surfaces) and thread stacks
    double heap = 0;      // the brk heap: small allocations
    double fonts = 0;     // pages of mapped font files touched so far
    double libraries = 0; // shared libraries' code and data
    double other = 0;     // fontconfig caches, locale files, ...
    std::map<std::string, double> font_files; // file name -> MB
    double total() const { return anonymous + heap + fonts + libraries + other; }
};

MemoryBreakdown resident_memory()
{
    MemoryBreakdown breakdown;
    std::ifstream smaps("/proc/self/smaps");
    std::string line;
    double* bucket = &breakdown.other;
    std::string font_file;
    while (std::getline(smaps, line)) {
        if (line.rfind("Rss:", 0) == 0) {
            double megabytes = std::stod(line.substr(4)) / 1024;
            *bucket += megabytes;
            if (bucket == &breakdown.fonts)
                breakdown.font_files[font_file] += megabytes;
            continue;
        }
        // A mapping's header line: "start-end perms offset dev inode [path]"; field lines start
        // with a capitalised name and a colon.
        auto first_space = line.find(' ');
        if (first_space == std::string::npos || line.find('-') > first_space)
            continue;
        std::istringstream fields(line);
        std::string range, perms, offset, device, inode, path;
        fields >> range >> perms >> offset >> device >> inode;
        std::getline(fields >> std::ws, path);
        auto ends_with = [&](std::string_view suffix) {
            return path.size() >= suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
        };
        if (path.empty() || path == "[stack]" || path.rfind("[anon", 0) == 0)
            bucket = &breakdown.anonymous;
        else if (path == "[heap]")
            bucket = &breakdown.heap;
        else if (ends_with(".ttc") || ends_with(".ttf") || ends_with(".otf")) {
            bucket = &breakdown.fonts;
            font_file = path.substr(path.rfind('/') + 1);
        }
        else if (path.find(".so") != std::string::npos)
            bucket = &breakdown.libraries;
        else
            bucket = &breakdown.other;
    }
    return breakdown;
}

// CPU time of this thread: unlike wall time, it does not grow when other processes take the
// cores, so it tells what a frame costs even on a busy machine.
double thread_cpu_milliseconds()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
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
    auto command_line = parse_command_line(arguments, { { "--config", "--size", "--frames", "--source", "--slide-time" }, { "--trace", "--full-redraw" } });
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
    auto fonts = FontSet::open(screen->config.theme.font_families);
    double fonts_ms = Milliseconds(std::chrono::steady_clock::now() - fonts_started).count();
    if (!fonts) {
        std::fprintf(stderr, "error: no font with Chinese characters found; install fonts-noto-cjk\n");
        return exit_failure;
    }
    // The pixel format of an X11 window's surface, which is what `play` composes into.
    OffscreenCanvas canvas(size->width, size->height, CanvasPixels::Rgb888);
    ScreenCompositor compositor(canvas.renderer(), *fonts, screen->config, size->width, size->height);
    // As `play` on the software path: whole-pixel ticker steps at 60 fps, pages let go once shown.
    compositor.set_frame_rate(60, TickerPositions::WholePixels);
    if (redraw == Redraw::Changes)
        compositor.set_slide_memory(SlideMemory::ReleaseOnceShown);
    compositor.set_content(content);

    ManualClock clock(local_time_now().local);
    auto first_started = std::chrono::steady_clock::now();
    auto first_report = compositor.draw_frame(clock.now());
    double first_draw_ms = Milliseconds(std::chrono::steady_clock::now() - first_started).count();
    double first_frame = milliseconds_since_process_start();

    // Frames by what they did besides drawing: a slide change, a transition, preparing the next
    // page ahead (a few milliseconds of layout and rasterising), or nothing (steady).
    std::vector<double> steady, changes, transitions, preparing, layouts, rasterisations, all;
    std::vector<double> steady_cpu, changes_cpu, transitions_cpu, preparing_cpu, all_cpu;
    std::vector<double> steady_damage; // pixels a steady frame redraws
    std::vector<double> resident_over_run; // MB, at each fifth of the run
    int slides_shown = 0;
    int prepared_changes = 0;
    double ahead_ms = 0;
    double highest_resident = resident_mebibytes();
    std::string highest_at = "the first frame";
    for (int frame = 0; frame < frames; ++frame) {
        clock.advance(1.0 / 60);
        double cpu_started = thread_cpu_milliseconds();
        auto started = std::chrono::steady_clock::now();
        auto report = compositor.draw_frame(clock.now(), redraw);
        double elapsed = Milliseconds(std::chrono::steady_clock::now() - started).count();
        double cpu = thread_cpu_milliseconds() - cpu_started;
        all.push_back(elapsed);
        all_cpu.push_back(cpu);
        if (trace)
            std::printf("frame %d: %.2f ms%s%s%s, layout %.1f ms, rasterise %.1f ms\n", frame + 1, elapsed,
                report.slide_changed ? ", slide change to " : "", report.slide_changed ? report.notice_id.c_str() : "",
                report.in_transition ? ", transition" : "", report.layout_ms, report.rasterise_ms);
        bool did_work_ahead = !report.slide_changed && report.layout_ms + report.rasterise_ms > 0;
        (report.slide_changed ? changes : did_work_ahead ? preparing : report.in_transition ? transitions : steady).push_back(elapsed);
        (report.slide_changed ? changes_cpu : did_work_ahead ? preparing_cpu : report.in_transition ? transitions_cpu : steady_cpu).push_back(cpu);
        double damaged = 0;
        for (auto const& rect : report.damage)
            damaged += static_cast<double>(rect.w) * rect.h;
        if (!report.slide_changed && !report.in_transition && !did_work_ahead)
            steady_damage.push_back(damaged);
        slides_shown += report.slide_changed;
        if ((frame + 1) % std::max(1, frames / 5) == 0)
            resident_over_run.push_back(resident_mebibytes());
        if (report.slide_changed) {
            layouts.push_back(report.layout_ms);
            rasterisations.push_back(report.rasterise_ms);
            prepared_changes += report.prepared_ahead;
        } else {
            ahead_ms += report.layout_ms + report.rasterise_ms;
        }
        if (double resident = resident_mebibytes(); resident > highest_resident) {
            highest_resident = resident;
            highest_at = "frame " + std::to_string(frame + 1) + " (" + report.notice_id + " page "
                + std::to_string(report.page + 1) + (report.slide_changed ? ", slide change" : report.in_transition ? ", transition" : "") + ")";
        }
    }
    auto maximum = [](const std::vector<double>& values) { return values.empty() ? 0.0 : *std::max_element(values.begin(), values.end()); };
    auto count_over = [&](double limit) { return std::count_if(all.begin(), all.end(), [&](double value) { return value > limit; }); };

    std::printf("hallboard bench: %dx%d, %d frames at 60 fps simulated, software renderer, offscreen (RGB888, as a window), %s\n",
        size->width, size->height, frames, redraw == Redraw::Changes ? "drawing only what changed" : "drawing every frame whole");
    std::printf("time to first frame:  %.1f ms (since process start, +-10 ms); fonts %.1f ms, first frame %.1f ms (layout %.1f, rasterise %.1f)\n",
        first_frame, fonts_ms, first_draw_ms, first_report.layout_ms, first_report.rasterise_ms);
    std::printf("steady frame:         median %.2f ms, p99 %.2f ms (%zu frames)\n", percentile(steady, 0.5),
        percentile(steady, 0.99), steady.size());
    std::printf("preparing frame:      median %.2f ms, max %.2f ms (%zu frames laying out or rasterising the next page ahead, %.1f ms in all)\n",
        percentile(preparing, 0.5), maximum(preparing), preparing.size(), ahead_ms);
    std::printf("transition frame:     median %.2f ms, p99 %.2f ms (%zu frames of %s)\n", percentile(transitions, 0.5),
        percentile(transitions, 0.99), transitions.size(),
        screen->config.transition == Transition::Fade ? "fade" : screen->config.transition == Transition::Slide ? "slide" : "cut");
    std::printf("slide change frame:   median %.1f ms, max %.1f ms (%zu changes, %d of them prepared ahead)\n", percentile(changes, 0.5),
        maximum(changes), changes.size(), prepared_changes);
    std::printf("  of which layout:    median %.1f ms, max %.1f ms\n", percentile(layouts, 0.5), maximum(layouts));
    std::printf("  of which rasterise: median %.1f ms, max %.1f ms\n", percentile(rasterisations, 0.5), maximum(rasterisations));
    std::printf("worst frame:          %.1f ms; %ld frames over 16.7 ms, %ld over 25 ms\n", maximum(all),
        static_cast<long>(count_over(1000.0 / 60)), static_cast<long>(count_over(25)));
    std::printf("CPU time per frame:   steady %.2f, preparing %.2f (max %.1f), transition %.2f, slide change %.2f ms (medians), worst %.1f ms\n",
        percentile(steady_cpu, 0.5), percentile(preparing_cpu, 0.5), maximum(preparing_cpu), percentile(transitions_cpu, 0.5),
        percentile(changes_cpu, 0.5), maximum(all_cpu));
    double const screen_pixels = static_cast<double>(size->width) * size->height;
    std::printf("redrawn a steady frame: median %.0f kpixel (%.1f %% of the screen)\n", percentile(steady_damage, 0.5) / 1000,
        100 * percentile(steady_damage, 0.5) / screen_pixels);
    std::printf("texture cache:        %.1f MB, ticker strip %.1f MB, slide pages %.1f MB at the end\n",
        static_cast<double>(compositor.cached_texture_bytes()) / 1e6, static_cast<double>(compositor.ticker_strip_bytes()) / 1e6,
        static_cast<double>(compositor.slide_texture_bytes()) / 1e6);
    std::printf("peak RSS:             %.1f MB\n", peak_rss_megabytes());
    auto memory = resident_memory();
    std::printf("RSS at the end:       %.1f MB: anonymous %.1f, heap %.1f, font files %.1f, libraries %.1f, other %.1f\n",
        memory.total(), memory.anonymous, memory.heap, memory.fonts, memory.libraries, memory.other);
    for (auto const& [file, megabytes] : memory.font_files)
        std::printf("  font file %s: %.1f MB\n", file.c_str(), megabytes);
    std::printf("RSS highest:          %.1f MB at %s\n", highest_resident, highest_at.c_str());
    std::printf("RSS over the run:     ");
    for (size_t i = 0; i < resident_over_run.size(); ++i)
        std::printf("%s%.1f", i ? ", " : "", resident_over_run[i]);
    std::printf(" MB (at each fifth of %d frames; %d slides shown)\n", frames, slides_shown);
#ifdef __GLIBC__
    auto heap = mallinfo2();
    std::printf("malloc at the end:    %.1f MB in use, %.1f MB free in the heap, %.1f MB in mmapped blocks\n",
        static_cast<double>(heap.uordblks) / 1048576.0, static_cast<double>(heap.fordblks) / 1048576.0,
        static_cast<double>(heap.hblkhd) / 1048576.0);
#endif
    return exit_ok;
}

} // namespace hallboard
