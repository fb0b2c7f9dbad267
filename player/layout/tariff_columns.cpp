// Column sizing for tariff tables, in the spirit of HTML's automatic table layout: columns
// get their one-line width when the table allows it; otherwise the width goes where it saves
// the most lines, so that the table is as short as it can be.
#include "player/layout/tariff_columns.h"
#include "player/layout/tariff_columns_detail.h"

#include <algorithm>
#include <numeric>
#include <utility>

namespace hallboard {

using namespace tariff_columns_detail;

namespace {

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
    cost += header_weight * static_cast<float>(header)
        + stacked_header_weight * static_cast<float>(std::max(0, header - 3));
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
std::vector<float> share_width(const std::vector<ColumnMeasure>& measures, const std::vector<float>& base,
    float padding, const std::vector<float>& body, const std::vector<float>& natural, float table_width)
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

} // namespace

namespace tariff_columns_detail {

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

} // namespace tariff_columns_detail

ColumnLayout fit_columns(const TariffTable& table, float table_width, FontSpec cell_font, FontSpec header_font,
    TextMeasurer& measurer, CellWrapCache* cache)
{
    CellWrapCache local;
    auto& entries = cache ? cache->entries() : local.entries();
    return fit_measured(measure_columns(table, cell_font, header_font, measurer, entries), table_width, cell_font);
}

} // namespace hallboard
