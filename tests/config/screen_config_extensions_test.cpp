// Our two screen-config keys beyond formats.md: content.heartbeat (the heartbeat interval) and
// display.off_hours (what shows outside on_hours): values, defaults, and errors at their place.
#include "config_snippets.h"
#include "diagnostic_matchers.h"

#include "player/config/screen_config.h"

#include <doctest/doctest.h>

using namespace hallboard;
using namespace std::chrono_literals;
using test::config_with_content;
using test::config_with_display;

namespace {

char const* const config_path = "/halls/screen.yaml";

std::string const server_lines = "  server: http://127.0.0.1:8080\n"
                                 "  public_key: AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n";

} // namespace

TEST_CASE("content.heartbeat takes a whole number of seconds from 1 s to 1 h, and defaults to 60 s")
{
    struct Case {
        char const* name;
        std::string content; // the lines under content:
        std::chrono::seconds expected;
    };
    Case const cases[] = {
        { "absent", server_lines, 60s },
        { "1s", server_lines + "  heartbeat: 1s\n", 1s },
        { "90s", server_lines + "  heartbeat: 90s\n", 90s },
        { "2m", server_lines + "  heartbeat: 2m\n", 2min },
        { "1h", server_lines + "  heartbeat: 1h\n", 1h },
        { "3000ms", server_lines + "  heartbeat: 3000ms\n", 3s },
        { "quoted with spaces", server_lines + "  heartbeat: \" 5s \"\n", 5s },
    };
    for (auto const& test_case : cases) {
        SUBCASE(test_case.name)
        {
            Diagnostics diagnostics;
            auto config = parse_screen_config(config_with_content(test_case.content), config_path, diagnostics);
            INFO(diagnostics.format_all());
            REQUIRE(config);
            CHECK(diagnostics.all().empty());
            CHECK(config->heartbeat == test_case.expected);
        }
    }
}

TEST_CASE("a wrong content.heartbeat is an error at the value")
{
    struct Case {
        char const* content;
        test::ExpectedDiagnostic expected;
    };
    Case const cases[] = {
        { "  heartbeat: 500ms\n", { Severity::Error, 6, 14, "'heartbeat' must be between 1s and 1h, not 500ms", "" } },
        { "  heartbeat: 2h\n", { Severity::Error, 6, 14, "'heartbeat' must be between 1s and 1h, not 2h", "" } },
        { "  heartbeat: 30\n",
            { Severity::Error, 6, 14, "'heartbeat' must be a duration like 8s", "add a unit: 30s" } },
        { "  heartbeat: often\n", { Severity::Error, 6, 14, "'heartbeat' must be a duration like 8s", "" } },
        { "  heartbeat: 1500ms\n",
            { Severity::Error, 6, 14, "'heartbeat' must be whole seconds, not 1500ms", "write e.g. 1s" } },
        { "  heartbeat: [1s]\n", { Severity::Error, 6, 14, "'heartbeat'", "" } },
        { "  heartbeet: 5s\n",
            { Severity::Error, 6, 3, "unknown key 'heartbeet' in 'content'", "did you mean 'heartbeat'?" } },
        { "  hearbeat: 5s\n",
            { Severity::Error, 6, 3, "unknown key 'hearbeat' in 'content'", "did you mean 'heartbeat'?" } },
    };
    for (auto const& test_case : cases) {
        SUBCASE(test_case.content)
        {
            Diagnostics diagnostics;
            auto config
                = parse_screen_config(config_with_content(server_lines + test_case.content), config_path, diagnostics);
            INFO(diagnostics.format_all());
            CHECK_FALSE(config);
            CHECK(diagnostics.error_count() == 1);
            CHECK(test::has_diagnostic(diagnostics, config_path, test_case.expected));
        }
    }
}

TEST_CASE("content.heartbeat with a local source is a warning: nothing is sent")
{
    Diagnostics diagnostics;
    auto config
        = parse_screen_config(config_with_content("  source: content\n  heartbeat: 5s\n"), config_path, diagnostics);
    INFO(diagnostics.format_all());
    REQUIRE(config);
    CHECK(diagnostics.error_count() == 0);
    CHECK(diagnostics.warning_count() == 1);
    CHECK(test::has_diagnostic(diagnostics, config_path,
        { Severity::Warning, 5, 14, "'heartbeat' has no effect with a local 'source'", "server" }));
    CHECK(config->heartbeat == 5s);
}

TEST_CASE("display.off_hours takes blank or clock, and defaults to blank")
{
    struct Case {
        char const* display; // the lines under display:
        OffHours expected;
    };
    Case const cases[] = {
        { "  fullscreen: false\n", OffHours::Blank },
        { "  on_hours: \"07:30-18:30\"\n", OffHours::Blank },
        { "  on_hours: \"07:30-18:30\"\n  off_hours: blank\n", OffHours::Blank },
        { "  on_hours: \"07:30-18:30\"\n  off_hours: clock\n", OffHours::DimmedClock },
        { "  off_hours: \" clock \"\n  on_hours: [\"07:30-12:00\", \"13:30-18:30\"]\n", OffHours::DimmedClock },
    };
    for (auto const& test_case : cases) {
        SUBCASE(test_case.display)
        {
            Diagnostics diagnostics;
            auto config = parse_screen_config(config_with_display(test_case.display), config_path, diagnostics);
            INFO(diagnostics.format_all());
            REQUIRE(config);
            CHECK(diagnostics.all().empty());
            CHECK(config->off_hours == test_case.expected);
        }
    }
}

TEST_CASE("a wrong display.off_hours is an error at the value, with the allowed values")
{
    struct Case {
        char const* display;
        test::ExpectedDiagnostic expected;
    };
    Case const cases[] = {
        { "  on_hours: \"07:30-18:30\"\n  off_hours: clok\n",
            { Severity::Error, 5, 14, "'off_hours' must be blank or clock, not 'clok'", "did you mean 'clock'?" } },
        { "  on_hours: \"07:30-18:30\"\n  off_hours: black\n",
            { Severity::Error, 5, 14, "'off_hours' must be blank or clock, not 'black'", "did you mean 'blank'?" } },
        { "  on_hours: \"07:30-18:30\"\n  off_hours: dimmed\n",
            { Severity::Error, 5, 14, "'off_hours' must be blank or clock, not 'dimmed'",
                "blank: a black screen; clock: a dimmed clock" } },
        { "  on_hours: \"07:30-18:30\"\n  off_hours: [clock]\n", { Severity::Error, 5, 14, "'off_hours'", "" } },
        // No warning about on_hours on top of the error: the value is what needs fixing.
        { "  off_hours: true\n", { Severity::Error, 4, 14, "'off_hours' must be blank or clock, not 'true'", "" } },
        { "  on_hours: \"07:30-18:30\"\n  off_hour: clock\n",
            { Severity::Error, 5, 3, "unknown key 'off_hour' in 'display'", "did you mean 'off_hours'?" } },
    };
    for (auto const& test_case : cases) {
        SUBCASE(test_case.display)
        {
            Diagnostics diagnostics;
            auto config = parse_screen_config(config_with_display(test_case.display), config_path, diagnostics);
            INFO(diagnostics.format_all());
            CHECK_FALSE(config);
            CHECK(diagnostics.error_count() == 1);
            CHECK(diagnostics.warning_count() == 0);
            CHECK(test::has_diagnostic(diagnostics, config_path, test_case.expected));
        }
    }
}

TEST_CASE("display.off_hours without on_hours is a warning, not an error")
{
    struct Case {
        char const* display;
        OffHours expected;
    };
    Case const cases[] = {
        { "  off_hours: clock\n", OffHours::DimmedClock },
        { "  off_hours: blank\n", OffHours::Blank },
    };
    for (auto const& test_case : cases) {
        SUBCASE(test_case.display)
        {
            Diagnostics diagnostics;
            auto config = parse_screen_config(config_with_display(test_case.display), config_path, diagnostics);
            INFO(diagnostics.format_all());
            REQUIRE(config);
            CHECK(diagnostics.error_count() == 0);
            CHECK(diagnostics.warning_count() == 1);
            CHECK(test::has_diagnostic(diagnostics, config_path,
                { Severity::Warning, 4, 14, "'off_hours' has no effect without 'on_hours'",
                    "on_hours: \"07:30-18:30\"" }));
            CHECK(config->off_hours == test_case.expected);
        }
    }
}
