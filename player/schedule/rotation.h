// Which notices a screen shows now, in what order and for how long. Pure: the current time
// is passed in, never read from a clock.
#pragma once

#include "base/local_time.h"
#include "content/model/notice.h"
#include "player/config/theme.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace hallboard {

// True when `notice` may be shown at `now` on a screen with `screen_tags`: inside its
// valid_from/valid_until window, on one of its days, in one of its hour ranges, and sharing
// at least one tag with the screen (a notice without tags goes to every screen).
// Tags are compared without regard to ASCII case. Hour ranges past midnight belong to the
// day they start on: days [fri] with hours 22:00-02:00 covers Saturday 01:00, not Friday 01:00.
bool is_eligible(const Notice& notice, const LocalDateTime& now, const std::vector<std::string>& screen_tags);

// One pass of the rotation: the eligible slide notices (not tickers) in source order, with
// each `high` notice appearing twice, spread apart, and `urgent` notices first. Pointers
// point into `notices`.
// In detail: a high notice's second showing comes about half a cycle after its first
// (after the notice count/2 places later, wrapping round). When urgent notices are eligible
// they take every second slide, starting with the first (formats.md: "then every second
// slide"), taking turns when there are several: [U1, a, U2, b, U1, c, ...]; the cycle is long
// enough for every urgent and every other slide to appear at least once. Playing the cycle
// from its start when a new urgent notice appears is the caller's part ("interrupts at once").
std::vector<const Notice*> rotation_cycle(
    const std::vector<Notice>& notices, const LocalDateTime& now, const std::vector<std::string>& screen_tags);

// The ticker's messages now: every eligible ticker notice's text, then the title of every
// eligible urgent notice.
std::vector<std::string> ticker_messages(
    const std::vector<Notice>& notices, const LocalDateTime& now, const std::vector<std::string>& screen_tags);

struct DurationRules {
    double reading_speed = 6.0; // characters per second
    std::chrono::milliseconds min_duration { 8000 };
    std::chrono::milliseconds max_duration { 40000 };
    std::optional<std::chrono::milliseconds> default_duration; // rotation.default_duration of the screen
};

// The rules in force: the theme's, overridden by channel.yaml, then by the screen config.
DurationRules duration_rules(
    const Theme& theme, const ChannelDefaults& channel, std::optional<std::chrono::milliseconds> screen_default);

// How long one page of a slide stays on screen. An explicit `duration` is per page; otherwise
// the screen's default_duration if set, else the page's reading time
// (characters / reading_speed) clamped to [min, max].
std::chrono::milliseconds page_duration(const Notice& notice, int page_characters, const DurationRules& rules);

} // namespace hallboard
