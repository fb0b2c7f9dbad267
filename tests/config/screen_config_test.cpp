// Screen config parsing: exact values of valid configs, and the exact place and wording of
// every error in malformed ones (tests/config/data/screen/).
#include "diagnostic_matchers.h"

#include "player/config/base64.h"
#include "player/config/screen_config.h"

#include <doctest/doctest.h>

using namespace hallboard;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

static fs::path const data_folder = fs::path(HALLBOARD_TEST_DATA) / "screen";

TEST_CASE("a config with every field set is read exactly")
{
    Diagnostics diagnostics;
    auto path = data_folder / "good" / "full.yaml";
    auto config = load_screen_config(path, diagnostics);
    INFO(diagnostics.format_all());
    REQUIRE(config);
    CHECK(diagnostics.all().empty());

    CHECK(config->file == path.lexically_normal());
    CHECK(config->id == "gz-tianhe_01");
    CHECK(config->hall == "天河供电营业厅");
    CHECK(config->tags == std::vector<std::string> { "guangzhou", "lobby" }); // the repeated tag once
    CHECK(config->fullscreen == false);
    CHECK(config->display_index == 1);
    CHECK(config->size == ScreenSize { 1280, 720 });
    CHECK(config->rotate == 90);
    CHECK(config->on_hours == WeeklyHours::every_day({ { 7 * 60 + 30, 12 * 60 }, { 13 * 60 + 30, 18 * 60 + 30 } }));
    CHECK(config->server == "https://signage.example.cn:8443/halls/tianhe"); // trailing slash dropped
    CHECK(config->source.empty());
    CHECK(config->poll == 2min);
    CHECK(config->cache == (data_folder / "good" / "hallboard-cache").lexically_normal());
    CHECK(config->public_key == "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    CHECK(config->theme_file == (fs::path(HALLBOARD_TEST_DATA) / "themes" / "ok.yaml").lexically_normal());
    CHECK(config->theme.name == "测试主题");
    CHECK(config->theme.accent == Color { 0x00, 0x5f, 0x4b, 255 });
    CHECK(config->theme.body_size == 0.05);
    CHECK(config->timezone == "Asia/Shanghai");
    CHECK(config->transition == Transition::Cut);
    CHECK(config->transition_time == 0ms);
    REQUIRE(config->default_duration);
    CHECK(*config->default_duration == 12s);
}

TEST_CASE("a minimal config takes every default")
{
    Diagnostics diagnostics;
    auto config = load_screen_config(data_folder / "good" / "minimal.yaml", diagnostics);
    INFO(diagnostics.format_all());
    REQUIRE(config);
    CHECK(diagnostics.all().empty());
    CHECK(config->id == "t-01");
    CHECK(config->hall == "测试营业厅");
    CHECK(config->tags.empty());
    CHECK(config->fullscreen == true);
    CHECK(config->display_index == 0);
    CHECK(config->size == ScreenSize { 1920, 1080 });
    CHECK(config->rotate == 0);
    CHECK(config->on_hours.always_on);
    CHECK(config->server.empty());
    CHECK(config->source == (data_folder / "content").lexically_normal());
    CHECK(config->off_hours == OffHours::Blank);
    CHECK(config->poll == 30s);
    CHECK(config->heartbeat == 60s);
    CHECK(config->cache == fs::path("/var/lib/hallboard"));
    CHECK(config->public_key.empty());
    CHECK(config->theme_file.empty());
    CHECK(config->theme == default_theme());
    CHECK(config->timezone.empty());
    CHECK(config->transition == Transition::Fade);
    CHECK(config->transition_time == 600ms);
    CHECK_FALSE(config->default_duration);
}

TEST_CASE("other accepted spellings")
{
    Diagnostics diagnostics;
    auto config = load_screen_config(data_folder / "good" / "variants.yaml", diagnostics);
    INFO(diagnostics.format_all());
    REQUIRE(config);
    CHECK(diagnostics.all().empty());
    CHECK(config->id == "0night");
    CHECK(config->hall == "夜间营业厅"); // surrounding spaces trimmed
    CHECK(config->fullscreen == true);   // "yes"
    CHECK(config->rotate == 270);
    CHECK(config->on_hours == WeeklyHours::every_day({ { 22 * 60, 6 * 60 }, { 12 * 60, 13 * 60 } }));
    CHECK(config->source == fs::path("/srv/hall/content/demo")); // "./" and the trailing slash dropped
    CHECK(config->cache == fs::path("/var/cache/hallboard"));
    CHECK(config->transition == Transition::Slide);
}

TEST_CASE("warnings do not fail a config")
{
    struct Case {
        char const* file;
        test::ExpectedDiagnostic warning;
    };
    Case const cases[] = {
        { "unknown-zone.yaml",
            { Severity::Warning, 4, 11, "time zone 'Asia/Shangai' is not installed",
                "did you mean 'Asia/Shanghai'?" } },
        { "server-unsigned.yaml",
            { Severity::Warning, 3, 19, "no 'public_key' and allow_unsigned: true", "public_key" } },
        { "placeholder-id.yaml",
            { Severity::Warning, 2, 14, "screen id 'change-me-01' is the packaged placeholder", "its own id" } },
        { "portrait-rotated.yaml",
            { Severity::Warning, 5, 11, "'rotate' 90 turns the portrait size 1080x1920 on its side",
                "keep rotate: 0" } },
        { "manifest-url.yaml",
            { Severity::Warning, 4, 11, "'server' ends in /manifest.json", "http://10.1.2.3:8080/halls" } },
    };
    for (auto const& test_case : cases) {
        SUBCASE(test_case.file)
        {
            Diagnostics diagnostics;
            auto path = data_folder / "good" / test_case.file;
            auto config = load_screen_config(path, diagnostics);
            INFO(diagnostics.format_all());
            CHECK(config);
            CHECK(diagnostics.error_count() == 0);
            CHECK(diagnostics.warning_count() == 1);
            CHECK(test::has_diagnostic(diagnostics, path.string(), test_case.warning));
        }
    }
}

TEST_CASE("malformed configs report the place and the problem")
{
    struct Case {
        char const* file;
        int error_count;
        test::ExpectedDiagnostic expected;
        char const* reported_in = nullptr; // another file than the config, relative to the test data
    };
    // Every file starts with one comment line; see the files in data/screen/bad/.
    Case const cases[] = {
        { "typo-top.yaml", 1,
            { Severity::Error, 7, 1, "unknown key 'dispaly' in the screen config", "did you mean 'display'?" } },
        { "typo-nested.yaml", 1,
            { Severity::Error, 8, 3, "unknown key 'fulscreen' in 'display'", "did you mean 'fullscreen'?" } },
        { "typo-content.yaml", 2,
            { Severity::Error, 6, 3, "unknown key 'sorce' in 'content'", "did you mean 'source'?" } },
        { "typo-content.yaml", 2,
            { Severity::Error, 6, 3, "'content' needs 'server' or 'source'", "source: ../content/demo" } },
        { "screen-not-map.yaml", 1, { Severity::Error, 2, 9, "'screen' must be a mapping", "" } },
        { "tags-not-list.yaml", 1, { Severity::Error, 5, 9, "'tags' must be a list", "" } },
        { "size-star.yaml", 1,
            { Severity::Error, 8, 9, "'size' must be width x height in pixels, like 1920x1080, not '1920*1080'",
                "lowercase x" } },
        { "rotate-45.yaml", 1, { Severity::Error, 8, 11, "'rotate' must be 0, 90, 180 or 270, not '45'", "" } },
        { "on-hours-bad.yaml", 1,
            { Severity::Error, 8, 13, "'on_hours' has a malformed time range '13:30-25:00'", "HH:MM-HH:MM" } },
        { "fullscreen-maybe.yaml", 1,
            { Severity::Error, 8, 15, "'fullscreen' must be true or false, not 'maybe'", "" } },
        { "index-negative.yaml", 1, { Severity::Error, 8, 10, "'index' must be between 0 and 15, not -1", "" } },
        { "url-ftp.yaml", 1,
            { Severity::Error, 6, 11,
                "'server' must be a web address starting with http:// or https://, not 'ftp://example.cn/hall'", "" } },
        { "url-no-scheme.yaml", 1,
            { Severity::Error, 6, 11, "not '127.0.0.1:8080'", "add the scheme: http://127.0.0.1:8080" } },
        { "url-bad-port.yaml", 1, { Severity::Error, 6, 11, "not 'http://127.0.0.1:80800'", "" } },
        { "both-server-source.yaml", 1,
            { Severity::Error, 6, 11, "'content' has both 'server' and 'source'", "keep one" } },
        { "neither-server-source.yaml", 1,
            { Severity::Error, 6, 3, "'content' needs 'server' or 'source'", "server: http://" } },
        { "no-content.yaml", 1, { Severity::Error, 2, 1, "missing required section 'content'", "" } },
        { "key-not-base64.yaml", 1,
            { Severity::Error, 7, 15, "'public_key' is not valid base64 text", "44 characters" } },
        { "server-no-key.yaml", 1,
            { Severity::Error, 3, 19, "no 'public_key': this screen would accept content anyone could forge",
                "allow_unsigned: true" } },
        { "fullwidth-colon.yaml", 1,
            { Severity::Error, 3, 7, "full-width colon '：' where YAML needs ':' after 'hall'", "hall: ..." } },
        { "fullwidth-indent.yaml", 1,
            { Severity::Error, 6, 1, "full-width space '　' used for indentation", "ASCII spaces" } },
        { "fullwidth-tags.yaml", 1, { Severity::Error, 4, 18, "full-width comma '，' where YAML needs ','", "" } },
        { "fullwidth-colon-flow.yaml", 1,
            { Severity::Error, 2, 24, "full-width colon '：' where YAML needs ':'", "" } },
        { "utf16.yaml", 1, { Severity::Error, 1, 1, "UTF-16", "UTF-8" } },
        { "key-short.yaml", 1,
            { Severity::Error, 7, 15, "'public_key' decodes to 16 bytes; an Ed25519 public key has 32", "" } },
        { "missing-hall.yaml", 1, { Severity::Error, 3, 3, "missing required key 'hall'", "" } },
        { "bad-id.yaml", 1, { Severity::Error, 3, 7, "screen id 'GZ 01' is not a valid id", "lowercase letters" } },
        { "tabs.yaml", 1, { Severity::Error, 3, 1, "tab used for indentation", "indent with spaces" } },
        { "empty.yaml", 1, { Severity::Error, 0, 0, "file is empty", "" } },
        { "gbk.yaml", 1, { Severity::Error, 4, 9, "not valid UTF-8", "GBK" } },
        { "poll-no-unit.yaml", 1,
            { Severity::Error, 7, 9, "'poll' must be a duration like 8s, 1500ms or 2m, not '30'", "add a unit: 30s" } },
        { "transition-typo.yaml", 1,
            { Severity::Error, 7, 24, "'transition' must be fade, slide or cut, not 'fad'", "did you mean 'fade'?" } },
        { "transition-time-long.yaml", 1,
            { Severity::Error, 8, 20, "'transition_time' must be between 0s and 5s, not 10s", "" } },
        { "timezone-malformed.yaml", 1,
            { Severity::Error, 7, 11, "'timezone' must be a time zone name like Asia/Shanghai", "" } },
        { "theme-missing.yaml", 1, { Severity::Error, 7, 8, "theme file not found", "" } },
        { "theme-broken.yaml", 1,
            { Severity::Error, 3, 3, "unknown key 'backgrond' in 'colors'", "did you mean 'background'?" },
            "themes/broken.yaml" },
        { "duplicate-key.yaml", 1,
            { Severity::Error, 9, 1, "'display' appears twice in the screen config", "only the first" } },
        { "syntax.yaml", 1, { Severity::Error, 4, 7, "YAML syntax", "" } },
        // Every error of a file in one run, not only the first.
        { "many-errors.yaml", 4, { Severity::Error, 3, 3, "missing required key 'hall'", "" } },
        { "many-errors.yaml", 4, { Severity::Error, 5, 9, "'size' must be width x height", "" } },
        { "many-errors.yaml", 4, { Severity::Error, 6, 11, "'rotate' must be 0, 90, 180 or 270", "" } },
        { "many-errors.yaml", 4, { Severity::Error, 8, 11, "'content' has both 'server' and 'source'", "" } },
    };
    for (auto const& test_case : cases) {
        SUBCASE((std::string(test_case.file) + ": " + std::string(test_case.expected.message_part)).c_str())
        {
            Diagnostics diagnostics;
            auto path = data_folder / "bad" / test_case.file;
            auto config = load_screen_config(path, diagnostics);
            INFO(diagnostics.format_all());
            CHECK_FALSE(config);
            CHECK(diagnostics.error_count() == test_case.error_count);
            auto reported_in = test_case.reported_in
                ? (fs::path(HALLBOARD_TEST_DATA) / test_case.reported_in).lexically_normal().string()
                : path.string();
            CHECK(test::has_diagnostic(diagnostics, reported_in, test_case.expected));
        }
    }
}

TEST_CASE("parse_screen_config resolves relative paths against the config's folder")
{
    Diagnostics diagnostics;
    auto config = parse_screen_config("screen: {id: a, hall: b}\ncontent: {source: ../content/./demo, cache: cache}\n",
        "/halls/chengxi/screen.yaml", diagnostics);
    INFO(diagnostics.format_all());
    REQUIRE(config);
    CHECK(config->file == fs::path("/halls/chengxi/screen.yaml"));
    CHECK(config->source == fs::path("/halls/content/demo"));
    CHECK(config->cache == fs::path("/halls/chengxi/cache"));
    CHECK(config->source.is_absolute());
}

TEST_CASE("a config naming a theme reports the theme's errors under the theme's name, together with its own")
{
    auto theme_path = (fs::path(HALLBOARD_TEST_DATA) / "themes" / "broken.yaml").lexically_normal();
    Diagnostics diagnostics;
    auto config = parse_screen_config(
        "screen: {id: a, hall: b}\ncontent: {source: c}\ndisplay: {rotate: 45}\ntheme: " + theme_path.string() + "\n",
        fs::path(HALLBOARD_TEST_DATA) / "inline.yaml", diagnostics);
    INFO(diagnostics.format_all());
    CHECK_FALSE(config);
    CHECK(diagnostics.error_count() == 2);
    CHECK(test::has_diagnostic(diagnostics, (fs::path(HALLBOARD_TEST_DATA) / "inline.yaml").string(),
        { Severity::Error, 3, 19, "'rotate' must be", "" }));
    CHECK(test::has_diagnostic(
        diagnostics, theme_path.string(), { Severity::Error, 3, 3, "unknown key 'backgrond'", "" }));
}

TEST_CASE("screen sizes")
{
    struct Case {
        char const* text;
        std::optional<ScreenSize> expected;
    };
    Case const cases[] = {
        { "1920x1080", ScreenSize { 1920, 1080 } },
        { "1080x1920", ScreenSize { 1080, 1920 } },
        { "64x16384", ScreenSize { 64, 16384 } },
        { "1920*1080", std::nullopt },
        { "1920X1080", std::nullopt },
        { "1920 x 1080", std::nullopt },
        { "1920x", std::nullopt },
        { "x1080", std::nullopt },
        { "0x0", std::nullopt },
        { "63x100", std::nullopt },
        { "16385x100", std::nullopt },
        { "1920x1080x2", std::nullopt },
        { "+1920x1080", std::nullopt },
        { "-1920x1080", std::nullopt },
        { "", std::nullopt },
    };
    for (auto const& test_case : cases) {
        CAPTURE(test_case.text);
        CHECK(parse_screen_size(test_case.text) == test_case.expected);
    }
}

TEST_CASE("base64 decoding")
{
    using Bytes = std::vector<std::uint8_t>;
    auto bytes = [](std::string_view text) { return Bytes(text.begin(), text.end()); };
    struct Case {
        char const* text;
        std::optional<Bytes> expected;
    };
    Bytes key;
    for (std::uint8_t i = 0; i < 32; ++i)
        key.push_back(i);
    Case const cases[] = {
        { "", Bytes {} }, { "Zg==", bytes("f") }, { "Zm8=", bytes("fo") }, { "Zm9v", bytes("foo") },
        { "Zm9vYg", bytes("foob") }, // padding left out
        { "Zm9vYmE=", bytes("fooba") }, { "+/+/", Bytes { 0xfb, 0xff, 0xbf } },
        { "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", key }, { "Zm9v!", std::nullopt },
        { "Z", std::nullopt },                                  // six bits: not a byte
        { "Zg=", std::nullopt },                                // padding that does not complete a group
        { "Zm9v====", std::nullopt }, { "Zh==", std::nullopt }, // leftover bits not zero
        { "Zg==Zg==", std::nullopt }, { " Zg==", std::nullopt }, { "Zm9v\nYg==", std::nullopt },
        { "Zm9v-_", std::nullopt }, // the URL-safe alphabet is another encoding
    };
    for (auto const& test_case : cases) {
        CAPTURE(test_case.text);
        CHECK(decode_base64(test_case.text) == test_case.expected);
    }
}
