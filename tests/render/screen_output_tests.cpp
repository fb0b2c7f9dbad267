// The screen's window on the dummy video driver (as CTest runs it): the software path presents
// the rectangles it is given, turned for a sideways panel, and the path chosen is logged.
#include "render_test_support.h"

#include "player/render/screen_output.h"

#include <cstring>
#include <string>

namespace hallboard {

namespace {

Uint32 window_pixel(SDL_Window* window, int x, int y)
{
    SDL_Surface* surface = SDL_GetWindowSurface(window);
    REQUIRE(surface);
    Uint32 value = 0;
    std::memcpy(
        &value, static_cast<Uint8*>(surface->pixels) + y * surface->pitch + x * surface->format->BytesPerPixel, 4);
    Uint8 r = 0, g = 0, b = 0;
    SDL_GetRGB(value, surface->format, &r, &g, &b);
    return static_cast<Uint32>(r) << 16 | static_cast<Uint32>(g) << 8 | b;
}

OutputOptions window_options(int rotate, RendererSetting renderer)
{
    OutputOptions options;
    options.title = "test";
    options.fullscreen = false;
    options.size = { 320, 200 };
    options.rotate = rotate;
    options.renderer = renderer;
    return options;
}

} // namespace

TEST_CASE("the software path draws into the window surface and presents what it is given")
{
    test::fonts();
    auto video = SdlSession::start(SdlVideo::Required);
    if (!video) {
        MESSAGE("no video driver available; set SDL_VIDEODRIVER=dummy");
        return;
    }
    struct Case {
        int rotate;
        int width, height; // the upright frame
        SDL_Rect drawn;    // upright
        SDL_Point probe;   // where it shows in the window
    };
    Case const cases[] = {
        { 0, 320, 200, { 0, 190, 320, 10 }, { 160, 195 } },
        { 90, 200, 320, { 0, 310, 200, 10 }, { 5, 100 } },    // the frame's bottom on the panel's left
        { 270, 200, 320, { 0, 310, 200, 10 }, { 314, 100 } }, // ... and on its right
        { 180, 320, 200, { 0, 190, 320, 10 }, { 160, 5 } },   // upside down: at the top
    };
    for (auto const& c : cases) {
        CAPTURE(c.rotate);
        test::LogRecorder log;
        auto output = ScreenOutput::open(window_options(c.rotate, RendererSetting::Software));
        REQUIRE(output);
        CHECK(output->path() == RenderPath::Software);
        CHECK_FALSE(output->sub_pixel());
        CHECK_FALSE(output->vsync());
        CHECK(output->width() == c.width);
        CHECK(output->height() == c.height);
        CHECK(log.count(LogLevel::Info, "renderer: software (config: display.renderer is software)") == 1);

        SDL_Renderer* renderer = output->renderer();
        SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
        SDL_Rect const all { 0, 0, c.width, c.height };
        SDL_RenderFillRect(renderer, &all);
        output->present({ all });
        SDL_SetRenderDrawColor(renderer, 0, 0, 255, 255);
        SDL_RenderFillRect(renderer, &c.drawn);
        // Not presented yet: on a turned panel the window does not show it.
        if (c.rotate != 0)
            CHECK(window_pixel(output->window(), c.probe.x, c.probe.y) == 0x000000u);
        output->present({ c.drawn });
        CHECK(window_pixel(output->window(), c.probe.x, c.probe.y) == 0x0000FFu);
    }
}

TEST_CASE("auto and gpu on a machine without a GPU end on the software path, saying why")
{
    test::fonts();
    auto video = SdlSession::start(SdlVideo::Required);
    if (!video) {
        MESSAGE("no video driver available; set SDL_VIDEODRIVER=dummy");
        return;
    }
    if (std::string(SDL_GetCurrentVideoDriver()) != "dummy") {
        MESSAGE("runs on the dummy video driver only");
        return;
    }
    {
        test::LogRecorder log;
        auto output = ScreenOutput::open(window_options(0, RendererSetting::Auto));
        REQUIRE(output);
        CHECK(output->path() == RenderPath::Software);
        CHECK(log.count(LogLevel::Info, "renderer: software (auto: the 'dummy' video driver has no GPU)") == 1);
    }
    {
        // The dummy driver has no OpenGL: asking for the GPU still gives a picture.
        test::LogRecorder log;
        auto output = ScreenOutput::open(window_options(0, RendererSetting::Gpu));
        REQUIRE(output);
        CHECK(output->path() == RenderPath::Software);
        CHECK(log.count(
                  LogLevel::Info, "renderer: software (config asks for gpu, but no accelerated renderer could be made")
            == 1);
    }
}

} // namespace hallboard
