// UniqueTexture keeps the texture count right whatever path lets a texture go; UniqueSurface frees.
#include "render_test_support.h"

#include "player/render/sdl_handles.h"

#include <utility>

namespace hallboard {

namespace {

UniqueTexture make_texture(SDL_Renderer* renderer)
{
    return UniqueTexture(SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, 8, 8));
}

} // namespace

TEST_CASE("UniqueTexture counts a texture while it holds it")
{
    test::session();
    OffscreenCanvas canvas(16, 16);
    REQUIRE(canvas.is_valid());
    long const before = live_textures();
    {
        UniqueTexture texture = make_texture(canvas.renderer());
        REQUIRE(texture);
        CHECK(live_textures() == before + 1);

        UniqueTexture moved(std::move(texture));
        CHECK_FALSE(texture);
        CHECK(texture == nullptr);
        CHECK(moved != nullptr);
        CHECK(live_textures() == before + 1); // a move is not a new texture

        UniqueTexture other = make_texture(canvas.renderer());
        CHECK(live_textures() == before + 2);
        other = std::move(moved); // the texture other held is destroyed
        CHECK(live_textures() == before + 1);

        other.reset();
        CHECK_FALSE(other);
        CHECK(live_textures() == before);
        other.reset(); // again: nothing to let go
        CHECK(live_textures() == before);

        UniqueTexture kept = make_texture(canvas.renderer());
        CHECK(live_textures() == before + 1);
    }
    CHECK(live_textures() == before); // the scope's end let go of the last one
}

TEST_CASE("UniqueTexture does not count a texture SDL failed to make")
{
    test::session();
    long const before = live_textures();
    UniqueTexture failed(nullptr);
    CHECK_FALSE(failed);
    CHECK(live_textures() == before);
}

TEST_CASE("UniqueSurface owns a surface and hands it on")
{
    test::session();
    UniqueSurface surface(SDL_CreateRGBSurfaceWithFormat(0, 4, 4, 32, SDL_PIXELFORMAT_ARGB8888));
    REQUIRE(surface);
    SDL_Surface* raw = surface.get();
    UniqueSurface moved = std::move(surface);
    CHECK(moved.get() == raw);
    CHECK_FALSE(surface);
}

} // namespace hallboard
