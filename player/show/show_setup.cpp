// A screen's fonts and window options from its config.
#include "player/show/show_setup.h"

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

} // namespace hallboard
