// Splitting a tariff table too wide for the screen into groups of columns, each repeating the
// label columns, that are shown as stacked parts.
#include "player/layout/tariff_columns_detail.h"

#include <string>
#include <utility>

namespace hallboard {

using namespace tariff_columns_detail;

TariffTable select_columns(const TariffTable& table, const std::vector<size_t>& columns)
{
    TariffTable out;
    out.unit = table.unit;
    out.sections = table.sections;
    for (size_t c : columns)
        out.columns.push_back(c < table.columns.size() ? table.columns[c] : std::string());
    for (auto const& row : table.rows) {
        std::vector<std::string> cells;
        for (size_t c : columns)
            cells.push_back(c < row.size() ? row[c] : std::string());
        out.rows.push_back(std::move(cells));
    }
    return out;
}

std::vector<std::vector<size_t>> split_columns(const TariffTable& table, float table_width, FontSpec cell_font,
    FontSpec header_font, ColumnFit worst, TextMeasurer& measurer, CellWrapCache* cache)
{
    size_t const count = table.columns.size();
    CellWrapCache local;
    auto const measures
        = measure_columns(table, cell_font, header_font, measurer, cache ? cache->entries() : local.entries());
    auto fits = [&](const std::vector<size_t>& columns) {
        std::vector<ColumnMeasure> subset;
        for (size_t c : columns)
            subset.push_back(measures[c]);
        return fit_measured(subset, table_width, cell_font).fit <= worst;
    };
    if (count == 0)
        return {};
    // The label columns every part repeats: the leading text columns, at most two; at least
    // the first column, whatever it holds, so that every row stays identifiable.
    std::vector<size_t> labels { 0 };
    while (labels.size() < 2 && labels.size() < count && measures[labels.size()].align == TextAlign::Left
        && measures[labels.size() - 1].align == TextAlign::Left)
        labels.push_back(labels.size());
    if (labels.size() >= count)
        return {};

    // Greedy first, to learn how many parts are needed.
    std::vector<std::vector<size_t>> greedy;
    std::vector<size_t> part = labels;
    for (size_t c = labels.size(); c < count; ++c) {
        part.push_back(c);
        if (fits(part))
            continue;
        part.pop_back();
        if (part.size() == labels.size())
            return {}; // this column does not fit even beside the labels alone
        greedy.push_back(part);
        part = labels;
        part.push_back(c);
        if (!fits(part))
            return {};
    }
    greedy.push_back(part);
    if (greedy.size() < 2)
        return greedy;

    // The same number of parts with the columns shared out evenly, when that fits too.
    size_t const data_columns = count - labels.size();
    size_t const parts = greedy.size();
    std::vector<std::vector<size_t>> even;
    size_t next = labels.size();
    for (size_t p = 0; p < parts; ++p) {
        size_t const take = data_columns / parts + (p < data_columns % parts ? 1 : 0);
        std::vector<size_t> columns = labels;
        for (size_t i = 0; i < take; ++i)
            columns.push_back(next++);
        if (!fits(columns))
            return greedy;
        even.push_back(std::move(columns));
    }
    return even;
}

} // namespace hallboard
