// Tariff planning: try the whole table at the largest size that keeps short cells whole, then
// its columns split into stacked parts, then narrower columns; paginate the stack.
#include "player/layout/tariff_plan.h"

#include "player/layout/card_drawing.h"
#include "player/layout/frame_layout.h"
#include "player/layout/text_layout.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>

namespace hallboard {

namespace {

std::string unit_line(const std::string& unit)
{
    if (unit.empty() || unit.starts_with("单位"))
        return unit;
    return "单位：" + unit;
}

class TariffPlanner {
public:
    TariffPlanner(const TariffTable& table, const Rect& body, const SlideStyle& style)
        : m_table(table)
        , m_body(body)
        , m_style(style)
    {
    }

    // The plan at `font_px` with the columns grouped as `groups` (one group: the whole table).
    // It counts as feasible when every part's columns fit no worse than `worst`.
    // `extra_padding`: added above and below each row's text, to let a short table fill its page.
    TariffPlan plan(
        int font_px, const std::vector<std::vector<size_t>>& groups, ColumnFit worst, float extra_padding = 0) const
    {
        TariffPlan plan;
        plan.body = m_body;
        float const em = static_cast<float>(font_px);
        plan.cell_font = FontSpec { font_px, FontWeight::Regular };
        plan.header_font = FontSpec { font_px, FontWeight::Bold };
        plan.note_font
            = FontSpec { std::max(m_style.min_px, static_cast<int>(std::lround(font_px * 0.85))), FontWeight::Regular };
        plan.cell_padding_y = 0.12f * em + extra_padding;
        plan.header_padding_y = 0.18f * em;
        if (!m_table.unit.empty()) {
            plan.unit_text = unit_line(m_table.unit);
            plan.unit_height = m_style.line_height(plan.note_font) + 0.2f * em;
        }

        for (size_t p = 0; p < groups.size(); ++p) {
            TablePart part;
            part.table = groups.size() == 1 && groups[0].size() == m_table.columns.size()
                ? m_table
                : select_columns(m_table, groups[p]);
            part.table.notes.clear();
            part.table.effective.reset();
            part.columns
                = fit_columns(part.table, m_body.w, plan.cell_font, plan.header_font, m_style.measurer, &m_cache);
            plan.feasible = plan.feasible && part.columns.fit <= worst;
            plan.overflow = plan.overflow || part.columns.fit == ColumnFit::Squeezed;
            plan.parts.push_back(std::move(part));
            if (groups.size() == 1) {
                add_header(plan, p, 0);
                add_rows(plan, p);
            }
        }
        if (groups.size() > 1)
            add_interleaved(plan, m_body.h - plan.unit_height);
        add_notes(plan);

        // Page 1 starts with a header in the stack; later pages may start inside a part and
        // then repeat its header (and the heading of a section they start inside) above the
        // rows: the blocks' repeat_height.
        float const page_height = m_body.h - plan.unit_height;
        plan.pagination = paginate_balanced(plan.blocks, page_height, page_height);
        plan.page_count = std::max<size_t>(1, plan.pagination.pages.size());
        return plan;
    }

    CellWrapCache& cache() const { return m_cache; }

private:
    float inner_width(const TablePart& part, size_t column) const
    {
        return std::max(1.0f, part.columns.widths[column] - 2 * part.columns.padding);
    }

    float lines_height(const std::vector<std::string>& lines, FontSpec font) const
    {
        return text_block_height(std::max<int>(1, static_cast<int>(lines.size())), font, m_style.line_spacing);
    }

    // Balance::Yes: a header "代理购电价格" in a narrow column reads "代理购 / 电价格", not
    // "代理购电价 / 格". NoStub: a note does not end in a line of one character.
    enum class Balance { No, Yes, NoStub };

    std::vector<std::string> wrap(
        std::string_view text, float width, FontSpec font, TariffPlan& plan, Balance balance = Balance::No) const
    {
        // The slack absorbs float rounding of column widths made exactly as wide as their text.
        float const max_width = std::max(1.0f, width) + 0.01f;
        auto wrapped = balance == Balance::Yes ? wrap_balanced(text, max_width, font, m_style.measurer)
            : balance == Balance::NoStub       ? wrap_without_stub(text, max_width, font, m_style.measurer)
                                               : wrap_text(text, max_width, font, m_style.measurer);
        plan.overflow = plan.overflow || wrapped.overflow;
        return std::move(wrapped.lines);
    }

    void push(TariffPlan& plan, TableItem item, PageBlock block) const
    {
        plan.items.push_back(std::move(item));
        plan.blocks.push_back(block);
    }

    // A table too wide for the screen is split into parts of columns, each repeating the
    // label columns. Stacking the parts (all rows of part 1, then all rows of part 2) would put
    // a row's prices on different pages; so the rows go in chunks that fit a page, each chunk
    // showing every part for the same rows: a customer finds all prices of a row on one page.
    void add_interleaved(TariffPlan& plan, float page_height) const
    {
        size_t const part_count = plan.parts.size();
        size_t const row_count = m_table.rows.size();
        float const em = static_cast<float>(plan.cell_font.pixel_size);
        float const part_gap = 0.6f * em;
        std::vector<TableItem> headers;
        std::vector<std::vector<TableItem>> rows(part_count);
        std::vector<std::vector<float>> row_heights(part_count);
        std::vector<std::vector<TableItem>> sections(part_count);
        std::vector<std::vector<float>> section_heights(part_count);
        for (size_t p = 0; p < part_count; ++p) {
            headers.push_back(header_item(plan, p));
            for (size_t r = 0; r < row_count; ++r) {
                float height = 0;
                rows[p].push_back(row_item(plan, p, r, height));
                row_heights[p].push_back(height);
            }
            for (auto const& section : m_table.sections) {
                float height = 0;
                sections[p].push_back(section_item(plan, p, section, height));
                section_heights[p].push_back(height);
            }
        }
        auto section_at = [&](size_t row) -> std::optional<size_t> { // the heading just before `row`
            for (size_t s = 0; s < m_table.sections.size(); ++s) {
                if (static_cast<size_t>(std::max(0, m_table.sections[s].before_row)) == row)
                    return s;
            }
            return std::nullopt;
        };
        auto section_covering = [&](size_t row) -> std::optional<size_t> { // the heading in force at `row`
            std::optional<size_t> found;
            for (size_t s = 0; s < m_table.sections.size(); ++s) {
                if (static_cast<size_t>(std::max(0, m_table.sections[s].before_row)) <= row)
                    found = s;
            }
            return found;
        };
        auto chunk_height = [&](size_t begin, size_t end) {
            float height = 0;
            for (size_t p = 0; p < part_count; ++p) {
                height += (p > 0 ? part_gap : 0) + plan.parts[p].header_height;
                for (size_t r = begin; r < end; ++r) {
                    auto heading = r == begin ? section_covering(r) : section_at(r);
                    if (heading)
                        height += section_heights[p][*heading];
                    height += row_heights[p][r];
                }
            }
            return height;
        };
        // Greedy chunks give the count; then the rows are spread evenly over that many.
        size_t chunks = 0;
        for (size_t begin = 0; begin < row_count; ++chunks) {
            size_t end = begin + 1;
            while (end < row_count && chunk_height(begin, end + 1) <= page_height)
                ++end;
            begin = end;
        }
        std::vector<size_t> bounds { 0 };
        bool even = chunks > 0;
        for (size_t chunk = 1; chunk <= chunks; ++chunk) {
            size_t const end = (row_count * chunk + chunks - 1) / chunks;
            if (end <= bounds.back() || chunk_height(bounds.back(), end) > page_height)
                even = false;
            bounds.push_back(end);
        }
        if (!even) {
            bounds = { 0 };
            for (size_t begin = 0; begin < row_count;) {
                size_t end = begin + 1;
                while (end < row_count && chunk_height(begin, end + 1) <= page_height)
                    ++end;
                bounds.push_back(end);
                begin = end;
            }
        }
        for (size_t chunk = 0; chunk + 1 < bounds.size(); ++chunk) {
            size_t const begin = bounds[chunk];
            size_t const end = bounds[chunk + 1];
            for (size_t p = 0; p < part_count; ++p) {
                // Only a chunk's first block may start a page: the chunk fits one by construction.
                PageBlock header { plan.parts[p].header_height, p > 0 ? part_gap : 0, KeepWithNext::Yes };
                header.break_before = p > 0 ? BreakBefore::Avoided : BreakBefore::Allowed;
                push(plan, headers[p], header);
                size_t in_run = 0;
                for (size_t r = begin; r < end; ++r) {
                    auto heading = r == begin ? section_covering(r) : section_at(r);
                    if (heading) {
                        TableItem item = sections[p][*heading];
                        bool const continued = r == begin && !section_at(r);
                        if (continued)
                            std::swap(item.cells.front(), item.cells.back());
                        PageBlock block { continued ? item.continued_height : section_heights[p][*heading], 0,
                            KeepWithNext::Yes };
                        block.break_before = BreakBefore::Avoided;
                        push(plan, std::move(item), block);
                        in_run = 0;
                    }
                    TableItem item = rows[p][r];
                    item.zebra = in_run++ % 2 == 1;
                    PageBlock block { row_heights[p][r], 0, KeepWithNext::No };
                    block.break_before = BreakBefore::Avoided;
                    push(plan, std::move(item), block);
                }
            }
        }
    }

    TableItem header_item(TariffPlan& plan, size_t p) const
    {
        TablePart& part = plan.parts[p];
        TableItem item { TableItemKind::Header, p, 0, {}, false };
        float tallest = 0;
        for (size_t c = 0; c < part.table.columns.size(); ++c) {
            item.cells.push_back(
                wrap(part.table.columns[c], inner_width(part, c), plan.header_font, plan, Balance::Yes));
            tallest = std::max(tallest, lines_height(item.cells.back(), plan.header_font));
        }
        part.header_height = tallest + 2 * plan.header_padding_y;
        return item;
    }

    TableItem section_item(TariffPlan& plan, size_t p, const TariffSection& section, float& height) const
    {
        FontSpec const font { plan.cell_font.pixel_size, FontWeight::Bold };
        float const width = m_body.w - 2 * plan.parts[p].columns.padding;
        TableItem item { TableItemKind::Section, p, 0, {}, false };
        item.cells.push_back(wrap(section.text, width, font, plan));
        item.cells.push_back(wrap(section.text + "（续）", width, font, plan));
        height = lines_height(item.cells[0], font) + 2 * plan.cell_padding_y;
        item.continued_height = lines_height(item.cells[1], font) + 2 * plan.cell_padding_y;
        return item;
    }

    TableItem row_item(TariffPlan& plan, size_t p, size_t r, float& height) const
    {
        TariffTable const& table = plan.parts[p].table;
        auto const& row = table.rows[r];
        TableItem item { TableItemKind::Row, p, r, {}, false };
        float tallest = 0;
        for (size_t c = 0; c < table.columns.size(); ++c) {
            std::string_view const cell = c < row.size() ? std::string_view(row[c]) : std::string_view();
            item.cells.push_back(wrap(cell, inner_width(plan.parts[p], c), plan.cell_font, plan, Balance::Yes));
            tallest = std::max(tallest, lines_height(item.cells.back(), plan.cell_font));
        }
        height = tallest + 2 * plan.cell_padding_y;
        return item;
    }

    void add_header(TariffPlan& plan, size_t p, float gap_before) const
    {
        TablePart& part = plan.parts[p];
        TableItem item { TableItemKind::Header, p, 0, {}, false };
        float tallest = 0;
        for (size_t c = 0; c < part.table.columns.size(); ++c) {
            item.cells.push_back(
                wrap(part.table.columns[c], inner_width(part, c), plan.header_font, plan, Balance::Yes));
            tallest = std::max(tallest, lines_height(item.cells.back(), plan.header_font));
        }
        part.header_height = tallest + 2 * plan.header_padding_y;
        push(plan, std::move(item), PageBlock { part.header_height, gap_before, KeepWithNext::Yes });
    }

    // Returns the item index of the heading.
    size_t add_section(TariffPlan& plan, size_t p, const TariffSection& section) const
    {
        FontSpec const font { plan.cell_font.pixel_size, FontWeight::Bold };
        float const width = m_body.w - 2 * plan.parts[p].columns.padding;
        TableItem item { TableItemKind::Section, p, 0, {}, false };
        item.cells.push_back(wrap(section.text, width, font, plan));
        item.cells.push_back(wrap(section.text + "（续）", width, font, plan));
        float const height = lines_height(item.cells[0], font) + 2 * plan.cell_padding_y;
        item.continued_height = lines_height(item.cells[1], font) + 2 * plan.cell_padding_y;
        // A heading never ends a page: it goes over with the rows it heads.
        PageBlock block { height, 0, KeepWithNext::Yes };
        block.repeat_height = plan.parts[p].header_height;
        push(plan, std::move(item), block);
        return plan.items.size() - 1;
    }

    void add_rows(TariffPlan& plan, size_t p) const
    {
        TariffTable const& table = plan.parts[p].table;
        size_t next_section = 0;
        size_t heading = no_section;
        auto sections_before = [&](size_t row) {
            while (next_section < table.sections.size()
                && static_cast<size_t>(std::max(0, table.sections[next_section].before_row)) <= row)
                heading = add_section(plan, p, table.sections[next_section++]);
        };
        // Rows run from one heading to the next (the first run may have none).
        auto run_end = [&](size_t row) {
            size_t end = table.rows.size();
            for (auto const& section : table.sections) {
                size_t const before = static_cast<size_t>(std::max(0, section.before_row));
                if (before > row)
                    end = std::min(end, before);
            }
            return end;
        };
        size_t run_begin = 0;
        for (size_t r = 0; r < table.rows.size(); ++r) {
            size_t const sections_seen = next_section;
            sections_before(r);
            if (r == 0 || next_section != sections_seen)
                run_begin = r;
            size_t const in_run = r - run_begin;
            size_t const run_length = run_end(r) - run_begin;
            auto const& row = table.rows[r];
            TableItem item { TableItemKind::Row, p, r, {}, in_run % 2 == 1 };
            item.section = heading;
            float tallest = 0;
            for (size_t c = 0; c < table.columns.size(); ++c) {
                std::string_view const cell = c < row.size() ? std::string_view(row[c]) : std::string_view();
                item.cells.push_back(wrap(cell, inner_width(plan.parts[p], c), plan.cell_font, plan, Balance::Yes));
                tallest = std::max(tallest, lines_height(item.cells.back(), plan.cell_font));
            }
            PageBlock block { tallest + 2 * plan.cell_padding_y, 0, KeepWithNext::No };
            // A heading (or the header) keeps at least two of its rows, and no run's last row
            // goes alone to the next page; inside a section, a break at a heading reads better.
            if (in_run == 1 || (run_length >= 3 && in_run + 1 == run_length))
                block.break_before = BreakBefore::Avoided;
            else if (heading != no_section && in_run > 0)
                block.break_before = BreakBefore::Discouraged;
            block.repeat_height
                = plan.parts[p].header_height + (heading != no_section ? plan.items[heading].continued_height : 0);
            push(plan, std::move(item), block);
        }
        // Headings after the last row (odd, but drawn rather than dropped).
        sections_before(static_cast<size_t>(-1));
        plan.blocks.back().keep_with_next = KeepWithNext::No;
    }

    void add_notes(TariffPlan& plan) const
    {
        float const table_gap = 0.5f * static_cast<float>(plan.cell_font.pixel_size);
        float const note_px = static_cast<float>(plan.note_font.pixel_size);
        size_t const count = m_table.notes.size();
        plan.note_count = count;
        plan.note_prefix_width = count > 0 ? m_style.measurer.width(tariff_note_prefix, plan.note_font) : 0;
        for (size_t n = 0; n < count; ++n)
            plan.note_label_width
                = std::max(plan.note_label_width, m_style.measurer.width(tariff_note_label(n, count), plan.note_font));
        float const indent = plan.note_prefix_width + plan.note_label_width;
        std::string const effective
            = m_table.effective ? "执行日期：" + format_chinese_date(*m_table.effective) : std::string();
        for (size_t n = 0; n < count; ++n) {
            TableItem item { TableItemKind::Note, 0, n, {}, false };
            item.cells.push_back(wrap(m_table.notes[n], m_body.w - indent, plan.note_font, plan, Balance::NoStub));
            if (n + 1 == count && !effective.empty()) {
                // The date at the right of the last note's last line when there is room: a
                // line saved, which can keep a table on one page.
                float const last
                    = item.cells[0].empty() ? 0 : m_style.measurer.width(item.cells[0].back(), plan.note_font);
                float const date = m_style.measurer.width(effective, plan.note_font);
                if (indent + last + 2 * note_px + date <= m_body.w)
                    item.cells.push_back({ effective });
            }
            float const height = lines_height(item.cells[0], plan.note_font);
            PageBlock block { height, n == 0 ? table_gap : 0.15f * note_px, KeepWithNext::No };
            // Notes read as one list: a break between them only when they fill a page.
            block.break_before = n == 0 ? BreakBefore::Allowed : BreakBefore::Discouraged;
            push(plan, std::move(item), block);
        }
        bool const date_placed = count > 0 && plan.items.back().cells.size() > 1;
        if (!effective.empty() && !date_placed) {
            TableItem item { TableItemKind::Effective, 0, 0, {}, false };
            item.cells.push_back(wrap(effective, m_body.w, plan.note_font, plan));
            float const height = lines_height(item.cells[0], plan.note_font);
            PageBlock block { height, count > 0 ? 0.3f * note_px : table_gap, KeepWithNext::No };
            // Not alone on a page of its own when it follows notes.
            block.break_before = count > 0 ? BreakBefore::Avoided : BreakBefore::Allowed;
            push(plan, std::move(item), block);
        }
    }

    const TariffTable& m_table;
    Rect m_body;
    const SlideStyle& m_style;
    mutable CellWrapCache m_cache; // shared by every size and stage tried
};

} // namespace

size_t wrapped_rows(const TariffPlan& plan)
{
    size_t count = 0;
    for (auto const& item : plan.items) {
        if (item.kind == TableItemKind::Row
            && std::any_of(item.cells.begin(), item.cells.end(), [](auto const& lines) { return lines.size() > 1; }))
            ++count;
    }
    return count;
}

std::string tariff_note_label(size_t index, size_t count)
{
    return count > 1 ? std::to_string(index + 1) + ". " : std::string();
}

TariffPlan plan_tariff(const TariffTable& table, const Rect& body, const SlideStyle& style)
{
    TariffPlanner const planner(table, body, style);
    std::vector<size_t> all(table.columns.size());
    std::iota(all.begin(), all.end(), size_t { 0 });
    std::vector<std::vector<size_t>> const whole { all };

    enum class Columns { Whole, Split };
    auto plan_at = [&](int px, ColumnFit worst, Columns columns, float extra_padding = 0) {
        if (columns == Columns::Whole)
            return planner.plan(px, whole, worst, extra_padding);
        auto groups = split_columns(table, body.w, FontSpec { px, FontWeight::Regular },
            FontSpec { px, FontWeight::Bold }, worst, style.measurer, &planner.cache());
        if (groups.size() < 2) {
            TariffPlan none = planner.plan(px, whole, worst);
            none.feasible = false;
            return none;
        }
        return planner.plan(px, groups, worst, extra_padding);
    };
    auto attempt = [&](ColumnFit worst, Columns columns) {
        TariffPlan plan
            = choose_font_size(style.fill_px, style.min_px, [&](int px) { return plan_at(px, worst, columns); });
        // A row made two lines tall by a cell a character too wide ("1–10 千 / 伏及以上") reads
        // worse than text a few percent smaller: try a little smaller for rows of one line.
        if (!plan.feasible || wrapped_rows(plan) == 0)
            return plan;
        int const floor = std::max(style.min_px, static_cast<int>(std::ceil(0.92 * plan.cell_font.pixel_size)));
        for (int px = plan.cell_font.pixel_size - 1; px >= floor; --px) {
            TariffPlan smaller = plan_at(px, worst, columns);
            if (smaller.feasible && smaller.page_count <= plan.page_count && wrapped_rows(smaller) == 0)
                return smaller;
        }
        return plan;
    };

    // Short cells kept whole matter more than keeping the table in one piece, and that more
    // than narrow columns of one or two characters; cutting words is the last resort.
    struct Stage {
        ColumnFit worst;
        Columns columns;
    };
    static constexpr Stage stages[] = {
        { ColumnFit::Wrapped, Columns::Whole },
        { ColumnFit::Wrapped, Columns::Split },
        { ColumnFit::Tight, Columns::Whole },
        { ColumnFit::Tight, Columns::Split },
    };
    for (auto const& stage : stages) {
        TariffPlan plan = attempt(stage.worst, stage.columns);
        if (!plan.feasible)
            continue;
        // A table held to its size by the width (a portrait screen) would leave half the page
        // blank: its rows open up, up to 0.3 em more above and below the text, to fill it.
        if (plan.page_count == 1 && plan.pagination.pages.size() == 1) {
            float const slack = body.h - plan.unit_height - plan.pagination.pages[0].height;
            auto const rows = std::count_if(plan.items.begin(), plan.items.end(), [](const TableItem& item) {
                return item.kind == TableItemKind::Row || item.kind == TableItemKind::Section;
            });
            float const em = static_cast<float>(plan.cell_font.pixel_size);
            if (slack > 0 && rows > 0) {
                float const extra = std::min(0.3f * em, slack / (2.0f * static_cast<float>(rows + 1)));
                TariffPlan roomier = plan_at(plan.cell_font.pixel_size, stage.worst, stage.columns, extra);
                if (roomier.feasible && roomier.page_count == 1)
                    return roomier;
            }
        }
        return plan;
    }
    return planner.plan(style.min_px, whole, ColumnFit::Squeezed);
}

std::vector<std::string> tariff_problems(const TariffPlan& plan)
{
    std::vector<std::string> problems;
    auto add = [&](std::string problem) {
        if (std::find(problems.begin(), problems.end(), problem) == problems.end())
            problems.push_back(std::move(problem));
    };
    bool squeezed = false;
    for (auto const& part : plan.parts)
        squeezed = squeezed || part.columns.fit == ColumnFit::Squeezed;
    if (squeezed)
        add("a column of the table is too wide for the slide even at the minimum text size; its words are broken "
            "between characters");
    else if (plan.overflow)
        add("a word in the table or its notes is wider than its space at the minimum text size and is broken between "
            "characters");
    for (size_t index : plan.pagination.oversized) {
        auto const& item = plan.items[index];
        switch (item.kind) {
        case TableItemKind::Header:
            add("the table's header row is taller than a page at the minimum text size");
            break;
        case TableItemKind::Row:
            add("row " + std::to_string(item.index + 1) + " is taller than a page at the minimum text size");
            break;
        case TableItemKind::Section:
            add("a section heading is taller than a page at the minimum text size");
            break;
        case TableItemKind::Note:
            add("note " + std::to_string(item.index + 1) + " is taller than a page at the minimum text size");
            break;
        case TableItemKind::Effective:
            add("the effective date does not fit on a page");
            break;
        }
    }
    return problems;
}

} // namespace hallboard
