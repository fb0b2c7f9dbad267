// Measuring a tariff table's columns once per font: each cell's one-line, comfortable and
// narrowest widths, and how many lines it takes as its column narrows (kept in CellWrapCache).
#include "player/layout/tariff_columns_detail.h"

#include "player/layout/text_layout.h"

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <utility>

namespace hallboard {

using namespace tariff_columns_detail;

// The profiles of a table's cells by text and size, shared by equal texts ("一般工商业" in
// forty rows) and by the fits of one layout.
struct CellWrapCache::Entries {
    std::map<std::pair<std::string, int>, std::unique_ptr<CellProfile>> profiles;
};

CellWrapCache::CellWrapCache()
    : m_entries(std::make_unique<Entries>())
{
}

CellWrapCache::~CellWrapCache() = default;

namespace {

// Wide enough that nothing wraps: measures a cell's natural one-line width.
constexpr float unbounded_width = 1e9f;

float natural_width(std::string_view text, FontSpec font, TextMeasurer& measurer)
{
    if (text.find('\n') == std::string_view::npos)
        return measurer.width(text, font);
    return wrap_text(text, unbounded_width, font, measurer).widest;
}

// Beyond three lines a cell is a stack of stubs whatever its width; no need to know exactly.
constexpr size_t profiled_lines = 3;

const CellProfile& profile_cell(ProfileCache& cache, std::string_view text, FontSpec font, bool numeric, float natural,
    float hard, TextMeasurer& measurer)
{
    auto& slot
        = cache.profiles[{ std::string(text), font.weight == FontWeight::Bold ? -font.pixel_size : font.pixel_size }];
    if (slot)
        return *slot;
    slot = std::make_unique<CellProfile>();
    slot->natural = natural;
    slot->widths.push_back(natural);
    if (numeric || natural <= hard)
        return *slot;
    auto lines = [&](float width) { return wrap_text(text, width + 0.01f, font, measurer).lines.size(); };
    // A tenth of an em is precise enough to share widths; the layout wraps at the real ones.
    float const precision = std::max(0.5f, 0.1f * static_cast<float>(font.pixel_size));
    for (size_t k = 2; k <= profiled_lines && slot->widths.back() > hard; ++k) {
        if (lines(hard) <= k) {
            slot->widths.push_back(hard);
            break;
        }
        float low = hard;                 // more than k lines
        float high = slot->widths.back(); // at most k - 1 lines
        while (high - low > precision) {
            float const middle = (low + high) / 2;
            (lines(middle) <= k ? high : low) = middle;
        }
        slot->widths.push_back(high);
    }
    return *slot;
}

// The narrowest profiled width, at most `widest`, at which `text` wraps without a last line of a
// single character; `widest` when there is none.
float narrowest_without_stub(
    const CellProfile& profile, std::string_view text, FontSpec font, float widest, TextMeasurer& measurer)
{
    float const stub = 1.9f * static_cast<float>(font.pixel_size);
    for (auto width = profile.widths.rbegin(); width != profile.widths.rend(); ++width) {
        if (*width > widest + 0.01f)
            break;
        if (width + 1 == profile.widths.rend())
            return *width; // one line
        auto const wrapped = wrap_text(text, *width + 0.01f, font, measurer);
        if (!wrapped.lines.empty() && measurer.width(wrapped.lines.back(), font) >= stub)
            return *width;
    }
    return widest;
}

} // namespace

namespace tariff_columns_detail {

std::vector<ColumnMeasure> measure_columns(
    const TariffTable& table, FontSpec cell_font, FontSpec header_font, TextMeasurer& measurer, ProfileCache& cache)
{
    size_t const count = table.columns.size();
    std::vector<ColumnMeasure> measures(count);
    enum class Cell { Body, Header };
    auto consider = [&](ColumnWants& column, std::string_view text, FontSpec font, bool numeric, Cell cell) {
        float const natural = natural_width(text, font, measurer);
        float const hard = numeric ? natural : min_content_width(text, font, measurer);
        // Wrapping a cell of a few characters ("第一档", "电压等级") reads badly; longer ones may wrap.
        float const few_characters = 4.0f * static_cast<float>(font.pixel_size);
        float const comfortable = numeric ? natural : std::min(natural, std::max(hard, few_characters));
        auto const& profile = profile_cell(cache, text, font, numeric, natural, hard, measurer);
        // A header may wrap narrower than comfortable when the header row is tall anyway
        // ("峰时 / 电价"), but never into a stub ("峰时 / 段").
        float const header
            = cell == Cell::Header ? narrowest_without_stub(profile, text, font, comfortable, measurer) : 0;
        column.natural = std::max(column.natural, natural);
        column.comfortable = std::max(column.comfortable, comfortable);
        column.body_comfortable = std::max(column.body_comfortable, cell == Cell::Body ? comfortable : header);
        column.body = std::max(column.body, cell == Cell::Body ? natural : header);
        column.hard = std::max(column.hard, hard);
        return &profile;
    };

    for (size_t c = 0; c < count; ++c) {
        bool any_number = false;
        bool only_numbers = true;
        for (auto const& row : table.rows) {
            std::string_view const cell = c < row.size() ? std::string_view(row[c]) : std::string_view();
            bool const numeric = is_numeric_cell(cell);
            any_number = any_number || numeric;
            only_numbers = only_numbers && (numeric || is_placeholder_cell(cell));
            if (numeric)
                measures[c].number_width = std::max(measures[c].number_width, measurer.width(cell, cell_font));
            measures[c].cells.push_back(consider(measures[c].wants, cell, cell_font, numeric, Cell::Body));
        }
        measures[c].align = any_number && only_numbers ? TextAlign::Center : TextAlign::Left;
        measures[c].header = consider(measures[c].wants, table.columns[c], header_font, false, Cell::Header);
    }
    return measures;
}

} // namespace tariff_columns_detail

} // namespace hallboard
