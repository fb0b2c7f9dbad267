// Walks the rotation: which notice comes next, recomputing the cycle each time one ends so
// that notices becoming valid or expiring take effect. Pure: the time is passed in.
#pragma once

#include "base/local_time.h"
#include "content/model/notice.h"

#include <optional>
#include <string>
#include <vector>

namespace hallboard {

class RotationCursor {
public:
    // `notices` must outlive the cursor.
    RotationCursor(const std::vector<Notice>& notices, std::vector<std::string> screen_tags);

    // The notice to show next at `now`, or nullptr when nothing is eligible (the caller
    // then shows its fallback slide and asks again later).
    const Notice* next(const LocalDateTime& now);
    // What next(now) would return, without moving the cursor: lets the compositor prepare the
    // next slide ahead (next() at the change then confirms it).
    const Notice* peek(const LocalDateTime& now) const;

    // True when an urgent notice is eligible at `now` that was not at the last look (or when
    // the current cycle was made): the caller interrupts the slide on screen and calls
    // restart(). Looks at most once per minute of `now`, the granularity of validity, so it is
    // cheap to ask every frame.
    bool urgent_arrived(const LocalDateTime& now);
    // Drops the rest of the current cycle: next() starts a new one, urgent notices first.
    void restart();

private:
    std::vector<const Notice*> eligible_urgent(const LocalDateTime& now) const;

    const std::vector<Notice>& m_notices;
    std::vector<std::string> m_screen_tags;
    std::vector<const Notice*> m_cycle;
    size_t m_position = 0;
    std::vector<const Notice*> m_known_urgent; // eligible urgent notices at the last look
    std::optional<LocalDateTime> m_urgent_looked_at;
};

// The slide shown when no notice is eligible: the hall's name and a welcome, never a black screen.
// Proof of play leaves it out by this id: it is the compositor's calm slide, not a notice.
inline constexpr char const* fallback_notice_id = "fallback";
Notice make_fallback_notice(const std::string& hall);

} // namespace hallboard
