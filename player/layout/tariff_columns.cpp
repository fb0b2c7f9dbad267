// Column sizing for tariff tables, in the spirit of HTML's automatic table layout: columns
// get their one-line width when the table allows it; otherwise the width goes where it saves
// the most lines, so that the table is as short as it can be.
#include "player/layout/tariff_columns.h"

#include "player/layout/line_breaking.h"
#include "player/layout/utf8.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <numeric>

namespace hallboard {

namespace {

// Wide enough that nothing wraps: measures a cell's natural one-line width.
constexpr float unbounded_width = 1e9f;

std::string_view trim(std::string_view text)
{
    auto is_space_at = [&](size_t offset) { return is_whitespace(decode_utf8(text, offset).code_point); };
    while (!text.empty() && is_space_at(0))
        text.remove_prefix(decode_utf8(text, 0).length);
    while (!text.empty()) {
        size_t const start = previous_code_point_start(text, text.size());
        if (!is_whitespace(decode_utf8(text, start).code_point))
            break;
        text = text.substr(0, start);
    }
    return text;
}

bool consume(std::string_view& text, std::string_view prefix)
{
    if (!text.starts_with(prefix))
        return false;
    text.remove_prefix(prefix.size());
    return true;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

struct ColumnWants {
    float natural = 0;     // widest cell on one line
    float comfortable = 0; // narrowest without wrapping short cells
    float body_comfortable = 0; // the same for body cells; headers as narrow as they wrap without a stub
    float body = 0;             // widest body cell on one line; headers as in body_comfortable
    float hard = 0;        // narrowest without cutting a word
};

// Widths starting from `base`, growing toward `target` with what `width` leaves. The spare
// width is poured like water: columns that want little (a short label, a price) get all they
// want, and the columns that want more (long text) share the rest equally, so a short cell
// never wraps for the sake of a long one. When every column reaches its target, the rest is
// shared equally so the table spans its width.
std::vector<float> distribute(const std::vector<float>& base, const std::vector<float>& target, float width)
{
    std::vector<float> out = base;
    float spare = width - std::accumulate(base.begin(), base.end(), 0.0f);
    std::vector<size_t> wanting;
    for (size_t c = 0; c < base.size(); ++c) {
        if (target[c] > base[c])
            wanting.push_back(c);
    }
    auto want = [&](size_t c) { return target[c] - base[c]; };
    std::stable_sort(wanting.begin(), wanting.end(), [&](size_t a, size_t b) { return want(a) < want(b); });
    size_t next = 0;
    while (next < wanting.size()) {
        float const share = spare / static_cast<float>(wanting.size() - next);
        size_t const c = wanting[next];
        if (want(c) > share)
            break;
        out[c] += want(c);
        spare -= want(c);
        ++next;
    }
    if (next < wanting.size()) {
        float const share = spare / static_cast<float>(wanting.size() - next);
        for (; next < wanting.size(); ++next)
            out[wanting[next]] += share;
    } else {
        for (float& column : out)
            column += spare / static_cast<float>(out.size());
    }
    return out;
}

} // namespace

bool is_numeric_cell(std::string_view text)
{
    text = trim(text);
    if (!consume(text, "-") && !consume(text, "+"))
        consume(text, "\u2212"); // minus sign
    bool digits = false;
    bool decimal_point = false;
    bool fraction_digits = false;
    while (!text.empty()) {
        char const c = text.front();
        if (is_digit(c)) {
            digits = true;
            fraction_digits = decimal_point;
        } else if (c == '.' && digits && !decimal_point) {
            decimal_point = true;
        } else if (c == ',' && digits && !decimal_point && text.size() > 1 && is_digit(text[1])) {
            // Thousands grouping: a comma between digits.
        } else {
            break;
        }
        text.remove_prefix(1);
    }
    if (!digits || (decimal_point && !fraction_digits))
        return false;
    if (!consume(text, "%"))
        consume(text, "\uff05");
    return text.empty();
}

bool is_placeholder_cell(std::string_view text)
{
    text = trim(text);
    static constexpr std::string_view placeholders[] = { "", "-", "--", "/", "\u2014", "\u2014\u2014", "\u2013", "\uff0d",
        "\uff0f" };
    return std::find(std::begin(placeholders), std::end(placeholders), text) != std::end(placeholders);
}

float min_content_width(std::string_view text, FontSpec font, TextMeasurer& measurer)
{
    std::string const valid = sanitize_utf8(text);
    std::string_view remaining = valid;
    float widest = 0;
    while (true) {
        size_t const newline = remaining.find('\n');
        std::string_view const paragraph = remaining.substr(0, newline);
        size_t begin = 0;
        auto measure_piece = [&](size_t end) {
            widest = std::max(widest, measurer.width(trim(paragraph.substr(begin, end - begin)), font));
            begin = end;
        };
        for (auto const& opportunity : break_opportunities(paragraph))
            measure_piece(opportunity.offset);
        measure_piece(paragraph.size());
        if (newline == std::string_view::npos)
            break;
        remaining.remove_prefix(newline + 1);
    }
    return widest;
}

TextAlign cell_alignment(std::string_view text, TextAlign column_align)
{
    if (is_numeric_cell(text))
        return TextAlign::Right;
    if (is_placeholder_cell(text))
        return column_align;
    return TextAlign::Left;
}

namespace {

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

} // namespace

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

using ProfileCache = CellWrapCache::Entries;

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
    auto& slot = cache.profiles[{ std::string(text), font.weight == FontWeight::Bold ? -font.pixel_size : font.pixel_size }];
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
        float low = hard;                   // more than k lines
        float high = slot->widths.back();   // at most k - 1 lines
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
float narrowest_without_stub(const CellProfile& profile, std::string_view text, FontSpec font, float widest,
    TextMeasurer& measurer)
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

// Everything about the columns that depends on the text and the font but not on the width;
// measured once and fitted to as many widths (or column subsets) as needed.
std::vector<ColumnMeasure> measure_columns(const TariffTable& table, FontSpec cell_font, FontSpec header_font,
    TextMeasurer& measurer, ProfileCache& cache)
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
        float const header = cell == Cell::Header ? narrowest_without_stub(profile, text, font, comfortable, measurer) : 0;
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

// The height of the table in lines at the given content widths (padding excluded), as the
// column sharing minimises it: every row as tall as its tallest cell, the header counted twice
// (it repeats on every page) and more beyond three lines, and a little for every
// wrapped body cell, so that widening one of two wrapped cells of a row still counts as
// progress. (Not for header cells: one header unwrapped beside a wrapped one saves nothing and
// makes columns of equal headers unequal.)
float table_lines(const std::vector<ColumnMeasure>& measures, const std::vector<float>& widths)
{
    constexpr float header_weight = 2;
    constexpr float cell_weight = 0.05f;
    float cost = 0;
    int header = 1;
    for (size_t c = 0; c < measures.size(); ++c) {
        header = std::max(header, measures[c].header->lines_at(widths[c]));
    }
    // Beyond three lines a header is a stack of stubs ("最大 / 需量 / （元/ / 千瓦· / 月）").
    constexpr float stacked_header_weight = 4;
    cost += header_weight * static_cast<float>(header) + stacked_header_weight * static_cast<float>(std::max(0, header - 3));
    size_t const rows = measures.empty() ? 0 : measures[0].cells.size();
    for (size_t r = 0; r < rows; ++r) {
        int tallest = 1;
        for (size_t c = 0; c < measures.size(); ++c) {
            int const lines = measures[c].cells[r]->lines_at(widths[c]);
            tallest = std::max(tallest, lines);
            cost += cell_weight * static_cast<float>(lines - 1);
        }
        cost += static_cast<float>(tallest);
    }
    return cost;
}

// The narrowest width above `width` at which some cell of the column loses a line; 0 if none.
float next_breakpoint(const ColumnMeasure& measure, float width)
{
    float next = 0;
    auto consider = [&](const CellProfile* cell) {
        for (float candidate : cell->widths) {
            if (candidate > width + 0.01f && (next == 0 || candidate < next))
                next = candidate;
        }
    };
    consider(measure.header);
    for (auto const* cell : measure.cells)
        consider(cell);
    return next;
}

// Shares the width above `base` (outer widths) among the columns to make the table as short as
// possible: step by step, the column whose widening saves the most lines per pixel gets it. What
// is left goes to body cells on one line, then headers on one line, then equally (distribute).
std::vector<float> share_width(const std::vector<ColumnMeasure>& measures, const std::vector<float>& base, float padding,
    const std::vector<float>& body, const std::vector<float>& natural, float table_width)
{
    std::vector<float> content;
    for (float width : base)
        content.push_back(width - 2 * padding);
    float spare = table_width - std::accumulate(base.begin(), base.end(), 0.0f);
    float cost = table_lines(measures, content);
    while (spare > 0.5f) {
        std::vector<float> best;
        float best_gain = 0;
        float best_cost = cost;
        float best_extra = 0;
        auto consider = [&](std::vector<float> widened) {
            float const extra = std::accumulate(widened.begin(), widened.end(), 0.0f)
                - std::accumulate(content.begin(), content.end(), 0.0f);
            if (extra <= 0 || extra > spare)
                return;
            float const widened_cost = table_lines(measures, widened);
            float const gain = (cost - widened_cost) / extra;
            if (gain > best_gain + 1e-9f) {
                best = std::move(widened);
                best_gain = gain;
                best_cost = widened_cost;
                best_extra = extra;
            }
        };
        for (size_t c = 0; c < measures.size(); ++c) {
            float const target = next_breakpoint(measures[c], content[c]);
            if (target == 0)
                continue;
            auto widened = content;
            widened[c] = target;
            consider(std::move(widened));
        }
        // The header row loses a line only when every header as tall as it does: one step for
        // all of them, which no single column's step shows.
        int tallest = 0;
        for (size_t c = 0; c < measures.size(); ++c)
            tallest = std::max(tallest, measures[c].header->lines_at(content[c]));
        if (tallest > 1) {
            auto widened = content;
            bool possible = true;
            for (size_t c = 0; c < measures.size() && possible; ++c) {
                auto const& widths = measures[c].header->widths;
                if (measures[c].header->lines_at(content[c]) < tallest)
                    continue;
                // The width for tallest - 1 lines, or for as few as profiled when taller than that.
                float const target = widths[std::min(static_cast<size_t>(tallest - 2), widths.size() - 1)];
                possible = target > content[c];
                widened[c] = target;
            }
            if (possible)
                consider(std::move(widened));
        }
        if (best.empty())
            break;
        spare -= best_extra;
        content = std::move(best);
        cost = best_cost;
    }
    std::vector<float> widths;
    for (float width : content)
        widths.push_back(width + 2 * padding);
    std::vector<float> bodies(widths.size());
    for (size_t c = 0; c < widths.size(); ++c)
        bodies[c] = std::max(widths[c], body[c]);
    if (std::accumulate(bodies.begin(), bodies.end(), 0.0f) >= table_width)
        return distribute(widths, bodies, table_width);
    return distribute(bodies, natural, table_width);
}

ColumnLayout fit_measured(const std::vector<ColumnMeasure>& measures, float table_width, FontSpec cell_font)
{
    size_t const count = measures.size();
    ColumnLayout layout;
    if (count == 0)
        return layout;
    std::vector<ColumnWants> wants;
    for (auto const& measure : measures) {
        wants.push_back(measure.wants);
        layout.column_align.push_back(measure.align);
        layout.number_width.push_back(measure.number_width);
    }

    auto with_padding = [&](float ColumnWants::*which, float padding) {
        std::vector<float> out;
        for (auto const& column : wants)
            out.push_back(column.*which + 2 * padding);
        return out;
    };
    auto total = [](const std::vector<float>& widths) { return std::accumulate(widths.begin(), widths.end(), 0.0f); };

    float const em = static_cast<float>(cell_font.pixel_size);
    float const roomy = 0.4f * em;
    float const tight = 0.15f * em;
    auto const natural = with_padding(&ColumnWants::natural, roomy);
    auto const comfortable = with_padding(&ColumnWants::comfortable, roomy);
    auto const hard = with_padding(&ColumnWants::hard, tight);

    if (total(natural) <= table_width) {
        layout.fit = ColumnFit::Natural;
        layout.padding = roomy;
        layout.widths = distribute(natural, natural, table_width);
    } else if (total(comfortable) <= table_width) {
        layout.fit = ColumnFit::Wrapped;
        layout.padding = roomy;
        // Short body cells stay whole; a short header may still wrap when the header row is
        // two lines anyway and its width serves the rows better.
        layout.widths = share_width(measures, with_padding(&ColumnWants::body_comfortable, roomy), roomy,
            with_padding(&ColumnWants::body, roomy), natural, table_width);
    } else if (total(hard) <= table_width) {
        layout.fit = ColumnFit::Tight;
        layout.padding = tight;
        layout.widths = share_width(measures, hard, tight, with_padding(&ColumnWants::body, tight),
            with_padding(&ColumnWants::natural, tight), table_width);
    } else {
        // Nothing fits: scale the narrowest widths down to the table, keeping room for one
        // character in every column so that cut words still stay in their cells; the caller
        // reports it.
        layout.fit = ColumnFit::Squeezed;
        layout.padding = tight;
        float const floor = std::min(em + 2 * tight, table_width / static_cast<float>(count));
        float const above_floor = total(hard) - floor * static_cast<float>(count);
        float const scale = above_floor > 0 ? (table_width - floor * static_cast<float>(count)) / above_floor : 0;
        for (float width : hard)
            layout.widths.push_back(floor + std::max(0.0f, width - floor) * scale);
    }
    return layout;
}

} // namespace

ColumnLayout fit_columns(const TariffTable& table, float table_width, FontSpec cell_font, FontSpec header_font,
    TextMeasurer& measurer, CellWrapCache* cache)
{
    CellWrapCache local;
    auto& entries = cache ? cache->entries() : local.entries();
    return fit_measured(measure_columns(table, cell_font, header_font, measurer, entries), table_width, cell_font);
}

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
    auto const measures = measure_columns(table, cell_font, header_font, measurer, cache ? cache->entries() : local.entries());
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
