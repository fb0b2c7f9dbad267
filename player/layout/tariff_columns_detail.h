// What the pieces of tariff column sizing share: a table's columns measured once, fitted to widths.
// Internal to tariff_columns*.cpp; everyone else uses tariff_columns.h.
#pragma once

#include "player/layout/tariff_columns.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace hallboard::tariff_columns_detail {

struct ColumnWants {
    float natural = 0;          // widest cell on one line
    float comfortable = 0;      // narrowest without wrapping short cells
    float body_comfortable = 0; // the same for body cells; headers as narrow as they wrap without a stub
    float body = 0;             // widest body cell on one line; headers as in body_comfortable
    float hard = 0;             // narrowest without cutting a word
};

// How many lines a cell takes as its column narrows: widths[k] is the narrowest width (padding
// excluded) at which it takes k + 1 lines. widths[0] is its one-line width.
struct CellProfile {
    std::vector<float> widths;
    float natural = 0;

    int lines_at(float width) const
    {
        for (size_t k = 0; k < widths.size(); ++k) {
            if (widths[k] <= width + 0.01f)
                return static_cast<int>(k) + 1;
        }
        // Narrower than profiled: about as many lines as the text is times wider.
        int const beyond = static_cast<int>(std::ceil(natural / std::max(width, 1.0f)));
        return std::max(static_cast<int>(widths.size()) + 1, beyond);
    }
};

struct ColumnMeasure {
    ColumnWants wants;
    TextAlign align = TextAlign::Left;
    float number_width = 0;
    std::vector<const CellProfile*> cells; // one per body row
    const CellProfile* header = nullptr;
};

using ProfileCache = CellWrapCache::Entries;

// Everything about the columns that depends on the text and the font but not on the width;
// measured once and fitted to as many widths (or column subsets) as needed. The profiles the
// measures point to live in `cache`. (tariff_column_measure.cpp)
std::vector<ColumnMeasure> measure_columns(
    const TariffTable& table, FontSpec cell_font, FontSpec header_font, TextMeasurer& measurer, ProfileCache& cache);

// The column layout of measured columns at `table_width`. (tariff_columns.cpp)
ColumnLayout fit_measured(const std::vector<ColumnMeasure>& measures, float table_width, FontSpec cell_font);

} // namespace hallboard::tariff_columns_detail
