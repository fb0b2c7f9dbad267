// How long a page stays up: the rules in force, and explicit, default and reading-time durations.
#include "schedule_test_support.h"

#include "player/schedule/rotation.h"

using namespace hallboard;
using namespace std::chrono_literals;

static ChannelDefaults channel(std::optional<double> reading_speed, std::optional<std::chrono::milliseconds> min,
    std::optional<std::chrono::milliseconds> max)
{
    ChannelDefaults defaults;
    defaults.reading_speed = reading_speed;
    defaults.min_duration = min;
    defaults.max_duration = max;
    return defaults;
}

TEST_CASE("duration rules: theme, overridden by the channel, plus the screen's default")
{
    Theme theme;
    theme.reading_speed = 6;
    theme.min_duration = 8s;
    theme.max_duration = 40s;

    struct Case {
        const char* name;
        ChannelDefaults channel;
        std::optional<std::chrono::milliseconds> screen_default;
        DurationRules expected;
    };
    Case const cases[] = {
        { "theme only", {}, std::nullopt, { 6, 8s, 40s, std::nullopt } },
        { "channel reading speed", channel(4.0, std::nullopt, std::nullopt), std::nullopt,
            { 4, 8s, 40s, std::nullopt } },
        { "channel bounds", channel(std::nullopt, 10s, 30s), std::nullopt, { 6, 10s, 30s, std::nullopt } },
        { "screen default", {}, 12s, { 6, 8s, 40s, 12s } },
        { "channel minimum above the theme's maximum", channel(std::nullopt, 50s, std::nullopt), std::nullopt,
            { 6, 50s, 50s, std::nullopt } },
        { "channel maximum below the theme's minimum", channel(std::nullopt, std::nullopt, 5s), std::nullopt,
            { 6, 5s, 5s, std::nullopt } },
    };
    for (auto const& test_case : cases) {
        SUBCASE(test_case.name)
        {
            auto rules = duration_rules(theme, test_case.channel, test_case.screen_default);
            CHECK(rules.reading_speed == test_case.expected.reading_speed);
            CHECK(rules.min_duration == test_case.expected.min_duration);
            CHECK(rules.max_duration == test_case.expected.max_duration);
            CHECK(rules.default_duration == test_case.expected.default_duration);
        }
    }
}

TEST_CASE("page durations")
{
    DurationRules const reading { 6, 8s, 40s, std::nullopt };
    DurationRules const slow { 3, 8s, 40s, std::nullopt };
    DurationRules const with_default { 6, 8s, 40s, 12s };
    struct Case {
        const char* name;
        std::optional<std::chrono::milliseconds> explicit_duration;
        int characters;
        DurationRules rules;
        std::chrono::milliseconds expected;
    };
    Case const cases[] = {
        { "reading time", std::nullopt, 60, reading, 10s },
        { "reading time rounds up to the millisecond", std::nullopt, 61, reading, 10167ms },
        { "slower readers", std::nullopt, 60, slow, 20s },
        { "short text: the minimum", std::nullopt, 10, reading, 8s },
        { "long text: the maximum", std::nullopt, 600, reading, 40s },
        { "no text: the minimum", std::nullopt, 0, reading, 8s },
        { "exactly the minimum", std::nullopt, 48, reading, 8s },
        { "exactly the maximum", std::nullopt, 240, reading, 40s },
        { "the screen's default instead of reading time", std::nullopt, 600, with_default, 12s },
        { "explicit, per page", 15s, 600, reading, 15s },
        { "explicit beats the screen's default", 15s, 10, with_default, 15s },
        { "explicit is not clamped", 2min, 10, reading, 2min },
    };
    for (auto const& test_case : cases) {
        SUBCASE(test_case.name)
        {
            Notice notice = test::slide("n");
            notice.duration = test_case.explicit_duration;
            CHECK(page_duration(notice, test_case.characters, test_case.rules) == test_case.expected);
        }
    }
}
