// Thumbnails: the size rule, the box filter on plain buffers, and PNGs captured from real
// software renderers (decoded again to check what they show).
#include "render_test_support.h"

#include "content/heartbeat/heartbeat.h"
#include "player/render/thumbnail.h"

#include <SDL_image.h>

#include <algorithm>
#include <chrono>
#include <cstring>

namespace hallboard {

namespace {

constexpr Color red { 255, 0, 0, 255 };
constexpr Color blue { 0, 0, 255, 255 };
constexpr Color white { 255, 255, 255, 255 };
constexpr Color black { 0, 0, 0, 255 };
constexpr Color green { 0, 160, 0, 255 };

std::uint32_t xrgb(int r, int g, int b, int top = 0xFF)
{
    return (static_cast<std::uint32_t>(top) << 24) | (static_cast<std::uint32_t>(r) << 16)
        | (static_cast<std::uint32_t>(g) << 8) | static_cast<std::uint32_t>(b);
}

int channel(std::uint32_t pixel, int shift)
{
    return static_cast<int>((pixel >> shift) & 0xFF);
}

PixelBuffer buffer(int width, int height, std::vector<std::uint32_t> pixels)
{
    return PixelBuffer { width, height, std::move(pixels) };
}

// A grey-level picture: value(x, y) in every channel.
template <typename Value>
PixelBuffer grey_buffer(int width, int height, Value value)
{
    PixelBuffer result { width, height, {} };
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            int const v = value(x, y);
            result.pixels.push_back(xrgb(v, v, v));
        }
    return result;
}

// Deterministic noise (a hash of the position, murmur3's finaliser): a picture PNG cannot squeeze.
std::uint32_t noise(std::uint32_t value)
{
    value ^= value >> 16;
    value *= 0x85EBCA6Bu;
    value ^= value >> 13;
    value *= 0xC2B2AE35u;
    value ^= value >> 16;
    return value & 0xFFFFFF;
}

void fill(SDL_Renderer* renderer, SDL_Rect rect, Color color)
{
    SDL_SetRenderDrawColor(renderer, color.r, color.g, color.b, color.a);
    SDL_RenderFillRect(renderer, &rect);
}

// Writes pixel(x, y) (0xRRGGBB) straight into the canvas's surface.
template <typename Pixel>
void paint(OffscreenCanvas& canvas, Pixel pixel)
{
    SDL_Surface* surface = canvas.surface();
    REQUIRE(surface);
    REQUIRE(surface->format->BytesPerPixel == 4);
    for (int y = 0; y < surface->h; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(static_cast<std::uint8_t*>(surface->pixels) + y * surface->pitch);
        for (int x = 0; x < surface->w; ++x)
            row[x] = 0xFF000000u | pixel(x, y);
    }
}

// A decoded PNG, for looking at what a thumbnail shows.
class Decoded {
public:
    explicit Decoded(const std::string& png)
    {
        UniqueSurface loaded(IMG_Load_RW(SDL_RWFromConstMem(png.data(), static_cast<int>(png.size())), 1));
        REQUIRE_MESSAGE(loaded, IMG_GetError());
        m_surface.reset(SDL_ConvertSurfaceFormat(loaded.get(), SDL_PIXELFORMAT_ARGB8888, 0));
        REQUIRE(m_surface);
    }

    int width() const { return m_surface->w; }
    int height() const { return m_surface->h; }
    Color pixel(int x, int y) const
    {
        Uint32 const value = reinterpret_cast<const Uint32*>(
            static_cast<const std::uint8_t*>(m_surface->pixels) + y * m_surface->pitch)[x];
        Color c;
        SDL_GetRGBA(value, m_surface->format, &c.r, &c.g, &c.b, &c.a);
        return c;
    }

private:
    UniqueSurface m_surface;
};

std::string capture(SDL_Renderer* renderer, int max_side = 480, std::size_t max_bytes = max_thumbnail_bytes)
{
    std::string reason;
    auto png = capture_thumbnail_png(renderer, max_side, max_bytes, &reason);
    REQUIRE_MESSAGE(png.has_value(), reason);
    return *png;
}

} // namespace

TEST_CASE("thumbnail_size bounds the longer side and keeps the aspect ratio")
{
    struct Row {
        int width, height, max_side;
        ThumbnailSize expected;
    };
    Row const rows[] = {
        { 1920, 1080, 480, { 480, 270 } },
        { 1080, 1920, 480, { 270, 480 } },
        { 3840, 2160, 480, { 480, 270 } },
        { 1366, 768, 480, { 480, 270 } }, // 269.9 rounds up
        { 1280, 1024, 480, { 480, 384 } },
        { 1920, 1080, 240, { 240, 135 } },
        { 480, 270, 480, { 480, 270 } }, // already small enough
        { 300, 200, 480, { 300, 200 } }, // never enlarged
        { 5000, 2, 480, { 480, 1 } },    // a sliver keeps a row
        { 0, 1080, 480, { 0, 0 } },
        { 1920, 1080, 0, { 0, 0 } },
    };
    for (Row const& row : rows) {
        CAPTURE(row.width);
        CAPTURE(row.height);
        CAPTURE(row.max_side);
        ThumbnailSize const size = thumbnail_size(row.width, row.height, row.max_side);
        CHECK(size.width == row.expected.width);
        CHECK(size.height == row.expected.height);
    }
}

TEST_CASE("box_scale averages the area each output pixel covers")
{
    struct Row {
        const char* name;
        PixelBuffer source;
        int width, height;
        std::vector<int> expected_red; // red channel of each output pixel, row by row
    };
    Row const rows[] = {
        { "2x2 to 1x1: the mean", buffer(2, 2, { xrgb(10, 0, 0), xrgb(20, 0, 0), xrgb(30, 0, 0), xrgb(40, 0, 0) }), 1,
            1, { 25 } },
        { "3x1 to 2x1: the middle pixel split in half",
            buffer(3, 1, { xrgb(0, 0, 0), xrgb(90, 0, 0), xrgb(180, 0, 0) }), 2, 1, { 30, 150 } },
        { "1x3 to 1x2: the same vertically", buffer(1, 3, { xrgb(0, 0, 0), xrgb(90, 0, 0), xrgb(180, 0, 0) }), 1, 2,
            { 30, 150 } },
        { "4x1 to 1x1", buffer(4, 1, { xrgb(0, 0, 0), xrgb(40, 0, 0), xrgb(80, 0, 0), xrgb(120, 0, 0) }), 1, 1,
            { 60 } },
        { "same size: unchanged", buffer(2, 1, { xrgb(7, 0, 0), xrgb(200, 0, 0) }), 2, 1, { 7, 200 } },
        { "the top byte is ignored", buffer(2, 1, { xrgb(100, 0, 0, 0), xrgb(200, 0, 0, 0x80) }), 1, 1, { 150 } },
    };
    for (Row const& row : rows) {
        SUBCASE(row.name)
        {
            PixelBuffer const result = box_scale(row.source, row.width, row.height);
            REQUIRE(result.width == row.width);
            REQUIRE(result.height == row.height);
            REQUIRE(result.pixels.size() == row.expected_red.size());
            for (std::size_t i = 0; i < result.pixels.size(); ++i) {
                CAPTURE(i);
                CHECK(channel(result.pixels[i], 16) == row.expected_red[i]);
                CHECK(channel(result.pixels[i], 8) == 0);
                CHECK(channel(result.pixels[i], 0) == 0);
                CHECK(channel(result.pixels[i], 24) == 0xFF);
            }
        }
    }
}

TEST_CASE("box_scale keeps flat colour flat and block means exact")
{
    SUBCASE("a flat colour stays that colour at any size, odd ones included")
    {
        struct Size {
            int sw, sh, dw, dh;
        };
        Size const sizes[] = { { 7, 5, 3, 2 }, { 5, 7, 2, 3 }, { 101, 37, 10, 4 }, { 1920, 1080, 480, 270 },
            { 3, 3, 3, 3 }, { 9, 1, 4, 1 } };
        for (Size const& size : sizes) {
            CAPTURE(size.sw);
            CAPTURE(size.sh);
            PixelBuffer const source { size.sw, size.sh,
                std::vector<std::uint32_t>(static_cast<std::size_t>(size.sw * size.sh), xrgb(12, 160, 233)) };
            PixelBuffer const result = box_scale(source, size.dw, size.dh);
            REQUIRE(result.pixels.size() == static_cast<std::size_t>(size.dw * size.dh));
            CHECK(std::all_of(
                result.pixels.begin(), result.pixels.end(), [](std::uint32_t p) { return p == xrgb(12, 160, 233); }));
        }
    }
    SUBCASE("an exact 2x shrink gives each 2x2 block's mean")
    {
        PixelBuffer source { 8, 6, {} };
        for (std::uint32_t i = 0; i < 48; ++i)
            source.pixels.push_back(noise(i));
        PixelBuffer const result = box_scale(source, 4, 3);
        REQUIRE(result.pixels.size() == 12);
        for (int y = 0; y < 3; ++y) {
            for (int x = 0; x < 4; ++x) {
                for (int shift : { 16, 8, 0 }) {
                    int sum = 0;
                    for (int dy = 0; dy < 2; ++dy)
                        for (int dx = 0; dx < 2; ++dx)
                            sum += channel(
                                source.pixels[static_cast<std::size_t>((2 * y + dy) * 8 + 2 * x + dx)], shift);
                    CAPTURE(x);
                    CAPTURE(y);
                    CAPTURE(shift);
                    // The mean of four, rounded either way at .5.
                    CHECK(std::abs(channel(result.pixels[static_cast<std::size_t>(y * 4 + x)], shift) * 4 - sum) <= 2);
                }
            }
        }
    }
    SUBCASE("the picture's mean survives any shrink, fractional ones included")
    {
        struct Size {
            int sw, sh, dw, dh;
        };
        Size const sizes[] = { { 37, 23, 10, 7 }, { 40, 20, 10, 5 }, { 1366, 768, 480, 270 }, { 1280, 720, 480, 270 },
            { 9, 9, 2, 2 } };
        for (Size const& size : sizes) {
            CAPTURE(size.sw);
            CAPTURE(size.dw);
            PixelBuffer source { size.sw, size.sh, {} };
            for (std::uint32_t i = 0; i < static_cast<std::uint32_t>(size.sw * size.sh); ++i)
                source.pixels.push_back(noise(i));
            PixelBuffer const result = box_scale(source, size.dw, size.dh);
            REQUIRE(result.pixels.size() == static_cast<std::size_t>(size.dw * size.dh));
            for (int shift : { 16, 8, 0 }) {
                auto mean = [&](const PixelBuffer& picture) {
                    double sum = 0;
                    for (std::uint32_t pixel : picture.pixels)
                        sum += channel(pixel, shift);
                    return sum / static_cast<double>(picture.pixels.size());
                };
                CAPTURE(shift);
                // Each source pixel weighs the same in the result; only rounding moves the mean.
                CHECK(std::abs(mean(result) - mean(source)) < 0.6);
            }
        }
    }
    SUBCASE("a 1-px checkerboard becomes mid-grey, not black or white")
    {
        struct Size {
            int sw, sh, dw, dh, tolerance;
        };
        // Whole boxes average to exactly half; a fractional box (3.2 px) is near half.
        Size const sizes[]
            = { { 16, 16, 8, 8, 1 }, { 16, 16, 4, 4, 1 }, { 16, 16, 5, 5, 16 }, { 1920, 1080, 480, 270, 1 } };
        for (Size const& size : sizes) {
            CAPTURE(size.dw);
            PixelBuffer const source
                = grey_buffer(size.sw, size.sh, [](int x, int y) { return (x + y) % 2 ? 255 : 0; });
            PixelBuffer const result = box_scale(source, size.dw, size.dh);
            REQUIRE(result.pixels.size() == static_cast<std::size_t>(size.dw * size.dh));
            int worst = 0;
            for (std::uint32_t pixel : result.pixels)
                for (int shift : { 16, 8, 0 })
                    worst = std::max(worst, std::abs(2 * channel(pixel, shift) - 255));
            CHECK(worst <= 2 * size.tolerance + 1);
        }
    }
}

TEST_CASE("box_scale refuses what it cannot scale")
{
    PixelBuffer const good = grey_buffer(4, 4, [](int, int) { return 9; });
    CHECK(box_scale(good, 0, 2).pixels.empty());
    CHECK(box_scale(good, 2, -1).pixels.empty());
    CHECK(box_scale(PixelBuffer {}, 2, 2).pixels.empty());
    CHECK(box_scale(buffer(4, 4, { xrgb(1, 2, 3) }), 2, 2).pixels.empty()); // fewer pixels than 4x4
}

TEST_CASE("A 1920x1080 screen becomes a 480x270 PNG showing the same picture")
{
    test::session();
    for (CanvasPixels pixels : { CanvasPixels::Argb8888, CanvasPixels::Rgb888 }) {
        CAPTURE(static_cast<int>(pixels));
        OffscreenCanvas canvas(1920, 1080, pixels);
        REQUIRE(canvas.is_valid());
        SDL_Renderer* renderer = canvas.renderer();
        fill(renderer, { 0, 0, 960, 1080 }, red);
        fill(renderer, { 960, 0, 960, 1080 }, blue);
        fill(renderer, { 200, 200, 100, 100 }, white);

        std::string const png = capture(renderer);
        // A PNG (signature), RGB without alpha (IHDR colour type 2 at byte 25): the screen is opaque.
        REQUIRE(png.size() > 33);
        CHECK(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
        CHECK(static_cast<int>(png[25]) == 2);
        MESSAGE("1920x1080 in three blocks: a PNG of " << png.size() << " bytes");

        Decoded const thumbnail(png);
        REQUIRE(thumbnail.width() == 480);
        REQUIRE(thumbnail.height() == 270);
        struct Sample {
            int x, y;
            Color expected;
        };
        Sample const samples[] = {
            { 0, 0, red },
            { 10, 260, red },
            { 239, 135, red }, // the halves meet at 960 / 4 = 240
            { 240, 135, blue },
            { 479, 0, blue },
            { 470, 269, blue },
            { 50, 50, white },
            { 74, 74, white },
            { 62, 62, white }, // the square: 200..300 / 4
            { 49, 62, red },
            { 75, 62, red },
        };
        for (Sample const& sample : samples) {
            CAPTURE(sample.x);
            CAPTURE(sample.y);
            CHECK(test::near_color(thumbnail.pixel(sample.x, sample.y), sample.expected, 2));
        }
    }
}

TEST_CASE("A captured 1-px checkerboard is mid-grey throughout")
{
    test::session();
    struct Row {
        int width, height, thumbnail_width, thumbnail_height;
    };
    Row const rows[] = { { 1920, 1080, 480, 270 }, { 960, 540, 480, 270 } };
    for (Row const& row : rows) {
        CAPTURE(row.width);
        OffscreenCanvas canvas(row.width, row.height);
        REQUIRE(canvas.is_valid());
        paint(canvas, [](int x, int y) { return (x + y) % 2 ? 0xFFFFFFu : 0u; });
        Decoded const thumbnail(capture(canvas.renderer()));
        REQUIRE(thumbnail.width() == row.thumbnail_width);
        REQUIRE(thumbnail.height() == row.thumbnail_height);
        int outside = 0;
        for (int y = 0; y < thumbnail.height(); ++y)
            for (int x = 0; x < thumbnail.width(); ++x)
                outside += !test::near_color(thumbnail.pixel(x, y), Color { 128, 128, 128, 255 }, 1);
        CHECK(outside == 0);
    }
}

TEST_CASE("A portrait screen gives a portrait thumbnail, bounded by its height")
{
    test::session();
    OffscreenCanvas canvas(1080, 1920);
    REQUIRE(canvas.is_valid());
    fill(canvas.renderer(), { 0, 0, 1080, 960 }, green);
    fill(canvas.renderer(), { 0, 960, 1080, 960 }, blue);
    Decoded const thumbnail(capture(canvas.renderer()));
    REQUIRE(thumbnail.width() == 270);
    REQUIRE(thumbnail.height() == 480);
    CHECK(test::near_color(thumbnail.pixel(135, 10), green, 2));
    CHECK(test::near_color(thumbnail.pixel(135, 239), green, 2));
    CHECK(test::near_color(thumbnail.pixel(135, 240), blue, 2));
    CHECK(test::near_color(thumbnail.pixel(269, 479), blue, 2));
}

TEST_CASE("A screen smaller than the bound is captured pixel for pixel")
{
    test::session();
    OffscreenCanvas canvas(300, 200);
    REQUIRE(canvas.is_valid());
    paint(canvas, [](int x, int y) {
        return static_cast<std::uint32_t>((x * 7 % 256) << 16 | (y * 3 % 256) << 8 | ((x + y) % 256));
    });
    Decoded const thumbnail(capture(canvas.renderer()));
    REQUIRE(thumbnail.width() == 300);
    REQUIRE(thumbnail.height() == 200);
    int differences = 0;
    for (int y = 0; y < 200; ++y)
        for (int x = 0; x < 300; ++x)
            differences += thumbnail.pixel(x, y) != canvas.pixel(x, y);
    CHECK(differences == 0);
}

TEST_CASE("The capture reads the renderer's current target texture")
{
    test::session();
    OffscreenCanvas canvas(1920, 1080);
    REQUIRE(canvas.is_valid());
    canvas.clear(black);
    SDL_Renderer* renderer = canvas.renderer();
    UniqueTexture frame(SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, 800, 600));
    REQUIRE_MESSAGE(frame, SDL_GetError());
    REQUIRE(SDL_SetRenderTarget(renderer, frame.get()) == 0);
    fill(renderer, { 0, 0, 800, 600 }, green);
    fill(renderer, { 400, 300, 400, 300 }, red);
    std::string const png = capture(renderer);
    CHECK(SDL_GetRenderTarget(renderer) == frame.get()); // left as found
    SDL_SetRenderTarget(renderer, nullptr);
    frame.reset();

    Decoded const thumbnail(png);
    REQUIRE(thumbnail.width() == 480);
    REQUIRE(thumbnail.height() == 360);
    CHECK(test::near_color(thumbnail.pixel(10, 10), green, 2));
    CHECK(test::near_color(thumbnail.pixel(239, 350), green, 2));
    CHECK(test::near_color(thumbnail.pixel(240, 180), red, 2));
    CHECK(test::near_color(thumbnail.pixel(479, 359), red, 2));
}

TEST_CASE("A PNG over max_bytes is made again at half the size, or not at all")
{
    test::session();
    OffscreenCanvas canvas(1920, 1080);
    REQUIRE(canvas.is_valid());
    // Noise in 4x4 blocks: at 480x270 every pixel is random, which PNG cannot squeeze.
    paint(canvas, [](int x, int y) { return noise(static_cast<std::uint32_t>((y / 4) * 480 + x / 4)); });
    std::string const full = capture(canvas.renderer());
    CHECK(Decoded(full).width() == 480);
    MESSAGE("480x270 of noise: a PNG of " << full.size() << " bytes");
    REQUIRE(full.size() > 480 * 270 * 3);

    struct Row {
        const char* name;
        std::size_t max_bytes;
        int width, height; // 0: no picture
    };
    Row const rows[] = {
        { "exactly the size fits", full.size(), 480, 270 },
        { "one byte less: half the size", full.size() - 1, 240, 135 },
        { "nothing useful fits", 200, 0, 0 },
    };
    for (Row const& row : rows) {
        SUBCASE(row.name)
        {
            std::string reason;
            auto png = capture_thumbnail_png(canvas.renderer(), 480, row.max_bytes, &reason);
            if (row.width == 0) {
                CHECK_FALSE(png.has_value());
                CHECK(reason.find("bytes") != std::string::npos);
                MESSAGE(reason);
            } else {
                REQUIRE_MESSAGE(png.has_value(), reason);
                CHECK(png->size() <= row.max_bytes);
                Decoded const thumbnail(*png);
                CHECK(thumbnail.width() == row.width);
                CHECK(thumbnail.height() == row.height);
            }
        }
    }
}

TEST_CASE("A capture that cannot be made says why")
{
    test::session();
    OffscreenCanvas canvas(64, 64);
    REQUIRE(canvas.is_valid());
    struct Row {
        const char* name;
        SDL_Renderer* renderer;
        int max_side;
        const char* reason;
    };
    Row const rows[] = {
        { "no renderer", nullptr, 480, "no renderer" },
        { "a uselessly small bound", canvas.renderer(), 8, "below the smallest" },
    };
    for (Row const& row : rows) {
        SUBCASE(row.name)
        {
            std::string reason;
            CHECK_FALSE(capture_thumbnail_png(row.renderer, row.max_side, max_thumbnail_bytes, &reason).has_value());
            CHECK(reason.find(row.reason) != std::string::npos);
            // The reason is optional.
            CHECK_FALSE(capture_thumbnail_png(row.renderer, row.max_side, max_thumbnail_bytes).has_value());
        }
    }
}

TEST_CASE("What a 1080p capture costs on the render thread (measured, not asserted)")
{
    test::session();
    for (CanvasPixels pixels : { CanvasPixels::Rgb888, CanvasPixels::Argb8888 }) {
        OffscreenCanvas canvas(1920, 1080, pixels);
        REQUIRE(canvas.is_valid());
        SDL_Renderer* renderer = canvas.renderer();
        canvas.clear(Color { 10, 30, 90, 255 });
        for (int i = 0; i < 12; ++i)
            fill(renderer, { 40 + i * 150, 100 + (i % 3) * 300, 120, 200 }, i % 2 ? white : red);

        using Clock = std::chrono::steady_clock;
        double best_capture = 1e9;
        double best_scale = 1e9;
        std::size_t bytes = 0;
        PixelBuffer screen { 1920, 1080, std::vector<std::uint32_t>(1920 * 1080, xrgb(10, 30, 90)) };
        for (int run = 0; run < 5; ++run) {
            auto const started = Clock::now();
            bytes = capture(renderer).size();
            best_capture
                = std::min(best_capture, std::chrono::duration<double, std::milli>(Clock::now() - started).count());
            auto const scale_started = Clock::now();
            PixelBuffer const small = box_scale(screen, 480, 270);
            best_scale
                = std::min(best_scale, std::chrono::duration<double, std::milli>(Clock::now() - scale_started).count());
            CHECK(small.pixels.size() == 480 * 270);
        }
        CHECK(bytes > 0);
        std::string const format = pixels == CanvasPixels::Rgb888 ? "RGB888" : "ARGB8888";
        MESSAGE(format << " 1920x1080 capture (read + box filter + PNG): " << best_capture
                       << " ms, best of 5; the box filter alone " << best_scale << " ms; PNG " << bytes << " bytes");
    }
}

} // namespace hallboard
