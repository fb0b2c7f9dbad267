// Stepping through rotation cycles.
#include "player/screen/rotation_cursor.h"

#include "player/schedule/rotation.h"

#include <algorithm>

namespace hallboard {

RotationCursor::RotationCursor(const std::vector<Notice>& notices, std::vector<std::string> screen_tags)
    : m_notices(notices)
    , m_screen_tags(std::move(screen_tags))
{
}

const Notice* RotationCursor::next(const LocalDateTime& now)
{
    // A notice of the current cycle may have expired since the cycle was made: skip it.
    while (m_position < m_cycle.size()) {
        const Notice* candidate = m_cycle[m_position++];
        if (is_eligible(*candidate, now, m_screen_tags))
            return candidate;
    }
    m_cycle = rotation_cycle(m_notices, now, m_screen_tags);
    m_position = 0;
    m_known_urgent = eligible_urgent(now); // the new cycle already starts with them
    m_urgent_looked_at = now;
    if (m_cycle.empty())
        return nullptr;
    return m_cycle[m_position++];
}

std::vector<const Notice*> RotationCursor::eligible_urgent(const LocalDateTime& now) const
{
    std::vector<const Notice*> urgent;
    for (auto const& notice : m_notices) {
        if (notice.priority == Priority::Urgent && notice.kind != NoticeKind::Ticker
            && is_eligible(notice, now, m_screen_tags))
            urgent.push_back(&notice);
    }
    return urgent;
}

bool RotationCursor::urgent_arrived(const LocalDateTime& now)
{
    if (m_urgent_looked_at == now)
        return false;
    m_urgent_looked_at = now;
    auto urgent = eligible_urgent(now);
    bool const arrived = std::any_of(urgent.begin(), urgent.end(), [&](const Notice* notice) {
        return std::find(m_known_urgent.begin(), m_known_urgent.end(), notice) == m_known_urgent.end();
    });
    m_known_urgent = std::move(urgent);
    return arrived;
}

void RotationCursor::restart()
{
    m_cycle.clear();
    m_position = 0;
}

const Notice* RotationCursor::peek(const LocalDateTime& now) const
{
    RotationCursor probe = *this;
    return probe.next(now);
}

Notice make_fallback_notice(const std::string& hall)
{
    Notice notice;
    notice.id = fallback_notice_id;
    notice.kind = NoticeKind::Notice;
    notice.title = hall.empty() ? std::string("欢迎光临") : hall;
    FreeText text;
    text.body = "欢迎光临！\n办理业务请先取号，留意叫号屏幕。\n供电服务热线 95598（24 小时）";
    notice.body = text;
    return notice;
}

} // namespace hallboard
