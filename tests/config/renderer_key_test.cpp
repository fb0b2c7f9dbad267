// display.renderer: the three accepted words, the default, and a misspelling reported at its
// place with a did-you-mean.
#include "config_snippets.h"
#include "diagnostic_matchers.h"

#include "player/config/screen_config.h"

#include <doctest/doctest.h>

using namespace hallboard;
using test::config_with_display;

TEST_CASE("display.renderer takes auto, gpu or software, and defaults to auto")
{
    struct Case {
        char const* display; // the lines under display:
        RendererSetting expected;
    };
    Case const cases[] = {
        { "  fullscreen: false\n", RendererSetting::Auto },
        { "  renderer: auto\n", RendererSetting::Auto },
        { "  renderer: gpu\n", RendererSetting::Gpu },
        { "  renderer: software\n", RendererSetting::Software },
        { "  renderer: \" software \"\n", RendererSetting::Software },
    };
    for (auto const& test_case : cases) {
        SUBCASE(test_case.display)
        {
            Diagnostics diagnostics;
            auto config
                = parse_screen_config(config_with_display(test_case.display), "/halls/screen.yaml", diagnostics);
            INFO(diagnostics.format_all());
            REQUIRE(config);
            CHECK(diagnostics.all().empty());
            CHECK(config->renderer == test_case.expected);
        }
    }
}

TEST_CASE("a wrong display.renderer is an error at the value, with a hint")
{
    struct Case {
        char const* display;
        test::ExpectedDiagnostic expected;
    };
    Case const cases[] = {
        { "  renderer: sofware\n",
            { Severity::Error, 4, 13, "'renderer' must be auto, gpu or software, not 'sofware'",
                "did you mean 'software'?" } },
        { "  renderer: gpus\n", { Severity::Error, 4, 13, "not 'gpus'", "did you mean 'gpu'?" } },
        { "  renderer: opengl\n", { Severity::Error, 4, 13, "not 'opengl'", "software never touches OpenGL" } },
        { "  renderer: [gpu]\n", { Severity::Error, 4, 13, "'renderer'", "" } },
        { "  rendrer: gpu\n",
            { Severity::Error, 4, 3, "unknown key 'rendrer' in 'display'", "did you mean 'renderer'?" } },
    };
    for (auto const& test_case : cases) {
        SUBCASE(test_case.display)
        {
            Diagnostics diagnostics;
            auto config
                = parse_screen_config(config_with_display(test_case.display), "/halls/screen.yaml", diagnostics);
            INFO(diagnostics.format_all());
            CHECK_FALSE(config);
            CHECK(diagnostics.error_count() == 1);
            CHECK(test::has_diagnostic(diagnostics, "/halls/screen.yaml", test_case.expected));
        }
    }
}
