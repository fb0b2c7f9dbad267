// Sampling resident memory frame by frame.
#include "player/screen/memory_over_run.h"

#include "player/screen/process_figures.h"

#include <algorithm>

namespace hallboard {

MemoryOverRun::MemoryOverRun(int frames)
    : m_fifth(std::max(1, frames / 5))
    , m_highest(resident_mebibytes())
{
}

void MemoryOverRun::frame_drawn(int frame, const FrameReport& report)
{
    if (frame % m_fifth == 0)
        m_at_fifths.push_back(resident_mebibytes());
    if (double resident = resident_mebibytes(); resident > m_highest) {
        m_highest = resident;
        m_highest_at = "frame " + std::to_string(frame) + " (" + report.notice_id + " page "
            + std::to_string(report.page + 1)
            + (report.slide_changed        ? ", slide change"
                    : report.in_transition ? ", transition"
                                           : "")
            + ")";
    }
}

} // namespace hallboard
