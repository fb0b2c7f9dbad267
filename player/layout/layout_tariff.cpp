// A tariff table (电价公示): header row, zebra rows with hairline rules, numbers right-aligned,
// section rows spanning the table, the unit above and the notes and effective date below.
// tariff_plan.cpp decides sizes, columns and pages; this file draws them.
#include "player/layout/slide_chrome.h"
#include "player/layout/slide_style.h"
#include "player/layout/tariff_plan.h"
#include "player/layout/text_layout.h"

#include <algorithm>

namespace hallboard {

namespace {

class TariffPainter {
public:
    TariffPainter(const TariffPlan& plan, const SlideStyle& style)
        : m_plan(plan)
        , m_style(style)
        , m_theme(style.theme)
        , m_rule(style.hairline(0.0012))
    {
    }

    DisplayList page(const PageSpan& span) const
    {
        DisplayList list;
        Rect const& body = m_plan.body;
        float y = body.y;
        auto const first = m_plan.items.begin() + static_cast<long>(span.begin);
        auto const last = m_plan.items.begin() + static_cast<long>(span.end);
        bool const has_table = std::any_of(first, last, [](const TableItem& item) { return is_table(item.kind); });
        if (has_table && !m_plan.unit_text.empty()) {
            list.role = TextRole::Note;
            emit_lines(list, { m_plan.unit_text }, body.x, y, body.w, m_plan.note_font, m_theme.muted_text,
                m_style.line_spacing, TextAlign::Right, m_style.measurer);
            y += m_plan.unit_height;
        }
        // A page that starts inside a part repeats that part's header row, and a page that
        // starts inside a section its heading, marked （续）.
        if (span.begin > 0 && first != last
            && (first->kind == TableItemKind::Row || first->kind == TableItemKind::Section)) {
            draw_header(list, first->part, y);
            y += m_plan.parts[first->part].header_height;
            if (first->kind == TableItemKind::Row && first->section != no_section) {
                auto const& heading = m_plan.items[first->section];
                draw_section(list, heading, heading.cells.back(), y, heading.continued_height);
                y += heading.continued_height;
            }
        }
        for (size_t index = span.begin; index < span.end; ++index) {
            auto const& block = m_plan.blocks[index];
            if (index > span.begin)
                y += block.gap_before;
            draw_item(list, m_plan.items[index], y, block.height);
            y += block.height;
        }
        return list;
    }

private:
    static bool is_table(TableItemKind kind)
    {
        return kind == TableItemKind::Header || kind == TableItemKind::Row || kind == TableItemKind::Section;
    }

    void draw_header(DisplayList& list, size_t part, float top) const
    {
        // The header's lines are in the Header item of the part.
        auto const header = std::find_if(m_plan.items.begin(), m_plan.items.end(),
            [&](const TableItem& item) { return item.kind == TableItemKind::Header && item.part == part; });
        if (header != m_plan.items.end())
            draw_item(list, *header, top, m_plan.parts[part].header_height);
    }

    // Cells of a header (row == nullptr) or of a body row, each aligned by its content.
    void draw_cells(DisplayList& list, const TablePart& part, const std::vector<std::vector<std::string>>& cells,
        const std::vector<std::string>* row, float top, float height, FontSpec font, Color color, float padding_y) const
    {
        float x = m_plan.body.x;
        float const padding_x = part.columns.padding;
        for (size_t c = 0; c < cells.size() && c < part.columns.widths.size(); ++c) {
            float const width = part.columns.widths[c];
            auto const& lines = cells[c];
            float const block = text_block_height(static_cast<int>(lines.size()), font, m_style.line_spacing);
            // Short cells sit in the middle of a row made tall by a wrapped neighbour.
            float const line_top = top + padding_y + (height - 2 * padding_y - block) / 2;
            float box_x = x + padding_x;
            float box_width = width - 2 * padding_x;
            TextAlign align = part.columns.column_align[c];
            if (row) {
                align = cell_alignment(c < row->size() ? std::string_view((*row)[c]) : std::string_view(), align);
                float const numbers = std::min(box_width, part.columns.number_width[c]);
                if (align == TextAlign::Right && numbers > 0) {
                    // Numbers right-aligned in a block centred in the column.
                    box_x += (box_width - numbers) / 2;
                    box_width = numbers;
                }
            }
            emit_lines(
                list, lines, box_x, line_top, box_width, font, color, m_style.line_spacing, align, m_style.measurer);
            x += width;
        }
    }

    void draw_rule(DisplayList& list, const Rect& band) const
    {
        list.fill(Rect { band.x, band.bottom() - m_rule, band.w, m_rule }, m_theme.rule);
    }

    void draw_section(
        DisplayList& list, const TableItem& item, const std::vector<std::string>& lines, float top, float height) const
    {
        Rect const band { m_plan.body.x, top, m_plan.body.w, height };
        list.fill(band, m_theme.section_background);
        // A short accent stroke at the start marks the heading without relying on its colour.
        float const stroke = std::max(3.0f, 0.12f * static_cast<float>(m_plan.cell_font.pixel_size));
        list.fill(Rect { band.x, band.y, stroke, band.h }, m_theme.accent);
        FontSpec const font { m_plan.cell_font.pixel_size, FontWeight::Bold };
        float const padding_x = m_plan.parts[item.part].columns.padding;
        list.role = TextRole::TableSection;
        emit_lines(list, lines, band.x + padding_x, top + m_plan.cell_padding_y, band.w - 2 * padding_x, font,
            m_theme.text, m_style.line_spacing, TextAlign::Left, m_style.measurer);
        draw_rule(list, band);
    }

    void draw_item(DisplayList& list, const TableItem& item, float top, float height) const
    {
        Rect const& body = m_plan.body;
        Rect const band { body.x, top, body.w, height };
        switch (item.kind) {
        case TableItemKind::Header:
            list.fill(band, m_theme.table_header_background);
            list.role = TextRole::TableHeader;
            draw_cells(list, m_plan.parts[item.part], item.cells, nullptr, top, height, m_plan.header_font,
                m_theme.table_header_text, m_plan.header_padding_y);
            break;
        case TableItemKind::Row: {
            auto const& part = m_plan.parts[item.part];
            if (item.zebra)
                list.fill(band, m_theme.zebra_background);
            list.role = TextRole::TableCell;
            list.row = static_cast<int>(item.index);
            draw_cells(list, part, item.cells, &part.table.rows[item.index], top, height, m_plan.cell_font,
                m_theme.text, m_plan.cell_padding_y);
            list.row = -1;
            draw_rule(list, band);
            break;
        }
        case TableItemKind::Section:
            draw_section(list, item, item.cells[0], top, height);
            break;
        case TableItemKind::Note: {
            float const indent = m_plan.note_prefix_width + m_plan.note_label_width;
            list.role = TextRole::Note;
            if (item.index == 0)
                emit_lines(list, { std::string(tariff_note_prefix) }, band.x, top, m_plan.note_prefix_width,
                    m_plan.note_font, m_theme.muted_text, m_style.line_spacing, TextAlign::Left, m_style.measurer);
            std::string const label = tariff_note_label(item.index, m_plan.note_count);
            if (!label.empty())
                emit_lines(list, { label }, band.x + m_plan.note_prefix_width, top, m_plan.note_label_width,
                    m_plan.note_font, m_theme.muted_text, m_style.line_spacing, TextAlign::Left, m_style.measurer);
            emit_lines(list, item.cells[0], band.x + indent, top, band.w - indent, m_plan.note_font, m_theme.muted_text,
                m_style.line_spacing, TextAlign::Left, m_style.measurer);
            if (item.cells.size() > 1) {
                // The effective date, at the right of the note's last line.
                float const last_line = top
                    + m_style.line_height(m_plan.note_font)
                        * static_cast<float>(std::max<size_t>(1, item.cells[0].size()) - 1);
                emit_lines(list, item.cells[1], band.x, last_line, band.w, m_plan.note_font, m_theme.text,
                    m_style.line_spacing, TextAlign::Right, m_style.measurer);
            }
            break;
        }
        case TableItemKind::Effective:
            list.role = TextRole::Note;
            emit_lines(list, item.cells[0], band.x, top, band.w, m_plan.note_font, m_theme.text, m_style.line_spacing,
                TextAlign::Left, m_style.measurer);
            break;
        }
    }

    const TariffPlan& m_plan;
    const SlideStyle& m_style;
    const Theme& m_theme;
    float m_rule;
};

} // namespace

SlideLayout layout_tariff(const Notice& notice, const TariffTable& table, const SlideContext& context)
{
    SlideStyle const style(context);
    if (table.columns.empty())
        return assemble_pages(notice, context, {}, { "the table has no columns" });

    TariffPlan plan = plan_tariff(table, measure_chrome(notice, context, 1).body, style);
    if (plan.page_count > 1) {
        // Several pages show a page number, which may take a row of the body.
        plan = plan_tariff(table, measure_chrome(notice, context, static_cast<int>(plan.page_count)).body, style);
    }

    TariffPainter const painter(plan, style);
    std::vector<DisplayList> pages;
    for (auto const& span : plan.pagination.pages)
        pages.push_back(painter.page(span));
    return assemble_pages(notice, context, std::move(pages), tariff_problems(plan));
}

} // namespace hallboard
