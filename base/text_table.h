// Plain-text tables for the terminal, aligned by display width (a Chinese character takes two columns).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hallboard {

// Terminal columns `text` takes: East Asian wide and fullwidth characters count two.
std::size_t display_width(std::string_view text);

class TextTable {
public:
    explicit TextTable(std::vector<std::string> headings);
    void add_row(std::vector<std::string> cells);
    // Columns padded to their widest cell, two spaces apart, `indent` spaces before each line;
    // the last column is not padded (no trailing blanks).
    std::string format(std::size_t indent = 0) const;
    bool empty() const { return m_rows.size() <= 1; }

private:
    std::vector<std::vector<std::string>> m_rows; // headings first
};

} // namespace hallboard
