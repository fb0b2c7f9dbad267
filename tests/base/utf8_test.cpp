// The one UTF-8 module: validation and the safe truncation every bounded text goes through.
#include "base/utf8.h"

#include <doctest/doctest.h>

#include <string>

using namespace hallboard;

TEST_CASE("invalid_utf8_offset finds the first bad byte, whatever the kind of fault")
{
    struct Case {
        const char* name;
        std::string text;
        size_t expected;
    };
    const Case cases[] = {
        { "ASCII", "hall 12", std::string_view::npos },
        { "Chinese and a real U+FFFD", "营业厅\xEF\xBF\xBD", std::string_view::npos },
        { "stray continuation byte", "ab\x80", 2 },
        { "truncated sequence at the end", "营\xE4\xB8", 3 },
        { "overlong slash", "a\xC0\xAF", 1 },
        { "surrogate", "\xED\xA0\x80", 0 },
        { "past U+10FFFF", "x\xF4\x90\x80\x80", 1 },
        { "GBK bytes", "\xB5\xE7\xBC\xDB", 0 },
    };
    for (auto const& c : cases) {
        CAPTURE(c.name);
        CHECK(invalid_utf8_offset(c.text) == c.expected);
        CHECK(is_valid_utf8(c.text) == (c.expected == std::string_view::npos));
    }
}

TEST_CASE("truncate_utf8 never cuts a character in half")
{
    std::string const hall = "国网营业厅"; // five characters of three bytes
    CHECK(truncate_utf8(hall, 100) == hall);
    CHECK(truncate_utf8(hall, 15) == hall);
    CHECK(truncate_utf8(hall, 14) == "国网营业");
    CHECK(truncate_utf8(hall, 12) == "国网营业");
    CHECK(truncate_utf8(hall, 4) == "国");
    CHECK(truncate_utf8(hall, 2).empty());
    CHECK(truncate_utf8("ab营", 3) == "ab");
    CHECK(truncate_utf8("", 3).empty());
    for (size_t bytes = 0; bytes <= hall.size(); ++bytes)
        CHECK(is_valid_utf8(truncate_utf8(hall, bytes)));
}
