// Images: fit geometry, contain/cover drawing, placeholders for broken and oversized files.
#include "render_test_support.h"

#include "player/render/display_list_player.h"
#include "player/render/image_fit.h"
#include "player/render/image_probe.h"

#include <SDL_image.h>

#include <fstream>

namespace hallboard {

namespace {

constexpr Color white { 255, 255, 255, 255 };
constexpr Color band_colors[4] = { { 255, 0, 0, 255 }, { 0, 0, 255, 255 }, { 0, 160, 0, 255 }, { 255, 200, 0, 255 } };

// A w x h picture of four vertical bands: red, blue, green, yellow.
std::filesystem::path write_bands_png(const test::ScratchDir& dir, const std::string& name, int w, int h)
{
    UniqueSurface surface(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888));
    REQUIRE(surface);
    for (int band = 0; band < 4; ++band) {
        SDL_Rect const rect { band * w / 4, 0, (band + 1) * w / 4 - band * w / 4, h };
        Color const c = band_colors[band];
        SDL_FillRect(surface.get(), &rect, SDL_MapRGBA(surface->format, c.r, c.g, c.b, c.a));
    }
    auto path = dir / name;
    REQUIRE(IMG_SavePNG(surface.get(), path.c_str()) == 0);
    return path;
}

} // namespace

TEST_CASE("fit_image keeps the aspect ratio")
{
    struct Row {
        int iw, ih, bw, bh;
        ImageFit fit;
        SDL_Rect source;
        int w, h;
    };
    Row const rows[] = {
        // Contain: the whole picture, as large as fits.
        { 200, 100, 100, 100, ImageFit::Contain, { 0, 0, 200, 100 }, 100, 50 },
        { 100, 200, 100, 100, ImageFit::Contain, { 0, 0, 100, 200 }, 50, 100 },
        { 1920, 1080, 960, 1080, ImageFit::Contain, { 0, 0, 1920, 1080 }, 960, 540 },
        { 10, 10, 300, 200, ImageFit::Contain, { 0, 0, 10, 10 }, 200, 200 },
        { 4000, 1, 100, 100, ImageFit::Contain, { 0, 0, 4000, 1 }, 100, 1 },
        // Cover: the box filled, the picture cropped evenly on the long side.
        { 200, 100, 100, 100, ImageFit::Cover, { 50, 0, 100, 100 }, 100, 100 },
        { 100, 200, 100, 100, ImageFit::Cover, { 0, 50, 100, 100 }, 100, 100 },
        { 1920, 1080, 1080, 1080, ImageFit::Cover, { 420, 0, 1080, 1080 }, 1080, 1080 },
        { 10, 10, 300, 150, ImageFit::Cover, { 0, 2, 10, 5 }, 300, 150 },
        { 7, 3, 2, 2, ImageFit::Cover, { 2, 0, 3, 3 }, 2, 2 },
    };
    for (Row const& row : rows) {
        CAPTURE(row.iw);
        CAPTURE(row.ih);
        CAPTURE(row.bw);
        CAPTURE(row.bh);
        ImageFitGeometry const g = fit_image(row.iw, row.ih, row.bw, row.bh, row.fit);
        CHECK(g.source.x == row.source.x);
        CHECK(g.source.y == row.source.y);
        CHECK(g.source.w == row.source.w);
        CHECK(g.source.h == row.source.h);
        CHECK(g.width == row.w);
        CHECK(g.height == row.h);
    }
}

TEST_CASE("Contain letterboxes, cover crops the middle")
{
    test::session();
    test::ScratchDir dir;
    auto const png = write_bands_png(dir, "bands.png", 400, 100);
    OffscreenCanvas canvas(300, 200);
    DisplayListPlayer player(canvas.renderer(), test::fonts());

    SUBCASE("contain: the whole picture, centred, background above and below")
    {
        canvas.clear(white);
        DisplayList list;
        list.image(Rect { 50, 0, 200, 200 }, png.string(), ImageFit::Contain);
        player.play(list);
        // 400x100 into 200x200: drawn 200x50 at y 75..125.
        CHECK(canvas.pixel(150, 70) == white);
        CHECK(canvas.pixel(150, 130) == white);
        CHECK(canvas.pixel(75, 100) == band_colors[0]);
        CHECK(canvas.pixel(125, 100) == band_colors[1]);
        CHECK(canvas.pixel(175, 100) == band_colors[2]);
        CHECK(canvas.pixel(225, 100) == band_colors[3]);
        CHECK(canvas.pixel(150, 76) != white);
        CHECK(canvas.pixel(150, 123) != white);
    }
    SUBCASE("cover: the box filled with the middle two bands")
    {
        canvas.clear(white);
        DisplayList list;
        list.image(Rect { 50, 0, 200, 200 }, png.string(), ImageFit::Cover);
        player.play(list);
        // 400x100 scaled to 800x200, cropped to the middle 200: blue then green.
        CHECK(canvas.pixel(52, 2) == band_colors[1]);
        CHECK(canvas.pixel(120, 197) == band_colors[1]);
        CHECK(canvas.pixel(180, 100) == band_colors[2]);
        CHECK(canvas.pixel(247, 197) == band_colors[2]);
        CHECK(canvas.pixel(49, 100) == white);
        CHECK(canvas.pixel(250, 100) == white);
        int reds = 0;
        for (int x = 50; x < 250; ++x)
            reds += canvas.pixel(x, 100) == band_colors[0] || canvas.pixel(x, 100) == band_colors[3];
        CHECK(reds == 0);
    }
    SUBCASE("a big picture shrinks smoothly: band edges blend over a pixel, not more")
    {
        auto const big = write_bands_png(dir, "big.png", 4000, 1000);
        canvas.clear(white);
        DisplayList list;
        list.image(Rect { 0, 0, 300, 200 }, big.string(), ImageFit::Contain);
        player.play(list);
        CHECK(canvas.pixel(30, 100) == band_colors[0]);
        CHECK(canvas.pixel(110, 100) == band_colors[1]);
        CHECK(canvas.pixel(74, 100) == band_colors[0]);
        CHECK(canvas.pixel(76, 100) == band_colors[1]);
        CHECK(player.cached_bytes() <= 300u * 75u * 4u + 4096u); // cached at the drawn size
    }
}

TEST_CASE("Broken, missing and oversized images draw a placeholder and warn once")
{
    test::session();
    test::ScratchDir dir;
    {
        std::ofstream(dir / "garbage.png") << "this is not a PNG";
        std::ofstream truncated(dir / "truncated.png", std::ios::binary);
        unsigned char const header[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
            0, 0, 0x10, 0, 0, 0, 0, 16 };
        truncated.write(reinterpret_cast<char const*>(header), sizeof header);
        std::ofstream huge(dir / "huge-header.png", std::ios::binary);
        unsigned char huge_header[sizeof header];
        std::copy(std::begin(header), std::end(header), huge_header);
        unsigned char const side[] = { 0, 0x01, 0x86, 0xA0 }; // 100000
        std::copy(std::begin(side), std::end(side), huge_header + 16);
        std::copy(std::begin(side), std::end(side), huge_header + 20);
        huge.write(reinterpret_cast<char const*>(huge_header), sizeof huge_header);
    }
    UniqueSurface wide(
        SDL_CreateRGBSurfaceWithFormat(0, DisplayListPlayer::max_image_side + 1, 2, 32, SDL_PIXELFORMAT_ARGB8888));
    REQUIRE(wide);
    REQUIRE(IMG_SavePNG(wide.get(), (dir / "wide.png").c_str()) == 0);

    struct Row {
        std::string name;
        char const* problem;
    };
    Row const rows[] = {
        { "missing.png", "cannot open" },
        { "garbage.png", "cannot decode" },
        { "truncated.png", "cannot decode" }, // claims 4096x16, fine by size, but its data is gone
        { "huge-header.png", "refused" },     // claims 100000x100000: refused before decoding
        { "wide.png", "refused" },
    };
    for (Row const& row : rows) {
        CAPTURE(row.name);
        std::string const path = (dir / row.name).string();
        test::LogRecorder log;
        OffscreenCanvas canvas(200, 120);
        canvas.clear(white);
        DisplayListPlayer player(canvas.renderer(), test::fonts());
        DisplayList list;
        list.image(Rect { 20, 10, 160, 100 }, path, ImageFit::Cover);
        player.play(list);
        player.play(list);
        CHECK(log.count(LogLevel::Warning, path + ": " + row.problem) == 1);
        // Neutral fill inside, a border at the edge, the diagonals crossing in the middle.
        Color const fill = canvas.pixel(60, 60);
        CHECK(fill != white);
        CHECK(std::max({ fill.r, fill.g, fill.b }) - std::min({ fill.r, fill.g, fill.b }) < 16); // a neutral grey
        CHECK(canvas.pixel(20, 60) != fill);
        CHECK(canvas.pixel(100, 60) != fill);
        CHECK(canvas.pixel(19, 60) == white);
        CHECK(canvas.pixel(180, 60) == white);
    }
}

TEST_CASE("probe_image reads PNG and JPEG sizes from their headers")
{
    test::session();
    test::ScratchDir dir;
    UniqueSurface surface(SDL_CreateRGBSurfaceWithFormat(0, 37, 23, 32, SDL_PIXELFORMAT_ARGB8888));
    REQUIRE(surface);
    REQUIRE(IMG_SavePNG(surface.get(), (dir / "a.png").c_str()) == 0);
    REQUIRE(IMG_SaveJPG(surface.get(), (dir / "a.jpg").c_str(), 80) == 0);
    for (auto const& item : { std::pair { "a.png", ImageFormat::Png }, std::pair { "a.jpg", ImageFormat::Jpeg } }) {
        // Not a structured binding: CAPTURE's lambda cannot capture bindings under clang 14.
        char const* const name = item.first;
        ImageFormat const format = item.second;
        CAPTURE(name);
        auto probe = probe_image(dir / name);
        REQUIRE(probe);
        CHECK(probe->format == format);
        REQUIRE(probe->size);
        CHECK(probe->size->width == 37);
        CHECK(probe->size->height == 23);
    }
    CHECK_FALSE(probe_image(dir / "none.png"));
}

} // namespace hallboard
