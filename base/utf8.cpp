// UTF-8 decoding, validation, encoding and character classes.
#include "base/utf8.h"

namespace hallboard {

DecodedCodePoint decode_utf8(std::string_view text, size_t offset)
{
    auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
    unsigned char const lead = byte(offset);
    if (lead < 0x80)
        return { lead, 1 };

    size_t length = 0;
    char32_t code_point = 0;
    char32_t minimum = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2;
        code_point = lead & 0x1Fu;
        minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        code_point = lead & 0x0Fu;
        minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        code_point = lead & 0x07u;
        minimum = 0x10000;
    } else {
        return { replacement_character, 1 };
    }
    if (offset + length > text.size())
        return { replacement_character, 1 };
    for (size_t i = 1; i < length; ++i) {
        unsigned char const continuation = byte(offset + i);
        if ((continuation & 0xC0) != 0x80)
            return { replacement_character, 1 };
        code_point = (code_point << 6) | (continuation & 0x3Fu);
    }
    bool const surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
    if (code_point < minimum || code_point > 0x10FFFF || surrogate)
        return { replacement_character, 1 };
    return { code_point, length };
}

size_t invalid_utf8_offset(std::string_view text)
{
    for (size_t offset = 0; offset < text.size();) {
        auto const decoded = decode_utf8(text, offset);
        // A real U+FFFD in the text is three bytes long; one byte means a decoding failure.
        if (decoded.code_point == replacement_character && decoded.length == 1)
            return offset;
        offset += decoded.length;
    }
    return std::string_view::npos;
}

bool is_valid_utf8(std::string_view text)
{
    return invalid_utf8_offset(text) == std::string_view::npos;
}

void append_utf8(std::string& out, char32_t code_point)
{
    auto push = [&](char32_t value) { out.push_back(static_cast<char>(value)); };
    if (code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF))
        code_point = replacement_character;
    if (code_point < 0x80) {
        push(code_point);
    } else if (code_point < 0x800) {
        push(0xC0 | (code_point >> 6));
        push(0x80 | (code_point & 0x3F));
    } else if (code_point < 0x10000) {
        push(0xE0 | (code_point >> 12));
        push(0x80 | ((code_point >> 6) & 0x3F));
        push(0x80 | (code_point & 0x3F));
    } else {
        push(0xF0 | (code_point >> 18));
        push(0x80 | ((code_point >> 12) & 0x3F));
        push(0x80 | ((code_point >> 6) & 0x3F));
        push(0x80 | (code_point & 0x3F));
    }
}

// A genuine U+FFFD in the text decodes with length 3, an invalid byte with length 1.
static bool is_invalid(DecodedCodePoint decoded)
{
    return decoded.code_point == replacement_character && decoded.length == 1;
}

std::string sanitize_utf8(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (size_t offset = 0; offset < text.size();) {
        auto decoded = decode_utf8(text, offset);
        if (is_invalid(decoded))
            append_utf8(out, replacement_character);
        else
            out.append(text.substr(offset, decoded.length));
        offset += decoded.length;
    }
    return out;
}

size_t previous_code_point_start(std::string_view text, size_t offset)
{
    // Walk back over at most three continuation bytes, then confirm the sequence really
    // ends at `offset`; otherwise the byte before is an invalid byte on its own.
    size_t start = offset - 1;
    for (size_t steps = 0; steps < 3 && start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80; ++steps)
        --start;
    auto decoded = decode_utf8(text, start);
    if (start + decoded.length == offset)
        return start;
    return offset - 1;
}

size_t code_point_boundary_at_or_before(std::string_view text, size_t offset)
{
    if (offset >= text.size())
        return text.size();
    // Continuation bytes (10xxxxxx) never start a code point; step back over them.
    while (offset > 0 && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80)
        --offset;
    return offset;
}

std::string_view truncate_utf8(std::string_view text, size_t max_bytes)
{
    return text.substr(0, code_point_boundary_at_or_before(text, max_bytes));
}

bool is_han(char32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF)    // CJK Unified Ideographs
        || (c >= 0x3400 && c <= 0x4DBF)    // Extension A
        || (c >= 0xF900 && c <= 0xFAFF)    // Compatibility Ideographs
        || (c >= 0x20000 && c <= 0x3134F); // Extensions B–G and supplementary compatibility
}

bool is_ascii_alphanumeric(char32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_whitespace(char32_t c)
{
    switch (c) {
    case ' ':
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case 0x85:   // next line
    case 0xA0:   // no-break space
    case 0x1680: // ogham space mark
    case 0x200B: // zero-width space
    case 0x2028: // line separator
    case 0x2029: // paragraph separator
    case 0x202F: // narrow no-break space
    case 0x205F: // medium mathematical space
    case 0x3000: // ideographic space
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A; // en quad … hair space, thin space included
    }
}

} // namespace hallboard
