// The example screen configs in config/ (which field staff copy) must always load cleanly.
#include "player/config/screen_config.h"

#include <doctest/doctest.h>

using namespace hallboard;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

static fs::path const repository = fs::path(HALLBOARD_SOURCE_DIR).lexically_normal();

static ScreenConfig load_example(const char* name)
{
    Diagnostics diagnostics;
    auto config = load_screen_config(repository / "config" / name, diagnostics);
    INFO(diagnostics.format_all());
    REQUIRE(config);
    CHECK(diagnostics.all().empty()); // not even a warning in a file people copy
    return *config;
}

TEST_CASE("config/demo.yaml: the landscape lobby screen")
{
    auto config = load_example("demo.yaml");
    CHECK(config.id == "hz-chengxi-01");
    CHECK(config.hall == "城西供电营业厅");
    CHECK(config.tags == std::vector<std::string> { "hangzhou", "lobby" });
    CHECK(config.fullscreen == false);
    CHECK(config.size == ScreenSize { 1920, 1080 });
    CHECK(config.rotate == 0);
    CHECK(config.server.empty());
    CHECK(config.source == repository / "content" / "demo");
    CHECK(config.theme_file == repository / "themes" / "default.yaml");
    CHECK(config.theme == default_theme());
    CHECK(config.timezone == "Asia/Shanghai");
    CHECK(config.transition == Transition::Fade);
    CHECK(config.transition_time == 600ms);
}

TEST_CASE("config/portrait.yaml: a portrait screen in the same hall")
{
    auto config = load_example("portrait.yaml");
    auto demo = load_example("demo.yaml");
    CHECK(config.id != demo.id);
    CHECK(config.hall == demo.hall);
    CHECK(config.size == ScreenSize { 1080, 1920 });
    CHECK(config.size.height > config.size.width);
    CHECK(config.source == demo.source);
    CHECK(config.theme == default_theme());
    CHECK(config.timezone == "Asia/Shanghai");
}
