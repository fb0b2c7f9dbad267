// Column sizing for tariff tables, in the spirit of HTML's automatic table layout: columns
// get their one-line width when the table allows it, and share what there is otherwise.
#include "player/layout/tariff_columns.h"

#include "player/layout/line_breaking.h"
#include "player/layout/utf8.h"

#include <algorithm>
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
    float body = 0;        // widest body cell on one line; the header as comfortable
    float comfortable = 0; // narrowest without wrapping short cells
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

struct ColumnMeasure {
    ColumnWants wants;
    TextAlign align = TextAlign::Left;
    float number_width = 0;
};

float natural_width(std::string_view text, FontSpec font, TextMeasurer& measurer)
{
    if (text.find('\n') == std::string_view::npos)
        return measurer.width(text, font);
    return wrap_text(text, unbounded_width, font, measurer).widest;
}

// Everything about the columns that depends on the text and the font but not on the width;
// measured once and fitted to as many widths (or column subsets) as needed.
std::vector<ColumnMeasure> measure_columns(const TariffTable& table, FontSpec cell_font, FontSpec header_font,
    TextMeasurer& measurer)
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
        column.natural = std::max(column.natural, natural);
        // Headers wrap more gracefully than body cells: the width they want comes last.
        column.body = std::max(column.body, cell == Cell::Body ? natural : comfortable);
        column.comfortable = std::max(column.comfortable, comfortable);
        column.hard = std::max(column.hard, hard);
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
            consider(measures[c].wants, cell, cell_font, numeric, Cell::Body);
        }
        measures[c].align = any_number && only_numbers ? TextAlign::Center : TextAlign::Left;
        consider(measures[c].wants, table.columns[c], header_font, false, Cell::Header);
    }
    return measures;
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
    // Body cells on one line first, then headers on one line.
    auto grow = [&](const std::vector<float>& base, float padding) {
        auto const body = with_padding(&ColumnWants::body, padding);
        std::vector<float> first(base.size());
        for (size_t c = 0; c < base.size(); ++c)
            first[c] = std::max(base[c], body[c]);
        if (total(first) > table_width)
            return distribute(base, first, table_width);
        return distribute(first, with_padding(&ColumnWants::natural, padding), table_width);
    };

    if (total(natural) <= table_width) {
        layout.fit = ColumnFit::Natural;
        layout.padding = roomy;
        layout.widths = distribute(natural, natural, table_width);
    } else if (total(comfortable) <= table_width) {
        layout.fit = ColumnFit::Wrapped;
        layout.padding = roomy;
        layout.widths = grow(comfortable, roomy);
    } else if (total(hard) <= table_width) {
        layout.fit = ColumnFit::Tight;
        layout.padding = tight;
        layout.widths = grow(hard, tight);
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
    TextMeasurer& measurer)
{
    return fit_measured(measure_columns(table, cell_font, header_font, measurer), table_width, cell_font);
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
    FontSpec header_font, ColumnFit worst, TextMeasurer& measurer)
{
    size_t const count = table.columns.size();
    auto const measures = measure_columns(table, cell_font, header_font, measurer);
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
