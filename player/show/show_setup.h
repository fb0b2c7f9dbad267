// Setting a screen up the same way wherever it is shown: its fonts, its window's options, and
// the log lines saying what was set up.
#pragma once

#include "base/result.h"
#include "player/config/screen_config.h"
#include "player/render/font_set.h"
#include "player/render/screen_output.h"
#include "player/screen/compose_settings.h"
#include "player/screen/screen_show.h"

#include <memory>

namespace hallboard {

// The theme's font families; fails (one line) when none of them has Chinese characters.
// SDL must have started (an SdlSession).
Result<std::unique_ptr<FontSet>> open_hall_fonts(const ScreenConfig& config);

// The window `config` asks for, on `renderer`.
OutputOptions output_options_for(const ScreenConfig& config, RendererSetting renderer);

// "screen 'id' (hall): WxH[, rotated N degrees]".
void log_screen_opened(const ScreenConfig& config, const ScreenOutput& output);
// How fast frames come and how the ticker moves, once `show` has `settings`.
void log_frame_plan(const ComposeSettings& settings, const ScreenShow& show, const ScreenOutput& output, Redraw redraw);

} // namespace hallboard
