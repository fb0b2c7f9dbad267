// add_cjk_latin_spacing, count_characters, the UTF-8 helpers and the fixed-advance fake.
#include "player/layout/text_layout.h"
#include "base/utf8.h"

#include "text_test_support.h"

#include <string>

using namespace hallboard;

TEST_CASE("add_cjk_latin_spacing")
{
    struct Case {
        char const* name;
        char const* text;
        char const* expected;
    };
    Case const cases[] = {
        { "Han then Latin", "使用App", "使用\u2009App" },
        { "Latin then Han", "App办理", "App\u2009办理" },
        { "digits on both sides", "全程5个工作日", "全程\u20095\u2009个工作日" },
        { "existing space kept, nothing added", "拨打 95598 咨询", "拨打 95598 咨询" },
        { "punctuation is not Han", "（95598）", "（95598）" },
        { "full-width comma then digit", "热线：95598", "热线：95598" },
        { "Extension A ideograph", "\u34005", "\u3400\u20095" },
        { "Latin only", "kWh 0.538", "kWh 0.538" },
        { "Han only", "供电营业厅", "供电营业厅" },
        { "empty", "", "" },
        { "already spaced text unchanged", "使用\u2009App", "使用\u2009App" },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            auto const spaced = add_cjk_latin_spacing(c.text);
            CHECK(spaced == c.expected);
            CHECK(add_cjk_latin_spacing(spaced) == spaced); // idempotent
        }
    }
}

TEST_CASE("count_characters")
{
    struct Case {
        char const* name;
        char const* text;
        int expected;
    };
    Case const cases[] = {
        { "empty", "", 0 },
        { "Han", "供电营业厅", 5 },
        { "spaces do not count", " a b\tc\n", 3 },
        { "ideographic and thin spaces do not count", "甲\u3000乙\u2009丙", 3 },
        { "punctuation counts", "你好！", 3 },
        { "mixed", "拨打95598", 7 },
        { "supplementary plane", "\U00020000", 1 },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            CHECK(count_characters(c.text) == c.expected);
        }
    }
}

TEST_CASE("FixedAdvanceMeasurer")
{
    FixedAdvanceMeasurer measurer;
    struct Case {
        char const* name;
        char const* text;
        float expected_ems;
    };
    Case const cases[] = {
        { "empty", "", 0 },
        { "Han", "供电", 2 },
        { "ASCII", "kWh 1", 2.5f },
        { "CJK punctuation", "，。「」", 4 },
        { "full-width forms", "（１）", 3 },
        { "compatibility forms", "\uFE35", 1 },
        { "compatibility ideograph", "\uF900", 1 },
        { "curly quotes are not in the CJK ranges", "“”", 1 },
        { "em dash is not in the CJK ranges", "——", 1 },
        { "mixed", "拨打95598", 4.5f },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            CHECK(measurer.width(c.text, FontSpec { 40 }) == doctest::Approx(c.expected_ems * 40));
            CHECK(measurer.width(c.text, FontSpec { 24 }) == doctest::Approx(c.expected_ems * 24));
        }
    }
    CHECK(measurer.ascent(FontSpec { 50 }) == doctest::Approx(44));
    CHECK(measurer.descent(FontSpec { 50 }) == doctest::Approx(6));
}

TEST_CASE("decode_utf8")
{
    struct Case {
        char const* name;
        std::string text;
        char32_t code_point;
        size_t length;
    };
    Case const cases[] = {
        { "ASCII", "a", U'a', 1 },
        { "two bytes", "\u00B7", 0xB7, 2 },
        { "three bytes", "供", U'供', 3 },
        { "four bytes", "\U00020000", 0x20000, 4 },
        { "stray continuation byte", "\x80", 0xFFFD, 1 },
        { "truncated sequence", "\xE4\xBE", 0xFFFD, 1 },
        { "bad continuation", "\xE4\x41\x41", 0xFFFD, 1 },
        { "overlong", "\xC0\xAF", 0xFFFD, 1 },
        { "surrogate", "\xED\xA0\x80", 0xFFFD, 1 },
        { "beyond U+10FFFF", "\xF4\x90\x80\x80", 0xFFFD, 1 },
        { "invalid lead byte", "\xFF", 0xFFFD, 1 },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            auto const decoded = decode_utf8(c.text, 0);
            CHECK(decoded.code_point == c.code_point);
            CHECK(decoded.length == c.length);
            bool const valid = !(c.code_point == 0xFFFD && c.length == 1);
            CHECK(is_valid_utf8(c.text) == valid);
            CHECK(is_valid_utf8(sanitize_utf8(c.text)));
        }
    }
}

TEST_CASE("append_utf8 round-trips through decode_utf8")
{
    for (char32_t c : { U'a', char32_t(0x7F), char32_t(0x80), char32_t(0x7FF), char32_t(0x800), U'供', char32_t(0xFFFD),
             char32_t(0x10000), char32_t(0x10FFFF) }) {
        CAPTURE(static_cast<unsigned>(c));
        std::string encoded;
        append_utf8(encoded, c);
        auto const decoded = decode_utf8(encoded, 0);
        CHECK(decoded.code_point == c);
        CHECK(decoded.length == encoded.size());
        CHECK(previous_code_point_start(encoded, encoded.size()) == 0);
    }
    std::string surrogate;
    append_utf8(surrogate, 0xD800);
    CHECK(surrogate == "\uFFFD");
}

TEST_CASE("previous_code_point_start")
{
    std::string const text = "a供\U00020000b";
    CHECK(previous_code_point_start(text, 1) == 0);
    CHECK(previous_code_point_start(text, 4) == 1);
    CHECK(previous_code_point_start(text, 8) == 4);
    CHECK(previous_code_point_start(text, 9) == 8);
    std::string const broken = "a\xE4\xBE";
    CHECK(previous_code_point_start(broken, 3) == 2);
}

TEST_CASE("character classes")
{
    CHECK(is_han(U'供'));
    CHECK(is_han(0x3400));
    CHECK(is_han(0x20000));
    CHECK_FALSE(is_han(U'，'));
    CHECK_FALSE(is_han(U'あ'));
    CHECK_FALSE(is_han(U'a'));
    CHECK(is_whitespace(0x3000));
    CHECK(is_whitespace(0x2009));
    CHECK(is_whitespace(U' '));
    CHECK_FALSE(is_whitespace(U'甲'));
    CHECK(is_ascii_alphanumeric(U'Z'));
    CHECK(is_ascii_alphanumeric(U'0'));
    CHECK_FALSE(is_ascii_alphanumeric(0xFF10));
}
