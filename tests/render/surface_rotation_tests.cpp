// Turning damaged rectangles onto a sideways panel gives the picture SDL's own rotation gives
// (what the player did before: the whole frame through SDL_RenderCopyEx), rectangle by rectangle.
#include "render_test_support.h"

#include "player/render/surface_rotation.h"

#include <cstring>

namespace hallboard {

namespace {

using Surface = UniqueSurface;

Surface make_surface(int width, int height)
{
    return Surface(SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGB888));
}

Uint32& pixel(SDL_Surface* surface, int x, int y)
{
    return *reinterpret_cast<Uint32*>(static_cast<Uint8*>(surface->pixels) + y * surface->pitch + x * 4);
}

// Every pixel different, so a misplaced one shows.
Surface pattern(int width, int height)
{
    Surface surface = make_surface(width, height);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            pixel(surface.get(), x, y) = static_cast<Uint32>((x * 7 + 1) << 12 | (y * 13 + 3));
    return surface;
}

// The whole frame turned as the player used to turn it: SDL_RenderCopyEx about the centre.
Surface turned_by_sdl(SDL_Surface* upright, int degrees)
{
    bool const sideways = degrees == 90 || degrees == 270;
    int const out_w = sideways ? upright->h : upright->w;
    int const out_h = sideways ? upright->w : upright->h;
    Surface output = make_surface(out_w, out_h);
    {
        UniqueRenderer renderer(SDL_CreateSoftwareRenderer(output.get()));
        UniqueTexture texture(SDL_CreateTextureFromSurface(renderer.get(), upright));
        SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_NONE);
        SDL_Rect place { (out_w - upright->w) / 2, (out_h - upright->h) / 2, upright->w, upright->h };
        SDL_RenderCopyEx(renderer.get(), texture.get(), nullptr, &place, degrees, nullptr, SDL_FLIP_NONE);
        SDL_RenderPresent(renderer.get());
    } // the texture, then the renderer, go before the surface they drew on is handed back
    return output;
}

int differences(SDL_Surface* a, SDL_Surface* b)
{
    int count = 0;
    for (int y = 0; y < a->h; ++y)
        for (int x = 0; x < a->w; ++x)
            count += (pixel(a, x, y) & 0xFFFFFFu) != (pixel(b, x, y) & 0xFFFFFFu);
    return count;
}

} // namespace

TEST_CASE("a turned frame, copied whole or a rectangle at a time, is SDL's turned frame")
{
    test::session();
    int const width = 64;
    int const height = 40;
    Surface upright = pattern(width, height);
    for (int degrees : { 90, 180, 270 }) {
        CAPTURE(degrees);
        Surface expected = turned_by_sdl(upright.get(), degrees);
        REQUIRE(expected);

        Surface whole = make_surface(expected->w, expected->h);
        CHECK(copy_rotated(upright.get(), { 0, 0, width, height }, whole.get(), degrees));
        CHECK(differences(whole.get(), expected.get()) == 0);

        // Three rectangles tiling the frame (header, slide, ticker), each turned on its own.
        Surface pieces = make_surface(expected->w, expected->h);
        SDL_FillRect(pieces.get(), nullptr, 0);
        SDL_Rect const parts[] = { { 0, 0, width, 6 }, { 0, 6, width, 28 }, { 0, 34, width, 6 } };
        for (auto const& part : parts) {
            CHECK(copy_rotated(upright.get(), part, pieces.get(), degrees));
            // The rectangle the copy landed in is the one rotated_rect names: outside it, still black.
            SDL_Rect const landed = rotated_rect(part, width, height, degrees);
            CHECK(landed.w * landed.h == part.w * part.h);
        }
        CHECK(differences(pieces.get(), expected.get()) == 0);

        // One small rectangle: only its turned place changes.
        Surface one = make_surface(expected->w, expected->h);
        SDL_FillRect(one.get(), nullptr, 0);
        SDL_Rect const clock { 50, 2, 10, 5 };
        CHECK(copy_rotated(upright.get(), clock, one.get(), degrees));
        SDL_Rect const landed = rotated_rect(clock, width, height, degrees);
        int inside = 0, outside = 0;
        for (int y = 0; y < one->h; ++y)
            for (int x = 0; x < one->w; ++x) {
                bool const in = x >= landed.x && x < landed.x + landed.w && y >= landed.y && y < landed.y + landed.h;
                bool const same = (pixel(one.get(), x, y) & 0xFFFFFFu) == (pixel(expected.get(), x, y) & 0xFFFFFFu);
                inside += in && same;
                outside += !in && (pixel(one.get(), x, y) & 0xFFFFFFu) != 0;
            }
        CHECK(inside == clock.w * clock.h);
        CHECK(outside == 0);
    }
}

TEST_CASE("rotated_rect turns rectangles clockwise")
{
    struct Case {
        int degrees;
        SDL_Rect rect;
        SDL_Rect expected;
    };
    // An upright 1080x1920 frame on a 1920x1080 panel; the ticker along the frame's bottom.
    Case const cases[] = {
        { 0, { 0, 1844, 1080, 76 }, { 0, 1844, 1080, 76 } },
        { 90, { 0, 1844, 1080, 76 }, { 0, 0, 76, 1080 } },     // the bottom goes to the left
        { 270, { 0, 1844, 1080, 76 }, { 1844, 0, 76, 1080 } }, // the bottom goes to the right
        { 180, { 0, 1844, 1080, 76 }, { 0, 0, 1080, 76 } },    // upside down: to the top
        { 90, { 10, 20, 30, 40 }, { 1860, 10, 40, 30 } },
    };
    for (auto const& c : cases) {
        CAPTURE(c.degrees);
        SDL_Rect const got = rotated_rect(c.rect, 1080, 1920, c.degrees);
        CHECK(got.x == c.expected.x);
        CHECK(got.y == c.expected.y);
        CHECK(got.w == c.expected.w);
        CHECK(got.h == c.expected.h);
    }
}

TEST_CASE("copy_rotated refuses surfaces that do not fit together")
{
    test::session();
    Surface upright = pattern(64, 40);
    Surface wrong_size = make_surface(64, 40);
    CHECK_FALSE(copy_rotated(upright.get(), { 0, 0, 64, 40 }, wrong_size.get(), 90));
    Surface other_format(SDL_CreateRGBSurfaceWithFormat(0, 40, 64, 32, SDL_PIXELFORMAT_ABGR8888));
    CHECK_FALSE(copy_rotated(upright.get(), { 0, 0, 64, 40 }, other_format.get(), 90));
}

} // namespace hallboard
