// Escaping untrusted text for terminals: control characters, reordering marks and invalid UTF-8.
#include "base/terminal_text.h"

#include "base/utf8.h"

#include <cstdio>

namespace hallboard {

namespace {

bool is_escaped_code_point(char32_t c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
}

void append_hex_byte(std::string& out, unsigned char byte)
{
    char text[8];
    std::snprintf(text, sizeof text, "\\x%02x", byte);
    out += text;
}

void append_code_point_escape(std::string& out, char32_t c)
{
    char text[16];
    std::snprintf(text, sizeof text, "\\u{%x}", static_cast<unsigned>(c));
    out += text;
}

// One step over `text` at `offset`: how many bytes, and whether they must be escaped.
struct Step {
    std::size_t length;
    bool escape;
    bool invalid; // an invalid byte (length 1), escaped as \xNN
    char32_t code_point;
};

Step step_at(std::string_view text, std::size_t offset)
{
    auto decoded = decode_utf8(text, offset);
    // decode_utf8 reads an invalid byte as U+FFFD of length 1; a real U+FFFD is 3 bytes long.
    bool invalid = decoded.code_point == replacement_character && decoded.length == 1;
    return { decoded.length, invalid || is_escaped_code_point(decoded.code_point), invalid, decoded.code_point };
}

} // namespace

std::string escape_terminal_text(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t offset = 0; offset < text.size();) {
        auto step = step_at(text, offset);
        if (!step.escape)
            out.append(text.substr(offset, step.length));
        else if (step.invalid || step.code_point < 0x80)
            append_hex_byte(out, static_cast<unsigned char>(text[offset]));
        else
            append_code_point_escape(out, step.code_point);
        offset += step.length;
    }
    return out;
}

bool is_terminal_safe(std::string_view text)
{
    for (std::size_t offset = 0; offset < text.size();) {
        auto step = step_at(text, offset);
        if (step.escape)
            return false;
        offset += step.length;
    }
    return true;
}

} // namespace hallboard
