// Phone photos stored sideways: reading the JPEG EXIF Orientation tag, and turning pixels upright.
#pragma once

#include "player/render/sdl_handles.h"

#include <SDL.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace hallboard {

// EXIF orientation values (TIFF tag 0x0112): how the stored picture must be turned to be
// upright. 1 upright, 2 flip left-right, 3 turn 180°, 4 flip top-bottom, 5 transpose,
// 6 turn 90° clockwise, 7 transverse, 8 turn 90° counter-clockwise.
constexpr int upright_orientation = 1;

// How much of a file to hand to jpeg_orientation(): the EXIF segment comes right after SOI
// (or after a JFIF APP0) and is at most 64 KiB long.
constexpr std::size_t exif_prefix_bytes = 72 * 1024;

// The orientation recorded in the EXIF APP1 segment of a JPEG file, given the file's first
// bytes. 1 for anything else: not a JPEG, no EXIF, no orientation tag, a value outside 1-8,
// a malformed or cut-off segment. Pure; never reads outside `file_bytes_prefix`.
int jpeg_orientation(std::string_view file_bytes_prefix);

// Orientations 5-8 turn the picture a quarter: the upright width is the stored height.
constexpr bool orientation_swaps_sides(int orientation)
{
    return orientation >= 5 && orientation <= 8;
}

// Writes the upright picture of a stored `width` x `height` picture of 32-bit pixels (any
// channel order: pixels are moved, not read). Strides are in pixels. `upright` must hold the
// upright size: height x width for orientations 5-8, width x height otherwise. Orientations
// outside 1-8 copy as 1. The buffers must not overlap. Pure: no SDL call.
void orient_pixels(const std::uint32_t* stored, int width, int height, int stored_stride, std::uint32_t* upright,
    int upright_stride, int orientation);

// The rectangle of the stored picture (stored_width x stored_height) whose pixels make up
// `upright_rect` of the upright picture. Lets a crop chosen on the upright picture be
// resampled from the stored one before turning.
SDL_Rect stored_rect(SDL_Rect upright_rect, int stored_width, int stored_height, int orientation);

// A new surface holding `stored` turned upright, in stored's pixel format when it has 4
// bytes a pixel, ARGB8888 otherwise. Null on failure (SDL_GetError). Does not free `stored`.
UniqueSurface upright_surface(SDL_Surface* stored, int orientation);

} // namespace hallboard
