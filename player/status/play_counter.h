// Proof of play: how often and how long each notice was shown, per local day, kept for a few days.
#pragma once

#include "content/heartbeat/heartbeat.h"
#include "base/local_time.h"

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace hallboard {

// Thread-safe: the screen records from its own thread while the heartbeat sender reads totals
// from another. Pure otherwise: dates come from the caller, there is no clock.
class PlayCounter {
public:
    static constexpr int default_days_kept = 7; // a week without reaching the server loses nothing

    explicit PlayCounter(int days_kept = default_days_kept);

    // One showing of `notice` that began on local `date` and lasted `shown` (a showing that
    // runs past midnight counts for the day it began). Showings of no time are ignored. Days
    // before date - (days_kept - 1) are dropped, and days after date + 1 too (the clock was
    // set back: what was counted under the wrong date is not kept).
    void record(const Date& date, std::string_view notice, std::chrono::milliseconds shown);

    // Every total kept, by date then notice id; seconds are the whole seconds of the summed time.
    std::vector<PlayTotal> totals() const;

    int days_kept() const { return m_days_kept; }

private:
    struct Tally {
        std::uint64_t count = 0;
        std::chrono::milliseconds shown { 0 };
    };

    int m_days_kept;
    mutable std::mutex m_mutex;
    std::map<Date, std::map<std::string, Tally, std::less<>>> m_days;
};

} // namespace hallboard
