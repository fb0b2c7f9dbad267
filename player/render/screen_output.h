// The window the hall screen is shown in, and how composed frames reach it. Two paths:
// software (SDL's software renderer drawing straight into the window surface, only damaged
// rectangles presented, with SDL_UpdateWindowSurfaceRects) and GPU (the frame composed in a
// target texture, presented whole). Either way the caller composes an upright frame with
// renderer() and then presents the rectangles it drew. Main thread only.
#pragma once

#include "player/config/screen_config.h"
#include "player/render/renderer_choice.h"
#include "player/render/sdl_handles.h"

#include <SDL.h>

#include <memory>
#include <string>
#include <vector>

namespace hallboard {

struct OutputOptions {
    std::string title;
    bool fullscreen = true;
    int display_index = 0;
    ScreenSize size; // the window's size when not fullscreen
    int rotate = 0;  // degrees clockwise the panel is turned: 0, 90, 180, 270
    RendererSetting renderer = RendererSetting::Auto;
};

// What the caller must do after an event the output handled.
enum class OutputEvent {
    Nothing,
    RedrawEverything, // the target lost its pixels (a new window surface)
    TexturesLost,     // render-target textures lost theirs too (a GPU reset)
};

class ScreenOutput {
public:
    // Opens the window and picks the render path (logging one line saying which and why).
    // Returns nullptr when there is no window to be had; SDL_GetError() says why.
    static std::unique_ptr<ScreenOutput> open(const OutputOptions& options);
    ScreenOutput(const ScreenOutput&) = delete;
    ScreenOutput& operator=(const ScreenOutput&) = delete;

    // Compose with this. Its target is the upright frame, width() x height(); leave the target
    // as found (textures drawn into in between are fine).
    SDL_Renderer* renderer() const { return m_renderer.get(); }
    SDL_Window* window() const { return m_window.get(); }
    int width() const { return m_width; }
    int height() const { return m_height; }
    RenderPath path() const { return m_choice.path; }
    const RendererChoice& choice() const { return m_choice; }
    // The accelerated renderer filters copies at fractional positions; the software one
    // cannot place anything between pixels.
    bool sub_pixel() const { return m_choice.path == RenderPath::Gpu; }
    // The display's refresh rate (Hz), or 60 when it does not say.
    double refresh_rate() const { return m_refresh_rate; }
    // Presents wait for the display's refresh (measured with measure_vsync(); never on the
    // software path, which has no vsync at all).
    bool vsync() const { return m_vsync; }

    // Shows the rectangles `damage` of the upright frame (empty: nothing). On the software path
    // only they are copied to the screen; on the GPU path the whole frame is.
    void present(const std::vector<SDL_Rect>& damage);

    // GPU path: presents the current frame a few times and keeps vsync only when presents really
    // wait for the display (under Xvfb they do not). Call once, after the first frame.
    void measure_vsync();

    OutputEvent handle_event(const SDL_Event& event);

private:
    ScreenOutput() = default;
    bool open_window(const OutputOptions& options, Uint32 extra_flags);
    bool make_software(const OutputOptions& options);
    bool make_gpu(const OutputOptions& options);
    void present_software(const std::vector<SDL_Rect>& damage);
    void present_gpu();

    // Destroyed in the reverse order: the frame, then the renderer, then what it drew on.
    UniqueWindow m_window;
    UniqueSurface m_upright; // software, turned panel: the frame composed upright
    UniqueRenderer m_renderer;
    UniqueTexture m_frame;                        // GPU: the frame composed in a texture
    SDL_Surface* m_last_window_surface = nullptr; // the window's own, not ours
    RendererChoice m_choice;
    int m_rotate = 0;
    int m_width = 0; // upright
    int m_height = 0;
    int m_output_width = 0;
    int m_output_height = 0;
    double m_refresh_rate = 60;
    bool m_vsync = false;
    bool m_present_all = false;    // the next software present copies the whole frame
    std::vector<SDL_Rect> m_rects; // scratch, to avoid an allocation a frame
};

// What the machine has, for choose_renderer(): SDL's video driver and a GPU device node.
GpuEvidence gather_gpu_evidence();

} // namespace hallboard
