// Sizing a tariff table's columns from their content: which cells are numbers (right-aligned),
// how wide each column wants to be, and how the table width is shared when it is not enough.
// Private to the tariff layout.
#pragma once

#include "content/model/notice.h"
#include "player/layout/text_layout.h"

#include <memory>
#include <string_view>
#include <vector>

namespace hallboard {

// A price, a quantity, a percentage: 0.4883, 38, -60%, 1,234.5. Such cells are right-aligned
// so that their digits line up down the column.
bool is_numeric_cell(std::string_view text);
// A cell that says "nothing here" (—, -, /, empty): it takes the alignment of its column.
bool is_placeholder_cell(std::string_view text);

// Width of the widest piece of `text` that cannot be broken across lines.
float min_content_width(std::string_view text, FontSpec font, TextMeasurer& measurer);

enum class ColumnFit {
    Natural,  // every cell on one line; spare width shared out
    Wrapped,  // some text cells wrap, none narrower than a few characters
    Tight,    // cells wrap as narrow as their longest word, with less padding
    Squeezed, // not even that fits: words are cut between characters (a problem to report)
};

struct ColumnLayout {
    std::vector<float> widths; // outer widths, padding included; they add up to the table width
    // Left for text columns; Center for columns of numbers, whose numbers stand right-aligned
    // in a block as wide as the widest of them, centred in the column (so that a wide column
    // does not push its numbers away from their header).
    std::vector<TextAlign> column_align;
    std::vector<float> number_width; // the widest number of each column at the cell font; 0: none
    float padding = 0;               // left and right inside each cell
    ColumnFit fit = ColumnFit::Natural;
};

// Remembers how each cell text wraps at each size, for the many fits of one layout (sizes,
// stages, column parts): wrapping is what column sizing spends its time on. Single-threaded.
class CellWrapCache {
public:
    CellWrapCache();
    ~CellWrapCache();
    CellWrapCache(const CellWrapCache&) = delete;
    CellWrapCache& operator=(const CellWrapCache&) = delete;

    struct Entries;
    Entries& entries() { return *m_entries; }

private:
    std::unique_ptr<Entries> m_entries;
};

// Shares `table_width` among the columns of `table` with body cells in `cell_font` and the
// header in `header_font`: when the cells must wrap, so that the table is as short as it can be.
ColumnLayout fit_columns(const TariffTable& table, float table_width, FontSpec cell_font, FontSpec header_font,
    TextMeasurer& measurer, CellWrapCache* cache = nullptr);

// A body cell's alignment: numbers right (inside their column's number block); placeholders
// follow their column; text left.
TextAlign cell_alignment(std::string_view text, TextAlign column_align);

// The table with only the given columns (in that order); sections and unit kept, notes and
// effective date dropped.
TariffTable select_columns(const TariffTable& table, const std::vector<size_t>& columns);

// For a table too wide for `table_width` even at `cell_font` (the minimum size): groups of
// columns, each repeating the leading label columns (用电分类, 电压等级), that fit side by side
// with a fit no worse than `worst`. Empty when no split reaches that (a single column is
// already too wide beside the labels).
std::vector<std::vector<size_t>> split_columns(const TariffTable& table, float table_width, FontSpec cell_font,
    FontSpec header_font, ColumnFit worst, TextMeasurer& measurer, CellWrapCache* cache = nullptr);

} // namespace hallboard
