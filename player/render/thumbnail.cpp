// Thumbnails: reading the render target back, shrinking it by area averaging, and encoding a
// PNG into memory.
#include "player/render/thumbnail.h"

#include "player/render/sdl_handles.h"

#include <SDL_image.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace hallboard {

namespace {

// Below this the picture says nothing an admin could use; give up rather than shrink further.
constexpr int smallest_thumbnail_side = 16;

// For each destination index, the source indices it covers and by how much (summing to 1):
// the taps of destination i are source[start[i]] .. source[start[i + 1] - 1].
struct TapTable {
    std::vector<std::size_t> start;
    std::vector<int> source;
    std::vector<float> weight;
};

TapTable area_taps(int source_length, int dst_length)
{
    TapTable table;
    table.start.reserve(static_cast<std::size_t>(dst_length) + 1);
    double const scale = static_cast<double>(source_length) / dst_length;
    for (int i = 0; i < dst_length; ++i) {
        table.start.push_back(table.source.size());
        double const begin = i * scale;
        double const end = std::min<double>((i + 1) * scale, source_length);
        double const span = end - begin;
        for (int k = static_cast<int>(std::floor(begin)); k < static_cast<int>(std::ceil(end)); ++k) {
            double const overlap = std::min<double>(end, k + 1) - std::max<double>(begin, k);
            // Rounding can leave a sliver of a pixel past an exact boundary; it carries no weight.
            if (overlap > 1e-9) {
                table.source.push_back(k);
                table.weight.push_back(static_cast<float>(overlap / span));
            }
        }
    }
    table.start.push_back(table.source.size());
    return table;
}

// One source row averaged horizontally: three floats (r, g, b) per destination column.
void average_row(const std::uint32_t* line, const TapTable& columns, std::vector<float>& out)
{
    std::size_t const width = columns.start.size() - 1;
    float* result = out.data();
    for (std::size_t x = 0; x < width; ++x) {
        float r = 0, g = 0, b = 0;
        for (std::size_t t = columns.start[x]; t < columns.start[x + 1]; ++t) {
            std::uint32_t const pixel = line[columns.source[t]];
            float const weight = columns.weight[t];
            r += static_cast<float>((pixel >> 16) & 0xFF) * weight;
            g += static_cast<float>((pixel >> 8) & 0xFF) * weight;
            b += static_cast<float>(pixel & 0xFF) * weight;
        }
        result[x * 3 + 0] = r;
        result[x * 3 + 1] = g;
        result[x * 3 + 2] = b;
    }
}

// The common case, a screen shrunk by a whole factor both ways (1920x1080 and 3840x2160 to
// 480x270): plain integer sums of whole blocks, a few times faster than the weighted path.
void box_scale_whole(const PixelBuffer& source, PixelBuffer& result)
{
    auto const factor_x = static_cast<std::size_t>(source.width / result.width);
    auto const factor_y = static_cast<std::size_t>(source.height / result.height);
    auto const width = static_cast<std::size_t>(result.width);
    auto const source_width = static_cast<std::size_t>(source.width);
    std::uint32_t const count = static_cast<std::uint32_t>(factor_x * factor_y);
    std::vector<std::uint32_t> sum(width * 3);
    for (std::size_t y = 0; y < static_cast<std::size_t>(result.height); ++y) {
        std::fill(sum.begin(), sum.end(), 0u);
        for (std::size_t row = y * factor_y; row < (y + 1) * factor_y; ++row) {
            std::uint32_t const* line = source.pixels.data() + row * source_width;
            std::uint32_t* total = sum.data();
            for (std::size_t x = 0; x < width; ++x, total += 3) {
                for (std::size_t k = 0; k < factor_x; ++k) {
                    std::uint32_t const pixel = line[x * factor_x + k];
                    total[0] += (pixel >> 16) & 0xFF;
                    total[1] += (pixel >> 8) & 0xFF;
                    total[2] += pixel & 0xFF;
                }
            }
        }
        std::uint32_t* out = result.pixels.data() + y * width;
        for (std::size_t x = 0; x < width; ++x) {
            auto mean = [&](std::size_t c) { return (sum[x * 3 + c] + count / 2) / count; };
            out[x] = 0xFF000000u | (mean(0) << 16) | (mean(1) << 8) | mean(2);
        }
    }
}

std::uint32_t to_channel(float value)
{
    return static_cast<std::uint32_t>(std::clamp(std::lround(value), 0l, 255l));
}

void set_reason(std::string* reason, std::string text)
{
    if (reason)
        *reason = std::move(text);
}

// The size of what the renderer draws into now.
bool target_size(SDL_Renderer* renderer, int& width, int& height)
{
    if (SDL_Texture* target = SDL_GetRenderTarget(renderer))
        return SDL_QueryTexture(target, nullptr, nullptr, &width, &height) == 0;
    return SDL_GetRendererOutputSize(renderer, &width, &height) == 0;
}

// The 32-bit layout closest to the target's own, so that reading back is a copy rather than a
// conversion where possible (an X11 window and our opaque canvases are RGB888).
Uint32 read_format(SDL_Renderer* renderer)
{
    Uint32 native = SDL_PIXELFORMAT_UNKNOWN;
    if (SDL_Texture* target = SDL_GetRenderTarget(renderer))
        SDL_QueryTexture(target, &native, nullptr, nullptr, nullptr);
    else if (SDL_Window* window = SDL_RenderGetWindow(renderer))
        native = SDL_GetWindowPixelFormat(window);
    return native == SDL_PIXELFORMAT_RGB888 ? SDL_PIXELFORMAT_RGB888 : SDL_PIXELFORMAT_ARGB8888;
}

std::optional<PixelBuffer> read_target(SDL_Renderer* renderer, std::string* reason)
{
    PixelBuffer buffer;
    if (!target_size(renderer, buffer.width, buffer.height)) {
        set_reason(reason, std::string("cannot tell the screen's size: ") + SDL_GetError());
        return std::nullopt;
    }
    if (buffer.width <= 0 || buffer.height <= 0) {
        set_reason(reason,
            "the screen has no pixels (" + std::to_string(buffer.width) + "x" + std::to_string(buffer.height) + ")");
        return std::nullopt;
    }
    buffer.pixels.resize(static_cast<std::size_t>(buffer.width) * static_cast<std::size_t>(buffer.height));
    SDL_Rect const whole { 0, 0, buffer.width, buffer.height };
    if (SDL_RenderReadPixels(renderer, &whole, read_format(renderer), buffer.pixels.data(), buffer.width * 4) != 0) {
        set_reason(reason, std::string("cannot read the screen's pixels: ") + SDL_GetError());
        return std::nullopt;
    }
    return buffer;
}

// An SDL_RWops writing into a std::string that grows as needed (SDL_RWFromMem wants a buffer
// of a size known beforehand).
struct GrowingBuffer {
    std::string bytes;
    std::size_t position = 0;
};

GrowingBuffer& buffer_of(SDL_RWops* stream)
{
    return *static_cast<GrowingBuffer*>(stream->hidden.unknown.data1);
}

Sint64 buffer_size(SDL_RWops* stream)
{
    return static_cast<Sint64>(buffer_of(stream).bytes.size());
}

Sint64 buffer_seek(SDL_RWops* stream, Sint64 offset, int whence)
{
    GrowingBuffer& buffer = buffer_of(stream);
    Sint64 base = 0;
    if (whence == RW_SEEK_CUR)
        base = static_cast<Sint64>(buffer.position);
    else if (whence == RW_SEEK_END)
        base = static_cast<Sint64>(buffer.bytes.size());
    else if (whence != RW_SEEK_SET)
        return SDL_SetError("thumbnail buffer: unknown seek origin");
    Sint64 const position = base + offset;
    if (position < 0)
        return SDL_SetError("thumbnail buffer: seek before the start");
    buffer.position = static_cast<std::size_t>(position);
    return position;
}

std::size_t buffer_read(SDL_RWops*, void*, std::size_t, std::size_t)
{
    SDL_SetError("thumbnail buffer: write only");
    return 0;
}

std::size_t buffer_write(SDL_RWops* stream, const void* data, std::size_t size, std::size_t count)
{
    GrowingBuffer& buffer = buffer_of(stream);
    std::size_t const length = size * count;
    if (length == 0)
        return count;
    if (buffer.position + length > buffer.bytes.size())
        buffer.bytes.resize(buffer.position + length);
    std::memcpy(buffer.bytes.data() + buffer.position, data, length);
    buffer.position += length;
    return count;
}

int buffer_close(SDL_RWops* stream)
{
    SDL_FreeRW(stream);
    return 0;
}

std::optional<std::string> encode_png(const PixelBuffer& picture, std::string* reason)
{
    // Packed RGB: the screen is opaque, and three channels make a smaller PNG than four.
    std::vector<std::uint8_t> rgb(picture.pixels.size() * 3);
    for (std::size_t i = 0; i < picture.pixels.size(); ++i) {
        std::uint32_t const pixel = picture.pixels[i];
        rgb[i * 3 + 0] = static_cast<std::uint8_t>(pixel >> 16);
        rgb[i * 3 + 1] = static_cast<std::uint8_t>(pixel >> 8);
        rgb[i * 3 + 2] = static_cast<std::uint8_t>(pixel);
    }
    UniqueSurface surface(SDL_CreateRGBSurfaceWithFormatFrom(
        rgb.data(), picture.width, picture.height, 24, picture.width * 3, SDL_PIXELFORMAT_RGB24));
    if (!surface) {
        set_reason(reason, std::string("cannot make the thumbnail: ") + SDL_GetError());
        return std::nullopt;
    }
    GrowingBuffer buffer;
    SDL_RWops* stream = SDL_AllocRW();
    if (!stream) {
        set_reason(reason, std::string("cannot make the thumbnail: ") + SDL_GetError());
        return std::nullopt;
    }
    stream->type = SDL_RWOPS_UNKNOWN;
    stream->size = buffer_size;
    stream->seek = buffer_seek;
    stream->read = buffer_read;
    stream->write = buffer_write;
    stream->close = buffer_close;
    stream->hidden.unknown.data1 = &buffer;
    int const result = IMG_SavePNG_RW(surface.get(), stream, 0);
    SDL_RWclose(stream);
    if (result != 0) {
        set_reason(reason, std::string("cannot encode the thumbnail: ") + IMG_GetError());
        return std::nullopt;
    }
    return std::move(buffer.bytes);
}

} // namespace

ThumbnailSize thumbnail_size(int width, int height, int max_side)
{
    if (width <= 0 || height <= 0 || max_side <= 0)
        return {};
    int const longer = std::max(width, height);
    if (longer <= max_side)
        return { width, height };
    auto scaled = [&](int length) {
        auto const value = std::lround(static_cast<double>(length) * max_side / longer);
        return std::max(1, static_cast<int>(value));
    };
    return { scaled(width), scaled(height) };
}

PixelBuffer box_scale(const PixelBuffer& source, int width, int height)
{
    if (width <= 0 || height <= 0 || source.width <= 0 || source.height <= 0
        || source.pixels.size() != static_cast<std::size_t>(source.width) * static_cast<std::size_t>(source.height))
        return {};
    PixelBuffer result;
    result.width = width;
    result.height = height;
    result.pixels.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
    if (source.width % width == 0 && source.height % height == 0) {
        box_scale_whole(source, result);
        return result;
    }

    TapTable const columns = area_taps(source.width, width);
    TapTable const rows = area_taps(source.height, height);
    auto const row_floats = static_cast<std::size_t>(width) * 3;
    std::vector<float> sum(row_floats);
    // A source row on the boundary between two output rows is averaged horizontally once.
    std::vector<float> averaged(row_floats);
    int averaged_row = -1;

    for (int y = 0; y < height; ++y) {
        std::fill(sum.begin(), sum.end(), 0.f);
        auto const row = static_cast<std::size_t>(y);
        for (std::size_t t = rows.start[row]; t < rows.start[row + 1]; ++t) {
            int const source_row = rows.source[t];
            if (source_row != averaged_row) {
                average_row(source.pixels.data()
                        + static_cast<std::size_t>(source_row) * static_cast<std::size_t>(source.width),
                    columns, averaged);
                averaged_row = source_row;
            }
            float const weight = rows.weight[t];
            for (std::size_t i = 0; i < row_floats; ++i)
                sum[i] += averaged[i] * weight;
        }
        std::uint32_t* out = result.pixels.data() + row * static_cast<std::size_t>(width);
        for (std::size_t x = 0; x < static_cast<std::size_t>(width); ++x)
            out[x] = 0xFF000000u | (to_channel(sum[x * 3]) << 16) | (to_channel(sum[x * 3 + 1]) << 8)
                | to_channel(sum[x * 3 + 2]);
    }
    return result;
}

std::optional<std::string> capture_thumbnail_png(
    SDL_Renderer* renderer, int max_side, std::size_t max_bytes, std::string* reason)
{
    if (!renderer) {
        set_reason(reason, "no renderer to take a thumbnail of");
        return std::nullopt;
    }
    if (max_side < smallest_thumbnail_side) {
        set_reason(reason,
            "thumbnail size " + std::to_string(max_side) + " px is below the smallest, "
                + std::to_string(smallest_thumbnail_side) + " px");
        return std::nullopt;
    }
    auto screen = read_target(renderer, reason);
    if (!screen)
        return std::nullopt;
    // Halving a bound the screen is already within would change nothing.
    for (int side = std::min(max_side, std::max(screen->width, screen->height));; side /= 2) {
        ThumbnailSize const size = thumbnail_size(screen->width, screen->height, side);
        // A screen already small enough is encoded as it is.
        auto png = size.width == screen->width && size.height == screen->height
            ? encode_png(*screen, reason)
            : encode_png(box_scale(*screen, size.width, size.height), reason);
        if (!png)
            return std::nullopt;
        if (png->size() <= max_bytes)
            return png;
        if (side / 2 < smallest_thumbnail_side) {
            set_reason(reason,
                "the thumbnail is " + std::to_string(png->size()) + " bytes even at " + std::to_string(size.width) + "x"
                    + std::to_string(size.height) + ", more than the " + std::to_string(max_bytes) + " allowed");
            return std::nullopt;
        }
    }
}

} // namespace hallboard
