// Nothing a user (or a broken disk) puts in a file may crash the parser or make it hang.
#include "content/model/source_loader.h"
#include "content/model/yaml_support.h"
#include "content_test_support.h"

#include <doctest/doctest.h>

#include <random>
#include <string>

using namespace hallboard;

namespace {

// The contract every input must keep: a notice comes back exactly when no error was reported.
void check_outcome_is_consistent(const std::string& text)
{
    Diagnostics diagnostics;
    std::optional<Notice> notice;
    REQUIRE_NOTHROW(notice = parse_notice(text, "notices/x.yaml", {}, diagnostics));
    CHECK(notice.has_value() == !diagnostics.has_errors());
    Diagnostics channel_diagnostics;
    std::optional<ChannelDefaults> channel;
    REQUIRE_NOTHROW(channel = parse_channel(text, "channel.yaml", channel_diagnostics));
    CHECK(channel.has_value() == !channel_diagnostics.has_errors());
}

std::string repeated(const std::string& piece, int times, const std::string& separator)
{
    std::string out;
    for (int i = 0; i < times; ++i)
        out += (i ? separator : "") + piece;
    return out;
}

} // namespace

TEST_CASE("random bytes")
{
    std::mt19937 random(20261201); // fixed seed: a failure can be replayed
    std::uniform_int_distribution<int> length(0, 400);
    std::uniform_int_distribution<int> byte(0, 255);
    for (int round = 0; round < 300; ++round) {
        std::string text(static_cast<size_t>(length(random)), '\0');
        for (auto& c : text)
            c = static_cast<char>(byte(random));
        CAPTURE(round);
        check_outcome_is_consistent(text);
    }
}

TEST_CASE("random text made of YAML's special characters")
{
    // Mostly-valid UTF-8 built from the characters that steer YAML's grammar, so that the
    // parser gets past the UTF-8 check and into the odd corners.
    static const std::vector<std::string> pieces { "id", "kind", "tariff", "rows", "columns", ":", ": ", "-", "- ",
        "\n", "\n  ", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "|", ">", "'", "\"", "#", "?", "~", "电价", "0.5",
        "2026-02-30", "8s", "\t", "\\", "%", "@", "`", "---", "...", "null", "ticker", "text", " " };
    std::mt19937 random(95598);
    std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
    std::uniform_int_distribution<int> count(1, 60);
    for (int round = 0; round < 500; ++round) {
        std::string text;
        for (int i = count(random); i > 0; --i)
            text += pieces[pick(random)];
        CAPTURE(text);
        check_outcome_is_consistent(text);
    }
}

TEST_CASE("YAML oddities")
{
    struct Case {
        const char* name;
        std::string yaml;
        bool valid;
        const char* fragment; // expected in the diagnostics when not valid
    };
    std::vector<Case> cases {
        { "anchor and alias used sensibly", "id: a\nkind: notice\ntitle: &t 停电通知\nfooter: *t\nnotice: {body: *t}\n",
            true, "" },
        { "alias to the enclosing list", "id: a\nkind: tariff\ntitle: t\ntariff:\n  columns: [a]\n  rows: &r [*r]\n",
            false, "cell 1 of row 1 must be text, not a list" },
        { "alias to the enclosing block", "id: a\nkind: tariff\ntitle: t\ntariff: &x\n  columns: [a]\n  rows: *x\n",
            false, "'rows' must be a list" },
        { "a top-level list", "- a\n- b\n", false, "a notice file must be made of 'key: value' lines" },
        { "a scalar document", "just some words\n", false, "a notice file must be made of 'key: value' lines" },
        { "a number document", "12345678901234567890123456789\n", false,
            "a notice file must be made of 'key: value' lines" },
        { "huge numbers",
            "id: a\nkind: tariff\ntitle: t\nduration: 99999999999999999999999999h\ntariff:\n  columns: [a]\n  rows: "
            "[[1e999]]\n"
            "  sections: [{before: 99999999999999999999999, text: x}]\n",
            false, "is not a row number" },
        { "duplicate keys", "id: a\nid: b\nkind: ticker\nticker: {text: x, text: y}\n", false, "'text' appears twice" },
        { "a mapping as a key", "id: a\nkind: ticker\n{x: y}: z\nticker: {text: x}\n", false,
            "keys in a notice must be plain words" },
        { "a list as a key", "id: a\nkind: ticker\n? [x, y]\n: z\nticker: {text: x}\n", false,
            "keys in a notice must be plain words" },
        { "a null key", "id: a\nkind: ticker\n~: z\nticker: {text: x}\n", false,
            "keys in a notice must be plain words" },
        { "a binary tag", "id: a\nkind: ticker\nticker: {text: !!binary aGVsbG8=}\n", true, "" },
        { "a NUL character", std::string("id: a\nkind: ticker\nticker: {text: \"a") + '\0' + "b\"}\n", true, "" },
        { "deep nesting", "id: a\nkind: ticker\nticker: " + std::string(3000, '[') + std::string(3000, ']') + "\n",
            false, "" },
        { "a very long line", "id: a\nkind: ticker\nticker: {text: " + std::string(200000, 'x') + "}\n", true, "" },
        { "a very long unknown key", "id: a\nkind: ticker\n" + std::string(1000, 'k') + ": 1\nticker: {text: x}\n",
            false, "unknown key" },
        { "a very long kind", "id: a\nkind: " + std::string(100000, 'k') + "\n", false, "unknown kind" },
        { "only a document marker", "---\n", false, "file is empty" },
        // yaml-cpp 0.7's LoadAll loops forever on these (yaml-cpp issue #1040).
        { "a lone comma", ",\n", false, "YAML syntax: unexpected ','" },
        { "a comma before a notice", ",\nid: a\nkind: ticker\nticker: {text: x}\n", false,
            "notices/x.yaml:1:1: error: YAML syntax: unexpected ','" },
        { "a comma in a second document", "id: a\nkind: ticker\nticker: {text: x}\n---\n, [\n", false,
            "notices/x.yaml:5:1: error: YAML syntax: unexpected ','" },
        { "a tagged comma", "!!str ,columns[>0.5ticker\n", false, "" },
        { "a lone byte-order mark", "\xEF\xBB\xBF", false, "file is empty" },
        { "control characters", "id: a\nkind: ticker\nticker: {text: \"\x01\x02\x1b[31m\"}\n", true, "" },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            Diagnostics diagnostics;
            std::optional<Notice> notice;
            REQUIRE_NOTHROW(notice = parse_notice(c.yaml, "notices/x.yaml", {}, diagnostics));
            INFO(diagnostics.format_all());
            CHECK(notice.has_value() == c.valid);
            CHECK(diagnostics.has_errors() == !c.valid);
            CHECK(diagnostics.format_all().find(c.fragment) != std::string::npos);
        }
    }
}

TEST_CASE("aliases cannot blow a small file up into gigabytes of text")
{
    // 1000 characters, repeated 100 times per row, 10000 rows: 1 GB of cells if expanded.
    std::string yaml = "id: a\nkind: tariff\ntitle: t\nfooter: &s \"" + std::string(1000, 'x')
        + "\"\ntariff:\n  columns: [" + repeated("c", 100, ", ") + "]\n  rows: [&r [" + repeated("*s", 100, ", ")
        + "], " + repeated("*r", 10000, ", ") + "]\n";
    REQUIRE(yaml.size() < max_yaml_file_bytes);
    Diagnostics diagnostics;
    auto notice = parse_notice(yaml, "notices/bomb.yaml", {}, diagnostics);
    INFO(diagnostics.format_all());
    CHECK_FALSE(notice.has_value());
    CHECK(diagnostics.error_count() == 1);
    CHECK(test::count_matching(diagnostics, "notices/bomb.yaml:", "expands to more than 4 MiB of text through aliases")
        == 1);

    // The same trick with a list of texts.
    std::string notes = "id: a\nkind: tariff\ntitle: t\ntariff:\n  columns: [a]\n  rows: [[&s \""
        + std::string(10000, 'y') + "\"]]\n  notes: [" + repeated("*s", 1000, ", ") + "]\n";
    Diagnostics notes_diagnostics;
    CHECK_FALSE(parse_notice(notes, "notices/bomb.yaml", {}, notes_diagnostics).has_value());
    CHECK(test::count_matching(notes_diagnostics, "notices/bomb.yaml:", "expands to more than") == 1);
}
