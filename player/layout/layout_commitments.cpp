// Lays out a commitments slide (服务承诺): a numbered list, numbers in accent badges, items
// with a bold heading and a regular detail. Landscape lists of four or more items use two
// columns. Items never split across pages; the text size and the item style are chosen so
// that as few pages as possible are needed, then the largest size.
#include "player/layout/card_drawing.h"
#include "player/layout/pagination.h"
#include "player/layout/slide_chrome.h"
#include "player/layout/slide_layout.h"
#include "player/layout/slide_style.h"
#include "player/layout/text_layout.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace hallboard {

namespace {

// Stacked: the heading on its own line(s), the detail below. Inline: the heading runs into
// the detail as a bold lead-in ("限时办理：居民客户新装用电……"), which saves a line per item.
enum class HeadingPlacement { Stacked, Inline };
// Cards: each item on a card. Plain: items separated by hairlines, for long lists.
enum class ItemFrame { Card, Plain };

struct ItemStyle {
    HeadingPlacement heading = HeadingPlacement::Stacked;
    ItemFrame frame = ItemFrame::Card;
    int columns = 1;
};

// One line of an item: a bold part (the heading) followed by a regular part.
struct ItemLine {
    std::string bold;
    std::string regular;
};

struct MeasuredItem {
    std::vector<ItemLine> lines;
    float height = 0;
    bool overflow = false;
};

struct Metrics {
    int text_px = 0;
    double line_spacing = 1.35;
    float pad_x = 0, pad_y = 0; // inside a card; zero for plain items
    float badge = 0;
    float text_offset = 0; // from the item's left edge to its text
    float item_gap = 0;
    float column_gap = 0;
    float radius = 0, border = 0;
    float line_height() const { return static_cast<float>(text_px * line_spacing); }
};

Metrics metrics_for(int text_px, ItemFrame frame, const SlideContext& context)
{
    float em = static_cast<float>(text_px);
    Metrics metrics;
    metrics.text_px = text_px;
    metrics.line_spacing = context.theme->line_spacing;
    if (frame == ItemFrame::Card) {
        metrics.pad_x = std::round(0.4f * em);
        metrics.pad_y = std::round(0.25f * em);
        metrics.item_gap = std::round(0.3f * em);
    } else {
        metrics.item_gap = std::round(0.45f * em);
    }
    metrics.badge = badge_diameter(FontSpec { text_px, FontWeight::Bold });
    metrics.text_offset = metrics.pad_x + metrics.badge + std::round(0.4f * em);
    metrics.column_gap = std::round(1.0f * em);
    metrics.radius = std::round(0.25f * em);
    metrics.border = std::max(1.0f, std::round(em / 24));
    return metrics;
}

FontSpec bold_font(const Metrics& metrics)
{
    return { metrics.text_px, FontWeight::Bold };
}
FontSpec regular_font(const Metrics& metrics)
{
    return { metrics.text_px, FontWeight::Regular };
}

bool ends_with_punctuation(std::string_view text)
{
    for (std::string_view mark : { "。", "：", "，", "；", "！", "？", ":", "." }) {
        if (text.ends_with(mark))
            return true;
    }
    return false;
}

// Wraps "heading：detail" as one paragraph and splits each line back into its bold and
// regular parts. The wrap width is narrowed by what bold costs over regular for the heading,
// so that a line holding the whole heading in bold still fits.
std::vector<ItemLine> wrap_inline(const std::string& heading, const std::string& detail, float width,
    const Metrics& metrics, TextMeasurer& measurer, bool& overflow)
{
    std::string lead = heading + (ends_with_punctuation(heading) ? "" : "：");
    std::string combined = lead + detail;
    float bold_extra
        = std::max(0.0f, measurer.width(lead, bold_font(metrics)) - measurer.width(lead, regular_font(metrics)));
    auto wrapped = wrap_without_stub(combined, width - bold_extra, regular_font(metrics), measurer);
    overflow = wrapped.overflow;
    std::vector<ItemLine> lines;
    size_t position = 0;
    for (auto const& line : wrapped.lines) {
        size_t at = combined.find(line, position);
        if (at == std::string::npos) {
            // wrap_text only drops spaces, so this does not happen; draw the line plainly if it does.
            lines.push_back({ {}, line });
            continue;
        }
        size_t end = at + line.size();
        size_t bold_end = std::clamp(lead.size(), at, end);
        lines.push_back({ combined.substr(at, bold_end - at), combined.substr(bold_end, end - bold_end) });
        position = end;
    }
    return lines;
}

MeasuredItem measure_item(const CommitmentItem& item, float column_width, HeadingPlacement placement,
    const Metrics& metrics, TextMeasurer& measurer)
{
    MeasuredItem result;
    float width = column_width - metrics.text_offset - metrics.pad_x;
    std::string heading = add_cjk_latin_spacing(item.heading);
    std::string detail = add_cjk_latin_spacing(item.detail);
    if (!heading.empty() && placement == HeadingPlacement::Inline) {
        result.lines = wrap_inline(heading, detail, width, metrics, measurer, result.overflow);
    } else {
        if (!heading.empty()) {
            auto wrapped = wrap_text(heading, width, bold_font(metrics), measurer);
            result.overflow = wrapped.overflow;
            for (auto& line : wrapped.lines)
                result.lines.push_back({ std::move(line), {} });
        }
        if (!detail.empty()) {
            auto wrapped = wrap_without_stub(detail, width, regular_font(metrics), measurer);
            result.overflow = result.overflow || wrapped.overflow;
            for (auto& line : wrapped.lines)
                result.lines.push_back({ {}, std::move(line) });
        }
    }
    if (width < 3 * static_cast<float>(metrics.text_px))
        result.overflow = true;
    float text_height = metrics.line_height() * static_cast<float>(std::max<size_t>(1, result.lines.size()));
    float text_offset = std::max(0.0f, (metrics.badge - metrics.line_height()) / 2);
    float badge_offset = std::max(0.0f, (metrics.line_height() - metrics.badge) / 2);
    result.height = 2 * metrics.pad_y + std::max(badge_offset + metrics.badge, text_offset + text_height);
    return result;
}

struct PlacedItem {
    int index = 0;
    Rect box;
};

struct CommitmentsPlan {
    ItemStyle style;
    Metrics metrics;
    std::vector<MeasuredItem> items;
    std::vector<std::vector<PlacedItem>> pages;
    bool feasible = true;
    size_t page_count = 0;
    std::vector<std::string> problems;
};

float stacked_height(const std::vector<MeasuredItem>& items, size_t begin, size_t end, float gap)
{
    float height = 0;
    for (size_t index = begin; index < end; ++index)
        height += items[index].height + (index > begin ? gap : 0);
    return height;
}

// Splits items [begin, end) into two runs with the shorter of the two taller columns.
size_t balanced_split(const std::vector<MeasuredItem>& items, size_t begin, size_t end, float gap)
{
    size_t best = end;
    float best_height = stacked_height(items, begin, end, gap);
    for (size_t split = begin + 1; split < end; ++split) {
        float height = std::max(stacked_height(items, begin, split, gap), stacked_height(items, split, end, gap));
        // Ties go to the later split: the left column is read first, so it may be the longer.
        bool tie = std::abs(height - best_height) <= 0.01f;
        if ((height < best_height && !tie) || (tie && best != end)) {
            best = split;
            best_height = height;
        }
    }
    return best;
}

CommitmentsPlan plan_style(
    const Commitments& commitments, Rect body, ItemStyle style, int text_px, const SlideContext& context)
{
    CommitmentsPlan plan;
    plan.style = style;
    plan.metrics = metrics_for(text_px, style.frame, context);
    auto const& metrics = plan.metrics;
    float column_width
        = (body.w - static_cast<float>(style.columns - 1) * metrics.column_gap) / static_cast<float>(style.columns);
    std::vector<PageBlock> blocks;
    for (size_t index = 0; index < commitments.items.size(); ++index) {
        auto measured = measure_item(commitments.items[index], column_width, style.heading, metrics, *context.measurer);
        if (measured.overflow) {
            plan.feasible = false;
            plan.problems.push_back(
                "commitment " + std::to_string(index + 1) + " has a word too long for its column at the minimum size");
        }
        blocks.push_back(PageBlock { measured.height, metrics.item_gap, KeepWithNext::No });
        plan.items.push_back(std::move(measured));
    }
    // Pack columns, then group them into pages of `columns` columns. Over several pages, the
    // items are spread evenly over all their columns (8 + 7 items rather than 6 + 9).
    size_t columns = static_cast<size_t>(style.columns);
    auto packed = paginate_blocks(blocks, body.h);
    if (packed.pages.size() > columns) {
        size_t const pages = (packed.pages.size() + columns - 1) / columns;
        packed = paginate_balanced(blocks, body.h, body.h, pages * columns);
    }
    for (size_t oversized : packed.oversized) {
        plan.feasible = false;
        plan.problems.push_back(
            "commitment " + std::to_string(oversized + 1) + " is too long for a page even at the minimum size");
    }
    for (size_t first = 0; first < packed.pages.size(); first += columns) {
        size_t last = std::min(packed.pages.size(), first + columns) - 1;
        size_t begin = packed.pages[first].begin;
        size_t end = packed.pages[last].end;
        // Rebalance the page's items over its columns: the greedy packing fills the left column
        // to the brim and leaves the right one short.
        std::vector<std::pair<size_t, size_t>> runs;
        if (columns == 2 && end - begin > 1) {
            size_t split = balanced_split(plan.items, begin, end, metrics.item_gap);
            runs = { { begin, split }, { split, end } };
        } else {
            for (size_t index = first; index <= last; ++index)
                runs.emplace_back(packed.pages[index].begin, packed.pages[index].end);
        }
        // Room to spare spreads the items a little, up to a comfortable gap.
        float gap = metrics.item_gap;
        float extra = std::round(0.5f * static_cast<float>(metrics.text_px));
        for (auto [run_begin, run_end] : runs) {
            if (run_end - run_begin < 2)
                continue;
            float spare = body.h - stacked_height(plan.items, run_begin, run_end, metrics.item_gap);
            extra = std::min(extra, std::max(0.0f, spare / static_cast<float>(run_end - run_begin - 1)));
        }
        if (packed.pages.size() <= columns)
            gap += std::floor(extra);

        std::vector<PlacedItem> page;
        for (size_t column = 0; column < runs.size(); ++column) {
            float x = body.x + static_cast<float>(column) * (column_width + metrics.column_gap);
            float y = body.y;
            for (size_t index = runs[column].first; index < runs[column].second; ++index) {
                float height = plan.items[index].height;
                page.push_back({ static_cast<int>(index), Rect { x, y, column_width, height } });
                y += height + gap;
            }
        }
        plan.pages.push_back(std::move(page));
    }
    if (plan.pages.empty())
        plan.pages.emplace_back();
    plan.page_count = plan.pages.size();
    return plan;
}

bool better(const CommitmentsPlan& candidate, const CommitmentsPlan& best)
{
    if (candidate.feasible != best.feasible)
        return candidate.feasible;
    return candidate.page_count < best.page_count;
}

// At one text size, the first style that fits one page, else the one needing the fewest pages.
CommitmentsPlan plan_at(const Commitments& commitments, Rect body, int text_px, const SlideContext& context)
{
    // Landscape lines across the whole slide get long (40 characters at the body size): many
    // items always take two columns, a few take two when that fits at the size, else one.
    std::vector<int> column_choices { 1 };
    size_t count = commitments.items.size();
    if (!context.portrait())
        column_choices = count >= 6 ? std::vector<int> { 2 }
            : count >= 4            ? std::vector<int> { 2, 1 }
                                    : std::vector<int> { 1 };
    std::optional<CommitmentsPlan> best;
    for (auto [heading, frame] : { std::pair { HeadingPlacement::Stacked, ItemFrame::Card },
             std::pair { HeadingPlacement::Inline, ItemFrame::Card },
             std::pair { HeadingPlacement::Inline, ItemFrame::Plain } }) {
        for (int columns : column_choices) {
            auto plan = plan_style(commitments, body, ItemStyle { heading, frame, columns }, text_px, context);
            if (plan.feasible && plan.page_count == 1)
                return plan;
            if (!best || better(plan, *best))
                best = std::move(plan);
        }
    }
    return std::move(*best);
}

CommitmentsPlan choose_plan(const Commitments& commitments, Rect body, const SlideContext& context)
{
    SlideStyle const style(context);
    return choose_font_size(
        style.fill_px, style.min_px, [&](int text_px) { return plan_at(commitments, body, text_px, context); });
}

void draw_item(DisplayList& list, const MeasuredItem& item, int number, Rect box, const CommitmentsPlan& plan,
    const SlideContext& context)
{
    const Theme& theme = *context.theme;
    TextMeasurer& measurer = *context.measurer;
    auto const& metrics = plan.metrics;
    if (plan.style.frame == ItemFrame::Card)
        draw_card(list, box, metrics.radius, metrics.border, theme);
    float line_height = metrics.line_height();
    float text_top = box.y + metrics.pad_y + std::max(0.0f, (metrics.badge - line_height) / 2);
    float badge_top = box.y + metrics.pad_y + std::max(0.0f, (line_height - metrics.badge) / 2);
    draw_number_badge(list, box.x + metrics.pad_x + metrics.badge / 2, badge_top + metrics.badge / 2, metrics.badge,
        number, bold_font(metrics), theme, measurer);
    float x = box.x + metrics.text_offset;
    float width = box.right() - metrics.pad_x - x;
    float y = text_top;
    for (auto const& line : item.lines) {
        float regular_x = x;
        if (!line.bold.empty()) {
            list.role = TextRole::Body;
            emit_lines(list, { line.bold }, x, y, width, bold_font(metrics), theme.text, metrics.line_spacing,
                TextAlign::Left, measurer);
            regular_x += measurer.width(line.bold, bold_font(metrics));
        }
        if (!line.regular.empty()) {
            emit_lines(list, { line.regular }, regular_x, y, box.right() - metrics.pad_x - regular_x,
                regular_font(metrics), theme.text, metrics.line_spacing, TextAlign::Left, measurer);
        }
        y += line_height;
    }
}

DisplayList draw_page(const CommitmentsPlan& plan, const std::vector<PlacedItem>& page, const SlideContext& context)
{
    DisplayList list;
    const Theme& theme = *context.theme;
    for (size_t index = 0; index < page.size(); ++index) {
        auto const& placed = page[index];
        draw_item(list, plan.items[placed.index], placed.index + 1, placed.box, plan, context);
        // Plain items are told apart by a hairline in the gap to the next item of the column.
        bool next_below = index + 1 < page.size() && std::abs(page[index + 1].box.x - placed.box.x) < 1;
        if (plan.style.frame == ItemFrame::Plain && next_below) {
            float y = std::round((placed.box.bottom() + page[index + 1].box.y) / 2);
            list.fill(Rect { placed.box.x, y, placed.box.w, plan.metrics.border }, theme.rule);
        }
    }
    return list;
}

} // namespace

SlideLayout layout_commitments(const Notice& notice, const Commitments& commitments, const SlideContext& context)
{
    Rect body = measure_chrome(notice, context, 1).body;
    auto plan = choose_plan(commitments, body, context);
    if (plan.page_count > 1) {
        // Several pages show a page number: the body loses the bottom row, so plan again.
        body = measure_chrome(notice, context, static_cast<int>(plan.page_count)).body;
        plan = choose_plan(commitments, body, context);
    }
    std::vector<DisplayList> bodies;
    for (auto const& page : plan.pages)
        bodies.push_back(draw_page(plan, page, context));
    return assemble_pages(notice, context, std::move(bodies), std::move(plan.problems));
}

} // namespace hallboard
