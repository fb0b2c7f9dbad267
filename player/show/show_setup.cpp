// A screen's fonts and window options from its config.
#include "player/show/show_setup.h"

#include "base/log.h"

#include <cstdio>
#include <string>

namespace hallboard {

Result<std::unique_ptr<FontSet>> open_hall_fonts(const ScreenConfig& config)
{
    auto fonts = FontSet::open(config.theme.font_families);
    if (!fonts)
        return fail("no font with Chinese characters found; install fonts-noto-cjk");
    return fonts;
}

OutputOptions output_options_for(const ScreenConfig& config, RendererSetting renderer)
{
    OutputOptions options;
    options.title = "Hallboard - " + config.hall;
    options.fullscreen = config.fullscreen;
    options.display_index = config.display_index;
    options.size = config.size;
    options.rotate = config.rotate;
    options.renderer = renderer;
    return options;
}

void log_screen_opened(const ScreenConfig& config, const ScreenOutput& output)
{
    log_info("screen '" + config.id + "' (" + config.hall + "): " + std::to_string(output.width()) + "x"
        + std::to_string(output.height())
        + (config.rotate ? ", rotated " + std::to_string(config.rotate) + " degrees" : ""));
}

void log_frame_plan(const ComposeSettings& settings, const ScreenShow& show, const ScreenOutput& output, Redraw redraw)
{
    char rates[96];
    std::snprintf(rates, sizeof rates, "frames: up to %.0f a second, ticker %.1f px/s: ", settings.frames_per_second,
        show.ticker_pixels_per_second());
    std::string const mode = redraw == Redraw::Everything ? "every frame drawn whole (--full-redraw)"
        : output.sub_pixel()                              ? "the ticker at sub-pixel positions"
                                                          : "the ticker in whole-pixel steps";
    log_info(rates + mode);
}

} // namespace hallboard
