// Golden images: each slide kind rendered as the screen shows it, compared with a PNG a human
// has looked at. A mismatch writes <name>-FAILED.png into the build folder to look at.
// HALLBOARD_UPDATE_GOLDEN=1 rewrites the goldens (look at them before committing).
#include "content/model/source_loader.h"
#include "player/render/offscreen.h"
#include "player/render/sdl_handles.h"
#include "player/render/sdl_session.h"
#include "player/screen/screen_compositor.h"

#include <SDL_image.h>
#include <doctest/doctest.h>

#include <cstdlib>
#include <cstdio>
#include <filesystem>

using namespace hallboard;

namespace {

const std::filesystem::path golden_folder = HALLBOARD_TEST_DATA;

struct Comparison {
    bool same_size = false;
    long differing = 0; // pixels where some channel differs by more than the tolerance
    long total = 0;
};

Comparison compare(SDL_Surface* actual, SDL_Surface* expected)
{
    Comparison result;
    if (actual->w != expected->w || actual->h != expected->h)
        return result;
    result.same_size = true;
    UniqueSurface a(SDL_ConvertSurfaceFormat(actual, SDL_PIXELFORMAT_ARGB8888, 0));
    UniqueSurface b(SDL_ConvertSurfaceFormat(expected, SDL_PIXELFORMAT_ARGB8888, 0));
    // Small differences in anti-aliasing are not regressions; a moved or missing glyph is.
    constexpr int tolerance = 24;
    for (int y = 0; y < a->h; ++y) {
        auto const* row_a = reinterpret_cast<const Uint8*>(a->pixels) + y * a->pitch;
        auto const* row_b = reinterpret_cast<const Uint8*>(b->pixels) + y * b->pitch;
        for (int x = 0; x < a->w * 4; x += 4) {
            bool differs = false;
            for (int channel = 0; channel < 4; ++channel)
                differs |= std::abs(row_a[x + channel] - row_b[x + channel]) > tolerance;
            result.differing += differs;
        }
    }
    result.total = static_cast<long>(a->w) * a->h;
    return result;
}

struct GoldenCase {
    std::string notice_id;
    int width;
    int height;
};

} // namespace

TEST_CASE("every slide kind matches its golden image")
{
    auto session = SdlSession::start(SdlVideo::NotNeeded);
    REQUIRE(session);
    Diagnostics diagnostics;
    auto source = load_content_source(golden_folder / "source", diagnostics);
    INFO(diagnostics.format_all());
    REQUIRE(source);
    REQUIRE_FALSE(diagnostics.has_errors());
    auto content = std::make_shared<const ContentSource>(std::move(*source));

    ScreenConfig config;
    config.id = "golden-01";
    config.hall = "城西供电营业厅";
    config.theme = default_theme();
    auto fonts = FontSet::open(config.theme.font_families);
    REQUIRE(fonts);

    bool update = std::getenv("HALLBOARD_UPDATE_GOLDEN") != nullptr;
    const GoldenCase cases[] = {
        { "tariff", 1920, 1080 },
        { "flow", 1920, 1080 },
        { "commitments", 1920, 1080 },
        { "hotlines", 1920, 1080 },
        { "outage", 1920, 1080 },
        { "poster", 1920, 1080 },
        { "tariff", 1080, 1920 },
        { "flow", 1080, 1920 },
        { "hotlines", 1080, 1920 },
    };
    for (auto const& golden : cases) {
        auto name = golden.notice_id + "-" + std::to_string(golden.width) + "x" + std::to_string(golden.height);
        {
            INFO("golden case " << name);
            const Notice* notice = nullptr;
            for (auto const& candidate : content->notices)
                if (candidate.id == golden.notice_id)
                    notice = &candidate;
            CHECK(notice);
            if (!notice)
                continue;
            OffscreenCanvas canvas(golden.width, golden.height);
            ScreenCompositor compositor(canvas.renderer(), *fonts, config, golden.width, golden.height);
            compositor.set_content(content);
            ManualClock clock({ { 2026, 12, 1 }, 10 * 60 });
            clock.advance(12); // the ticker's text well in view
            CHECK(compositor.show_static(*notice, 0, clock.now()) > 0);
            compositor.draw_frame(clock.now());

            auto golden_path = golden_folder / (name + ".png");
            if (update) {
                CHECK(canvas.save_png(golden_path));
                MESSAGE("updated " << golden_path.string());
                continue;
            }
            UniqueSurface expected(IMG_Load(golden_path.string().c_str()));
            INFO("golden image " << golden_path.string() << " (HALLBOARD_UPDATE_GOLDEN=1 writes it)");
            CHECK(expected);
            if (!expected)
                continue;
            auto result = compare(canvas.surface(), expected.get());
            bool matches = result.same_size && result.differing * 1000 <= result.total; // at most 0.1 %
            if (!matches) {
                auto failed = std::filesystem::current_path() / (name + "-FAILED.png");
                canvas.save_png(failed);
                MESSAGE("wrote " << failed.string() << " to compare with the golden");
            }
            CHECK(result.same_size);
            CHECK(result.differing * 1000 <= result.total);
        }
    }
}
