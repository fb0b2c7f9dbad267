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

    // The first few late ticker frames are explained one line each (start-up is when they
    // happen and when someone reads the log); after that, one summary line a minute at most.
    static constexpr std::uint64_t explained_late_frames = 3;
    static constexpr double late_summary_seconds = 60;

private:
    void explain_if_late(const FrameReport& report, const FrameMoments& moments);
    // The summary of the late frames since the last one, if any; starts a new minute.
    void log_late_summary(double now_seconds);

    // Late ticker frames not explained one by one, since the last summary.
    struct LateFrames {
        long count = 0;
        long at_slide_change = 0;
        long in_transition = 0;
        double worst_ms = 0; // from the frame's deadline to its presentation
    };

    long m_frames = 0;    // frames drawn
    long m_slides = 0;    // slide pages shown
    long m_presented = 0; // frames that changed something on screen
    long long m_damaged_pixels = 0;
    TickerSmoothness m_ticker;
    double m_previous_ahead_ms = 0;
    LateFrames m_late_since_summary;
    std::optional<double> m_summary_started;         // monotonic seconds of the show
    std::optional<std::pair<Date, bool>> m_half_day; // the date, and whether past noon
};

} // namespace hallboard
