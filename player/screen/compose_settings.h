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

// `refresh_rate`: the display's (Hz). Redraw::Everything is the old loop, kept for comparisons
// (scripts/measure.sh --compare): the whole frame drawn at full_redraw_frames_per_second.
ComposeSettings compose_settings_for(RenderPath path, double refresh_rate, Redraw redraw);

inline constexpr double full_redraw_frames_per_second = 60;

} // namespace hallboard
