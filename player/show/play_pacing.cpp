// Moving the play loop's deadline from frame to frame.
#include "player/show/play_pacing.h"

#include <algorithm>

namespace hallboard {

PlayPacing::PlayPacing(double frames_per_second)
    : m_frames_per_second(frames_per_second)
{
}

void PlayPacing::start(SteadyTime start)
{
    m_pacer.emplace(m_frames_per_second, start);
    m_deadline = start;
}

void PlayPacing::bring_forward(SteadyTime now)
{
    m_deadline = std::min(m_deadline, m_pacer->grid_at_or_after(now));
}

void PlayPacing::frame_done(FrameNeed need, Presents presents, SteadyTime next_change, SteadyTime now)
{
    bool const every_frame = need == FrameNeed::EveryFrame;
    if (presents == Presents::PacedByDisplay && every_frame) {
        m_deadline = now; // presents wait for the display: it paces the frames
        return;
    }
    m_deadline = m_pacer->next_deadline(m_deadline, every_frame, next_change, now);
}

} // namespace hallboard
