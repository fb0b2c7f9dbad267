// The one UTF-8 module: decoding one code point at a time, validating, encoding, safe
// truncation, and the character classes (Han, whitespace) that line breaking and spacing need.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace hallboard {

struct DecodedCodePoint {
    char32_t code_point = 0;
    size_t length = 0; // bytes consumed; 1 for an invalid byte, which decodes as U+FFFD
};

inline constexpr char32_t replacement_character = 0xFFFD;

// Decodes the code point starting at byte `offset` (< text.size()). Invalid or truncated
// sequences, overlong forms and surrogates decode as U+FFFD consuming one byte, so a loop
// over a string always advances and never splits a valid sequence.
DecodedCodePoint decode_utf8(std::string_view text, size_t offset);

void append_utf8(std::string& out, char32_t code_point);

// Byte offset of the first byte that is not valid UTF-8 (invalid, truncated, overlong,
// surrogate or past U+10FFFF), or std::string_view::npos when all of `text` is valid.
std::size_t invalid_utf8_offset(std::string_view text);
bool is_valid_utf8(std::string_view text);
// The text with every invalid byte replaced by U+FFFD (a copy when already valid).
std::string sanitize_utf8(std::string_view text);

// Byte offset of the start of the code point that ends just before `offset` (> 0).
size_t previous_code_point_start(std::string_view text, size_t offset);

// The one safe truncation: the longest prefix of `text` of at most `max_bytes` bytes that
// does not end inside a UTF-8 sequence (so a cut never leaves half a Chinese character).
std::string_view truncate_utf8(std::string_view text, size_t max_bytes);
// The largest offset <= `offset` that does not fall inside a UTF-8 sequence.
size_t code_point_boundary_at_or_before(std::string_view text, size_t offset);

// CJK Unified Ideographs (with Extension A, compatibility ideographs and the supplementary
// planes). Not punctuation, not kana.
bool is_han(char32_t code_point);
bool is_ascii_alphanumeric(char32_t code_point);
// ASCII whitespace, the Unicode space separators (U+3000 ideographic space, U+2009 thin
// space …), line/paragraph separators and U+200B zero-width space.
bool is_whitespace(char32_t code_point);

} // namespace hallboard
