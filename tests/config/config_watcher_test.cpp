// The config watcher against real files in a temp folder, with an injected clock; and the
// live/restart classification of config changes.
#include "diagnostic_matchers.h"
#include "temp_folder.h"

#include "player/config/config_watcher.h"

#include <doctest/doctest.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <sys/stat.h>

using namespace hallboard;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

std::string screen_yaml(std::string_view hall, std::string_view theme = "theme-a.yaml", std::string_view extra = "")
{
    std::string text = "screen:\n  id: t-01\n  hall: " + std::string(hall) + "\ncontent:\n  source: content\n";
    if (!theme.empty())
        text += "theme: " + std::string(theme) + "\n";
    return text + std::string(extra);
}

std::string theme_yaml(std::string_view accent)
{
    return "name: 测试\ncolors:\n  accent: \"" + std::string(accent) + "\"\n";
}

// A hall's config folder with a screen config and two themes, a watcher on the loaded config,
// and a clock that moves one check interval per check.
//
// Every save stamps the file with its own modification time, 1 ms after the previous one, all
// within one second: the file system's own clock is too coarse to tell apart saves made
// microseconds apart, and the watcher must see edits within a second by the nanoseconds.
class Hall {
public:
    Hall()
    {
        save("theme-a.yaml", theme_yaml("#005f4b"));
        save("theme-b.yaml", theme_yaml("#1a4d8f"));
        save("screen.yaml", screen_yaml("城西营业厅"));
        auto config = load_screen_config(folder / "screen.yaml", diagnostics);
        INFO(diagnostics.format_all());
        REQUIRE(config);
        REQUIRE(diagnostics.all().empty());
        watcher.emplace(std::move(*config));
    }

    // One poll, then the clock moves on to the next check.
    std::optional<ScreenConfig> check()
    {
        auto next = watcher->poll(now, diagnostics);
        now += ConfigWatcher::check_interval;
        return next;
    }

    // `count` checks that must all return nothing.
    void expect_nothing(int count)
    {
        for (int i = 0; i < count; ++i) {
            INFO("check " << i + 1 << " of " << count);
            CHECK_FALSE(check());
        }
    }

    // An edit saved in place, as `echo > file` does (same inode).
    void save(const std::string& name, std::string_view text)
    {
        folder.write(name, text);
        stamp(name);
    }

    // An edit saved as many editors do: a new file renamed over the old one (a new inode).
    void save_by_rename(const std::string& name, std::string_view text)
    {
        save(name + ".saving", text);
        fs::rename(folder / (name + ".saving"), folder / name);
    }

    // `touch`: a new modification time, the same bytes.
    void stamp(const std::string& name)
    {
        ++m_saves;
        timespec times[2] = { { 1'700'000'000, m_saves * 1'000'000L }, { 1'700'000'000, m_saves * 1'000'000L } };
        auto path = folder / name;
        INFO(path << ": " << std::strerror(errno));
        REQUIRE(::utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
    }

    std::string path_of(const std::string& name) const { return (folder / name).lexically_normal().string(); }

    test::TempFolder folder;
    Diagnostics diagnostics;
    std::optional<ConfigWatcher> watcher;
    std::chrono::steady_clock::time_point now { std::chrono::hours(1) };

private:
    long m_saves = 0;
};

} // namespace

TEST_CASE("config watcher: nothing changed, nothing returned or logged")
{
    Hall hall;
    hall.expect_nothing(5);
    CHECK(hall.diagnostics.all().empty());
    CHECK(hall.watcher->in_force().hall == "城西营业厅");
    CHECK(hall.watcher->watched_theme_file() == hall.path_of("theme-a.yaml"));
}

TEST_CASE("config watcher: an edit is loaded on the check after the one that saw it")
{
    struct Case {
        const char* name;
        std::function<void(Hall&)> edit;
        std::string expected_hall;
    };
    Case const cases[] = {
        { "saved in place", [](Hall& hall) { hall.save("screen.yaml", screen_yaml("城东营业厅")); }, "城东营业厅" },
        { "saved by rename", [](Hall& hall) { hall.save_by_rename("screen.yaml", screen_yaml("城东营业厅")); },
            "城东营业厅" },
        // Same size, same inode, same second: only the nanoseconds of the mtime differ.
        { "same size within the same second", [](Hall& hall) { hall.save("screen.yaml", screen_yaml("城西营业所")); },
            "城西营业所" },
    };
    for (auto const& test : cases) {
        SUBCASE(test.name)
        {
            Hall hall;
            auto size_before = fs::file_size(hall.folder / "screen.yaml");
            hall.expect_nothing(1);
            test.edit(hall);
            if (std::string_view(test.name).starts_with("same size"))
                REQUIRE(fs::file_size(hall.folder / "screen.yaml") == size_before);
            CHECK_FALSE(hall.check()); // seen, not yet trusted to be whole
            auto next = hall.check();
            INFO(hall.diagnostics.format_all());
            REQUIRE(next);
            CHECK(next->hall == test.expected_hall);
            CHECK(hall.watcher->in_force().hall == test.expected_hall);
            CHECK(hall.diagnostics.all().empty());
            hall.expect_nothing(3);
        }
    }
}

TEST_CASE("config watcher: no look at the files before the check interval has passed")
{
    Hall hall;
    auto const start = hall.now;
    CHECK_FALSE(hall.watcher->poll(start, hall.diagnostics));
    hall.save("screen.yaml", screen_yaml("城东营业厅"));
    // Were any of these a check, the one after it would load the edit.
    for (auto offset : { 1000ms, 1500ms, 1999ms, 2000ms, 3000ms, 3999ms }) {
        INFO("at +" << offset.count() << " ms");
        CHECK_FALSE(hall.watcher->poll(start + offset, hall.diagnostics));
    }
    auto next = hall.watcher->poll(start + 4000ms, hall.diagnostics);
    REQUIRE(next);
    CHECK(next->hall == "城东营业厅");
}

TEST_CASE("config watcher: a file still being written is loaded only once it holds still")
{
    Hall hall;
    hall.expect_nothing(1);
    for (auto name : { "第一稿", "第二稿", "第三稿" }) {
        hall.save("screen.yaml", screen_yaml(name));
        CHECK_FALSE(hall.check());
    }
    auto next = hall.check();
    REQUIRE(next);
    CHECK(next->hall == "第三稿");
}

TEST_CASE("config watcher: a touch or a save without a value change returns and logs nothing")
{
    struct Case {
        const char* name;
        std::function<void(Hall&)> edit;
    };
    Case const cases[] = {
        { "touch the config", [](Hall& hall) { hall.stamp("screen.yaml"); } },
        { "touch the theme", [](Hall& hall) { hall.stamp("theme-a.yaml"); } },
        { "save the same bytes by rename",
            [](Hall& hall) { hall.save_by_rename("screen.yaml", screen_yaml("城西营业厅")); } },
        { "add a comment", [](Hall& hall) { hall.save("screen.yaml", "# 城西\n" + screen_yaml("城西营业厅")); } },
        { "spell a default out",
            [](Hall& hall) {
                hall.save("screen.yaml", screen_yaml("城西营业厅", "theme-a.yaml", "display:\n  rotate: 0\n"));
            } },
    };
    for (auto const& test : cases) {
        SUBCASE(test.name)
        {
            Hall hall;
            hall.expect_nothing(1);
            test.edit(hall);
            hall.expect_nothing(5);
            CHECK(hall.diagnostics.all().empty());
            // Still watching: a real edit afterwards is picked up.
            hall.save("screen.yaml", screen_yaml("城东营业厅"));
            hall.expect_nothing(1);
            auto next = hall.check();
            REQUIRE(next);
            CHECK(next->hall == "城东营业厅");
        }
    }
}

TEST_CASE("config watcher: a broken edit is reported once, the config in force stays, the fix is picked up")
{
    struct Case {
        const char* name;
        std::string file;
        std::string broken;
        test::ExpectedDiagnostic expected;
        std::string fixed;
        std::function<void(const ScreenConfig&)> check_fixed;
    };
    Case const cases[] = {
        { "invalid YAML", "screen.yaml", "screen:\n  id: t-01\n  hall: [城东\ncontent:\n  source: content\n",
            { Severity::Error, 4, 8, "end of sequence flow not found", "" }, screen_yaml("城东营业厅"),
            [](const ScreenConfig& config) { CHECK(config.hall == "城东营业厅"); } },
        { "unknown key", "screen.yaml", screen_yaml("城东营业厅", "theme-a.yaml", "dispaly:\n  fullscreen: false\n"),
            { Severity::Error, 7, 1, "dispaly", "display" },
            screen_yaml("城东营业厅", "theme-a.yaml", "display:\n  fullscreen: false\n"),
            [](const ScreenConfig& config) {
                CHECK(config.hall == "城东营业厅");
                CHECK(config.fullscreen == false);
            } },
        { "theme with a bad colour", "theme-a.yaml", theme_yaml("#12345"), { Severity::Error, 3, 11, "accent", "" },
            theme_yaml("#123456"),
            [](const ScreenConfig& config) {
                CHECK(config.theme.accent == Color { 0x12, 0x34, 0x56, 255 });
            } },
    };
    for (auto const& test : cases) {
        SUBCASE(test.name)
        {
            Hall hall;
            hall.expect_nothing(1);
            hall.save(test.file, test.broken);
            hall.expect_nothing(2);
            INFO(hall.diagnostics.format_all());
            CHECK(hall.diagnostics.has_errors());
            CHECK(test::has_diagnostic(hall.diagnostics, hall.path_of(test.file), test.expected));
            CHECK(hall.watcher->in_force().hall == "城西营业厅");
            CHECK(hall.watcher->in_force().theme.accent == Color { 0x00, 0x5f, 0x4b, 255 });

            auto reported = hall.diagnostics.all().size();
            hall.expect_nothing(5);
            CHECK(hall.diagnostics.all().size() == reported);
            // Touching the broken file is not an edit: the same error is not logged again.
            hall.stamp(test.file);
            hall.expect_nothing(4);
            CHECK(hall.diagnostics.all().size() == reported);

            hall.save(test.file, test.fixed);
            hall.expect_nothing(1);
            auto next = hall.check();
            REQUIRE(next);
            test.check_fixed(*next);
            CHECK(hall.diagnostics.all().size() == reported);
        }
    }
}

TEST_CASE("config watcher: each broken edit is reported, a revert to the config in force is silent")
{
    Hall hall;
    hall.expect_nothing(1);
    hall.save("screen.yaml", screen_yaml("城东营业厅", "theme-a.yaml", "dispaly: {}\n"));
    hall.expect_nothing(2);
    CHECK(hall.diagnostics.error_count() == 1);

    // Another broken edit is another error, even if it says the same.
    hall.save("screen.yaml", screen_yaml("城东营业厅", "theme-a.yaml", "dispaly: {}\n\n"));
    hall.expect_nothing(2);
    CHECK(hall.diagnostics.error_count() == 2);

    // Back to exactly the config in force: nothing to apply, nothing to say.
    hall.save("screen.yaml", screen_yaml("城西营业厅"));
    hall.expect_nothing(6);
    CHECK(hall.diagnostics.error_count() == 2);
    CHECK(hall.diagnostics.warning_count() == 0);
}

TEST_CASE("config watcher: an edited theme file gives a new config with the new theme")
{
    Hall hall;
    hall.expect_nothing(1);
    hall.save_by_rename("theme-a.yaml", theme_yaml("#8a1c1c"));
    CHECK_FALSE(hall.check());
    auto next = hall.check();
    REQUIRE(next);
    CHECK(next->theme.accent == Color { 0x8a, 0x1c, 0x1c, 255 });
    CHECK(next->hall == "城西营业厅");
    CHECK(hall.diagnostics.all().empty());
}

TEST_CASE("config watcher: the watch follows the config to another theme file")
{
    Hall hall;
    hall.expect_nothing(1);
    hall.save("screen.yaml", screen_yaml("城西营业厅", "theme-b.yaml"));
    hall.expect_nothing(1);
    auto switched = hall.check();
    REQUIRE(switched);
    CHECK(switched->theme_file == hall.path_of("theme-b.yaml"));
    CHECK(switched->theme.accent == Color { 0x1a, 0x4d, 0x8f, 255 });
    CHECK(hall.watcher->watched_theme_file() == hall.path_of("theme-b.yaml"));

    // The theme no longer in use is not watched.
    hall.save("theme-a.yaml", theme_yaml("#000000"));
    hall.expect_nothing(4);

    hall.save("theme-b.yaml", theme_yaml("#224466"));
    hall.expect_nothing(1);
    auto edited = hall.check();
    REQUIRE(edited);
    CHECK(edited->theme.accent == Color { 0x22, 0x44, 0x66, 255 });
    CHECK(hall.diagnostics.all().empty());
}

TEST_CASE("config watcher: a config naming a theme file not there yet is picked up when it appears")
{
    Hall hall;
    hall.expect_nothing(1);
    hall.save("screen.yaml", screen_yaml("城西营业厅", "theme-new.yaml"));
    hall.expect_nothing(2);
    INFO(hall.diagnostics.format_all());
    CHECK(test::has_diagnostic(
        hall.diagnostics, hall.path_of("screen.yaml"), { Severity::Error, 6, 8, "theme file not found", "" }));
    CHECK(hall.watcher->watched_theme_file() == hall.path_of("theme-new.yaml"));
    auto reported = hall.diagnostics.all().size();

    hall.save("theme-new.yaml", theme_yaml("#336699"));
    hall.expect_nothing(1);
    auto next = hall.check();
    REQUIRE(next);
    CHECK(next->theme.accent == Color { 0x33, 0x66, 0x99, 255 });
    CHECK(hall.diagnostics.all().size() == reported);
}

TEST_CASE("config watcher: a removed config is reported once, and a restored one works")
{
    Hall hall;
    hall.expect_nothing(1);
    fs::remove(hall.folder / "screen.yaml");
    hall.expect_nothing(6);
    INFO(hall.diagnostics.format_all());
    REQUIRE(hall.diagnostics.all().size() == 1);
    CHECK(test::has_diagnostic(hall.diagnostics, hall.path_of("screen.yaml"),
        { Severity::Error, 0, 0, "was removed; keeping the config in force", "" }));
    CHECK(hall.watcher->in_force().hall == "城西营业厅");

    hall.save("screen.yaml", screen_yaml("城东营业厅"));
    hall.expect_nothing(1);
    auto next = hall.check();
    REQUIRE(next);
    CHECK(next->hall == "城东营业厅");
    CHECK(hall.diagnostics.all().size() == 1);
}

TEST_CASE("config watcher: a config missing for one check only (an editor's save) is not reported")
{
    Hall hall;
    hall.expect_nothing(1);
    fs::remove(hall.folder / "screen.yaml");
    CHECK_FALSE(hall.check());
    hall.save("screen.yaml", screen_yaml("城东营业厅"));
    CHECK_FALSE(hall.check());
    auto next = hall.check();
    REQUIRE(next);
    CHECK(next->hall == "城东营业厅");
    CHECK(hall.diagnostics.all().empty());
}

TEST_CASE("config watcher: a new config's warnings are reported with it")
{
    Hall hall;
    hall.expect_nothing(1);
    hall.save("screen.yaml",
        "screen:\n  id: t-01\n  hall: 城西营业厅\ncontent:\n  server: http://127.0.0.1:8080\n  allow_unsigned: "
        "true\ntheme: theme-a.yaml\n");
    hall.expect_nothing(1);
    auto next = hall.check();
    REQUIRE(next);
    CHECK(next->server == "http://127.0.0.1:8080");
    CHECK(hall.diagnostics.error_count() == 0);
    CHECK(test::has_diagnostic(
        hall.diagnostics, hall.path_of("screen.yaml"), { Severity::Warning, 5, 11, "no 'public_key'", "" }));
}

TEST_CASE("config watcher: a config without a file watches nothing")
{
    ConfigWatcher watcher { ScreenConfig {} };
    Diagnostics diagnostics;
    auto now = std::chrono::steady_clock::time_point {};
    for (int i = 0; i < 4; ++i, now += ConfigWatcher::check_interval)
        CHECK_FALSE(watcher.poll(now, diagnostics));
    CHECK(diagnostics.all().empty());
}

TEST_CASE("compare_configs: each key is applied live or needs a restart")
{
    enum class Applied { Live, Restart };
    struct Case {
        const char* key;
        Applied applied;
        std::function<void(ScreenConfig&)> edit;
    };
    Case const cases[] = {
        { "screen.id", Applied::Restart, [](ScreenConfig& c) { c.id = "t-02"; } },
        { "screen.hall", Applied::Live, [](ScreenConfig& c) { c.hall = "城东营业厅"; } },
        { "screen.tags", Applied::Live, [](ScreenConfig& c) { c.tags.push_back("lobby"); } },
        { "display.fullscreen", Applied::Restart, [](ScreenConfig& c) { c.fullscreen = false; } },
        { "display.index", Applied::Restart, [](ScreenConfig& c) { c.display_index = 1; } },
        { "display.size", Applied::Restart,
            [](ScreenConfig& c) {
                c.size = { 1280, 720 };
            } },
        { "display.rotate", Applied::Restart, [](ScreenConfig& c) { c.rotate = 90; } },
        { "display.on_hours", Applied::Live,
            [](ScreenConfig& c) {
                c.on_hours = WeeklyHours::every_day({ { 450, 1110 } });
            } },
        { "display.off_hours", Applied::Live, [](ScreenConfig& c) { c.off_hours = OffHours::DimmedClock; } },
        { "display.renderer", Applied::Restart, [](ScreenConfig& c) { c.renderer = RendererSetting::Software; } },
        { "content.server", Applied::Restart, [](ScreenConfig& c) { c.server = "http://10.0.0.2:8080"; } },
        { "content.source", Applied::Restart, [](ScreenConfig& c) { c.source = "/srv/hallboard/other"; } },
        { "content.poll", Applied::Restart, [](ScreenConfig& c) { c.poll = 60s; } },
        { "content.heartbeat", Applied::Restart, [](ScreenConfig& c) { c.heartbeat = 30s; } },
        { "content.cache", Applied::Restart, [](ScreenConfig& c) { c.cache = "/tmp/cache"; } },
        { "content.public_key", Applied::Restart,
            [](ScreenConfig& c) { c.public_key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="; } },
        { "theme", Applied::Live, [](ScreenConfig& c) { c.theme_file = "/etc/hallboard/themes/other.yaml"; } },
        { "theme", Applied::Live,
            [](ScreenConfig& c) {
                c.theme.accent = Color { 1, 2, 3, 255 };
            } },
        { "theme", Applied::Live, [](ScreenConfig& c) { c.theme.body_size = 0.05; } },
        { "timezone", Applied::Restart, [](ScreenConfig& c) { c.timezone = "Asia/Urumqi"; } },
        { "rotation.transition", Applied::Live, [](ScreenConfig& c) { c.transition = Transition::Cut; } },
        { "rotation.transition_time", Applied::Live, [](ScreenConfig& c) { c.transition_time = 0ms; } },
        { "rotation.default_duration", Applied::Live, [](ScreenConfig& c) { c.default_duration = 12s; } },
    };

    ScreenConfig base;
    base.file = "/etc/hallboard/screen.yaml";
    base.id = "t-01";
    base.hall = "城西营业厅";
    base.source = "/srv/hallboard/content";
    base.theme_file = "/etc/hallboard/themes/default.yaml";
    base.theme = default_theme();
    base.default_duration = 10s;

    int row = 0;
    for (auto const& test : cases) {
        // doctest tells subcases apart by name; the theme has several rows.
        auto name = std::string(test.key) + " (row " + std::to_string(++row) + ")";
        SUBCASE(name.c_str())
        {
            auto next = base;
            test.edit(next);
            auto changes = compare_configs(base, next);
            auto const& expected_list = test.applied == Applied::Live ? changes.live : changes.restart;
            auto const& other_list = test.applied == Applied::Live ? changes.restart : changes.live;
            CHECK(expected_list == std::vector<std::string> { test.key });
            CHECK(other_list.empty());
            CHECK_FALSE(changes.empty());
            // The other way round lists the same key.
            auto back = compare_configs(next, base);
            CHECK(back.live == changes.live);
            CHECK(back.restart == changes.restart);
        }
    }

    SUBCASE("no change")
    {
        auto changes = compare_configs(base, base);
        CHECK(changes.live.empty());
        CHECK(changes.restart.empty());
        CHECK(changes.empty());
    }

    SUBCASE("several keys, in the order of a config file")
    {
        auto next = base;
        next.default_duration.reset();
        next.poll = 5s;
        next.hall = "城东营业厅";
        next.id = "t-09";
        auto changes = compare_configs(base, next);
        CHECK(changes.live == std::vector<std::string> { "screen.hall", "rotation.default_duration" });
        CHECK(changes.restart == std::vector<std::string> { "screen.id", "content.poll" });
    }
}
