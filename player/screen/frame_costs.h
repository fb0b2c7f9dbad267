// What frames cost over a benchmark run, by what each did besides drawing: a slide change, a
// transition, preparing the next page ahead, or nothing (steady). For `hallboard bench`.
#pragma once

#include "player/screen/screen_compositor.h"

#include <vector>

namespace hallboard {

enum class FrameKind {
    Steady,      // drew only what moves
    Preparing,   // also laid out or rasterised the next page ahead (a few milliseconds)
    Transition,  // the old page still fading or sliding out
    SlideChange, // showed a new page
};

FrameKind kind_of(const FrameReport& report);

// Times in milliseconds: wall time, and the thread's CPU time (which other processes on the
// machine do not inflate).
struct FrameTimes {
    std::vector<double> wall;
    std::vector<double> cpu;
};

class FrameCosts {
public:
    void add(const FrameReport& report, double wall_ms, double cpu_ms);

    const FrameTimes& of(FrameKind kind) const { return m_by_kind[static_cast<int>(kind)]; }
    const FrameTimes& all() const { return m_all; }
    long frames_over(double wall_ms) const;                                        // frames whose wall time was longer
    const std::vector<double>& steady_damage() const { return m_steady_damage; }   // pixels a steady frame redraws
    const std::vector<double>& layouts() const { return m_layouts; }               // ms, at slide changes
    const std::vector<double>& rasterisations() const { return m_rasterisations; } // ms, at slide changes
    int prepared_changes() const { return m_prepared_changes; } // slide changes whose page was made ahead
    double ahead_ms() const { return m_ahead_ms; }              // work ahead outside slide changes, in all

private:
    FrameTimes m_by_kind[4];
    FrameTimes m_all;
    std::vector<double> m_steady_damage;
    std::vector<double> m_layouts;
    std::vector<double> m_rasterisations;
    int m_prepared_changes = 0;
    double m_ahead_ms = 0;
};

// The value below which `fraction` (0 to 1) of `values` lie, the nearest one; 0 for none.
double percentile(std::vector<double> values, double fraction);
double maximum(const std::vector<double>& values); // 0 for none

} // namespace hallboard
