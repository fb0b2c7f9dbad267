// Where a paragraph may be broken into lines: UAX #14 opportunities from libunibreak,
// narrowed by the Chinese (clreq, GB/T 15834) prohibitions. Private to text layout.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace hallboard {

enum class BreakKind {
    Allowed,   // the line may end here
    Mandatory, // the line must end here (U+2028, a lone CR, form feed … inside a paragraph)
};

struct BreakOpportunity {
    size_t offset = 0; // byte offset where the next line would start, 0 < offset < text.size()
    BreakKind kind = BreakKind::Allowed;
    bool operator==(const BreakOpportunity&) const = default;
};

// Break opportunities inside `paragraph` (valid UTF-8, normally without '\n'), in increasing
// order; the end of the text is not listed. On top of UAX #14 (language "zh"):
// - no line starts with closing punctuation (，。、；：？！）」』】〉》〕｝”’％…—·． ,.;:?!)]}%);
//   the character before it moves down with it (no hanging punctuation);
// - no line ends with opening punctuation (（「『【〈《〔｛“‘ ([{);
// - —— and …… stay whole;
// - numbers stay whole: digits, decimals (0.4883), ranges (2161–4200, 8:00～17:00),
//   phone numbers (020-12345678);
// - a number keeps the Han character after it, its unit (3个工作日, 5元), even across a thin
//   space; across a typed space only a measure word or unit (1–28 幢, 3 个工作日), not any
//   word (95598 均可申请 may break after 95598); and a Latin unit after one space (2760 kWh);
// - no line starts with a space (libunibreak allows a break before U+3000).
std::vector<BreakOpportunity> break_opportunities(std::string_view paragraph);

bool is_line_start_prohibited(char32_t code_point);
bool is_line_end_prohibited(char32_t code_point);

} // namespace hallboard
