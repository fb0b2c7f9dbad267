// The player on a window's renderer (the dummy video driver under CTest), as the program uses it.
#include "render_test_support.h"

#include "player/render/display_list_player.h"

namespace hallboard {

TEST_CASE("A window renderer draws the same display list, and video sessions nest")
{
    test::fonts();
    auto video = SdlSession::start(SdlVideo::Required);
    if (!video) {
        MESSAGE("no video driver available; set SDL_VIDEODRIVER=dummy");
        return;
    }
    CHECK(video->has_video());
    CHECK(SDL_WasInit(SDL_INIT_VIDEO) != 0);
    UniqueWindow window(SDL_CreateWindow("test", 0, 0, 320, 200, SDL_WINDOW_HIDDEN));
    REQUIRE(window);
    UniqueRenderer renderer(SDL_CreateRenderer(window.get(), -1, 0));
    REQUIRE(renderer);
    {
        DisplayListPlayer player(renderer.get(), test::fonts());
        SDL_SetRenderDrawColor(renderer.get(), 255, 255, 255, 255);
        SDL_RenderClear(renderer.get());
        DisplayList list;
        list.fill(Rect { 10, 10, 100, 60 }, Color { 200, 0, 0, 255 }, 12);
        list.text(130, 60, "95598", FontSpec { 40, FontWeight::Bold }, Color { 0, 0, 0, 255 });
        list.line(20, 150, 300, 150, 4, Color { 0, 100, 0, 255 }, true);
        player.play(list);
        Uint32 pixels[320 * 200];
        REQUIRE(SDL_RenderReadPixels(renderer.get(), nullptr, SDL_PIXELFORMAT_ARGB8888, pixels, 320 * 4) == 0);
        auto at = [&](int x, int y) { return pixels[y * 320 + x] & 0xFFFFFFu; };
        CHECK(at(60, 40) == 0xC80000u);
        CHECK(at(10, 10) == 0xFFFFFFu);
        CHECK(at(150, 150) == 0x006400u);
        int ink = 0;
        for (int y = 20; y < 70; ++y)
            for (int x = 130; x < 250; ++x)
                ink += at(x, y) != 0xFFFFFFu;
        CHECK(ink > 200);
        CHECK(player.cached_bytes() > 0);
    }
    renderer.reset(); // before the window, and both before the video session ends
    window.reset();
    video.reset();
    // The offscreen session of the other tests is still alive and still works.
    CHECK(SDL_WasInit(SDL_INIT_VIDEO) == 0);
    CHECK(test::fonts().width("中", FontSpec { 40, FontWeight::Regular }) > 0);
}

} // namespace hallboard
