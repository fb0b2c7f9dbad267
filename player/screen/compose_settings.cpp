// The frame rate, ticker positions and slide memory of a render path.
#include "player/screen/compose_settings.h"

namespace hallboard {

ComposeSettings compose_settings_for(RenderPath path, double refresh_rate, Redraw redraw)
{
    bool const full_redraw = redraw == Redraw::Everything;
    ComposeSettings settings;
    settings.frames_per_second = full_redraw ? full_redraw_frames_per_second : refresh_rate;
    // The accelerated renderer filters copies at fractional positions; the software one cannot
    // place anything between pixels.
    settings.ticker_positions = path == RenderPath::Gpu ? TickerPositions::SubPixel : TickerPositions::WholePixels;
    // The window surface keeps what is drawn on it; a GPU's target texture may not be read back
    // cheaply. A full redraw draws the page again every frame, so it keeps it.
    if (path == RenderPath::Software && !full_redraw)
        settings.slide_memory = SlideMemory::ReleaseOnceShown;
    return settings;
}

} // namespace hallboard
