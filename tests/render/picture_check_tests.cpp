// check's full decoding of pictures: real libjpeg/libpng output, cut short or damaged in the test.
#include "render_test_support.h"

#include "player/render/picture_check.h"

#include <SDL_image.h>

#include <fstream>
#include <iterator>

namespace hallboard {

namespace {

// A 64x48 picture with some detail, so that its JPEG has a scan of real entropy-coded data.
UniqueSurface detailed_surface()
{
    UniqueSurface surface(SDL_CreateRGBSurfaceWithFormat(0, 64, 48, 32, SDL_PIXELFORMAT_ARGB8888));
    REQUIRE(surface);
    for (int y = 0; y < 48; y += 4)
        for (int x = 0; x < 64; x += 4) {
            SDL_Rect const rect { x, y, 4, 4 };
            SDL_FillRect(surface.get(), &rect,
                SDL_MapRGB(surface->format, static_cast<Uint8>(x * 4), static_cast<Uint8>(y * 5),
                    static_cast<Uint8>((x * y) % 256)));
        }
    return surface;
}

std::string bytes_of(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return { std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>() };
}

void write_bytes(const std::filesystem::path& path, std::string_view bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

} // namespace

TEST_CASE("picture_problem: whole pictures pass, cut or damaged ones are named")
{
    test::ScratchDir dir;
    auto surface = detailed_surface();
    auto jpeg = dir / "whole.jpg";
    auto png = dir / "whole.png";
    REQUIRE(IMG_SaveJPG(surface.get(), jpeg.c_str(), 90) == 0);
    REQUIRE(IMG_SavePNG(surface.get(), png.c_str()) == 0);
    auto jpeg_bytes = bytes_of(jpeg);
    auto png_bytes = bytes_of(png);
    REQUIRE(jpeg_bytes.size() > 400);

    std::string damaged_png = png_bytes;
    auto data = damaged_png.find("IDAT");
    REQUIRE(data != std::string::npos);
    for (size_t i = data + 4; i < data + 24 && i < damaged_png.size(); ++i)
        damaged_png[i] = static_cast<char>(damaged_png[i] ^ 0x5A);

    struct Case {
        char const* name;
        std::string bytes;
        char const* problem; // nullptr: no problem
    };
    Case const cases[] = {
        { "whole JPEG", jpeg_bytes, nullptr },
        { "whole PNG", png_bytes, nullptr },
        { "JPEG with bytes after its end marker", jpeg_bytes + std::string(16, '\0'), nullptr },
        // libjpeg only warns "premature end of data" and pads the rest with grey.
        { "JPEG cut at 70%", jpeg_bytes.substr(0, jpeg_bytes.size() * 7 / 10), "is cut short" },
        { "JPEG without its last two bytes", jpeg_bytes.substr(0, jpeg_bytes.size() - 2), "is cut short" },
        { "PNG cut at 70%", png_bytes.substr(0, png_bytes.size() * 7 / 10), "is cut short" },
        { "PNG with damaged image data", damaged_png, "cannot be decoded" },
    };
    for (auto const& test_case : cases) {
        CAPTURE(test_case.name);
        auto path = dir / "picture";
        write_bytes(path, test_case.bytes);
        auto problem = picture_problem(path);
        if (!test_case.problem) {
            CHECK_FALSE(problem);
        } else {
            REQUIRE(problem);
            CHECK(problem->find(test_case.problem) != std::string::npos);
        }
    }
}

} // namespace hallboard
