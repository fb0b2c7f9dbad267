// Walks the rotation: which notice comes next, recomputing the cycle each time one ends so
// that notices becoming valid or expiring take effect. Pure: the time is passed in.
#pragma once

#include "content/local_time.h"
#include "content/notice.h"

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

private:
    const std::vector<Notice>& m_notices;
    std::vector<std::string> m_screen_tags;
    std::vector<const Notice*> m_cycle;
    size_t m_position = 0;
};

// The slide shown when no notice is eligible: the hall's name and a welcome, never a black screen.
Notice make_fallback_notice(const std::string& hall);

} // namespace hallboard
