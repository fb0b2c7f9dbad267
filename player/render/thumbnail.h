// A small PNG of what the renderer shows, for an admin's look at a screen (heartbeat thumbnails).
#pragma once

#include <SDL.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hallboard {

// An opaque picture in memory: native-endian 32-bit words laid out as SDL's ARGB8888 and
// RGB888 are (0xXXRRGGBB), row after row with no padding. The top byte is ignored on input
// and 0xFF on output.
struct PixelBuffer {
    int width = 0;
    int height = 0;
    std::vector<std::uint32_t> pixels; // width * height
};

struct ThumbnailSize {
    int width = 0;
    int height = 0;
    bool operator==(const ThumbnailSize&) const = default;
};

// The thumbnail's size for a width x height screen: the LONGER side bounded by max_side, so a
// landscape 1920x1080 screen gives 480x270 and a portrait 1080x1920 one 270x480 (the same
// number of pixels either way). Aspect ratio kept (rounded), never enlarged, at least 1x1.
// {0, 0} when any argument is not positive.
ThumbnailSize thumbnail_size(int width, int height, int max_side);

// `source` resampled to width x height by area averaging (a box filter): each output pixel is
// the mean of the source area it covers, fractional pixels weighted, so fine text and 1-px
// lines turn grey rather than vanishing or flickering as nearest-neighbour sampling
// (SDL_BlitScaled) would make them. Meant for shrinking; enlarging repeats pixels. Pure: needs
// no SDL. An empty buffer when a size is not positive or `source` is malformed.
PixelBuffer box_scale(const PixelBuffer& source, int width, int height);

inline constexpr int default_thumbnail_side = 480; // px, the longer side: plenty to tell what a screen shows

// A PNG of the renderer's current target: the target texture when one is set, else the
// window (or surface) it draws into. Render thread only (SDL renderers are single-threaded);
// call it between frames, with the frame's own target set (not while the compositor draws
// into a page texture) and the default viewport. ScreenOutput's frame keeps its pixels between
// frames on both paths (a target texture on the GPU path; the window surface or the upright
// surface on the software path). Do not use it on a window renderer with no target texture
// after SDL_RenderPresent: SDL leaves that back buffer undefined.
//
// Shrunk to thumbnail_size(..., max_side) with box_scale and encoded losslessly (RGB PNG:
// screens are flat colour and text, which PNG keeps crisp and small). When the PNG is larger
// than max_bytes it is made again at half the size, down to 16 px on the longer side.
// nullopt when the pixels cannot be read or encoded or never fit; `reason` (if given) then
// says why, from SDL_GetError where SDL failed. Logs nothing: the caller decides how often a
// failure is worth a line.
//
// Cost at 1080p, optimised build, software renderer: about 10 ms (read-back 1 ms, box filter
// 3 ms, PNG 5 ms); a Debug build takes 40-60 ms. The test prints the figure. The GPU path
// adds a read-back from the card. Only on an admin's request, so a dropped frame is acceptable.
std::optional<std::string> capture_thumbnail_png(
    SDL_Renderer* renderer, int max_side, std::size_t max_bytes, std::string* reason = nullptr);

} // namespace hallboard
