// What the texture cache keeps: DrawOnce text leaves nothing behind yet draws the same pixels,
// drop_unused() lets go of what was not drawn lately, images are decoded ahead by preload(),
// and resampling reads every decoded pixel format as converting it first would.
#include "render_test_support.h"

#include "player/render/display_list_player.h"
#include "player/render/image_scale.h"

#include <SDL_image.h>

#include <cstring>

namespace hallboard {

namespace {

constexpr Color white { 255, 255, 255, 255 };
constexpr Color ink { 20, 40, 90, 255 };

std::filesystem::path write_gradient_png(const test::ScratchDir& dir, int w, int h)
{
    UniqueSurface surface(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888));
    REQUIRE(surface);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            static_cast<Uint32*>(surface->pixels)[y * surface->pitch / 4 + x] = SDL_MapRGBA(
                surface->format, static_cast<Uint8>(x * 255 / w), static_cast<Uint8>(y * 255 / h), 128, 255);
    auto path = dir / "gradient.png";
    REQUIRE(IMG_SavePNG(surface.get(), path.c_str()) == 0);
    return path;
}

std::vector<Color> all_pixels(OffscreenCanvas& canvas)
{
    std::vector<Color> pixels;
    for (int y = 0; y < canvas.height(); ++y)
        for (int x = 0; x < canvas.width(); ++x)
            pixels.push_back(canvas.pixel(x, y));
    return pixels;
}

} // namespace

TEST_CASE("DrawOnce draws exactly what Keep draws and caches no text")
{
    test::ScratchDir dir;
    auto const picture = write_gradient_png(dir, 300, 200);
    struct Row {
        char const* name;
        DisplayList list;
        std::size_t textures_after_draw_once; // corner discs and images are always cached
    };
    std::vector<Row> rows;
    {
        DisplayList list;
        list.text(10, 60, "居民生活用电阶梯电价", FontSpec { 40, FontWeight::Bold }, ink);
        list.text(10, 120, "0.538 元/千瓦时", FontSpec { 32, FontWeight::Regular }, Color { 200, 30, 30, 255 });
        list.text(10, 170, "半透明", FontSpec { 45, FontWeight::Regular }, Color { 0, 0, 0, 128 });
        rows.push_back({ "text of several sizes and colours", list, 0 });
    }
    {
        DisplayList list;
        list.fill(Rect { 20, 20, 300, 120 }, ink, 16);
        list.text(40, 100, "供电服务热线", FontSpec { 45, FontWeight::Bold }, white);
        rows.push_back({ "text on a rounded card", list, 1 });
    }
    {
        DisplayList list;
        list.image(Rect { 10, 10, 240, 160 }, picture.string(), ImageFit::Contain);
        list.text(10, 200, "节约用电 从我做起", FontSpec { 24, FontWeight::Regular }, ink);
        rows.push_back({ "an image with a caption", list, 1 });
    }
    for (Row const& row : rows) {
        CAPTURE(row.name);
        OffscreenCanvas kept(400, 220);
        OffscreenCanvas once(400, 220);
        kept.clear(white);
        once.clear(white);
        DisplayListPlayer keeping(kept.renderer(), test::fonts());
        DisplayListPlayer drawing_once(once.renderer(), test::fonts());
        keeping.play(row.list, 0, 0, TextureReuse::Keep);
        drawing_once.play(row.list, 0, 0, TextureReuse::DrawOnce);
        CHECK(test::count_not(once, 0, 0, 400, 220, white) > 100);
        CHECK(all_pixels(kept) == all_pixels(once));
        CHECK(drawing_once.cached_textures() == row.textures_after_draw_once);
        CHECK(keeping.cached_textures() > row.textures_after_draw_once);
    }
}

// Calls preload() until it says the image is ready (it decodes on a thread of its own).
bool preload_until_ready(DisplayListPlayer& player, const ImageDraw& image, float dx = 0, float dy = 0)
{
    for (int attempt = 0; attempt < 2000; ++attempt) {
        if (player.preload(image, dx, dy))
            return true;
        SDL_Delay(5);
    }
    return false;
}

TEST_CASE("drop_unused keeps what was drawn since the last call, and preloaded images until drawn")
{
    test::ScratchDir dir;
    auto const picture = write_gradient_png(dir, 300, 200);
    OffscreenCanvas canvas(400, 300);
    DisplayListPlayer player(canvas.renderer(), test::fonts());
    auto text = [](char const* words) {
        DisplayList list;
        list.text(10, 60, words, FontSpec { 40, FontWeight::Regular }, ink);
        return list;
    };
    ImageDraw const picture_draw { Rect { 0, 100, 200, 150 }, picture.string(), ImageFit::Cover };
    DisplayList image;
    image.commands.push_back(picture_draw);

    player.play(text("10:00:00"));
    player.play(text("城西供电营业厅"));
    player.play(image);
    CHECK(player.cached_textures() == 3);
    player.drop_unused(); // everything was drawn since the player began
    CHECK(player.cached_textures() == 3);

    player.play(text("10:00:01"));
    player.play(text("城西供电营业厅"));
    player.drop_unused(); // the old clock text and the picture go; the hall name stays
    CHECK(player.cached_textures() == 2);

    REQUIRE(preload_until_ready(player, picture_draw));
    CHECK(player.cached_textures() == 3);
    player.drop_unused();
    player.drop_unused(); // nothing drawn in between: only the picture waiting to be drawn stays
    CHECK(player.cached_textures() == 1);
    CHECK(player.cached_bytes() == 200u * 150u * 4u);
    player.play(image, 0, 0, TextureReuse::DrawOnce);
    CHECK(player.cached_textures() == 1); // drawn from the preloaded texture
    player.drop_unused();
    player.drop_unused(); // drawn, and not since: it goes too
    CHECK(player.cached_textures() == 0);
}

TEST_CASE("preload decodes an image into the cache without drawing it")
{
    test::ScratchDir dir;
    auto const picture = write_gradient_png(dir, 300, 200);
    OffscreenCanvas canvas(320, 240);
    canvas.clear(white);
    DisplayListPlayer player(canvas.renderer(), test::fonts());
    ImageDraw const image { Rect { 10, 10, 150, 100 }, picture.string(), ImageFit::Contain };
    DisplayList list;
    list.commands.push_back(image);
    // Contain: the 3:2 picture fills the 150x100 box exactly, whichever way it was decoded.
    auto check_drawn = [&] {
        CHECK(test::count_not(canvas, 15, 15, 165, 115, white) > 150 * 100 / 2);
        CHECK(test::count_not(canvas, 0, 0, 320, 14, white) == 0);
    };

    SUBCASE("preloaded, then drawn")
    {
        CHECK_FALSE(player.preload(image, 5, 5)); // decoding has started, elsewhere
        REQUIRE(preload_until_ready(player, image, 5, 5));
        CHECK(test::count_not(canvas, 0, 0, 320, 240, white) == 0);
        CHECK(player.cached_textures() == 1);
        CHECK(player.cached_bytes() == 150u * 100u * 4u);
        CHECK(player.preload(image, 5, 5)); // ready at once now
        player.play(list, 5, 5);
        CHECK(player.cached_textures() == 1); // drawn from what preload made
        check_drawn();
    }
    SUBCASE("drawn while the preload is still decoding: the drawing waits for it")
    {
        player.preload(image, 5, 5);
        player.play(list, 5, 5);
        CHECK(player.cached_textures() == 1);
        CHECK(player.preload(image, 5, 5));
        check_drawn();
    }
    SUBCASE("drawn without a preload")
    {
        player.play(list, 5, 5);
        CHECK(player.cached_textures() == 1);
        check_drawn();
    }

    SUBCASE("a missing file is ready at once after its decoding failed, and draws the placeholder")
    {
        test::LogRecorder log;
        ImageDraw const missing { Rect { 10, 120, 100, 100 }, (dir / "missing.png").string(), ImageFit::Contain };
        REQUIRE(preload_until_ready(player, missing));
        CHECK(log.count(LogLevel::Warning, "missing.png") == 1);
        CHECK(player.preload(missing));
        DisplayList placeholder;
        placeholder.commands.push_back(missing);
        player.play(placeholder);
        CHECK(test::count_not(canvas, 10, 120, 110, 220, white) > 100);
        CHECK(log.count(LogLevel::Warning, "missing.png") == 1);
    }
}

TEST_CASE("resampling reads each decoded pixel format as converting it to ARGB8888 first would")
{
    test::session();
    for (Uint32 format : { SDL_PIXELFORMAT_RGB24, SDL_PIXELFORMAT_BGR24, SDL_PIXELFORMAT_ABGR8888,
             SDL_PIXELFORMAT_RGBA8888, SDL_PIXELFORMAT_RGB888, SDL_PIXELFORMAT_ARGB8888 }) {
        CAPTURE(SDL_GetPixelFormatName(format));
        UniqueSurface source(SDL_CreateRGBSurfaceWithFormat(0, 157, 93, 32, format));
        REQUIRE(source);
        auto* bytes = static_cast<Uint8*>(source->pixels);
        for (int i = 0; i < source->pitch * source->h; ++i)
            bytes[i] = static_cast<Uint8>((i * 7919 + i / 13) & 0xFF); // varied channels, alpha too
        UniqueSurface argb(SDL_ConvertSurfaceFormat(source.get(), SDL_PIXELFORMAT_ARGB8888, 0));
        REQUIRE(argb);
        SDL_Rect const part { 2, 3, 150, 88 };
        for (auto const& size : { std::pair { 60, 40 }, std::pair { 150, 88 }, std::pair { 149, 20 } }) {
            // Not a structured binding: CAPTURE's lambda cannot capture bindings under clang 14.
            int const width = size.first;
            int const height = size.second;
            CAPTURE(width);
            UniqueSurface direct = resample_surface(source.get(), part, width, height);
            UniqueSurface converted = resample_surface(argb.get(), part, width, height);
            REQUIRE(direct);
            REQUIRE(converted);
            REQUIRE(direct->pitch == converted->pitch);
            CHECK(std::memcmp(direct->pixels, converted->pixels,
                      static_cast<size_t>(direct->pitch) * static_cast<size_t>(height))
                == 0);
        }
    }
}

TEST_CASE("an opaque RGB888 canvas draws what an ARGB8888 one does")
{
    OffscreenCanvas argb(200, 80, CanvasPixels::Argb8888);
    OffscreenCanvas rgb(200, 80, CanvasPixels::Rgb888);
    DisplayList list;
    list.fill(Rect { 5, 5, 190, 70 }, Color { 230, 240, 250, 255 }, 12);
    list.text(12, 55, "95598 热线", FontSpec { 36, FontWeight::Bold }, ink);
    for (OffscreenCanvas* canvas : { &argb, &rgb }) {
        canvas->clear(white);
        DisplayListPlayer player(canvas->renderer(), test::fonts());
        player.play(list);
    }
    // The colours are the same; only the ARGB canvas can end up with alpha below 255 where
    // translucent edges were blended onto it.
    auto colours = [](std::vector<Color> pixels) {
        for (Color& pixel : pixels)
            pixel.a = 255;
        return pixels;
    };
    CHECK(colours(all_pixels(argb)) == all_pixels(rgb));
    CHECK(test::count_not(rgb, 0, 0, 200, 80, white) > 100);
}

} // namespace hallboard
