// How a screen is composed on a given render path: the frame rate the ticker is paced for, where
// it may stand between pixels, and whether shown pages keep their textures. Shared by `play`
// and `bench`, so that the benchmark composes as the player does.
#pragma once

#include "player/render/renderer_choice.h"
#include "player/screen/screen_compositor.h"
#include "player/screen/ticker_strip.h"

namespace hallboard {

struct ComposeSettings {
    double frames_per_second = 60;
    TickerPositions ticker_positions = TickerPositions::WholePixels;
    SlideMemory slide_memory = SlideMemory::Keep;
};

inline constexpr double full_redraw_frames_per_second = 60;

// `refresh_rate`: the display's (Hz). Redraw::Everything is the old loop, kept for comparisons
// (scripts/measure.sh --compare): the whole frame drawn at full_redraw_frames_per_second.
ComposeSettings compose_settings_for(RenderPath path, double refresh_rate, Redraw redraw);

// Gives the settings to a ScreenShow (the player) or a ScreenCompositor (the bench).
template <typename Composer>
void apply_compose_settings(const ComposeSettings& settings, Composer& composer)
{
    composer.set_frame_rate(settings.frames_per_second, settings.ticker_positions);
    composer.set_slide_memory(settings.slide_memory);
}

} // namespace hallboard
