// Resident memory over a benchmark run: at each fifth of it (it must not grow with the slides
// shown), and its highest with the frame it was reached at. For `hallboard bench`.
#pragma once

#include "player/screen/screen_compositor.h"

#include <string>
#include <vector>

namespace hallboard {

class MemoryOverRun {
public:
    // `frames`: how long the run is. Reads the memory now, before the first frame of the run.
    explicit MemoryOverRun(int frames);

    // Frame `frame` (1-based) of the run, described by `report`, is drawn.
    void frame_drawn(int frame, const FrameReport& report);

    const std::vector<double>& at_fifths() const { return m_at_fifths; } // MiB
    double highest() const { return m_highest; }                         // MiB
    const std::string& highest_at() const { return m_highest_at; }

private:
    int m_fifth;
    std::vector<double> m_at_fifths;
    double m_highest;
    std::string m_highest_at = "the first frame";
};

} // namespace hallboard
