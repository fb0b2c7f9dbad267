// Sorting a benchmark's frame times by kind.
#include "player/screen/frame_costs.h"

#include <algorithm>

namespace hallboard {

FrameKind kind_of(const FrameReport& report)
{
    if (report.slide_changed)
        return FrameKind::SlideChange;
    if (report.layout_ms + report.rasterise_ms > 0)
        return FrameKind::Preparing;
    return report.in_transition ? FrameKind::Transition : FrameKind::Steady;
}

void FrameCosts::add(const FrameReport& report, double wall_ms, double cpu_ms)
{
    auto const kind = kind_of(report);
    for (auto* times : { &m_all, &m_by_kind[static_cast<int>(kind)] }) {
        times->wall.push_back(wall_ms);
        times->cpu.push_back(cpu_ms);
    }
    if (kind == FrameKind::Steady) {
        double damaged = 0;
        for (auto const& rect : report.damage)
            damaged += static_cast<double>(rect.w) * rect.h;
        m_steady_damage.push_back(damaged);
    }
    if (report.slide_changed) {
        m_layouts.push_back(report.layout_ms);
        m_rasterisations.push_back(report.rasterise_ms);
        m_prepared_changes += report.prepared_ahead;
    } else {
        m_ahead_ms += report.layout_ms + report.rasterise_ms;
    }
}

long FrameCosts::frames_over(double wall_ms) const
{
    return static_cast<long>(
        std::count_if(m_all.wall.begin(), m_all.wall.end(), [&](double value) { return value > wall_ms; }));
}

double percentile(std::vector<double> values, double fraction)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    auto index = static_cast<size_t>(fraction * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

double maximum(const std::vector<double>& values)
{
    return values.empty() ? 0.0 : *std::max_element(values.begin(), values.end());
}

} // namespace hallboard
