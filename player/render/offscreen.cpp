// OffscreenCanvas: a software renderer drawing straight into a surface in memory.
#include "player/render/offscreen.h"

#include "base/log.h"

#include <SDL_image.h>

#include <cstdint>
#include <cstring>
#include <system_error>
#include <unistd.h>

namespace hallboard {

OffscreenCanvas::OffscreenCanvas(int width, int height, CanvasPixels pixels)
    : m_width(width)
    , m_height(height)
{
    if (width <= 0 || height <= 0) {
        log_error("offscreen canvas: bad size " + std::to_string(width) + "x" + std::to_string(height));
        return;
    }
    Uint32 const format = pixels == CanvasPixels::Rgb888 ? SDL_PIXELFORMAT_RGB888 : SDL_PIXELFORMAT_ARGB8888;
    m_surface.reset(SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, format));
    if (!m_surface) {
        log_error(std::string("offscreen canvas: ") + SDL_GetError());
        return;
    }
    m_renderer.reset(SDL_CreateSoftwareRenderer(m_surface.get()));
    if (!m_renderer) {
        log_error(std::string("offscreen canvas renderer: ") + SDL_GetError());
        return;
    }
    clear(Color { 0, 0, 0, 255 });
}

SDL_Surface* OffscreenCanvas::surface()
{
    // The renderer may batch commands; the pixels are final only after a flush.
    if (m_renderer)
        SDL_RenderFlush(m_renderer.get());
    return m_surface.get();
}

void OffscreenCanvas::clear(Color color)
{
    if (!m_renderer)
        return;
    SDL_SetRenderDrawColor(m_renderer.get(), color.r, color.g, color.b, color.a);
    SDL_RenderClear(m_renderer.get());
}

bool OffscreenCanvas::save_png(const std::filesystem::path& path)
{
    SDL_Surface* pixels = surface();
    if (!pixels)
        return false;
    std::filesystem::path temporary = path;
    temporary += ".tmp-" + std::to_string(::getpid());
    if (IMG_SavePNG(pixels, temporary.c_str()) != 0) {
        log_error("cannot write " + temporary.string() + ": " + IMG_GetError());
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        return false;
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error) {
        log_error("cannot write " + path.string() + ": " + error.message());
        std::filesystem::remove(temporary, error);
        return false;
    }
    return true;
}

Color OffscreenCanvas::pixel(int x, int y)
{
    SDL_Surface* pixels = surface();
    if (!pixels || x < 0 || y < 0 || x >= m_width || y >= m_height)
        return Color { 0, 0, 0, 0 };
    auto const* row = static_cast<const std::uint8_t*>(pixels->pixels) + static_cast<std::ptrdiff_t>(y) * pixels->pitch;
    std::uint32_t value = 0;
    std::memcpy(&value, row + static_cast<std::ptrdiff_t>(x) * 4, sizeof value);
    Color color;
    SDL_GetRGBA(value, pixels->format, &color.r, &color.g, &color.b, &color.a);
    return color;
}

} // namespace hallboard
