// Rotated rectangle copies, a pixel at a time in small blocks (a column of the output is a
// row of the input, so blocks keep both in the cache).
#include "player/render/surface_rotation.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace hallboard {

namespace {

int normalised(int degrees)
{
    return degrees == 90 || degrees == 180 || degrees == 270 ? degrees : 0;
}

// Where pixel (x, y) of the upright frame goes.
struct Turn {
    int degrees;
    int width; // of the upright frame
    int height;
    void apply(int x, int y, int& out_x, int& out_y) const
    {
        switch (degrees) {
        case 90:
            out_x = height - 1 - y;
            out_y = x;
            return;
        case 180:
            out_x = width - 1 - x;
            out_y = height - 1 - y;
            return;
        case 270:
            out_x = y;
            out_y = width - 1 - x;
            return;
        default:
            out_x = x;
            out_y = y;
        }
    }
};

SDL_Rect clipped(const SDL_Rect& rect, int width, int height)
{
    int const x0 = std::clamp(rect.x, 0, width);
    int const y0 = std::clamp(rect.y, 0, height);
    int const x1 = std::clamp(rect.x + rect.w, 0, width);
    int const y1 = std::clamp(rect.y + rect.h, 0, height);
    return { x0, y0, x1 - x0, y1 - y0 };
}

} // namespace

SDL_Rect rotated_rect(const SDL_Rect& rect, int width, int height, int degrees)
{
    Turn const turn { normalised(degrees), width, height };
    int ax = 0, ay = 0, bx = 0, by = 0;
    // Opposite corner pixels, then the box around them.
    turn.apply(rect.x, rect.y, ax, ay);
    turn.apply(rect.x + rect.w - 1, rect.y + rect.h - 1, bx, by);
    return { std::min(ax, bx), std::min(ay, by), std::abs(bx - ax) + 1, std::abs(by - ay) + 1 };
}

bool copy_rotated(SDL_Surface* upright, const SDL_Rect& rect, SDL_Surface* output, int degrees)
{
    degrees = normalised(degrees);
    if (!upright || !output || upright->format->format != output->format->format)
        return false;
    bool const sideways = degrees == 90 || degrees == 270;
    if (output->w != (sideways ? upright->h : upright->w) || output->h != (sideways ? upright->w : upright->h))
        return false;
    SDL_Rect const area = clipped(rect, upright->w, upright->h);
    if (area.w <= 0 || area.h <= 0)
        return true;
    int const bytes = upright->format->BytesPerPixel;
    if (SDL_MUSTLOCK(upright))
        SDL_LockSurface(upright);
    if (SDL_MUSTLOCK(output))
        SDL_LockSurface(output);
    auto const* source = static_cast<const Uint8*>(upright->pixels);
    auto* target = static_cast<Uint8*>(output->pixels);
    Turn const turn { degrees, upright->w, upright->h };
    if (degrees == 0) {
        for (int y = area.y; y < area.y + area.h; ++y)
            std::memcpy(target + y * output->pitch + area.x * bytes, source + y * upright->pitch + area.x * bytes,
                static_cast<std::size_t>(area.w * bytes));
    } else {
        // Turned a quarter, an upright column becomes an output row: walk the upright frame
        // column by column so that writes (dearer than reads) go to consecutive addresses.
        bool const by_columns = degrees == 90 || degrees == 270;
        long const read_step = by_columns ? upright->pitch : bytes;
        long const write_step = degrees == 90 ? -bytes : bytes;
        long const write_step_180 = -bytes;
        constexpr int block = 64;
        for (int block_y = area.y; block_y < area.y + area.h; block_y += block) {
            int const end_y = std::min(block_y + block, area.y + area.h);
            for (int block_x = area.x; block_x < area.x + area.w; block_x += block) {
                int const end_x = std::min(block_x + block, area.x + area.w);
                int const lines = by_columns ? end_x - block_x : end_y - block_y;
                int const length = by_columns ? end_y - block_y : end_x - block_x;
                for (int line = 0; line < lines; ++line) {
                    int const x = by_columns ? block_x + line : block_x;
                    int const y = by_columns ? block_y : block_y + line;
                    Uint8 const* from = source + y * upright->pitch + x * bytes;
                    int out_x = 0, out_y = 0;
                    turn.apply(x, y, out_x, out_y);
                    Uint8* to = target + out_y * output->pitch + out_x * bytes;
                    long const step = by_columns ? write_step : write_step_180;
                    if (bytes == 4) {
                        for (int i = 0; i < length; ++i, from += read_step, to += step)
                            std::memcpy(to, from, 4);
                    } else {
                        for (int i = 0; i < length; ++i, from += read_step, to += step)
                            std::memcpy(to, from, static_cast<std::size_t>(bytes));
                    }
                }
            }
        }
    }
    if (SDL_MUSTLOCK(output))
        SDL_UnlockSurface(output);
    if (SDL_MUSTLOCK(upright))
        SDL_UnlockSurface(upright);
    return true;
}

} // namespace hallboard
