// Whole content sources: every error of every file in one run, valid notices kept.
#include "content/model/source_loader.h"
#include "content/model/yaml_support.h"
#include "content_test_support.h"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <vector>

using namespace hallboard;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> ids_of(const ContentSource& source)
{
    std::vector<std::string> ids;
    for (auto const& notice : source.notices)
        ids.push_back(notice.id);
    return ids;
}

std::string ticker(const std::string& id)
{
    return "id: " + id + "\nkind: ticker\nticker: {text: 你好}\n";
}

} // namespace

TEST_CASE("the valid test source loads without a single diagnostic")
{
    Diagnostics diagnostics;
    auto source = load_content_source(HALLBOARD_TEST_DATA "/valid-source", diagnostics);
    INFO(diagnostics.format_all());
    REQUIRE(source.has_value());
    CHECK(diagnostics.all().empty());
    CHECK(source->root == fs::path(HALLBOARD_TEST_DATA "/valid-source"));

    // Sorted by file name; the .yml file is read too.
    CHECK(ids_of(*source)
        == std::vector<std::string> { "zj-residential-2026", "residential-new-connection", "ten-commitments",
            "hotlines", "outage-2026-12-01", "save-power-poster", "welcome" });
    CHECK(source->referenced_assets == std::vector<std::string> { "assets/feedback-qr.jpg", "assets/poster.png" });

    CHECK(source->channel.duration == 12s);
    CHECK(source->channel.reading_speed == doctest::Approx(5.0));
    CHECK(source->channel.min_duration == 6s);
    CHECK(source->channel.max_duration == 30s);

    auto const& notices = source->notices;
    CHECK(notices[0].duration == 20s); // its own
    CHECK(notices[1].duration == 12s); // the channel's
    CHECK(notices[4].duration == 90s); // 1.5m
    CHECK(notices[0].footer == "依据 浙发改价格〔2026〕1号（示例）");
    CHECK(notices[1].footer == "国网示例供电公司");
    CHECK(notices[6].footer.empty()); // "footer:" with no value switches the default off
    CHECK(notices[1].tags == std::vector<std::string> { "lobby" });
    CHECK(notices[3].tags == std::vector<std::string> { "lobby", "vip" });
    CHECK(notices[6].tags.empty());
    CHECK(notices[4].priority == Priority::Urgent);
    CHECK(notices[4].defined_at.file == "notices/05-outage.yml");
    CHECK(std::get<TariffTable>(notices[0].body).rows.size() == 4);
    CHECK(std::get<Hotlines>(notices[3].body).entries[2].qr == "assets/feedback-qr.jpg");
}

TEST_CASE("the broken test source reports every problem and keeps the valid notices")
{
    Diagnostics diagnostics;
    auto source = load_content_source(HALLBOARD_TEST_DATA "/broken-source", diagnostics);
    INFO(diagnostics.format_all());
    REQUIRE(source.has_value());

    struct Expected {
        const char* prefix;
        const char* fragment;
    };
    std::vector<Expected> expected {
        { "channel.yaml:2:1: error: ", "unknown key 'durtion' in channel.yaml (did you mean 'duration'?)" },
        { "notices/readme.txt: warning: ", "only .yaml and .yml files are notices" },
        { "notices/b-ragged.yaml:4:11: error: ",
            "duration '8 sec' is not a duration (write it like 8s, 1500ms or 2m)" },
        { "notices/b-ragged.yaml:9:7: error: ", "row 2 has 2 cells, the table has 3 columns" },
        { "notices/b-ragged.yaml:10:7: error: ", "row 3 has 4 cells, the table has 3 columns" },
        { "notices/c-duplicate.yaml:1:5: error: ", "id 'good-tariff' is already used in notices/a-good.yaml:1:5" },
        { "notices/d-missing-picture.yaml:3:14: error: ", "picture 'assets/postr.png' does not exist" },
        { "notices/e-escape.yaml:4:8: error: ", "leaves its folder with '..'" },
        { "notices/f-kind.yaml:2:7: error: ", "unknown kind 'tarif' (did you mean 'tariff'?)" },
        { "notices/f-kind.yaml:4:1: error: ", "unknown key 'tarif' in a notice" },
        { "notices/g-empty.yaml: error: ", "file is empty" },
        { "notices/h-gbk.yaml:3:16: error: ", "file is not valid UTF-8 text" },
        { "notices/j-dates.yaml:4:13: error: ", "valid_from '2026-02-30' is not a date: 2026-02 has only 28 days" },
        { "notices/j-dates.yaml:5:8: error: ", "'monday' is not a day of the week (write 'mon')" },
        { "notices/j-dates.yaml:6:8: error: ", "'8:30-17:30' in 'hours' is not a time range" },
        { "notices/j-dates.yaml:7:11: error: ", "unknown priority 'hihg' (did you mean 'high'?)" },
        { "notices/k-window.yaml:5:14: error: ", "valid_until '2026-11-30' is before valid_from '2026-12-01 09:00'" },
        { "notices/l-fake-picture.yaml:6:40: error: ",
            "picture 'assets/not-a-picture.png' is not a PNG or JPEG picture" },
        { "notices/l-fake-picture.yaml:7:7: error: ", "missing required key 'number'" },
        { "notices/l-fake-picture.yaml:7:19: error: ", "unknown key 'nubmer' in entry 2 (did you mean 'number'?)" },
        { "notices/m-tabs.yaml:4:1: error: ", "tab used for indentation" },
    };
    // The same problems, in this order (files by name, lines top to bottom), and nothing else.
    REQUIRE(diagnostics.all().size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        auto line = format_diagnostic(diagnostics.all()[i]);
        CAPTURE(line);
        CHECK(line.rfind(expected[i].prefix, 0) == 0);
        CHECK(line.find(expected[i].fragment) != std::string::npos);
    }
    CHECK(diagnostics.warning_count() == 1);

    CHECK(ids_of(*source) == std::vector<std::string> { "good-tariff", "good-ticker" });
    CHECK(source->referenced_assets.empty());
    // channel.yaml was broken, so no defaults were applied.
    CHECK(source->channel.footer.empty());
    CHECK(source->notices[0].footer.empty());
}

TEST_CASE("folders that are not content sources")
{
    test::TempFolder folder;
    folder.write("notes.txt", "hello");
    struct Case {
        fs::path path;
        const char* fragment;
    };
    for (auto const& c : { Case { folder.path() / "missing", "content folder does not exist" },
             Case { folder.path() / "notes.txt", "content folder does not exist or is not a folder" },
             Case { folder.path(), "it has no notices/ folder" } }) {
        CAPTURE(c.path);
        Diagnostics diagnostics;
        CHECK_FALSE(is_content_source(c.path));
        CHECK_FALSE(load_content_source(c.path, diagnostics).has_value());
        CHECK(test::count_matching(diagnostics, c.path.string() + ": error: ", c.fragment) == 1);
    }
}

TEST_CASE("an empty notices folder is a valid, empty source")
{
    test::TempFolder source;
    fs::create_directories(source.path() / "notices");
    Diagnostics diagnostics;
    auto loaded = load_content_source(source.path(), diagnostics);
    REQUIRE(loaded.has_value());
    CHECK(is_content_source(source.path()));
    CHECK(diagnostics.all().empty());
    CHECK(loaded->notices.empty());
}

TEST_CASE("which files in notices/ are read, and in what order")
{
    test::TempFolder source;
    source.write("notices/b.yaml", ticker("b"));
    source.write("notices/a.yml", ticker("a"));
    source.write("notices/9.yaml", ticker("nine"));
    source.write("notices/10.yaml", ticker("ten"));
    source.write("notices/.hidden.yaml", ticker("hidden"));
    source.write("notices/.DS_Store", "\x00\x01");
    source.write("notices/c.YAML", ticker("c"));
    source.write("notices/d.yaml.bak", ticker("d"));
    source.write("notices/sub/e.yaml", ticker("e"));
    Diagnostics diagnostics;
    auto loaded = load_content_source(source.path(), diagnostics);
    INFO(diagnostics.format_all());
    REQUIRE(loaded.has_value());
    CHECK(ids_of(*loaded) == std::vector<std::string> { "ten", "nine", "a", "b" }); // byte order of the names
    CHECK(diagnostics.error_count() == 0);
    CHECK(diagnostics.warning_count() == 3);
    CHECK(test::count_matching(diagnostics, "notices/c.YAML: warning: ", "(rename it to end in lowercase .yaml)") == 1);
    CHECK(test::count_matching(diagnostics, "notices/d.yaml.bak: warning: ", "only .yaml and .yml files are notices")
        == 1);
    CHECK(test::count_matching(diagnostics, "notices/sub: warning: ", "folders inside notices/ are not read") == 1);
}

TEST_CASE("limits: too many notice files, a file too big, a file that is not a file")
{
    SUBCASE("more notice files than allowed")
    {
        test::TempFolder source;
        for (int i = 0; i <= max_notice_files; ++i) {
            char name[32];
            std::snprintf(name, sizeof name, "n%04d", i);
            source.write(std::string("notices/") + name + ".yaml", ticker(name));
        }
        Diagnostics diagnostics;
        auto loaded = load_content_source(source.path(), diagnostics);
        REQUIRE(loaded.has_value());
        CHECK(diagnostics.error_count() == 1);
        CHECK(test::count_matching(
                  diagnostics, "notices/: error: ", "notices/ holds 1001 notice files, more than the limit of 1000")
            == 1);
        REQUIRE(loaded->notices.size() == static_cast<size_t>(max_notice_files));
        CHECK(loaded->notices.back().id == "n0999");
    }
    SUBCASE("a notice file over the size bound")
    {
        test::TempFolder source;
        source.write("notices/a.yaml", ticker("a"));
        source.write("notices/huge.yaml", ticker("huge") + "# " + std::string(max_yaml_file_bytes, 'x') + "\n");
        Diagnostics diagnostics;
        auto loaded = load_content_source(source.path(), diagnostics);
        REQUIRE(loaded.has_value());
        CHECK(test::count_matching(diagnostics, "notices/huge.yaml: error: ", "bytes, more than the limit of 1048576")
            == 1);
        CHECK(ids_of(*loaded) == std::vector<std::string> { "a" });
    }
    SUBCASE("a pipe named like a notice does not hang the loader")
    {
        test::TempFolder source;
        source.write("notices/a.yaml", ticker("a"));
        REQUIRE(::mkfifo((source.path() / "notices/pipe.yaml").c_str(), 0600) == 0);
        Diagnostics diagnostics;
        auto loaded = load_content_source(source.path(), diagnostics);
        REQUIRE(loaded.has_value());
        CHECK(test::count_matching(diagnostics, "notices/pipe.yaml: error: ", "not a regular file") == 1);
        CHECK(ids_of(*loaded) == std::vector<std::string> { "a" });
    }
}

TEST_CASE("ids used twice are reported at both places, even when one of the files has other errors")
{
    test::TempFolder source;
    source.write("notices/a.yaml", "id: same\nkind: ticker\nduration: never\nticker: {text: x}\n");
    source.write("notices/b.yaml", "# the second one\nid: same\nkind: ticker\nticker: {text: y}\n");
    source.write("notices/c.yaml", ticker("other"));
    Diagnostics diagnostics;
    auto loaded = load_content_source(source.path(), diagnostics);
    INFO(diagnostics.format_all());
    REQUIRE(loaded.has_value());
    CHECK(diagnostics.error_count() == 2);
    CHECK(test::count_matching(diagnostics, "notices/a.yaml:3:11: error: ", "duration 'never'") == 1);
    CHECK(test::count_matching(
              diagnostics, "notices/b.yaml:2:5: error: ", "id 'same' is already used in notices/a.yaml:1:5")
        == 1);
    CHECK(ids_of(*loaded) == std::vector<std::string> { "other" });
}

TEST_CASE("notices with bad pictures are left out, and so are their pictures")
{
    test::TempFolder source;
    source.write("assets/good.png", test::png_bytes());
    source.write("assets/fake.png", "text");
    source.write("notices/a.yaml", "id: a\nkind: image\nimage: {src: assets/good.png}\n");
    source.write("notices/b.yaml", "id: b\nkind: image\nimage: {src: assets/fake.png}\n");
    source.write("notices/c.yaml",
        "id: c\nkind: hotlines\ntitle: t\nhotlines:\n  entries:\n    - {label: a, number: \"1\", qr: assets/good.png}\n"
        "    - {label: b, number: \"2\", qr: assets/none.png}\n");
    source.write("notices/d.yaml", "id: d\nkind: image\nimage: {src: assets/good.png}\n");
    Diagnostics diagnostics;
    auto loaded = load_content_source(source.path(), diagnostics);
    INFO(diagnostics.format_all());
    REQUIRE(loaded.has_value());
    CHECK(diagnostics.error_count() == 2);
    CHECK(test::count_matching(diagnostics, "notices/b.yaml:3:14: error: ", "is not a PNG or JPEG picture") == 1);
    CHECK(test::count_matching(diagnostics, "notices/c.yaml:7:35: error: ", "'assets/none.png' does not exist") == 1);
    CHECK(ids_of(*loaded) == std::vector<std::string> { "a", "d" });
    CHECK(loaded->referenced_assets == std::vector<std::string> { "assets/good.png" });
}

TEST_CASE("channel.yml is read when there is no channel.yaml")
{
    test::TempFolder source;
    source.write("channel.yml", "footer: 来自 yml\n");
    source.write("notices/a.yaml", ticker("a"));
    {
        Diagnostics diagnostics;
        auto loaded = load_content_source(source.path(), diagnostics);
        REQUIRE(loaded.has_value());
        CHECK(diagnostics.all().empty());
        CHECK(loaded->notices[0].footer == "来自 yml");
    }
    source.write("channel.yaml", "footer: 来自 yaml\n");
    {
        Diagnostics diagnostics;
        auto loaded = load_content_source(source.path(), diagnostics);
        REQUIRE(loaded.has_value());
        CHECK(test::count_matching(
                  diagnostics, "channel.yml: warning: ", "channel.yml is not read because channel.yaml exists")
            == 1);
        CHECK(loaded->notices[0].footer == "来自 yaml");
    }
}
