// Malformed notices: each case must give an error at the right line:column with a useful message.
#include "content/model/source_loader.h"
#include "content_test_support.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace hallboard;

namespace {

struct ErrorCase {
    const char* name;
    std::string yaml;
    int line;
    int column;
    const char* fragment;
    int errors = 1; // how many errors the whole file gives
};

void check_cases(const std::vector<ErrorCase>& cases)
{
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            Diagnostics diagnostics;
            auto notice = parse_notice(c.yaml, "notices/x.yaml", {}, diagnostics);
            INFO(c.yaml);
            INFO(diagnostics.format_all());
            CHECK_FALSE(notice.has_value());
            CHECK(test::count_matching(diagnostics, test::error_prefix("notices/x.yaml", c.line, c.column), c.fragment)
                == 1);
            CHECK(diagnostics.error_count() == c.errors);
        }
    }
}

} // namespace

TEST_CASE("common fields: id, kind and title")
{
    check_cases({
        { "id missing", "kind: ticker\nticker: {text: x}\n", 1, 1, "missing required key 'id'" },
        { "id with capitals and a space", "id: Tariff 2026\nkind: ticker\nticker: {text: x}\n", 1, 5,
            "id 'Tariff 2026' may only use lowercase letters a-z, digits, '-' and '_', and must start with a letter or "
            "digit (for example 'tariff-2026')" },
        { "id in Chinese", "id: 电价\nkind: ticker\nticker: {text: x}\n", 1, 5, "(for example 'outage-2026-12')" },
        { "id starting with a dash", "id: -abc\nkind: ticker\nticker: {text: x}\n", 1, 5,
            "must start with a letter or digit" },
        { "id too long", "id: " + std::string(65, 'a') + "\nkind: ticker\nticker: {text: x}\n", 1, 5,
            "id is 65 characters long, more than the limit of 64" },
        { "id is a list", "id: [a]\nkind: ticker\nticker: {text: x}\n", 1, 5,
            "'id' must be a single value, not a list" },
        { "kind missing, one block", "id: a\nticker: {text: x}\n", 1, 1,
            "missing required key 'kind' (add 'kind: ticker')" },
        { "kind misspelt", "id: a\nkind: tikcer\nticker: {text: x}\n", 2, 7,
            "unknown kind 'tikcer' (did you mean 'ticker'?)" },
        { "kind unknown", "id: a\nkind: video\nticker: {text: x}\n", 2, 7,
            "unknown kind 'video' (use one of tariff, flow, commitments, hotlines, notice, image, ticker)" },
        { "title missing", "id: a\nkind: notice\nnotice: {body: x}\n", 1, 1, "missing required key 'title'" },
        { "title empty string", "id: a\nkind: notice\ntitle: \"\"\nnotice: {body: x}\n", 3, 8, "'title' is empty" },
        { "title with no value", "id: a\nkind: notice\ntitle:\nnotice: {body: x}\n", 3, 1, "'title' is empty" },
        { "title is a list", "id: a\nkind: notice\ntitle: [a, b]\nnotice: {body: x}\n", 3, 8,
            "'title' must be a single value, not a list" },
        { "title is a mapping", "id: a\nkind: notice\ntitle:\n  注意: 停电\nnotice: {body: x}\n", 4, 3,
            "'title' must be a single value, not a mapping (quote the text if it contains ': ')" },
        { "unquoted colon in a value", "id: a\nkind: notice\ntitle: 注意: 停电\nnotice: {body: x}\n", 3, 10,
            "YAML syntax: illegal map value (text that contains ': ' must be put in quotes" },
        { "footer is a list", "id: a\nkind: ticker\nfooter: [a]\nticker: {text: x}\n", 3, 9,
            "'footer' must be a single value" },
    });
}

TEST_CASE("common fields: duration, dates and dayparting")
{
    std::string head = "id: a\nkind: ticker\nticker: {text: x}\n";
    check_cases({
        { "duration with a word", head + "duration: 8 sec\n", 4, 11,
            "duration '8 sec' is not a duration (write it like 8s, 1500ms or 2m)" },
        { "duration without unit", head + "duration: 8\n", 4, 11, "(add a unit: '8s' for seconds)" },
        { "duration zero", head + "duration: 0s\n", 4, 11, "duration '0s' is zero" },
        { "duration negative", head + "duration: -5s\n", 4, 11, "duration '-5s' is negative" },
        { "duration too long", head + "duration: 25h\n", 4, 11, "duration '25h' is longer than a day" },
        { "month 13", head + "valid_from: 2026-13-01\n", 4, 13,
            "valid_from '2026-13-01' is not a date: there is no month 13" },
        { "February 30", head + "valid_until: 2026-02-30\n", 4, 14,
            "'2026-02-30' is not a date: 2026-02 has only 28 days" },
        { "day zero", head + "valid_until: 2026-02-00\n", 4, 14, "there is no day 0" },
        { "hour 25", head + "valid_until: 2026-12-01 25:00\n", 4, 14, "25:00 is not a time of day" },
        { "ISO T separator", head + "valid_from: 2026-12-01T09:00\n", 4, 13, "a space before the time" },
        { "window reversed", head + "valid_from: 2026-12-02\nvalid_until: 2026-12-01\n", 5, 14,
            "valid_until '2026-12-01' is before valid_from '2026-12-02'" },
        { "window reversed within a day", head + "valid_from: 2026-12-01 10:00\nvalid_until: 2026-12-01 09:59\n", 5, 14,
            "is before valid_from" },
        { "days as text", head + "days: mon-fri\n", 4, 7,
            "'days' must be a list of weekdays (write it like [mon, tue, wed, thu, fri])" },
        { "days full name", head + "days: [mon, Tuesday]\n", 4, 13,
            "'Tuesday' is not a day of the week (write 'tue')" },
        { "days unknown", head + "days: [mon, xyz]\n", 4, 13, "'xyz' is not a day of the week (use mon, tue" },
        { "days empty", head + "days: []\n", 4, 7, "'days' lists no day" },
        { "days item mapping", head + "days: [{a: b}]\n", 4, 8,
            "day 1 of 'days' must be a single value, not a mapping" },
        { "hours one digit", head + "hours: \"8:30-17:30\"\n", 4, 8, "'8:30-17:30' in 'hours' is not a time range" },
        { "hours en dash", head + "hours: 08:30–17:30\n", 4, 8, "(use a plain '-' between the two times" },
        { "hours empty range", head + "hours: 08:00-08:00\n", 4, 8, "starts and ends at the same time" },
        { "hours 24:00 start", head + "hours: 24:00-06:00\n", 4, 8, "24:00 can only end a range" },
        { "hours second range", head + "hours: 08:00-12:00, 13:00\n", 4, 8, "'13:00' in 'hours' is not a time range" },
        { "hours list item", head + "hours:\n  - 08:00-12:00\n  - 13:00-25:00\n", 6, 5, "'13:00-25:00' in 'hours'" },
        { "hours mapping", head + "hours: {from: 08:00}\n", 4, 8, "'hours' must be a single value, not a mapping" },
        { "priority typo", head + "priority: hihg\n", 4, 11, "unknown priority 'hihg' (did you mean 'high'?)" },
        { "priority unknown", head + "priority: 0\n", 4, 11, "unknown priority '0' (use normal, high or urgent)" },
        { "tags as text", head + "tags: lobby\n", 4, 7, "'tags' must be a list of words" },
        { "tags with a space", head + "tags: [lobby, \"a b\"]\n", 4, 15, "tag 'a b' is more than one word" },
        { "tags empty word", head + "tags: [\"\"]\n", 4, 8, "tag 1 is empty" },
        { "tags item mapping", head + "tags: [lobby, {x: y}]\n", 4, 15,
            "item 2 of 'tags' must be a single value, not a mapping" },
        { "tags mapping", head + "tags: {x: y}\n", 4, 7, "'tags' must be a list" },
    });
}

TEST_CASE("unknown and repeated keys, kind blocks")
{
    check_cases({
        { "unknown key near a known one", "id: a\nkind: notice\ntitel: x\nnotice: {body: x}\n", 3, 1,
            "unknown key 'titel' in a notice (did you mean 'title'?)", 2 }, // and the title is missing
        { "unknown key far from all", "id: a\nkind: ticker\ncolour: red\nticker: {text: x}\n", 3, 1,
            "unknown key 'colour' in a notice (allowed here: id, kind, title" },
        { "repeated key", "id: a\nkind: ticker\nticker: {text: x}\nid: b\n", 4, 1, "'id' appears twice in a notice" },
        { "block named after another kind", "id: a\nkind: flow\ntitle: t\ntariff:\n  steps: [x]\n", 4, 1,
            "this notice is of kind 'flow' but its block is named 'tariff' (rename 'tariff:' to 'flow:', or change the "
            "kind to 'tariff')" },
        { "block missing", "id: a\nkind: flow\ntitle: t\n", 2, 7, "a 'flow' notice needs a 'flow:' block" },
        { "extra block", "id: a\nkind: ticker\nticker: {text: x}\nimage: {src: assets/a.png}\n", 4, 1,
            "a 'ticker' notice cannot have a 'image' block" },
        { "block empty", "id: a\nkind: ticker\nticker:\n", 3, 1, "the 'ticker' block is empty" },
        { "block is text", "id: a\nkind: ticker\nticker: 欢迎\n", 3, 9, "the 'ticker' block must be a mapping" },
        { "block is a list", "id: a\nkind: ticker\nticker: [x]\n", 3, 9, "the 'ticker' block must be a mapping" },
        { "unknown key in a block", "id: a\nkind: ticker\nticker: {txt: x}\n", 3, 10,
            "unknown key 'txt' in the 'ticker' block (did you mean 'text'?)", 2 },
        { "kind missing still checks the block", "id: a\nticker: {txet: x}\n", 2, 10, "unknown key 'txet'", 3 },
    });
}

TEST_CASE("tariff block")
{
    std::string head = "id: t\nkind: tariff\ntitle: 电价\ntariff:\n";
    check_cases({
        // The example from the format's documentation: row 3 on line 14, column 7.
        { "ragged row",
            "# 居民阶梯电价\n#\n#\nid: t\nkind: tariff\ntitle: 电价\nvalid_from: 2026-01-01\n\ntariff:\n  unit: "
            "元/千瓦时\n"
            "  columns: [档位, 年用电量（千瓦时）, 电价]\n  rows:\n    - [第一档, 0–2160（含）, \"0.4883\"]\n    - "
            "[第三档, \"0.7883\"]\n",
            14, 7, "row 2 has 2 cells, the table has 3 columns" },
        { "row too long", head + "  columns: [a]\n  rows:\n    - [1, 2]\n", 7, 7,
            "row 1 has 2 cells, the table has 1 column (remove the extra cells" },
        { "row is text", head + "  columns: [a]\n  rows:\n    - 第一档\n", 7, 7,
            "row 1 must be a list of cells, not one value" },
        { "cell is a mapping", head + "  columns: [a, b]\n  rows:\n    - [峰时段: 08:00, x]\n", 7, 8,
            "cell 1 of row 1 must be text, not a mapping (put the cell in quotes when it contains ': ')" },
        // Columns count characters, as an editor shows them, not UTF-8 bytes (which would say 19).
        { "cell after Chinese text", head + "  columns: [a, b]\n  rows:\n    - [第一档, {a: b}]\n", 7, 13,
            "cell 2 of row 1 must be text, not a mapping" },
        { "cell is a list", head + "  columns: [a, b]\n  rows:\n    - [[1], x]\n", 7, 8,
            "cell 1 of row 1 must be text, not a list" },
        { "columns missing", head + "  rows: [[1]]\n", 5, 3, "missing required key 'columns'" },
        { "columns empty", head + "  columns: []\n  rows: [[1]]\n", 5, 12, "'columns' is an empty list", 1 },
        { "rows missing", head + "  columns: [a]\n", 5, 3, "missing required key 'rows'" },
        { "rows a mapping", head + "  columns: [a]\n  rows: {a: 1}\n", 6, 9, "'rows' must be a list" },
        { "section past the end", head + "  columns: [a]\n  rows: [[1], [2]]\n  sections: [{before: 3, text: x}]\n", 7,
            23,
            "'before: 3' is outside the table, which has 2 rows (use a row number from 0 (before the first row) to 2" },
        { "section negative", head + "  columns: [a]\n  rows: [[1]]\n  sections: [{before: -1, text: x}]\n", 7, 23,
            "'before: -1' is outside the table" },
        { "section not a number", head + "  columns: [a]\n  rows: [[1]]\n  sections: [{before: first, text: x}]\n", 7,
            23, "'before: first' is not a row number" },
        { "section huge number",
            head + "  columns: [a]\n  rows: [[1]]\n  sections: [{before: 99999999999999999999, text: x}]\n", 7, 23,
            "is not a row number" },
        { "section without text", head + "  columns: [a]\n  rows: [[1]]\n  sections: [{before: 0}]\n", 7, 14,
            "missing required key 'text'" },
        { "section is text", head + "  columns: [a]\n  rows: [[1]]\n  sections: [标题]\n", 7, 14,
            "a section must be a mapping" },
        { "unknown tariff key", head + "  unti: 元\n  columns: [a]\n  rows: [[1]]\n", 5, 3,
            "unknown key 'unti' in the 'tariff' block (did you mean 'unit'?)" },
        { "effective not a date", head + "  columns: [a]\n  rows: [[1]]\n  effective: 2026年1月1日\n", 7, 14,
            "effective '2026年1月1日' is not a date (write it like 2026-12-01)" },
        { "notes is text", head + "  columns: [a]\n  rows: [[1]]\n  notes: 注意\n", 7, 10, "'notes' must be a list" },
    });
}

TEST_CASE("flow, commitments, hotlines, notice, image and ticker blocks")
{
    check_cases({
        { "flow steps missing", "id: f\nkind: flow\ntitle: t\nflow: {total: x}\n", 4, 7,
            "missing required key 'steps'" },
        { "flow steps empty", "id: f\nkind: flow\ntitle: t\nflow: {steps: []}\n", 4, 15, "'steps' is an empty list" },
        { "flow step without name", "id: f\nkind: flow\ntitle: t\nflow:\n  steps:\n    - {limit: 当日}\n", 6, 7,
            "missing required key 'name'" },
        { "flow step is a list", "id: f\nkind: flow\ntitle: t\nflow:\n  steps:\n    - [a, b]\n", 6, 7,
            "step 1 must be a mapping" },
        { "flow step unknown key", "id: f\nkind: flow\ntitle: t\nflow:\n  steps:\n    - {name: a, limt: 当日}\n", 6, 17,
            "unknown key 'limt' in step 1 (did you mean 'limit'?)" },
        { "flow materials mapping", "id: f\nkind: flow\ntitle: t\nflow:\n  steps: [a]\n  materials: {a: b}\n", 6, 14,
            "'materials' must be a list" },
        { "commitments item without detail",
            "id: c\nkind: commitments\ntitle: t\ncommitments:\n  items:\n    - {heading: 限时}\n", 6, 7,
            "missing required key 'detail'" },
        { "commitments items mapping", "id: c\nkind: commitments\ntitle: t\ncommitments:\n  items: {a: b}\n", 5, 10,
            "'items' must be a list" },
        { "commitments item list", "id: c\nkind: commitments\ntitle: t\ncommitments:\n  items: [[a]]\n", 5, 11,
            "item 1 must be text or {heading: ..., detail: ...}, not a list" },
        { "hotline is text", "id: h\nkind: hotlines\ntitle: t\nhotlines:\n  entries: [\"95598\"]\n", 5, 13,
            "entry 1 must be a mapping with a label and a number" },
        { "hotline without number", "id: h\nkind: hotlines\ntitle: t\nhotlines:\n  entries:\n    - {label: 热线}\n", 6,
            7, "missing required key 'number'" },
        { "hotline qr outside assets",
            "id: h\nkind: hotlines\ntitle: t\nhotlines:\n  entries:\n    - {label: a, number: \"1\", qr: ../qr.png}\n",
            6, 35, "picture path '../qr.png' leaves its folder with '..'" },
        { "notice level unknown", "id: n\nkind: notice\ntitle: t\nnotice: {level: danger, body: x}\n", 4, 17,
            "unknown level 'danger' (use info or warning)" },
        { "notice level typo", "id: n\nkind: notice\ntitle: t\nnotice: {level: warnig, body: x}\n", 4, 17,
            "(did you mean 'warning'?)" },
        { "notice body missing", "id: n\nkind: notice\ntitle: t\nnotice: {issuer: x}\n", 4, 9,
            "missing required key 'body'" },
        { "notice body list", "id: n\nkind: notice\ntitle: t\nnotice:\n  body:\n    - a\n", 6, 5,
            "'body' must be a single value, not a list" },
        { "notice date impossible", "id: n\nkind: notice\ntitle: t\nnotice: {body: x, date: 2026-04-31}\n", 4, 25,
            "date '2026-04-31' is not a date: 2026-04 has only 30 days" },
        { "image src missing", "id: i\nkind: image\nimage: {fit: cover}\n", 3, 8, "missing required key 'src'" },
        { "image absolute path", "id: i\nkind: image\nimage: {src: /etc/passwd}\n", 3, 14,
            "picture path '/etc/passwd' is an absolute path" },
        { "image windows path", "id: i\nkind: image\nimage: {src: 'C:/poster.png'}\n", 3, 14, "is an absolute path" },
        { "image backslash", "id: i\nkind: image\nimage: {src: 'assets\\poster.png'}\n", 3, 14, "uses '\\'" },
        { "image parent folder", "id: i\nkind: image\nimage: {src: assets/../notices/x.yaml}\n", 3, 14,
            "leaves its folder with '..'" },
        { "image outside assets", "id: i\nkind: image\nimage: {src: images/poster.png}\n", 3, 14,
            "is not inside assets/" },
        { "image folder only", "id: i\nkind: image\nimage: {src: assets/}\n", 3, 14, "has an empty or '.' part" },
        { "image dot part", "id: i\nkind: image\nimage: {src: ./assets/a.png}\n", 3, 14, "has an empty or '.' part" },
        { "image fit unknown", "id: i\nkind: image\nimage: {src: assets/a.png, fit: stretch}\n", 3, 33,
            "unknown fit 'stretch' (use contain or cover)" },
        { "ticker text missing", "id: k\nkind: ticker\nticker: {}\n", 3, 9, "missing required key 'text'" },
        { "ticker text blank", "id: k\nkind: ticker\nticker: {text: \"  \"}\n", 3, 16, "'text' is empty" },
    });
}

TEST_CASE("whole-file problems")
{
    check_cases({
        { "empty file", "", 0, 0, "file is empty" },
        { "only comments", "# nothing here\n\n", 0, 0, "file is empty" },
        { "a list at the top", "- id: a\n- kind: ticker\n", 1, 1, "(remove the '- ' in front of the lines)" },
        { "a scalar document", "hello\n", 1, 1, "a notice file must be made of 'key: value' lines" },
        { "tab indentation", "id: a\nkind: ticker\nticker:\n\ttext: x\n", 4, 1,
            "tab used for indentation (indent with spaces)" },
        { "GBK bytes", "id: a\nkind: ticker\nticker: {text: \xBB\xB6\xD3\xAD}\n", 3, 16,
            "file is not valid UTF-8 text" },
        { "two documents", "id: a\nkind: ticker\nticker: {text: x}\n---\nid: b\n", 5, 1,
            "file holds more than one YAML document" },
        { "syntax error", "id: a\nkind: ticker\nticker: {text: [x}\n", 3, 18, "YAML syntax" },
        { "unknown alias", "id: *nothing\nkind: ticker\nticker: {text: x}\n", 1, 5, "YAML syntax" },
    });
}

TEST_CASE("every problem of a file is reported, not only the first")
{
    Diagnostics diagnostics;
    auto notice = parse_notice("id: Bad Id\nkind: tariff\nduration: soon\npriority: top\ntariff:\n  columns: [a, b]\n  "
                               "rows:\n    - [1]\n    - [1, 2, 3]\n",
        "notices/many.yaml", {}, diagnostics);
    INFO(diagnostics.format_all());
    CHECK_FALSE(notice.has_value());
    // In line order, like a compiler, whatever order they were found in.
    std::vector<std::string> expected {
        "notices/many.yaml:1:1: error: missing required key 'title'",
        "notices/many.yaml:1:5: error: id 'Bad Id'",
        "notices/many.yaml:3:11: error: duration 'soon' is not a duration",
        "notices/many.yaml:4:11: error: unknown priority 'top'",
        "notices/many.yaml:8:7: error: row 1 has 1 cell, the table has 2 columns",
        "notices/many.yaml:9:7: error: row 2 has 3 cells, the table has 2 columns",
    };
    REQUIRE(diagnostics.all().size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i)
        CHECK(format_diagnostic(diagnostics.all()[i]).rfind(expected[i], 0) == 0);
}
