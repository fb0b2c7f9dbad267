#include "content/heartbeat/play_coverage.h"

#include <map>

namespace hallboard {

PlayCoverage play_coverage(const std::vector<ReportingScreen>& reporting, const std::set<std::string>& screens_shown)
{
    PlayCoverage coverage;
    std::map<std::string, bool> hall_showed; // hall -> did any of its reporting screens show it
    for (auto const& screen : reporting) {
        bool showed = screens_shown.count(screen.screen) > 0;
        hall_showed[screen.hall] = hall_showed[screen.hall] || showed;
        if (!showed)
            coverage.absent.push_back(screen);
    }
    for (auto const& [hall, showed] : hall_showed) {
        if (!showed)
            coverage.halls_without.push_back(hall);
    }
    coverage.halls_reporting = hall_showed.size();
    return coverage;
}

} // namespace hallboard
