// How long a slide page stays on screen: explicit, screen default, or reading time clamped.
#include "player/schedule/rotation.h"

#include <algorithm>
#include <cmath>

namespace hallboard {

DurationRules duration_rules(
    const Theme& theme, const ChannelDefaults& channel, std::optional<std::chrono::milliseconds> screen_default)
{
    DurationRules rules;
    rules.reading_speed = channel.reading_speed.value_or(theme.reading_speed);
    rules.min_duration = channel.min_duration.value_or(theme.min_duration);
    rules.max_duration = channel.max_duration.value_or(theme.max_duration);
    // A channel may raise the minimum past the theme's maximum (or the reverse): the
    // channel's own value wins, since it was written for this content.
    if (rules.min_duration > rules.max_duration) {
        if (channel.min_duration && !channel.max_duration)
            rules.max_duration = rules.min_duration;
        else
            rules.min_duration = rules.max_duration;
    }
    rules.default_duration = screen_default;
    return rules;
}

std::chrono::milliseconds page_duration(const Notice& notice, int page_characters, const DurationRules& rules)
{
    if (notice.duration)
        return *notice.duration;
    if (rules.default_duration)
        return *rules.default_duration;
    if (rules.reading_speed <= 0 || page_characters <= 0)
        return rules.min_duration;
    double seconds = page_characters / rules.reading_speed;
    auto reading = std::chrono::milliseconds(static_cast<long long>(std::ceil(seconds * 1000)));
    return std::clamp(reading, rules.min_duration, std::max(rules.min_duration, rules.max_duration));
}

} // namespace hallboard
