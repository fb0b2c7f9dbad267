// Planning a tariff slide: the text size, the columns (split into stacked parts when the table
// is too wide to show whole), the stack of header, rows, sections and notes, and its pages.
// Private to the tariff layout; layout_tariff.cpp draws the plan.
#pragma once

#include "player/layout/pagination.h"
#include "player/layout/slide_style.h"
#include "player/layout/tariff_columns.h"

#include <string>
#include <vector>

namespace hallboard {

enum class TableItemKind { Header, Row, Section, Note, Effective };

// One thing in the stack: a part's header row, a row, a section heading, a note, the date.
inline constexpr size_t no_section = static_cast<size_t>(-1);

struct TableItem {
    TableItemKind kind = TableItemKind::Row;
    size_t part = 0;  // Header, Row, Section: the part it belongs to
    size_t index = 0; // Row: the row; Note: the note
    // Header, Row: lines per column. Section: its lines, then the lines of its "（续）" form
    // repeated on a page that starts inside the section. Note: its lines, then (when the
    // effective date sits at the right of the last line) the date. Effective: its lines.
    std::vector<std::vector<std::string>> cells;
    bool zebra = false;
    size_t section = no_section; // Row: the item index of its section heading, if any
    float continued_height = 0;  // Section: the height of its "（续）" form
};

// A group of the table's columns laid out as a table of its own. A table that fits the width
// has one part with every column; a wider one has several, each repeating the label columns.
struct TablePart {
    TariffTable table; // only this part's columns (notes and effective date live in the plan)
    ColumnLayout columns;
    float header_height = 0;
};

struct TariffPlan {
    bool feasible = true; // for choose_font_size: the columns fit as well as was asked
    size_t page_count = 0;
    bool overflow = false; // some word was cut between characters (a problem to report)

    Rect body;
    FontSpec cell_font;
    FontSpec header_font;
    FontSpec note_font;
    float cell_padding_y = 0;
    float header_padding_y = 0;
    std::vector<TablePart> parts;
    std::string unit_text;
    float unit_height = 0;       // the unit line and its gap; 0 without a unit
    float note_prefix_width = 0; // "注："
    float note_label_width = 0;  // "1. "
    size_t note_count = 0;

    std::vector<TableItem> items;
    std::vector<PageBlock> blocks; // parallel to items
    Pagination pagination;
};

// Rows of the table taller than one line because a cell wraps.
size_t wrapped_rows(const TariffPlan& plan);

inline constexpr std::string_view tariff_note_prefix = "注：";
std::string tariff_note_label(size_t index, size_t count); // "1. " when there are several notes

// The plan for `table` in `body`: the largest text that needs the fewest pages, with the whole
// table if it fits the width at all, else with its columns split into parts.
TariffPlan plan_tariff(const TariffTable& table, const Rect& body, const SlideStyle& style);

// What `hallboard check --size` should say about a plan: cut words, rows taller than a page.
std::vector<std::string> tariff_problems(const TariffPlan& plan);

} // namespace hallboard
