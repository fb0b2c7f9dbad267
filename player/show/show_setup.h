// Setting a screen up the same way wherever it is shown: its fonts, and its window's options.
#pragma once

#include "base/result.h"
#include "player/config/screen_config.h"
#include "player/render/font_set.h"
#include "player/render/screen_output.h"

#include <memory>

namespace hallboard {

// The theme's font families; fails (one line) when none of them has Chinese characters.
// SDL must have started (an SdlSession).
Result<std::unique_ptr<FontSet>> open_hall_fonts(const ScreenConfig& config);

// The window `config` asks for, on `renderer`.
OutputOptions output_options_for(const ScreenConfig& config, RendererSetting renderer);

} // namespace hallboard
