// Which notices a screen shows now, in what order and for how long. Pure: the current time
// is passed in, never read from a clock.
#pragma once

#include "content/local_time.h"
#include "content/notice.h"
#include "player/config/theme.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace hallboard {

// True when `notice` may be shown at `now` on a screen with `screen_tags`: inside its
// valid_from/valid_until window, on one of its days, in one of its hour ranges, and sharing
// at least one tag with the screen (a notice without tags goes to every screen).
bool is_eligible(const Notice& notice, const LocalDateTime& now, const std::vector<std::string>& screen_tags);

// One pass of the rotation: the eligible slide notices (not tickers) in source order, with
// each `high` notice appearing twice, spread apart, and `urgent` notices first. Pointers
// point into `notices`.
std::vector<const Notice*> rotation_cycle(const std::vector<Notice>& notices, const LocalDateTime& now,
    const std::vector<std::string>& screen_tags);

// The ticker's messages now: every eligible ticker notice's text, then the title of every
// eligible urgent notice.
std::vector<std::string> ticker_messages(const std::vector<Notice>& notices, const LocalDateTime& now,
    const std::vector<std::string>& screen_tags);

struct DurationRules {
    double reading_speed = 6.0; // characters per second
    std::chrono::milliseconds min_duration { 8000 };
    std::chrono::milliseconds max_duration { 40000 };
    std::optional<std::chrono::milliseconds> default_duration; // rotation.default_duration of the screen
};

// The rules in force: the theme's, overridden by channel.yaml, then by the screen config.
DurationRules duration_rules(const Theme& theme, const ChannelDefaults& channel,
    std::optional<std::chrono::milliseconds> screen_default);

// How long one page of a slide stays on screen. An explicit `duration` is per page; otherwise
// the screen's default_duration if set, else the page's reading time
// (characters / reading_speed) clamped to [min, max].
std::chrono::milliseconds page_duration(const Notice& notice, int page_characters, const DurationRules& rules);

} // namespace hallboard
