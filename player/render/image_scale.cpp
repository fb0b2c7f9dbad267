// Area-average downscaling, streamed row by row so memory stays at a few rows of floats, read
// straight from the decoded pixel format.
#include "player/render/image_scale.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <optional>
#include <vector>

namespace hallboard {

namespace {

struct Tap {
    int source = 0;
    float weight = 0;
};

// For each destination index, the source indices it covers and by how much (summing to 1).
std::vector<std::vector<Tap>> area_taps(int source_length, int dst_length)
{
    std::vector<std::vector<Tap>> taps(static_cast<std::size_t>(dst_length));
    double const scale = static_cast<double>(source_length) / dst_length;
    for (int i = 0; i < dst_length; ++i) {
        double const begin = i * scale;
        double const end = std::min<double>((i + 1) * scale, source_length);
        for (int k = static_cast<int>(std::floor(begin)); k < static_cast<int>(std::ceil(end)); ++k) {
            double const overlap = std::min<double>(end, k + 1) - std::max<double>(begin, k);
            if (overlap > 0)
                taps[static_cast<std::size_t>(i)].push_back(Tap { k, static_cast<float>(overlap / scale) });
        }
    }
    return taps;
}

struct Channels {
    std::uint32_t r = 0, g = 0, b = 0, a = 255;
};

// Reads pixels straight from the decoded format: converting a 1920x1080 RGB picture to
// ARGB8888 first would cost 8 MB and a few milliseconds, and give the same channel values.
struct PixelReader {
    int bytes_per_pixel = 4;
    // 4 bytes a pixel: shifts of each 8-bit channel in the native-endian 32-bit value.
    int r_shift = 16, g_shift = 8, b_shift = 0, a_shift = 24;
    bool has_alpha = true;
    // 3 bytes a pixel: byte offsets.
    int r_byte = 0, g_byte = 1, b_byte = 2;

    Channels operator()(const std::uint8_t* line, int x) const
    {
        if (bytes_per_pixel == 3) {
            auto const* pixel = line + static_cast<std::ptrdiff_t>(x) * 3;
            return Channels { pixel[r_byte], pixel[g_byte], pixel[b_byte], 255 };
        }
        std::uint32_t value = 0;
        std::memcpy(&value, line + static_cast<std::ptrdiff_t>(x) * 4, sizeof value);
        return Channels { (value >> r_shift) & 0xFF, (value >> g_shift) & 0xFF, (value >> b_shift) & 0xFF,
            has_alpha ? (value >> a_shift) & 0xFF : 255 };
    }
};

// A reader for `format`, or nullopt when it is not plain 8-bit channels (palettes, 16-bit).
std::optional<PixelReader> reader_for(const SDL_PixelFormat& format)
{
    PixelReader reader;
    if (format.format == SDL_PIXELFORMAT_RGB24 || format.format == SDL_PIXELFORMAT_BGR24) {
        reader.bytes_per_pixel = 3;
        bool const rgb = format.format == SDL_PIXELFORMAT_RGB24;
        reader.r_byte = rgb ? 0 : 2;
        reader.b_byte = rgb ? 2 : 0;
        return reader;
    }
    auto is_byte = [](Uint32 mask, Uint8 shift) { return mask == (0xFFu << shift); };
    if (format.BytesPerPixel != 4 || !is_byte(format.Rmask, format.Rshift) || !is_byte(format.Gmask, format.Gshift)
        || !is_byte(format.Bmask, format.Bshift) || (format.Amask != 0 && !is_byte(format.Amask, format.Ashift)))
        return std::nullopt;
    reader.r_shift = format.Rshift;
    reader.g_shift = format.Gshift;
    reader.b_shift = format.Bshift;
    reader.a_shift = format.Ashift;
    reader.has_alpha = format.Amask != 0;
    return reader;
}

UniqueSurface area_average(SDL_Surface* source, const PixelReader& read, SDL_Rect rect, int dst_width, int dst_height)
{
    UniqueSurface result(SDL_CreateRGBSurfaceWithFormat(0, dst_width, dst_height, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!result)
        return nullptr;
    auto const columns = area_taps(rect.w, dst_width);
    auto const rows = area_taps(rect.h, dst_height);
    auto const width = static_cast<std::size_t>(dst_width);
    // Premultiplied accumulation, so transparent pixels do not darken their neighbours.
    std::vector<float> row_sum(width * 4);

    auto const* source_pixels = static_cast<const std::uint8_t*>(source->pixels);
    auto* dst_pixels = static_cast<std::uint8_t*>(result->pixels);
    for (int y = 0; y < dst_height; ++y) {
        std::fill(row_sum.begin(), row_sum.end(), 0.f);
        for (Tap const& row_tap : rows[static_cast<std::size_t>(y)]) {
            auto const* line = source_pixels + static_cast<std::ptrdiff_t>(rect.y + row_tap.source) * source->pitch;
            for (std::size_t x = 0; x < width; ++x) {
                float r = 0, g = 0, b = 0, a = 0;
                for (Tap const& tap : columns[x]) {
                    Channels const pixel = read(line, rect.x + tap.source);
                    float const alpha = static_cast<float>(pixel.a) * tap.weight;
                    a += alpha;
                    r += static_cast<float>(pixel.r) * alpha;
                    g += static_cast<float>(pixel.g) * alpha;
                    b += static_cast<float>(pixel.b) * alpha;
                }
                row_sum[x * 4 + 0] += r * row_tap.weight;
                row_sum[x * 4 + 1] += g * row_tap.weight;
                row_sum[x * 4 + 2] += b * row_tap.weight;
                row_sum[x * 4 + 3] += a * row_tap.weight;
            }
        }
        auto* out = reinterpret_cast<std::uint32_t*>(dst_pixels + static_cast<std::ptrdiff_t>(y) * result->pitch);
        for (std::size_t x = 0; x < width; ++x) {
            float const a = row_sum[x * 4 + 3];
            auto channel = [&](float premultiplied) {
                return a > 0 ? static_cast<std::uint32_t>(std::clamp(std::lround(premultiplied / a), 0l, 255l)) : 0u;
            };
            auto const alpha = static_cast<std::uint32_t>(std::clamp(std::lround(a), 0l, 255l));
            out[x] = (alpha << 24) | (channel(row_sum[x * 4]) << 16) | (channel(row_sum[x * 4 + 1]) << 8)
                | channel(row_sum[x * 4 + 2]);
        }
    }
    return result;
}

} // namespace

UniqueSurface resample_surface(SDL_Surface* source, SDL_Rect source_rect, int dst_width, int dst_height)
{
    if (dst_width <= 0 || dst_height <= 0 || source_rect.w <= 0 || source_rect.h <= 0)
        return nullptr;
    bool const shrinking = source_rect.w >= dst_width && source_rect.h >= dst_height;
    if (shrinking) {
        if (auto reader = reader_for(*source->format))
            return area_average(source, *reader, source_rect, dst_width, dst_height);
    }
    UniqueSurface converted;
    if (source->format->format != SDL_PIXELFORMAT_ARGB8888) {
        converted.reset(SDL_ConvertSurfaceFormat(source, SDL_PIXELFORMAT_ARGB8888, 0));
        if (!converted)
            return nullptr;
    }
    SDL_Surface* argb = converted ? converted.get() : source;
    if (shrinking)
        return area_average(argb, PixelReader {}, source_rect, dst_width, dst_height);
    UniqueSurface result(SDL_CreateRGBSurfaceWithFormat(0, dst_width, dst_height, 32, SDL_PIXELFORMAT_ARGB8888));
    if (result && SDL_SoftStretchLinear(argb, &source_rect, result.get(), nullptr) != 0)
        result.reset();
    return result;
}

} // namespace hallboard
