// Whether a notice may be shown at a given local time on a given screen.
#include "player/schedule/rotation.h"

#include <algorithm>

namespace hallboard {

static bool on_day(const Notice& notice, const Date& date)
{
    if (notice.days.empty())
        return true;
    return std::find(notice.days.begin(), notice.days.end(), weekday_of(date)) != notice.days.end();
}

static Date previous_day(const Date& date)
{
    return civil_from_days(days_from_civil(date) - 1);
}

// Days and hours together: a range past midnight belongs to the day it starts on, so
// "days: [fri], hours: 22:00-02:00" still shows at 01:00 on Saturday and not at 01:00 on Friday.
static bool in_daypart(const Notice& notice, const LocalDateTime& now)
{
    if (notice.hours.empty())
        return on_day(notice, now.date);
    for (auto const& range : notice.hours) {
        int minute = now.minute_of_day;
        if (range.start_minute < range.end_minute) {
            if (minute >= range.start_minute && minute < range.end_minute && on_day(notice, now.date))
                return true;
            continue;
        }
        if (minute >= range.start_minute && on_day(notice, now.date))
            return true;
        if (minute < range.end_minute && on_day(notice, previous_day(now.date)))
            return true;
    }
    return false;
}

static bool same_word(std::string_view a, std::string_view b)
{
    // Tags are compared without regard to ASCII case: "Hangzhou" on a notice and "hangzhou"
    // on a screen is a typing difference, not an intent to hide the notice.
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return a.size() == b.size()
        && std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return lower(x) == lower(y); });
}

static bool shares_tag(const std::vector<std::string>& notice_tags, const std::vector<std::string>& screen_tags)
{
    if (notice_tags.empty())
        return true;
    for (auto const& tag : notice_tags) {
        for (auto const& screen_tag : screen_tags) {
            if (same_word(tag, screen_tag))
                return true;
        }
    }
    return false;
}

bool is_eligible(const Notice& notice, const LocalDateTime& now, const std::vector<std::string>& screen_tags)
{
    if (notice.valid_from && now < *notice.valid_from)
        return false;
    if (notice.valid_until && now > *notice.valid_until)
        return false;
    return in_daypart(notice, now) && shares_tag(notice.tags, screen_tags);
}

} // namespace hallboard
