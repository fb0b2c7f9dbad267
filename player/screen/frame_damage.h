// Which parts of the screen differ between the frame already on the target and the next one.
// Pure (no SDL, no clock), so "draw only what changed" is tested without a window.
#pragma once

#include <cstdint>
#include <vector>

namespace hallboard {

struct PixelRect {
    int x = 0;
    int y = 0;
    int w = 0;
    int h = 0;

    bool empty() const { return w <= 0 || h <= 0; }
    int right() const { return x + w; }
    int bottom() const { return y + h; }
    long long area() const { return empty() ? 0 : static_cast<long long>(w) * h; }
    bool operator==(const PixelRect&) const = default;
};

PixelRect intersection(const PixelRect& a, const PixelRect& b); // empty when they do not meet
PixelRect bounding_box(const PixelRect& a, const PixelRect& b);
bool contains(const PixelRect& outer, const PixelRect& inner);
bool overlaps(const PixelRect& a, const PixelRect& b);

// Where each part of the frame is, in whole pixels of the composed (upright) frame.
struct FrameRegions {
    PixelRect screen;
    PixelRect header;   // includes the clock
    PixelRect clock;    // the clock's box inside the header
    PixelRect slide;    // includes the progress bar
    PixelRect progress; // the bar's full length, along the slide area's bottom edge
    PixelRect ticker;
};

// What a frame shows, as far as damage goes: two equal states draw the same pixels.
struct FrameState {
    bool drawn = false;        // false: the target holds nothing of ours yet (first frame, new content, target lost)
    long header_day = 0;       // the header's date, as days since 1970
    int clock_second = -1;     // the clock's text, as seconds of the day
    std::uint64_t page = 0;    // serial number of the page on screen (0: none)
    std::uint64_t leaving = 0; // serial number of the page a transition takes away (0: no transition)
    int transition_step = 0;   // how far the transition is: alpha, or pixels moved
    int progress_width = 0;    // pixels of the progress bar
    std::uint64_t ticker_text = 0; // serial number of the ticker's text
    double ticker_position = 0;    // where the first copy of the text is, in pixels (fractional on the GPU path)

    bool operator==(const FrameState&) const = default;
};

// The rectangles to redraw so that a target showing `shown` shows `next`, one per part that
// changed (rectangles inside another left out). Empty when nothing changed.
std::vector<PixelRect> damaged_rects(const FrameState& shown, const FrameState& next, const FrameRegions& regions);

} // namespace hallboard
