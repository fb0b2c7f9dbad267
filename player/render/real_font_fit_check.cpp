// The layout check measured with the real fonts, as the screen will draw them.
#include "player/render/real_font_fit_check.h"

#include "player/layout/fit_check.h"
#include "player/render/font_set.h"
#include "player/render/sdl_session.h"

#include <SDL.h>

namespace hallboard {

void check_fit_with_real_fonts(CheckRun& run, ScreenSize size)
{
    auto session = SdlSession::start(SdlVideo::NotNeeded);
    if (!session) {
        run.report.diagnostics.error({}, std::string("cannot start SDL to measure text: ") + SDL_GetError());
        return;
    }
    Theme theme = run.theme.value_or(default_theme());
    auto fonts = FontSet::open(theme.font_families);
    if (!fonts) {
        run.report.diagnostics.error({}, "no font with Chinese characters found; install fonts-noto-cjk");
        return;
    }
    check_fit(run, theme, size, *fonts);
}

} // namespace hallboard
