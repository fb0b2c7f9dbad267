// Counting showings per day and notice, bounded to the last few days.
#include "player/status/play_counter.h"

#include <algorithm>

namespace hallboard {

PlayCounter::PlayCounter(int days_kept)
    : m_days_kept(std::max(days_kept, 1))
{
}

void PlayCounter::record(const Date& date, std::string_view notice, std::chrono::milliseconds shown)
{
    if (shown <= std::chrono::milliseconds(0) || notice.empty())
        return;
    std::lock_guard lock(m_mutex);
    auto day = days_from_civil(date);
    auto oldest = civil_from_days(day - (m_days_kept - 1));
    auto newest = civil_from_days(day + 1);
    std::erase_if(m_days, [&](auto const& entry) { return entry.first < oldest || entry.first > newest; });
    auto& notices = m_days[date];
    auto found = notices.find(notice);
    if (found == notices.end())
        found = notices.emplace(std::string(notice), Tally {}).first;
    found->second.count += 1;
    found->second.shown += shown;
}

std::vector<PlayTotal> PlayCounter::totals() const
{
    std::lock_guard lock(m_mutex);
    std::vector<PlayTotal> totals;
    for (auto const& [date, notices] : m_days) {
        for (auto const& [notice, tally] : notices) {
            auto seconds = std::chrono::duration_cast<std::chrono::seconds>(tally.shown).count();
            totals.push_back({ date, notice, tally.count, static_cast<std::uint64_t>(seconds) });
        }
    }
    return totals;
}

} // namespace hallboard
