// Where a notice was not shown: the "not shown on ..." lines of `hallboard report`, as a pure
// function of the screens that reported and the screens that showed the notice.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <vector>

namespace hallboard {

struct ReportingScreen {
    std::string screen;
    std::string hall;
};

struct PlayCoverage {
    std::vector<ReportingScreen> absent;    // reporting screens that did not show it, in the given order
    std::vector<std::string> halls_without; // halls none of whose reporting screens showed it, sorted
    std::size_t halls_reporting = 0;        // distinct halls among the reporting screens
};

// A hall counts as showing the notice when any one of its reporting screens did: a hall with
// two screens, one of them off, still showed it to its customers.
PlayCoverage play_coverage(const std::vector<ReportingScreen>& reporting, const std::set<std::string>& screens_shown);

} // namespace hallboard
