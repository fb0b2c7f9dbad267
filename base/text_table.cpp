// Column alignment by display width for the terminal tables of `screens` and `report`.
#include "base/text_table.h"

#include "base/utf8.h"

#include <algorithm>

namespace hallboard {

namespace {

// East Asian Wide (W) and Fullwidth (F) ranges of Unicode's EastAsianWidth.txt that matter
// for hall names and notices: Hangul Jamo, CJK punctuation to CJK ideographs, Hangul,
// compatibility ideographs, vertical and fullwidth forms, and the supplementary ideographs.
bool is_wide(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF)
        || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF)
        || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
        || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

} // namespace

std::size_t display_width(std::string_view text)
{
    std::size_t width = 0;
    for (size_t offset = 0; offset < text.size();) {
        auto decoded = decode_utf8(text, offset);
        offset += decoded.length;
        width += is_wide(decoded.code_point) ? 2 : 1;
    }
    return width;
}

TextTable::TextTable(std::vector<std::string> headings)
{
    m_rows.push_back(std::move(headings));
}

void TextTable::add_row(std::vector<std::string> cells)
{
    m_rows.push_back(std::move(cells));
}

std::string TextTable::format(std::size_t indent) const
{
    std::vector<std::size_t> widths;
    for (auto const& row : m_rows) {
        widths.resize(std::max(widths.size(), row.size()), 0);
        for (size_t i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], display_width(row[i]));
    }
    std::string text;
    for (auto const& row : m_rows) {
        std::string line(indent, ' ');
        for (size_t i = 0; i < row.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size())
                line += std::string(widths[i] - display_width(row[i]) + 2, ' ');
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        text += line + "\n";
    }
    return text;
}

} // namespace hallboard
