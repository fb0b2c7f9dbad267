// channel.yaml: defaults for every notice, each value checked like a notice's.
#include "content/model/source_loader.h"
#include "content_test_support.h"

#include <doctest/doctest.h>

#include <vector>

using namespace hallboard;
using namespace std::chrono_literals;

TEST_CASE("a full channel.yaml")
{
    Diagnostics diagnostics;
    auto channel = parse_channel("duration: 10s\ntags: [lobby, vip]\nfooter: 国网示例供电公司\nreading_speed: "
                                 "4.5\nmin_duration: 6s\nmax_duration: 1m\n",
        "channel.yaml", diagnostics);
    INFO(diagnostics.format_all());
    REQUIRE(channel.has_value());
    CHECK(diagnostics.all().empty());
    CHECK(channel->duration == 10s);
    CHECK(channel->tags == std::vector<std::string> { "lobby", "vip" });
    CHECK(channel->footer == "国网示例供电公司");
    CHECK(channel->reading_speed == doctest::Approx(4.5));
    CHECK(channel->min_duration == 6s);
    CHECK(channel->max_duration == 60s);
}

TEST_CASE("a channel.yaml with nothing but comments means no defaults")
{
    for (auto text : { "", "# every default is commented out\n# duration: 10s\n", "\xEF\xBB\xBF---\n# x\n...\n" }) {
        CAPTURE(text);
        Diagnostics diagnostics;
        auto channel = parse_channel(text, "channel.yaml", diagnostics);
        REQUIRE(channel.has_value());
        CHECK(diagnostics.all().empty());
        CHECK_FALSE(channel->duration.has_value());
        CHECK(channel->tags.empty());
        CHECK_FALSE(channel->reading_speed.has_value());
    }
}

TEST_CASE("channel.yaml errors")
{
    struct Case {
        const char* name;
        const char* yaml;
        int line;
        int column;
        const char* fragment;
    };
    std::vector<Case> cases {
        { "unknown key", "duration: 10s\nfootr: x\n", 2, 1,
            "unknown key 'footr' in channel.yaml (did you mean 'footer'?)" },
        { "notice key", "title: x\n", 1, 1,
            "unknown key 'title' in channel.yaml (allowed here: duration, tags, footer" },
        { "bad duration", "duration: ten\n", 1, 11, "duration 'ten' is not a duration" },
        { "bad min", "min_duration: 0s\n", 1, 15, "min_duration '0s' is zero" },
        { "max below min", "min_duration: 10s\nmax_duration: 5s\n", 2, 15,
            "max_duration is shorter than min_duration" },
        { "speed zero", "reading_speed: 0\n", 1, 16, "reading_speed '0' is not a number of characters per second" },
        { "speed word", "reading_speed: fast\n", 1, 16, "reading_speed 'fast'" },
        { "speed huge", "reading_speed: 1e300\n", 1, 16, "between 0 and 100" },
        { "speed negative", "reading_speed: -6\n", 1, 16, "reading_speed '-6'" },
        { "tags as text", "tags: lobby\n", 1, 7, "'tags' must be a list of words" },
        { "a list", "- duration: 10s\n", 1, 1, "channel.yaml must be a mapping" },
        { "tab", "duration: 10s\n\tfooter: x\n", 2, 1, "tab used for indentation" },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            Diagnostics diagnostics;
            auto channel = parse_channel(c.yaml, "channel.yaml", diagnostics);
            INFO(diagnostics.format_all());
            CHECK_FALSE(channel.has_value());
            CHECK(diagnostics.error_count() == 1);
            CHECK(test::count_matching(diagnostics, test::error_prefix("channel.yaml", c.line, c.column), c.fragment)
                == 1);
        }
    }
}
