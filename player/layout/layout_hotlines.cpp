// Lays out a hotlines slide (监督电话): one card per entry with its label, the number as the
// largest text on the slide and an optional note and QR code. Entries go in a grid chosen
// for the fewest pages and then the largest numbers (2x2 for four in landscape, stacked in
// portrait); long directories paginate.
#include "player/layout/card_drawing.h"
#include "player/layout/slide_chrome.h"
#include "player/layout/slide_layout.h"
#include "player/layout/slide_style.h"
#include "player/layout/text_layout.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <optional>

namespace hallboard {

namespace {

// A phone number is one line with a tight line box: it has no second line to keep apart from.
constexpr double number_line_spacing = 1.15;
// Label and note lines per card before a grid counts as too cramped.
constexpr size_t max_label_lines = 2;

// Cards: label, number and note stacked and centred, a poster for a few entries. Rows: label
// and note on the left, the number right-aligned beside them, a directory for many entries.
enum class Arrangement { Cards, Rows };

struct Grid {
    Arrangement arrangement = Arrangement::Cards;
    int columns = 1;
    int rows = 1;
    int per_page() const { return columns * rows; }
};

struct MeasuredEntry {
    WrappedText label;
    WrappedText note;
    float text_width = 0;     // label and note
    float number_width = 0;   // the number's line
    int number_px = 0;        // each number as large as its card allows: 95598 need not shrink for a long one
    float content_height = 0; // label, number and note stacked
};

struct HotlinesPlan {
    Grid grid;
    int label_px = 0;
    int note_px = 0;
    int number_px = 0; // the smallest number of the slide
    float card_width = 0;
    float card_height = 0;
    float qr_side = 0;
    std::vector<MeasuredEntry> entries;
    std::vector<std::vector<int>> pages; // entry indices per page
    bool feasible = true;
    size_t page_count = 0;
    int empty_cells = 0;
    std::vector<std::string> problems;
};

struct HotlineSizes {
    float pad = 0;        // inside a card
    float grid_gap = 0;   // between cards
    int number_max = 0;   // theme.hotline_number_size
    int number_floor = 0; // smallest number that still reads as the slide's main text
};

HotlineSizes sizes_for(const SlideStyle& style, const SlideContext& context)
{
    HotlineSizes sizes;
    sizes.pad = std::round(style.px(0.022));
    sizes.grid_gap = std::round(style.px(0.025));
    // The number must stay the largest text, above the title too.
    sizes.number_max = std::max(context.px(style.theme.hotline_number_size), style.title_px + 1);
    // Still the slide's largest text; a long number (0571-12345678) beside a QR code in a 2x2 grid
    // may come this close to the title rather than send half the cards to a second page.
    int above_title = static_cast<int>(std::ceil(1.05 * style.title_px));
    sizes.number_floor = std::min(sizes.number_max, std::max(style.body_px + 1, above_title));
    return sizes;
}

// Directory rows are one line of big digits high: half the padding leaves the height to the digits.
float vertical_pad(const HotlineSizes& sizes, Arrangement arrangement)
{
    // Cards: a little less above and below than at the sides; height is what the digits need.
    return std::round(arrangement == Arrangement::Rows ? sizes.pad / 2 : 0.8f * sizes.pad);
}

FontSpec number_font(int px)
{
    return { px, FontWeight::Bold };
}

// The largest number size, at most `max_px`, at which `number` fits `width` on one line.
int fitting_number_px(const std::string& number, float width, int max_px, TextMeasurer& measurer)
{
    float full = measurer.width(number, number_font(max_px));
    if (full <= width)
        return max_px;
    int px = std::max(1, static_cast<int>(std::floor(static_cast<float>(max_px) * width / std::max(full, 1.0f))));
    while (px > 1 && measurer.width(number, number_font(px)) > width)
        --px;
    return px;
}

float inner_gap(int label_px)
{
    return std::round(0.2f * static_cast<float>(label_px));
}

// Label and note stacked.
float label_block_height(const MeasuredEntry& entry, int label_px, int note_px, double line_spacing)
{
    float height = text_block_height(
        static_cast<int>(entry.label.lines.size()), FontSpec { label_px, FontWeight::Regular }, line_spacing);
    if (!entry.note.lines.empty()) {
        height += (entry.label.lines.empty() ? 0 : inner_gap(label_px))
            + text_block_height(
                static_cast<int>(entry.note.lines.size()), FontSpec { note_px, FontWeight::Regular }, line_spacing);
    }
    return height;
}

float number_line_height(int number_px)
{
    return text_block_height(1, number_font(number_px), number_line_spacing);
}

float content_height(
    const MeasuredEntry& entry, Arrangement arrangement, int label_px, int note_px, int number_px, double line_spacing)
{
    float labels = label_block_height(entry, label_px, note_px, line_spacing);
    if (arrangement == Arrangement::Rows)
        return std::max(labels, number_line_height(number_px));
    float height = labels + number_line_height(number_px);
    if (!entry.label.lines.empty())
        height += inner_gap(label_px);
    if (!entry.note.lines.empty())
        height += inner_gap(label_px);
    return height;
}

// Lays the entries out in `grid`: the largest label size at which the numbers can stay at
// least number_floor, and at that label size the largest number that fits every card.
HotlinesPlan plan_grid(const Hotlines& hotlines, Rect body, Grid grid, const SlideContext& context)
{
    SlideStyle const style(context);
    auto const sizes = sizes_for(style, context);
    TextMeasurer& measurer = *context.measurer;
    auto const& entries = hotlines.entries;
    int count = static_cast<int>(entries.size());

    HotlinesPlan plan;
    plan.grid = grid;
    float cell_width
        = (body.w - static_cast<float>(grid.columns - 1) * sizes.grid_gap) / static_cast<float>(grid.columns);
    float cell_height = (body.h - static_cast<float>(grid.rows - 1) * sizes.grid_gap) / static_cast<float>(grid.rows);
    // A lone card across a whole landscape slide spreads a short number thin.
    if (grid.columns == 1 && !context.portrait())
        cell_width = std::min(cell_width, std::max(0.55f * body.w, std::min(body.w, 1000.0f / 1080.0f * context.unit)));
    float inner_width = cell_width - 2 * sizes.pad;
    float inner_height = cell_height - 2 * vertical_pad(sizes, grid.arrangement);
    bool const rows = grid.arrangement == Arrangement::Rows;
    plan.qr_side = std::max(0.0f, rows ? inner_height : std::min(inner_height, std::round(0.3f * inner_width)));
    bool has_qr = std::any_of(entries.begin(), entries.end(), [](auto const& entry) { return !entry.qr.empty(); });

    bool found = false;
    for (int label_px = style.body_px; label_px >= style.min_px && !found; --label_px) {
        int note_px = std::max(style.min_px, std::min(label_px, static_cast<int>(std::lround(0.85 * label_px))));
        std::vector<MeasuredEntry> measured;
        bool text_fits = true;
        int number_px = sizes.number_max; // the smallest over the entries
        float tallest_rest = 0;
        // Rows: one label column for all, so that the numbers line up.
        float label_column = 0;
        if (rows) {
            for (auto const& entry : entries) {
                label_column = std::max({ label_column,
                    measurer.width(add_cjk_latin_spacing(entry.label), FontSpec { label_px, FontWeight::Regular }),
                    measurer.width(add_cjk_latin_spacing(entry.note), FontSpec { note_px, FontWeight::Regular }) });
            }
            float room = inner_width - (has_qr ? plan.qr_side + sizes.pad : 0);
            label_column = std::min(std::ceil(label_column), std::round(0.5f * room));
        }
        for (auto const& entry : entries) {
            MeasuredEntry result;
            float beside_qr = entry.qr.empty() ? inner_width : inner_width - plan.qr_side - sizes.pad;
            result.text_width = rows ? label_column : beside_qr;
            result.number_width = rows ? beside_qr - label_column - sizes.pad : beside_qr;
            result.label = wrap_text(add_cjk_latin_spacing(entry.label), result.text_width,
                FontSpec { label_px, FontWeight::Regular }, measurer);
            result.note = wrap_text(add_cjk_latin_spacing(entry.note), result.text_width,
                FontSpec { note_px, FontWeight::Regular }, measurer);
            if (result.text_width <= 0 || result.label.overflow || result.note.overflow
                || result.label.lines.size() > max_label_lines)
                text_fits = false;
            result.number_px
                = fitting_number_px(entry.number, std::max(1.0f, result.number_width), sizes.number_max, measurer);
            float labels = label_block_height(result, label_px, note_px, style.line_spacing);
            if (rows && labels > inner_height)
                text_fits = false;
            // What the label and note leave of the card's height for the number line.
            if (!rows)
                tallest_rest = std::max(
                    tallest_rest, content_height(result, grid.arrangement, label_px, note_px, 0, style.line_spacing));
            measured.push_back(std::move(result));
        }
        // One height budget for every card, so that numbers shrink only for their width:
        // 12345 without a note is not drawn bigger than 95598 with one.
        int by_height = static_cast<int>(std::floor((inner_height - tallest_rest) / number_line_spacing));
        for (auto& result : measured) {
            result.number_px = std::max(style.min_px, std::min(result.number_px, by_height));
            number_px = std::min(number_px, result.number_px);
        }
        found = text_fits && number_px >= sizes.number_floor && number_px > label_px;
        if (found || label_px == style.min_px) {
            plan.label_px = label_px;
            plan.note_px = note_px;
            plan.number_px = std::max(number_px, style.min_px);
            plan.entries = std::move(measured);
        }
    }
    plan.feasible = found;

    float natural = 0;
    for (auto& entry : plan.entries) {
        entry.content_height
            = content_height(entry, grid.arrangement, plan.label_px, plan.note_px, entry.number_px, style.line_spacing);
        natural = std::max(natural, entry.content_height);
    }
    if (has_qr && !rows)
        natural = std::max(natural, plan.qr_side);
    plan.card_width = cell_width;
    // Generous but not towering: a card a little taller than its content, centred in its cell.
    // Rows stay compact: a directory reads down its numbers.
    plan.card_height
        = std::min(cell_height, std::round((rows ? 1.0f : 1.3f) * natural) + 2 * vertical_pad(sizes, grid.arrangement));

    int per_page = grid.per_page();
    int page_count = std::max(1, (count + per_page - 1) / per_page);
    int first = 0;
    for (int page = 0; page < page_count; ++page) {
        // Even pages: 8 + 8 + 7 + 7 rather than 9 + 9 + 9 + 3.
        int take = (count - first + (page_count - page) - 1) / (page_count - page);
        std::vector<int> indices;
        for (int index = first; index < first + take; ++index)
            indices.push_back(index);
        plan.pages.push_back(std::move(indices));
        first += take;
    }
    plan.page_count = plan.pages.size();
    plan.empty_cells = per_page * page_count - count;

    if (!found) {
        for (int index = 0; index < count; ++index) {
            auto const& entry = plan.entries[index];
            std::string which = "hotline " + std::to_string(index + 1) + " (" + entries[index].number + ")";
            if (entry.label.overflow || entry.label.lines.size() > max_label_lines)
                plan.problems.push_back(which + ": the label is too long for its card at the minimum size");
            if (entry.note.overflow)
                plan.problems.push_back(which + ": the note has a word too long for its card at the minimum size");
            if (measurer.width(entries[index].number, number_font(entry.number_px)) > entry.number_width)
                plan.problems.push_back(which + ": the number is too long for its card even shrunk");
        }
        if (plan.number_px < sizes.number_floor)
            plan.problems.push_back("the hotline numbers had to shrink to " + std::to_string(plan.number_px)
                + " px to fit their cards, below the " + std::to_string(sizes.number_floor)
                + " px that keeps them the largest text");
        if (plan.problems.empty())
            plan.problems.push_back("the hotline cards do not fit the slide at the minimum size");
    }
    return plan;
}

// Better: fits; then fewer pages; then larger numbers; then fewer empty cells; then the
// orientation's habit (side by side in landscape, stacked in portrait); then larger labels.
bool better(const HotlinesPlan& a, const HotlinesPlan& b, bool portrait)
{
    if (a.feasible != b.feasible)
        return a.feasible;
    if (a.page_count != b.page_count)
        return a.page_count < b.page_count;
    if (a.grid.arrangement != b.grid.arrangement)
        return a.grid.arrangement == Arrangement::Cards;
    if (a.number_px != b.number_px)
        return a.number_px > b.number_px;
    if (a.empty_cells != b.empty_cells)
        return a.empty_cells < b.empty_cells;
    if (a.grid.columns != b.grid.columns)
        return portrait ? a.grid.columns < b.grid.columns : a.grid.columns > b.grid.columns;
    return a.label_px > b.label_px;
}

HotlinesPlan choose_plan(const Hotlines& hotlines, Rect body, const SlideContext& context)
{
    int count = std::max<int>(1, static_cast<int>(hotlines.entries.size()));
    bool portrait = context.portrait();
    struct Shape {
        Arrangement arrangement;
        int max_columns;
        int max_rows;
    };
    std::vector<Shape> shapes { { Arrangement::Cards, portrait ? 2 : 3, portrait ? 6 : 3 } };
    // Directory rows only when the cards would need a second page.
    if (count > 4)
        shapes.push_back({ Arrangement::Rows, portrait ? 1 : 2, portrait ? 12 : 8 });
    std::optional<HotlinesPlan> best;
    for (auto const& shape : shapes) {
        for (int columns = 1; columns <= shape.max_columns; ++columns) {
            for (int rows = 1; rows <= shape.max_rows; ++rows) {
                Grid grid { shape.arrangement, columns, rows };
                // A grid with a whole empty row or column is a smaller grid, badly centred.
                if (grid.per_page() >= count && (columns * (rows - 1) >= count || (columns - 1) * rows >= count))
                    continue;
                auto plan = plan_grid(hotlines, body, grid, context);
                if (!best || better(plan, *best, portrait))
                    best = std::move(plan);
            }
        }
    }
    return std::move(*best);
}

Color number_color(const Theme& theme)
{
    // Accent numbers look designed; but only when they keep the contrast text needs.
    return contrast_ratio(theme.accent, theme.card_background) >= min_text_contrast ? theme.accent : theme.text;
}

void draw_entry(DisplayList& list, const Hotline& hotline, const MeasuredEntry& entry, Rect card,
    const HotlinesPlan& plan, const SlideContext& context)
{
    SlideStyle const style(context);
    auto const sizes = sizes_for(style, context);
    const Theme& theme = *context.theme;
    TextMeasurer& measurer = *context.measurer;
    draw_card(list, card, std::round(style.px(0.012)), style.hairline(0.002), theme);

    float x = card.x + sizes.pad;
    FontSpec label_font { plan.label_px, FontWeight::Regular };
    FontSpec note_font { plan.note_px, FontWeight::Regular };
    if (plan.grid.arrangement == Arrangement::Rows) {
        float labels = label_block_height(entry, plan.label_px, plan.note_px, style.line_spacing);
        float y = card.y + (card.h - labels) / 2;
        list.role = TextRole::Label;
        y = emit_lines(list, entry.label.lines, x, y, entry.text_width, label_font, theme.text, style.line_spacing,
            TextAlign::Left, measurer);
        if (!entry.note.lines.empty()) {
            if (!entry.label.lines.empty())
                y += inner_gap(plan.label_px);
            list.role = TextRole::Note;
            emit_lines(list, entry.note.lines, x, y, entry.text_width, note_font, theme.muted_text, style.line_spacing,
                TextAlign::Left, measurer);
        }
        float number_x = x + entry.text_width + sizes.pad;
        list.role = TextRole::Number;
        emit_lines(list, { hotline.number }, number_x, card.y + (card.h - number_line_height(entry.number_px)) / 2,
            entry.number_width, number_font(entry.number_px), number_color(theme), number_line_spacing,
            TextAlign::Right, measurer);
    } else {
        float y = card.y + (card.h - entry.content_height) / 2;
        float width = entry.text_width;
        if (!entry.label.lines.empty()) {
            list.role = TextRole::Label;
            y = emit_lines(list, entry.label.lines, x, y, width, label_font, theme.text, style.line_spacing,
                TextAlign::Center, measurer);
            y += inner_gap(plan.label_px);
        }
        list.role = TextRole::Number;
        y = emit_lines(list, { hotline.number }, x, y, width, number_font(entry.number_px), number_color(theme),
            number_line_spacing, TextAlign::Center, measurer);
        if (!entry.note.lines.empty()) {
            y += inner_gap(plan.label_px);
            list.role = TextRole::Note;
            emit_lines(list, entry.note.lines, x, y, width, note_font, theme.muted_text, style.line_spacing,
                TextAlign::Center, measurer);
        }
    }
    if (!hotline.qr.empty()) {
        float side = std::min(plan.qr_side, card.h - 2 * vertical_pad(sizes, plan.grid.arrangement));
        Rect box { card.right() - sizes.pad - side, card.y + (card.h - side) / 2, side, side };
        std::filesystem::path path = context.asset_root.empty()
            ? std::filesystem::path(hotline.qr)
            : std::filesystem::path(context.asset_root) / hotline.qr;
        list.image(box, path.string(), ImageFit::Contain);
    }
}

DisplayList draw_page(const Hotlines& hotlines, const HotlinesPlan& plan, const std::vector<int>& page, Rect body,
    const SlideContext& context)
{
    SlideStyle const style(context);
    auto const sizes = sizes_for(style, context);
    DisplayList list;
    int columns = plan.grid.columns;
    int count = static_cast<int>(page.size());
    int rows = (count + columns - 1) / columns;
    float block_height = static_cast<float>(rows) * plan.card_height + static_cast<float>(rows - 1) * sizes.grid_gap;
    float top = body.y + std::max(0.0f, (body.h - block_height) / 2);
    for (int row = 0; row < rows; ++row) {
        int in_row = std::min(columns, count - row * columns);
        float row_width
            = static_cast<float>(in_row) * plan.card_width + static_cast<float>(in_row - 1) * sizes.grid_gap;
        float left = body.x + std::max(0.0f, (body.w - row_width) / 2);
        for (int column = 0; column < in_row; ++column) {
            int index = page[static_cast<size_t>(row * columns + column)];
            Rect card { left + static_cast<float>(column) * (plan.card_width + sizes.grid_gap),
                top + static_cast<float>(row) * (plan.card_height + sizes.grid_gap), plan.card_width,
                plan.card_height };
            draw_entry(list, hotlines.entries[index], plan.entries[index], card, plan, context);
        }
    }
    return list;
}

} // namespace

SlideLayout layout_hotlines(const Notice& notice, const Hotlines& hotlines, const SlideContext& context)
{
    Rect body = measure_chrome(notice, context, 1).body;
    auto plan = choose_plan(hotlines, body, context);
    if (plan.page_count > 1) {
        // Several pages show a page number: the body loses the bottom row, so plan again.
        body = measure_chrome(notice, context, static_cast<int>(plan.page_count)).body;
        plan = choose_plan(hotlines, body, context);
    }
    // Notes sit centred under their numbers: lines of similar length rather than a line and a
    // stub. Balancing keeps the line count, so the plan's heights stay right.
    for (size_t index = 0; index < plan.entries.size() && index < hotlines.entries.size(); ++index) {
        auto& entry = plan.entries[index];
        if (entry.note.lines.size() > 1 && !entry.note.overflow)
            entry.note = wrap_balanced(add_cjk_latin_spacing(hotlines.entries[index].note), entry.text_width,
                FontSpec { plan.note_px, FontWeight::Regular }, *context.measurer);
    }
    std::vector<DisplayList> bodies;
    if (!hotlines.entries.empty()) {
        for (auto const& page : plan.pages)
            bodies.push_back(draw_page(hotlines, plan, page, body, context));
    }
    return assemble_pages(notice, context, std::move(bodies), std::move(plan.problems));
}

} // namespace hallboard
