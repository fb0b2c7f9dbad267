// Config edits while playing: live, restart, broken, and a --source that stays in force.
#include "temp_folder.h"

#include "player/show/config_reload.h"

#include <doctest/doctest.h>

using namespace hallboard;
using namespace std::chrono_literals;

namespace {

std::string screen_yaml(std::string_view id, std::string_view hall, std::string_view source = "content")
{
    return "screen:\n  id: " + std::string(id) + "\n  hall: " + std::string(hall)
        + "\ncontent:\n  source: " + std::string(source) + "\n";
}

// Polls once per check interval until something happens (a change is acted on once it holds
// still for one check), at most `checks` times.
ConfigStep poll_until_action(
    ConfigReload& reload, const ScreenConfig& showing, std::chrono::steady_clock::time_point& now, int checks = 4)
{
    for (int i = 0; i < checks; ++i) {
        auto step = reload.poll(now, showing);
        now += ConfigWatcher::check_interval;
        if (step.action != ConfigAction::Nothing)
            return step;
    }
    return {};
}

} // namespace

TEST_CASE("an edited config is applied live, restarts the player, or is left unused")
{
    test::TempFolder folder;
    folder.write("screen.yaml", screen_yaml("r-01", "城西营业厅"));
    Diagnostics diagnostics;
    auto loaded = load_screen_config(folder / "screen.yaml", diagnostics);
    REQUIRE(loaded);
    auto now = std::chrono::steady_clock::now();

    SUBCASE("live")
    {
        ConfigReload reload(*loaded, std::nullopt);
        folder.write("screen.yaml", screen_yaml("r-01", "城东供电营业厅"));
        auto step = poll_until_action(reload, *loaded, now);
        REQUIRE(step.action == ConfigAction::ApplyLive);
        CHECK(step.config->hall == "城东供电营业厅");
    }
    SUBCASE("restart")
    {
        ConfigReload reload(*loaded, std::nullopt);
        folder.write("screen.yaml", screen_yaml("r-02", "城西营业厅"));
        CHECK(poll_until_action(reload, *loaded, now).action == ConfigAction::Restart);
    }
    SUBCASE("broken")
    {
        ConfigReload reload(*loaded, std::nullopt);
        folder.write("screen.yaml", "screen:\n  id: r-01\n");
        CHECK(poll_until_action(reload, *loaded, now).action == ConfigAction::Nothing);
    }
    SUBCASE("the command line's --source stays in force: a new source in the file changes nothing")
    {
        ConfigReload reload(*loaded, loaded->source);
        folder.write("screen.yaml", screen_yaml("r-01", "城东供电营业厅", "elsewhere"));
        auto step = poll_until_action(reload, *loaded, now);
        REQUIRE(step.action == ConfigAction::ApplyLive); // the hall; not a restart for the source
        CHECK(step.config->source == loaded->source);
    }
}
