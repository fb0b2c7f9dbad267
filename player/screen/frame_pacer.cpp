// Deadline arithmetic on the frame grid, and ticker stutter counting.
#include "player/screen/frame_pacer.h"

#include <algorithm>
#include <cmath>

namespace hallboard {

FramePacer::FramePacer(double frames_per_second, SteadyTime start)
    : m_frames_per_second(frames_per_second > 0 ? frames_per_second : 60)
    , m_interval(std::chrono::duration_cast<SteadyDuration>(std::chrono::duration<double>(1.0 / m_frames_per_second)))
    , m_start(start)
{
    if (m_interval.count() <= 0)
        m_interval = SteadyDuration(1);
}

SteadyTime FramePacer::grid_at_or_after(SteadyTime time) const
{
    if (time <= m_start)
        return m_start;
    auto const elapsed = (time - m_start).count();
    auto const step = m_interval.count();
    auto const frames = (elapsed + step - 1) / step;
    return m_start + SteadyDuration(frames * step);
}

SteadyTime FramePacer::next_deadline(SteadyTime drawn_for, bool animating, SteadyTime next_change, SteadyTime now) const
{
    SteadyTime next = drawn_for + m_interval;
    if (!animating)
        next = std::max(next, grid_at_or_after(next_change));
    if (next + m_interval / 2 < now)
        next = grid_at_or_after(now);
    return next;
}

void TickerSmoothness::frame_shown(SteadyTime shown, bool ticker_moved)
{
    if (ticker_moved && m_previous_moved) {
        double const gap_ms = std::chrono::duration<double, std::milli>(shown - m_previous).count();
        ++m_frames;
        m_moving_seconds += gap_ms / 1000;
        m_worst_gap_ms = std::max(m_worst_gap_ms, gap_ms);
        if (shown - m_previous > late_after)
            ++m_late;
    }
    m_previous_moved = ticker_moved;
    m_previous = shown;
}

double TickerSmoothness::late_per_10_seconds() const
{
    return m_moving_seconds > 0 ? static_cast<double>(m_late) * 10 / m_moving_seconds : 0;
}

} // namespace hallboard
