// The order of one rotation cycle, and the ticker's messages.
#include "player/schedule/rotation.h"

#include <algorithm>

namespace hallboard {

// Normal and high notices in source order, each high one a second time about half a cycle
// after its first showing, so that it is seen twice as often without running back to back.
static std::vector<const Notice*> spread_high(const std::vector<const Notice*>& regular)
{
    size_t count = regular.size();
    if (count < 2)
        return regular; // a lone slide stays up anyway: doubling it changes nothing
    struct Placed {
        size_t key; // 2 * position, +1 for a second showing placed after that position
        const Notice* notice;
    };
    std::vector<Placed> placed;
    for (size_t i = 0; i < count; ++i) {
        placed.push_back({ 2 * i, regular[i] });
        if (regular[i]->priority == Priority::High)
            placed.push_back({ 2 * ((i + count / 2) % count) + 1, regular[i] });
    }
    std::stable_sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) { return a.key < b.key; });
    std::vector<const Notice*> order;
    for (auto const& entry : placed)
        order.push_back(entry.notice);
    return order;
}

std::vector<const Notice*> rotation_cycle(
    const std::vector<Notice>& notices, const LocalDateTime& now, const std::vector<std::string>& screen_tags)
{
    std::vector<const Notice*> urgent;
    std::vector<const Notice*> regular;
    for (auto const& notice : notices) {
        if (notice.kind == NoticeKind::Ticker || !is_eligible(notice, now, screen_tags))
            continue;
        (notice.priority == Priority::Urgent ? urgent : regular).push_back(&notice);
    }
    auto others = spread_high(regular);
    if (urgent.empty())
        return others;
    if (others.empty())
        return urgent;
    // Urgent notices take every second slide, the first one included; with several, they
    // take turns. The cycle is long enough for every urgent and every other slide to appear.
    std::vector<const Notice*> cycle;
    size_t rounds = std::max(urgent.size(), others.size());
    for (size_t i = 0; i < rounds; ++i) {
        cycle.push_back(urgent[i % urgent.size()]);
        cycle.push_back(others[i % others.size()]);
    }
    return cycle;
}

std::vector<std::string> ticker_messages(
    const std::vector<Notice>& notices, const LocalDateTime& now, const std::vector<std::string>& screen_tags)
{
    std::vector<std::string> messages;
    for (auto const& notice : notices) {
        if (notice.kind != NoticeKind::Ticker || !is_eligible(notice, now, screen_tags))
            continue;
        if (auto const* ticker = std::get_if<TickerMessage>(&notice.body); ticker && !ticker->text.empty())
            messages.push_back(ticker->text);
    }
    for (auto const& notice : notices) {
        if (notice.kind == NoticeKind::Ticker || notice.priority != Priority::Urgent || notice.title.empty())
            continue;
        if (is_eligible(notice, now, screen_tags))
            messages.push_back(notice.title);
    }
    return messages;
}

} // namespace hallboard
