// The play loop's figures for the log: frames drawn and presented, ticker smoothness, late
// frames explained, the first frame's time, and what the process holds twice a day.
#pragma once

#include "player/screen/frame_pacer.h"
#include "player/screen/local_clock.h"
#include "player/screen/screen_show.h"

#include <optional>
#include <utility>

namespace hallboard {

// When one frame's steps happened, to explain a late one.
struct FrameMoments {
    SteadyTime deadline;
    SteadyTime woke;     // the loop started drawing
    SteadyTime drawn;    // drawing done, presenting starts
    SteadyTime shown;    // presented
    double ahead_ms = 0; // work ahead for the next page after presenting
};

// Render thread only.
class PlayFigures {
public:
    // A frame drawn for `time` is on screen; `show` is asked what it holds at midnight and noon.
    void frame_shown(
        const FrameTime& time, const FrameReport& report, const FrameMoments& moments, const ScreenShow& show);

    long frames() const { return m_frames; }
    long slides() const { return m_slides; }
    long presented() const { return m_presented; }

    // What the process holds now (also logged at each midnight and noon).
    void log_held(const FrameTime& time, const ScreenShow& show) const;
    // The totals, after `seconds` of play.
    void log_totals(double seconds) const;

    // Only the first few late ticker frames are explained; then only their count at the end.
    static constexpr std::uint64_t max_logged_late_frames = 10;

private:
    void explain_if_late(const FrameReport& report, const FrameMoments& moments);

    long m_frames = 0;    // frames drawn
    long m_slides = 0;    // slide pages shown
    long m_presented = 0; // frames that changed something on screen
    long long m_damaged_pixels = 0;
    TickerSmoothness m_ticker;
    double m_previous_ahead_ms = 0;
    std::optional<std::pair<Date, bool>> m_half_day; // the date, and whether past noon
};

} // namespace hallboard
