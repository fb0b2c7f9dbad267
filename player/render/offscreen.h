// A drawing target in memory: an ARGB8888 (or opaque RGB888) SDL_Surface with a software
// renderer, no window.
#pragma once

#include "player/config/theme.h"
#include "player/render/sdl_handles.h"

#include <SDL.h>

#include <filesystem>

namespace hallboard {

// The canvas's pixel format: with an alpha channel (PNG files, tests), or opaque like an X11
// window's surface, so that `hallboard bench` copies pixels as the screen does.
enum class CanvasPixels {
    Argb8888,
    Rgb888,
};

// Needs no video driver (works under SDL_VIDEODRIVER=dummy and without SDL_INIT_VIDEO);
// text needs a live SdlSession for SDL_ttf.
class OffscreenCanvas {
public:
    OffscreenCanvas(int width, int height, CanvasPixels pixels = CanvasPixels::Argb8888);

    OffscreenCanvas(const OffscreenCanvas&) = delete;
    OffscreenCanvas& operator=(const OffscreenCanvas&) = delete;

    bool is_valid() const { return m_renderer != nullptr; } // false: out of memory or bad size (logged)
    int width() const { return m_width; }
    int height() const { return m_height; }

    SDL_Renderer* renderer() const { return m_renderer.get(); }
    // The pixels; pending renderer commands are flushed first.
    SDL_Surface* surface();

    void clear(Color color);
    // Writes a PNG atomically (a temporary file in the same folder, then a rename).
    bool save_png(const std::filesystem::path& path);
    // The colour at (x, y); transparent black outside the canvas. For tests.
    Color pixel(int x, int y);

private:
    int m_width = 0;
    int m_height = 0;
    UniqueSurface m_surface;
    UniqueRenderer m_renderer; // declared after the surface it draws on, so destroyed before it
};

} // namespace hallboard
