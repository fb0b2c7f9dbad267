// When the next frame is due: on a fixed grid of deadlines while something moves, at the next
// change (rounded up to the grid) while nothing does. And how smooth the ticker was. Pure: the
// caller passes every time in, so both are tested without sleeping.
#pragma once

#include <chrono>
#include <cstdint>

namespace hallboard {

using SteadyTime = std::chrono::steady_clock::time_point;
using SteadyDuration = std::chrono::steady_clock::duration;

class FramePacer {
public:
    // Deadlines fall on start + k / frames_per_second. Keeping them on one grid keeps a ticker
    // that moves a whole number of pixels a frame moving by the same number every frame.
    FramePacer(double frames_per_second, SteadyTime start);

    SteadyDuration interval() const { return m_interval; }
    double frames_per_second() const { return m_frames_per_second; }

    // The first deadline at or after `time`.
    SteadyTime grid_at_or_after(SteadyTime time) const;

    // The deadline of the frame after the one drawn for `drawn_for`. `animating`: the picture
    // moves every frame; otherwise it next changes at `next_change`. A frame that would be
    // due more than half an interval in the past is skipped rather than rushed: the loop goes
    // on at the first deadline after `now`.
    SteadyTime next_deadline(SteadyTime drawn_for, bool animating, SteadyTime next_change, SteadyTime now) const;

private:
    double m_frames_per_second;
    SteadyDuration m_interval;
    SteadyTime m_start;
};

// Counts ticker frames that came later than `late_after` after the one before (what a viewer
// sees as a stutter), over the time the ticker was moving.
class TickerSmoothness {
public:
    static constexpr std::chrono::milliseconds late_after { 25 };

    // A frame reached the screen at `shown`; `ticker_moved`: it moved the ticker.
    void frame_shown(SteadyTime shown, bool ticker_moved);

    std::uint64_t frames() const { return m_frames; }
    std::uint64_t late_frames() const { return m_late; }
    double moving_seconds() const { return m_moving_seconds; }
    double worst_gap_ms() const { return m_worst_gap_ms; }
    double late_per_10_seconds() const;

private:
    bool m_previous_moved = false;
    SteadyTime m_previous {};
    std::uint64_t m_frames = 0;
    std::uint64_t m_late = 0;
    double m_moving_seconds = 0;
    double m_worst_gap_ms = 0;
};

} // namespace hallboard
