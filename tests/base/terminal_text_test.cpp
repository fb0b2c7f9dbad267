// escape_terminal_text: what a heartbeat (or any server answer) may carry never acts on a terminal.
#include "base/terminal_text.h"

#include <doctest/doctest.h>

#include <string>

using namespace hallboard;

TEST_CASE("escape_terminal_text: controls, reordering marks and invalid UTF-8 are written out; the rest is kept")
{
    struct Case {
        const char* name;
        std::string text;
        std::string escaped;
    };
    const Case cases[] = {
        { "empty", "", "" },
        { "ASCII", "Hall 12 (east)", "Hall 12 (east)" },
        { "Chinese", "城西供电营业厅（新址）", "城西供电营业厅（新址）" },
        { "CJK extension B and an emoji", "\xF0\xA0\x80\x80 \xF0\x9F\x98\x80", "\xF0\xA0\x80\x80 \xF0\x9F\x98\x80" },
        { "a real U+FFFD stays", "a\xEF\xBF\xBD", "a\xEF\xBF\xBD" },
        { "ESC sequence that clears the screen", "\x1b[2J\x1b[H", "\\x1b[2J\\x1b[H" },
        { "OSC title change ended by BEL", "\x1b]0;pwned\x07", "\\x1b]0;pwned\\x07" },
        { "CR LF forging a second row", "城西\r\nhz-fake-01  ok", "城西\\x0d\\x0ahz-fake-01  ok" },
        { "NUL in the middle", std::string("ab\0cd", 5), "ab\\x00cd" },
        { "TAB", "a\tb", "a\\x09b" },
        { "DEL", "a\x7f", "a\\x7f" },
        { "C1 CSI (U+009B) as UTF-8",
            "a\xC2\x9B"
            "31m",
            "a\\u{9b}31m" },
        { "C1 NEL (U+0085)", "\xC2\x85", "\\u{85}" },
        { "U+00A0 is not C1",
            "a\xC2\xA0"
            "b",
            "a\xC2\xA0"
            "b" },
        { "right-to-left override",
            "ok\xE2\x80\xAE"
            "deliaf",
            "ok\\u{202e}deliaf" },
        { "first strong isolate", "\xE2\x81\xA8x", "\\u{2068}x" },
        { "line separator",
            "a\xE2\x80\xA8"
            "b",
            "a\\u{2028}b" },
        { "a raw C1 byte (invalid UTF-8)",
            "a\x9b"
            "b",
            "a\\x9bb" },
        { "GBK bytes", "\xB5\xE7", "\\xb5\\xe7" },
        { "truncated Chinese character", "营\xE4\xB8", "营\\xe4\\xb8" },
        { "overlong slash", "\xC0\xAF", "\\xc0\\xaf" },
        { "surrogate", "\xED\xA0\x80", "\\xed\\xa0\\x80" },
        { "backslashes are left alone", "a\\x1b\\", "a\\x1b\\" },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            auto escaped = escape_terminal_text(c.text);
            CHECK(escaped == c.escaped);
            CHECK(is_terminal_safe(escaped));
            CHECK(is_terminal_safe(c.text) == (escaped == c.text));
            // Escaping is idempotent: text escaped when stored prints unchanged.
            CHECK(escape_terminal_text(escaped) == escaped);
        }
    }
}

TEST_CASE("escape_terminal_text: every single byte comes out printable")
{
    for (int byte = 0; byte < 256; ++byte) {
        CAPTURE(byte);
        auto escaped = escape_terminal_text(std::string(1, static_cast<char>(byte)));
        for (char c : escaped)
            CHECK((static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7F));
    }
}
