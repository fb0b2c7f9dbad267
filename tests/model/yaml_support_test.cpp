// The safe YAML layer shared by content, screen config and theme: encoding, hints, locations.
#include "content/model/yaml_support.h"
#include "content_test_support.h"

#include <doctest/doctest.h>

#include <vector>

using namespace hallboard;

TEST_CASE("invalid_utf8_offset finds the first bad byte")
{
    struct Case {
        const char* name;
        std::string text;
        size_t expected;
    };
    auto const npos = std::string_view::npos;
    std::vector<Case> cases {
        { "ascii", "id: a\n", npos },
        { "Chinese", "电价 0.5", npos },
        { "four-byte emoji", "\xF0\x9F\x98\x80", npos },
        { "GBK", "id: \xB5\xE7\xBC\xDB", 4 },
        { "overlong slash", "a\xC0\xAF", 1 },
        { "surrogate", "ab\xED\xA0\x80", 2 },
        { "past U+10FFFF", "\xF4\x90\x80\x80", 0 },
        { "truncated at the end", "abc\xE4\xB8", 3 },
        { "bad continuation", "\xE4\x41\x41", 0 },
        { "lone continuation", "x\x80", 1 },
        { "five-byte form", "\xF8\x88\x80\x80\x80", 0 },
    };
    for (auto const& c : cases) {
        CAPTURE(c.name);
        CHECK(invalid_utf8_offset(c.text) == c.expected);
        CHECK(is_valid_utf8(c.text) == (c.expected == npos));
    }
}

TEST_CASE("did_you_mean suggests only close words")
{
    struct Case {
        const char* word;
        const char* expected;
    };
    std::vector<Case> cases {
        { "dispaly", "did you mean 'display'?" }, // two letters swapped count as one typo
        { "hihg", "did you mean 'high'?" },
        { "titel", "did you mean 'title'?" },
        { "tittle", "did you mean 'title'?" },
        { "foo", "" },
        { "colour", "" },
        { "id", "did you mean 'id'?" },
    };
    for (auto const& c : cases) {
        CAPTURE(c.word);
        CHECK(did_you_mean(c.word, { "display", "high", "title", "id", "kind" }) == c.expected);
    }
    CHECK(did_you_mean(std::string(500, 'x'), { "x" }).empty());
    CHECK(did_you_mean("poster.pgn", std::vector<std::string> { "poster.png", "qr.jpg" })
        == "did you mean 'poster.png'?");
}

TEST_CASE("check_keys reports unknown and repeated keys at the key")
{
    Diagnostics diagnostics;
    YamlFile file("x.yaml", diagnostics);
    auto root = file.parse("name: a\nnmae: b\nname: c\nother: d\n");
    REQUIRE(root.has_value());
    file.check_keys(*root, { "name", "size" }, "the test");
    INFO(diagnostics.format_all());
    REQUIRE(diagnostics.error_count() == 3);
    CHECK(format_diagnostic(diagnostics.all()[0])
        == "x.yaml:2:1: error: unknown key 'nmae' in the test (did you mean 'name'?)");
    CHECK(format_diagnostic(diagnostics.all()[1])
        == "x.yaml:3:1: error: 'name' appears twice in the test (remove one of them; only the first one would be "
           "used)");
    CHECK(format_diagnostic(diagnostics.all()[2])
        == "x.yaml:4:1: error: unknown key 'other' in the test (allowed here: name, size)");
}

TEST_CASE("text and text_list point at the key when the value is empty")
{
    Diagnostics diagnostics;
    YamlFile file("x.yaml", diagnostics);
    auto root = file.parse("title:\nitems:\nnext: 1\n");
    REQUIRE(root.has_value());
    CHECK_FALSE(file.text(*root, "title", Presence::Required).has_value());
    CHECK_FALSE(file.text_list(*root, "items", Presence::Required).has_value());
    CHECK_FALSE(file.text(*root, "missing", Presence::Optional).has_value());
    CHECK(file.text(*root, "next", Presence::Required) == "1");
    REQUIRE(diagnostics.error_count() == 2);
    CHECK(format_diagnostic(diagnostics.all()[0]) == "x.yaml:1:1: error: 'title' is empty");
    CHECK(format_diagnostic(diagnostics.all()[1]) == "x.yaml:2:1: error: 'items' is empty");
    CHECK(file.key_node(*root, "next").Mark().line == 2);
    CHECK_FALSE(file.key_node(*root, "nothing").IsDefined());
}

TEST_CASE("columns count characters, also after a byte-order mark")
{
    struct Case {
        const char* name;
        std::string yaml;
        int line;
        int column;
    };
    std::vector<Case> cases {
        { "ascii", "a: [x, [y]]\n", 1, 8 },
        { "Chinese before", "a: [电价电价, [y]]\n", 1, 11 },
        { "emoji before", "a: [\xF0\x9F\x98\x80, [y]]\n", 1, 8 },
        { "byte-order mark",
            "\xEF\xBB\xBF"
            "a: [x, [y]]\n",
            1, 8 },
        { "second line",
            "\xEF\xBB\xBF"
            "b: 1\na: [电, [y]]\n",
            2, 8 },
        { "windows line ends", "b: 1\r\na: [电, [y]]\r\n", 2, 8 },
    };
    for (auto const& c : cases) {
        CAPTURE(c.name);
        Diagnostics diagnostics;
        YamlFile file("x.yaml", diagnostics);
        auto root = file.parse(c.yaml);
        REQUIRE(root.has_value());
        auto location = file.at((*root)["a"][1]);
        CHECK(location.line == c.line);
        CHECK(location.column == c.column);
    }
}

TEST_CASE("parse refuses what cannot be a user file")
{
    struct Case {
        const char* name;
        std::string text;
        const char* expected;
    };
    std::vector<Case> cases {
        { "empty", "", "x.yaml: error: file is empty" },
        { "comments only", "# a\n# b\n", "x.yaml: error: file is empty" },
        { "GBK on line 2", "a: 1\nb: \xB5\xE7\n", "x.yaml:2:4: error: file is not valid UTF-8 text" },
        { "tab after spaces", "a:\n  \tb: 1\n", "x.yaml:2:1: error: tab used for indentation" },
        { "second document", "a: 1\n---\nb: 2\n", "x.yaml:3:1: error: file holds more than one YAML document" },
        { "unclosed bracket", "a: [1, 2\n",
            "x.yaml:2:1: error: YAML syntax: end of sequence flow not found (a '[' or '{' is not closed" },
        { "bad escape", "a: \"C:\\q\"\n",
            "error: YAML syntax: unknown escape character: q (inside \"double quotes\" a backslash" },
        { "stray comma", ",\n", "x.yaml:1:1: error: YAML syntax: unexpected ','" },
    };
    for (auto const& c : cases) {
        CAPTURE(c.name);
        Diagnostics diagnostics;
        YamlFile file("x.yaml", diagnostics);
        CHECK_FALSE(file.parse(c.text).has_value());
        REQUIRE(diagnostics.error_count() == 1);
        CHECK(format_diagnostic(diagnostics.all()[0]).find(c.expected) != std::string::npos);
    }
    // A trailing "---" or "..." with nothing after it is harmless.
    for (auto text : { "a: 1\n---\n", "a: 1\n...\n", "---\na: 1\n" }) {
        Diagnostics diagnostics;
        YamlFile file("x.yaml", diagnostics);
        CHECK(file.parse(text).has_value());
        CHECK(diagnostics.all().empty());
    }
}

TEST_CASE("read and load bound the file size")
{
    test::TempFolder folder;
    auto small = folder.write("small.yaml", "a: 1\n");
    auto big = folder.write("big.yaml", "a: " + std::string(100, 'x') + "\n");
    Diagnostics diagnostics;
    YamlFile file("f.yaml", diagnostics);
    CHECK(file.read(small, 100) == "a: 1\n");
    CHECK(file.load(small, 100).has_value());
    CHECK_FALSE(file.read(big, 100).has_value());
    CHECK_FALSE(file.load(folder.path() / "missing.yaml").has_value());
    REQUIRE(diagnostics.error_count() == 2);
    CHECK(format_diagnostic(diagnostics.all()[0])
        == "f.yaml: error: file is 104 bytes, more than the limit of 100 (split it into several smaller files)");
    CHECK(format_diagnostic(diagnostics.all()[1]).rfind("f.yaml: error: cannot read file: ", 0) == 0);
}
