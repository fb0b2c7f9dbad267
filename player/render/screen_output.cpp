// Opening the window on the chosen render path, and presenting damaged rectangles.
#include "player/render/screen_output.h"

#include "base/log.h"
#include "player/render/surface_rotation.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <system_error>

namespace hallboard {

namespace {

// OpenGL's GL_RENDERER, read through SDL so that nothing links against libGL.
std::string opengl_renderer_name()
{
    if (!SDL_GL_GetCurrentContext())
        return {};
    using GetString = const unsigned char* (*)(unsigned int);
    auto get_string = reinterpret_cast<GetString>(SDL_GL_GetProcAddress("glGetString"));
    if (!get_string)
        return {};
    constexpr unsigned int gl_renderer = 0x1F01;
    auto const* name = get_string(gl_renderer);
    return name ? reinterpret_cast<const char*>(name) : std::string {};
}

} // namespace

GpuEvidence gather_gpu_evidence()
{
    GpuEvidence evidence;
    if (char const* driver = SDL_GetCurrentVideoDriver())
        evidence.video_driver = driver;
    // A render node is what a GPU with a 3D driver gets (i915, amdgpu, nouveau, v3d, virtio with
    // virgl ...). Display-only drivers (simpledrm, efifb) have none.
    std::error_code error;
    for (auto const& entry : std::filesystem::directory_iterator("/dev/dri", error)) {
        auto name = entry.path().filename().string();
        if (name.rfind("renderD", 0) != 0)
            continue;
        auto driver = std::filesystem::read_symlink("/sys/class/drm/" + name + "/device/driver", error);
        evidence.gpu_device = entry.path().string() + (error ? "" : " (" + driver.filename().string() + ")");
        break;
    }
    if (evidence.gpu_device.empty() && std::filesystem::exists("/dev/nvidia0", error))
        evidence.gpu_device = "/dev/nvidia0";
    return evidence;
}

std::unique_ptr<ScreenOutput> ScreenOutput::open(const OutputOptions& options)
{
    std::unique_ptr<ScreenOutput> output(new ScreenOutput);
    output->m_rotate = options.rotate == 90 || options.rotate == 180 || options.rotate == 270 ? options.rotate : 0;

    GpuEvidence evidence = gather_gpu_evidence();
    RendererChoice choice = choose_renderer(options.renderer, evidence);
    if (choice.probe_accelerated) {
        if (output->make_gpu(options)) {
            SDL_RendererInfo info {};
            SDL_GetRendererInfo(output->m_renderer.get(), &info);
            std::string name = opengl_renderer_name();
            evidence.accelerated_renderer = name.empty() ? std::string(info.name ? info.name : "accelerated") : name;
        } else {
            evidence.accelerated_renderer = std::string {};
            evidence.accelerated_error = SDL_GetError();
        }
        choice = choose_renderer(options.renderer, evidence);
        if (choice.path == RenderPath::Software) {
            // Start again without OpenGL: the window may have been made for it.
            output->m_frame.reset();
            output->m_renderer.reset();
            output->m_window.reset();
        }
    }
    output->m_choice = choice;
    log_info(describe_choice(choice));
    if (choice.path == RenderPath::Software && !output->make_software(options))
        return nullptr;
    if (choice.path == RenderPath::Gpu && !output->m_renderer)
        return nullptr;

    SDL_DisplayMode mode {};
    if (SDL_GetCurrentDisplayMode(std::max(0, SDL_GetWindowDisplayIndex(output->m_window.get())), &mode) == 0
        && mode.refresh_rate >= 24 && mode.refresh_rate <= 360)
        output->m_refresh_rate = mode.refresh_rate;
    SDL_ShowCursor(SDL_DISABLE);
    return output;
}

bool ScreenOutput::open_window(const OutputOptions& options, Uint32 extra_flags)
{
    Uint32 flags = SDL_WINDOW_SHOWN | extra_flags;
    if (options.fullscreen)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
    int position = static_cast<int>(SDL_WINDOWPOS_CENTERED_DISPLAY(options.display_index));
    m_window.reset(
        SDL_CreateWindow(options.title.c_str(), position, position, options.size.width, options.size.height, flags));
    return m_window != nullptr;
}

bool ScreenOutput::make_software(const OutputOptions& options)
{
    // On X11, SDL would otherwise put the window surface through an OpenGL texture, which with
    // no GPU means Mesa's llvmpipe: 100+ MB and a core's worth of CPU. "0" gives the plain X11
    // framebuffer (a shared-memory image), to which presenting a rectangle is one XShmPutImage.
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (!m_window && !open_window(options, 0))
        return false;
    SDL_Surface* surface = SDL_GetWindowSurface(m_window.get());
    if (!surface)
        return false;
    m_output_width = surface->w;
    m_output_height = surface->h;
    bool const sideways = m_rotate == 90 || m_rotate == 270;
    m_width = sideways ? surface->h : surface->w;
    m_height = sideways ? surface->w : surface->h;
    if (m_rotate == 0) {
        // SDL's software renderer for a window draws into the window surface itself, and finds
        // the new one should the window change size.
        m_renderer.reset(SDL_CreateRenderer(m_window.get(), -1, SDL_RENDERER_SOFTWARE));
    } else {
        // Composed upright in a surface of the window's pixel format, then turned rectangle by
        // rectangle into the window surface.
        m_upright.reset(SDL_CreateRGBSurfaceWithFormat(
            0, m_width, m_height, surface->format->BitsPerPixel, surface->format->format));
        if (m_upright)
            m_renderer.reset(SDL_CreateSoftwareRenderer(m_upright.get()));
    }
    m_last_window_surface = surface;
    m_present_all = true;
    return m_renderer != nullptr;
}

bool ScreenOutput::make_gpu(const OutputOptions& options)
{
    if (!open_window(options, 0))
        return false;
    // Vsync is asked for, then measured (measure_vsync) and dropped if presents do not wait.
    m_renderer.reset(SDL_CreateRenderer(
        m_window.get(), -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC | SDL_RENDERER_TARGETTEXTURE));
    if (!m_renderer)
        return false;
    SDL_GetRendererOutputSize(m_renderer.get(), &m_output_width, &m_output_height);
    bool const sideways = m_rotate == 90 || m_rotate == 270;
    m_width = sideways ? m_output_height : m_output_width;
    m_height = sideways ? m_output_width : m_output_height;
    m_frame = UniqueTexture(
        SDL_CreateTexture(m_renderer.get(), SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_TARGET, m_width, m_height));
    if (!m_frame) {
        m_renderer.reset();
        return false;
    }
    SDL_SetTextureBlendMode(m_frame.get(), SDL_BLENDMODE_NONE);
    SDL_SetRenderTarget(m_renderer.get(), m_frame.get());
    m_vsync = true; // until measured
    return true;
}

void ScreenOutput::present(const std::vector<SDL_Rect>& damage)
{
    if (m_choice.path == RenderPath::Gpu) {
        if (!damage.empty())
            present_gpu();
        return;
    }
    present_software(damage);
}

void ScreenOutput::present_software(const std::vector<SDL_Rect>& damage)
{
    SDL_Surface* surface = SDL_GetWindowSurface(m_window.get());
    if (!surface)
        return;
    if (surface != m_last_window_surface) {
        m_last_window_surface = surface;
        m_present_all = true;
    }
    if (damage.empty() && !m_present_all)
        return;
    SDL_RenderFlush(m_renderer.get());
    SDL_Rect const everything { 0, 0, m_width, m_height };
    std::vector<SDL_Rect> const all { everything };
    auto const& rects = m_present_all ? all : damage;
    m_rects.clear();
    for (auto const& rect : rects) {
        if (m_rotate == 0) {
            m_rects.push_back(rect);
            continue;
        }
        copy_rotated(m_upright.get(), rect, surface, m_rotate);
        m_rects.push_back(rotated_rect(rect, m_width, m_height, m_rotate));
    }
    SDL_UpdateWindowSurfaceRects(m_window.get(), m_rects.data(), static_cast<int>(m_rects.size()));
    m_present_all = false;
}

void ScreenOutput::present_gpu()
{
    SDL_SetRenderTarget(m_renderer.get(), nullptr);
    SDL_SetRenderDrawColor(m_renderer.get(), 0, 0, 0, 255);
    SDL_RenderClear(m_renderer.get());
    SDL_Rect place { (m_output_width - m_width) / 2, (m_output_height - m_height) / 2, m_width, m_height };
    SDL_RenderCopyEx(m_renderer.get(), m_frame.get(), nullptr, &place, m_rotate, nullptr, SDL_FLIP_NONE);
    SDL_RenderPresent(m_renderer.get());
    SDL_SetRenderTarget(m_renderer.get(), m_frame.get());
}

void ScreenOutput::measure_vsync()
{
    if (m_choice.path != RenderPath::Gpu)
        return;
    using Clock = std::chrono::steady_clock;
    constexpr int presents = 6;
    auto average_present_ms = [&] {
        present_gpu(); // whatever was queued is out of the way
        auto const started = Clock::now();
        for (int i = 0; i < presents; ++i)
            present_gpu();
        return std::chrono::duration<double, std::milli>(Clock::now() - started).count() / presents;
    };
    double const with_vsync = average_present_ms();
    SDL_RenderSetVSync(m_renderer.get(), 0);
    double const without = average_present_ms();
    double const period_ms = 1000 / m_refresh_rate;
    // Presents that wait for the display take about one refresh each, and much less once
    // vsync is off. A slow renderer (llvmpipe) is slow either way: that is not vsync.
    m_vsync = with_vsync >= 0.6 * period_ms && without < 0.6 * with_vsync;
    if (m_vsync)
        SDL_RenderSetVSync(m_renderer.get(), 1);
    char line[240];
    std::snprintf(line, sizeof line,
        "vsync: %s (a present took %.1f ms with vsync, %.1f ms without; the display refreshes every %.1f ms)%s",
        m_vsync ? "works" : "does not pace presents", with_vsync, without, period_ms,
        m_vsync ? "" : ": pacing frames on a fixed deadline");
    log_info(line);
}

OutputEvent ScreenOutput::handle_event(const SDL_Event& event)
{
    if (event.type == SDL_RENDER_TARGETS_RESET || event.type == SDL_RENDER_DEVICE_RESET)
        return OutputEvent::TexturesLost;
    if (event.type != SDL_WINDOWEVENT)
        return OutputEvent::Nothing;
    switch (event.window.event) {
    case SDL_WINDOWEVENT_EXPOSED:
        // The X server lost the window's pixels (nothing of ours did): show them all again.
        m_present_all = true;
        if (m_choice.path == RenderPath::Gpu)
            present_gpu();
        else
            present_software({});
        return OutputEvent::Nothing;
    case SDL_WINDOWEVENT_SIZE_CHANGED:
        // A new window surface (software) or drawable: what was drawn is gone.
        m_present_all = true;
        return OutputEvent::RedrawEverything;
    default:
        return OutputEvent::Nothing;
    }
}

} // namespace hallboard
