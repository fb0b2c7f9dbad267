// EXIF orientation: a bounds-checked walk of JPEG markers and one TIFF directory, and the eight
// ways of turning a picture upright.
#include "player/render/exif_orientation.h"

#include <algorithm>
#include <cstdlib>
#include <optional>

namespace hallboard {

namespace {

enum class ByteOrder {
    BigEndian,    // "MM"
    LittleEndian, // "II"
};

// `count` bytes at `offset` as an unsigned number, or nullopt when they are not all there.
std::optional<std::uint32_t> read_unsigned(std::string_view bytes, std::uint64_t offset, int count, ByteOrder order)
{
    if (offset > bytes.size() || static_cast<std::uint64_t>(count) > bytes.size() - offset)
        return std::nullopt;
    std::uint32_t value = 0;
    for (int i = 0; i < count; ++i) {
        int const index = order == ByteOrder::BigEndian ? i : count - 1 - i;
        value = (value << 8)
            | static_cast<unsigned char>(bytes[static_cast<std::size_t>(offset) + static_cast<std::size_t>(index)]);
    }
    return value;
}

constexpr std::uint32_t orientation_tag = 0x0112;
constexpr std::uint32_t tiff_short = 3;

// The orientation in IFD0 of a TIFF structure (what follows "Exif\0\0"); offsets inside it
// count from its first byte.
int orientation_in_tiff(std::string_view tiff)
{
    ByteOrder order;
    if (tiff.starts_with("II"))
        order = ByteOrder::LittleEndian;
    else if (tiff.starts_with("MM"))
        order = ByteOrder::BigEndian;
    else
        return upright_orientation;
    if (read_unsigned(tiff, 2, 2, order) != 42u)
        return upright_orientation;
    auto const directory = read_unsigned(tiff, 4, 4, order);
    if (!directory)
        return upright_orientation;
    auto const entries = read_unsigned(tiff, *directory, 2, order);
    if (!entries)
        return upright_orientation;
    for (std::uint32_t i = 0; i < *entries; ++i) {
        // Entries are 12 bytes: tag, type, count, then the value itself when it fits in 4 bytes.
        std::uint64_t const entry = std::uint64_t { *directory } + 2 + 12 * std::uint64_t { i };
        auto const tag = read_unsigned(tiff, entry, 2, order);
        auto const type = read_unsigned(tiff, entry + 2, 2, order);
        auto const count = read_unsigned(tiff, entry + 4, 4, order);
        auto const value = read_unsigned(tiff, entry + 8, 2, order);
        if (!tag || !type || !count || !value)
            return upright_orientation; // the directory runs past the segment
        if (*tag != orientation_tag)
            continue; // tags should be sorted, but not every camera sorts them
        if (*type != tiff_short || *count != 1 || *value < 1 || *value > 8)
            return upright_orientation;
        return static_cast<int>(*value);
    }
    return upright_orientation;
}

// A quarter turn or a flip as a walk over the stored picture: the upright pixel (u, v) is
// the stored pixel (x0 + u * ux + v * vx, y0 + u * uy + v * vy).
struct Walk {
    int x0, y0;
    int ux, uy;
    int vx, vy;
};

Walk walk_for(int orientation, int width, int height)
{
    int const right = width - 1;
    int const bottom = height - 1;
    switch (orientation) {
    case 2:
        return { right, 0, -1, 0, 0, 1 };
    case 3:
        return { right, bottom, -1, 0, 0, -1 };
    case 4:
        return { 0, bottom, 1, 0, 0, -1 };
    case 5:
        return { 0, 0, 0, 1, 1, 0 };
    case 6:
        return { 0, bottom, 0, -1, 1, 0 };
    case 7:
        return { right, bottom, 0, -1, -1, 0 };
    case 8:
        return { right, 0, 0, 1, -1, 0 };
    default:
        return { 0, 0, 1, 0, 0, 1 };
    }
}

} // namespace

int jpeg_orientation(std::string_view bytes)
{
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
    if (bytes.size() < 4 || byte(0) != 0xFF || byte(1) != 0xD8)
        return upright_orientation;
    static constexpr std::string_view exif_header { "Exif\0\0", 6 };
    std::size_t position = 2;
    while (position < bytes.size()) {
        if (byte(position) != 0xFF)
            return upright_orientation; // segments follow each other with nothing between
        while (position < bytes.size() && byte(position) == 0xFF)
            ++position; // fill bytes
        if (position >= bytes.size())
            return upright_orientation;
        unsigned const marker = byte(position++);
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7))
            continue; // markers without a length
        if (marker < 0xC0 || marker == 0xD8 || marker == 0xD9 || marker == 0xDA)
            return upright_orientation; // not a marker, or the picture data begins: no EXIF before it
        if (bytes.size() - position < 2)
            return upright_orientation;
        std::size_t const length = static_cast<std::size_t>(byte(position)) << 8 | byte(position + 1);
        if (length < 2 || length > bytes.size() - position)
            return upright_orientation; // a cut-off segment is not trusted, even in part
        std::string_view const payload = bytes.substr(position + 2, length - 2);
        if (marker == 0xE1 && payload.starts_with(exif_header))
            return orientation_in_tiff(payload.substr(exif_header.size()));
        position += length; // APP0 (JFIF), XMP in another APP1, tables...
    }
    return upright_orientation;
}

void orient_pixels(const std::uint32_t* stored, int width, int height, int stored_stride, std::uint32_t* upright,
    int upright_stride, int orientation)
{
    if (width <= 0 || height <= 0)
        return;
    Walk const walk = walk_for(orientation, width, height);
    int const upright_width = orientation_swaps_sides(orientation) ? height : width;
    int const upright_height = orientation_swaps_sides(orientation) ? width : height;
    auto const stride = static_cast<std::ptrdiff_t>(stored_stride);
    std::ptrdiff_t const u_step = walk.ux + walk.uy * stride;
    std::ptrdiff_t const v_step = walk.vx + walk.vy * stride;
    std::ptrdiff_t row_start = walk.x0 + walk.y0 * stride;
    for (int v = 0; v < upright_height; ++v, row_start += v_step) {
        std::uint32_t* out = upright + static_cast<std::ptrdiff_t>(v) * upright_stride;
        std::ptrdiff_t from = row_start;
        for (int u = 0; u < upright_width; ++u, from += u_step)
            out[u] = stored[from];
    }
}

SDL_Rect stored_rect(SDL_Rect upright_rect, int stored_width, int stored_height, int orientation)
{
    if (upright_rect.w <= 0 || upright_rect.h <= 0)
        return { 0, 0, 0, 0 };
    Walk const walk = walk_for(orientation, stored_width, stored_height);
    auto stored_x = [&](int u, int v) { return walk.x0 + u * walk.ux + v * walk.vx; };
    auto stored_y = [&](int u, int v) { return walk.y0 + u * walk.uy + v * walk.vy; };
    // Opposite corners of the upright rectangle land on opposite corners of the stored one.
    int const u1 = upright_rect.x + upright_rect.w - 1;
    int const v1 = upright_rect.y + upright_rect.h - 1;
    int const xa = stored_x(upright_rect.x, upright_rect.y), xb = stored_x(u1, v1);
    int const ya = stored_y(upright_rect.x, upright_rect.y), yb = stored_y(u1, v1);
    return { std::min(xa, xb), std::min(ya, yb), std::abs(xb - xa) + 1, std::abs(yb - ya) + 1 };
}

UniqueSurface upright_surface(SDL_Surface* stored, int orientation)
{
    UniqueSurface converted;
    if (stored->format->BytesPerPixel != 4) {
        converted.reset(SDL_ConvertSurfaceFormat(stored, SDL_PIXELFORMAT_ARGB8888, 0));
        if (!converted)
            return nullptr;
    }
    SDL_Surface* source = converted ? converted.get() : stored;
    bool const swap = orientation_swaps_sides(orientation);
    UniqueSurface result(SDL_CreateRGBSurfaceWithFormat(
        0, swap ? source->h : source->w, swap ? source->w : source->h, 32, source->format->format));
    // A new surface never needs locking; the source might (RLE).
    if (result && SDL_LockSurface(source) == 0) {
        // SDL keeps pitches of 4-byte pixels a whole number of pixels.
        orient_pixels(static_cast<const std::uint32_t*>(source->pixels), source->w, source->h, source->pitch / 4,
            static_cast<std::uint32_t*>(result->pixels), result->pitch / 4, orientation);
        SDL_UnlockSurface(source);
    } else {
        result.reset();
    }
    return result;
}

} // namespace hallboard
