// Lays out a flow slide: numbered step boxes joined by arrows, the total-time banner and the
// materials card (一次性告知). Landscape: steps in rows, materials beside or below; portrait:
// steps stacked with downward arrows, materials below. Tries text sizes from the body size
// down to the minimum and keeps the one that needs the fewest pages.
#include "player/layout/flow_geometry.h"
#include "player/layout/pagination.h"
#include "player/layout/slide_chrome.h"
#include "player/layout/slide_layout.h"
#include "player/layout/slide_style.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <tuple>

namespace hallboard {

namespace {

struct Point {
    float x = 0, y = 0;
};

struct PlacedMaterials {
    Rect box;
    MeasuredMaterials measured;
};

struct FlowPage {
    std::vector<std::pair<int, Rect>> steps;    // step index, box
    std::vector<std::vector<Point>> connectors; // polylines; the last point carries the arrow head
    std::optional<Rect> banner;
    std::optional<PlacedMaterials> materials;
};

struct FlowPlan {
    FlowScale scale;
    StepStyle style = StepStyle::Column;
    std::vector<MeasuredStep> steps; // every box of a plan has the same width
    std::optional<MeasuredBanner> banner;
    std::vector<FlowPage> pages;
    bool feasible = true; // every text fits its box at this size (for choose_font_size)
    size_t page_count = 0;
    std::vector<std::string> problems;
};

struct FlowInput {
    FlowInput(const Flow& flow_, const SlideContext& context_, Rect body_)
        : flow(flow_)
        , context(context_)
        , body(body_)
    {
    }

    const Flow& flow;
    const SlideContext& context;
    Rect body;
    int step_count() const { return static_cast<int>(flow.steps.size()); }
    bool has_materials() const { return !flow.materials.empty(); }
    bool has_total() const { return !flow.total.empty(); }
    TextMeasurer& measurer() const { return *context.measurer; }

    // The plans tried (sizes, rows, beside or below) measure the same step at the same width
    // many times, and balanced wrapping is not cheap.
    const MeasuredStep& step(int index, float box_width, StepStyle style, const FlowScale& scale) const
    {
        auto key = std::make_tuple(index, static_cast<long>(std::lround(box_width * 4)), style, scale.text_px);
        auto found = m_steps.find(key);
        if (found == m_steps.end())
            found = m_steps
                        .emplace(key,
                            measure_step(
                                flow.steps[static_cast<size_t>(index)], index + 1, box_width, style, scale, measurer()))
                        .first;
        return found->second;
    }

private:
    mutable std::map<std::tuple<int, long, StepStyle, int>, MeasuredStep> m_steps;
};

float em(const FlowScale& scale)
{
    return static_cast<float>(scale.text_px);
}

// Boxes wider than this only spread a short name thin; a short row is centred instead.
float max_box_width(const FlowScale& scale)
{
    return 10 * em(scale);
}

// Steps of a portrait column sit closer than a landscape row: height is the scarce direction.
float portrait_step_gap(const FlowScale& scale)
{
    return std::round(1.2f * em(scale));
}

struct GridShape {
    int columns = 1;
    float box_width = 0;
    float box_height = 0;
    std::vector<MeasuredStep> measured;
    bool fits = true;
};

GridShape measure_grid(const FlowInput& input, int columns, float region_width, const FlowScale& scale)
{
    GridShape shape;
    shape.columns = std::max(1, columns);
    float gaps = static_cast<float>(shape.columns - 1) * scale.arrow_gap;
    shape.box_width = std::min(max_box_width(scale), (region_width - gaps) / static_cast<float>(shape.columns));
    for (int index = 0; index < input.step_count(); ++index) {
        auto measured = input.step(index, shape.box_width, StepStyle::Column, scale);
        shape.box_height = std::max(shape.box_height, measured.height);
        shape.fits = shape.fits && measured.fits;
        shape.measured.push_back(std::move(measured));
    }
    return shape;
}

float grid_height(const GridShape& shape, int count, const FlowScale& scale, int columns = 0)
{
    if (count <= 0)
        return 0;
    if (columns <= 0)
        columns = shape.columns;
    int rows = (count + columns - 1) / columns;
    return static_cast<float>(rows) * shape.box_height + static_cast<float>(rows - 1) * scale.arrow_gap;
}

// Joins box `from` to box `to`: straight when they share a row, otherwise down from `from`,
// back along the gap between the rows and down into `to` (rows restart at the left).
std::vector<Point> connector(Rect from, Rect to, const FlowScale& scale)
{
    float inset = scale.arrow_inset;
    if (std::abs(from.y - to.y) < 1) {
        float y = from.y + from.h / 2;
        return { { from.right() + inset, y }, { to.x - inset, y } };
    }
    float from_x = from.x + from.w / 2;
    float to_x = to.x + to.w / 2;
    if (std::abs(from_x - to_x) < 1)
        return { { from_x, from.bottom() + inset }, { to_x, to.y - inset } };
    float middle = (from.bottom() + to.y) / 2;
    return { { from_x, from.bottom() + inset }, { from_x, middle }, { to_x, middle }, { to_x, to.y - inset } };
}

// Places steps [first, first + count) in rows of `columns` (at most shape.columns; boxes keep
// the shape's width), centred in the region. Returns the bottom of the grid.
float place_grid(FlowPage& page, const GridShape& shape, int first, int count, float region_x, float region_width,
    float top, const FlowScale& scale, int columns = 0)
{
    if (columns <= 0 || columns > shape.columns)
        columns = shape.columns;
    int row_length = columns;
    columns = std::min(columns, std::max(count, 1));
    float grid_width
        = static_cast<float>(columns) * shape.box_width + static_cast<float>(columns - 1) * scale.arrow_gap;
    float left = region_x + std::max(0.0f, (region_width - grid_width) / 2);
    for (int k = 0; k < count; ++k) {
        int row = k / row_length;
        int column = k % row_length;
        Rect box { left + static_cast<float>(column) * (shape.box_width + scale.arrow_gap),
            top + static_cast<float>(row) * (shape.box_height + scale.arrow_gap), shape.box_width, shape.box_height };
        if (k > 0)
            page.connectors.push_back(connector(page.steps.back().second, box, scale));
        page.steps.emplace_back(first + k, box);
    }
    return top + grid_height(shape, count, scale, row_length);
}

// The column count of a full-width materials card: the fewest columns that fit `max_height`,
// else the shortest card.
MeasuredMaterials measure_materials_block(const FlowInput& input, std::span<const std::string> items, int first_number,
    bool continued, float width, float max_height, const FlowScale& scale)
{
    std::optional<MeasuredMaterials> shortest;
    int max_columns = std::min(3, static_cast<int>(items.size()));
    for (int columns = 1; columns <= std::max(1, max_columns); ++columns) {
        auto measured = measure_materials(items, first_number, continued, width, columns, scale, input.measurer());
        if (!measured.fits)
            break; // more columns are only narrower
        if (measured.height <= max_height)
            return measured;
        if (!shortest || measured.height < shortest->height)
            shortest = measured;
    }
    if (shortest)
        return *shortest;
    return measure_materials(items, first_number, continued, width, 1, scale, input.measurer());
}

// Puts the materials (or what is left of them) on pages of their own, splitting the list
// by items when even a page is not enough. `page` may already hold content ending at `top`.
void place_materials_pages(const FlowInput& input, FlowPlan& plan, int first_item)
{
    auto const& body = input.body;
    auto const& items = input.flow.materials;
    int count = static_cast<int>(items.size());
    while (first_item < count) {
        // The largest run of items that fits one page; always at least one.
        int take = count - first_item;
        std::optional<MeasuredMaterials> chosen;
        while (take >= 1) {
            auto measured = measure_materials_block(input, std::span(items).subspan(first_item, take), first_item + 1,
                first_item > 0, body.w, body.h, plan.scale);
            if (measured.height <= body.h || take == 1) {
                chosen = std::move(measured);
                break;
            }
            --take;
        }
        FlowPage page;
        float height = std::min(chosen->height, body.h);
        if (chosen->height > body.h) {
            plan.feasible = false;
            plan.problems.push_back(
                "required material " + std::to_string(first_item + 1) + " is too long for a page at the minimum size");
        }
        page.materials = PlacedMaterials { Rect { body.x, body.y, body.w, height }, std::move(*chosen) };
        plan.pages.push_back(std::move(page));
        first_item += take;
    }
}

void collect_step_problems(FlowPlan& plan)
{
    for (auto const& step : plan.steps) {
        if (!step.fits) {
            plan.feasible = false;
            plan.problems.push_back(step.problem);
        }
    }
    if (plan.banner && !plan.banner->fits) {
        plan.feasible = false;
        plan.problems.push_back("the total time is too long for its banner at the minimum size");
    }
}

// Landscape, one page: steps in `rows` rows on the left, the materials card on the right.
std::optional<FlowPlan> plan_beside(const FlowInput& input, const FlowScale& scale, int rows)
{
    auto const& body = input.body;
    int count = input.step_count();
    float card_width = materials_natural_width(
        input.flow.materials, std::round(0.26f * body.w), std::round(0.40f * body.w), scale, input.measurer());
    float region_width = body.w - card_width - scale.arrow_gap;
    int columns = (count + rows - 1) / rows;
    auto shape = measure_grid(input, columns, region_width, scale);
    if (!shape.fits)
        return std::nullopt;
    float height = grid_height(shape, count, scale);
    std::optional<MeasuredBanner> banner;
    if (input.has_total()) {
        banner = measure_banner(input.flow.total, region_width, scale, input.measurer());
        if (!banner->fits)
            return std::nullopt;
        height += scale.block_gap + banner->height;
    }
    auto materials = measure_materials(input.flow.materials, 1, false, card_width, 1, scale, input.measurer());
    if (!materials.fits || materials.height > body.h || height > body.h)
        return std::nullopt;

    FlowPlan plan { scale, StepStyle::Column, std::move(shape.measured), banner, {}, true, 0, {} };
    FlowPage page;
    float bottom = place_grid(page, shape, 0, count, body.x, region_width, body.y, scale);
    if (banner)
        page.banner = Rect { body.x, bottom + scale.block_gap, region_width, banner->height };
    float card_height = materials.height;
    page.materials
        = PlacedMaterials { Rect { body.right() - card_width, body.y, card_width, card_height }, std::move(materials) };
    plan.pages.push_back(std::move(page));
    return plan;
}

// Landscape, one page: steps in `rows` rows across the full width, the materials card below.
std::optional<FlowPlan> plan_stacked(const FlowInput& input, const FlowScale& scale, int rows)
{
    auto const& body = input.body;
    int count = input.step_count();
    int columns = std::max(1, (count + rows - 1) / rows);
    auto shape = measure_grid(input, columns, body.w, scale);
    if (!shape.fits)
        return std::nullopt;
    float height = grid_height(shape, count, scale);
    std::optional<MeasuredBanner> banner;
    if (input.has_total()) {
        banner = measure_banner(input.flow.total, body.w, scale, input.measurer());
        if (!banner->fits)
            return std::nullopt;
        height += (count > 0 ? scale.block_gap : 0) + banner->height;
    }
    std::optional<MeasuredMaterials> materials;
    if (input.has_materials()) {
        float gap = height > 0 ? scale.block_gap : 0;
        materials
            = measure_materials_block(input, input.flow.materials, 1, false, body.w, body.h - height - gap, scale);
        if (!materials->fits)
            return std::nullopt;
        height += gap + materials->height;
    }
    if (height > body.h)
        return std::nullopt;

    FlowPlan plan { scale, StepStyle::Column, std::move(shape.measured), banner, {}, true, 0, {} };
    FlowPage page;
    float y = place_grid(page, shape, 0, count, body.x, body.w, body.y, scale);
    if (banner) {
        if (count > 0)
            y += scale.block_gap;
        page.banner = Rect { body.x, y, body.w, banner->height };
        y += banner->height;
    }
    if (materials) {
        if (y > body.y)
            y += scale.block_gap;
        float card_height = materials->height;
        page.materials = PlacedMaterials { Rect { body.x, y, body.w, card_height }, std::move(*materials) };
    }
    plan.pages.push_back(std::move(page));
    return plan;
}

// Landscape over several pages: as many full-width rows of steps per page as fit, then the
// banner and the materials after the last step, on a page of their own when they do not fit.
FlowPlan plan_landscape_pages(const FlowInput& input, const FlowScale& scale)
{
    auto const& body = input.body;
    int count = input.step_count();

    // The grid with the most steps per page among those whose boxes fit.
    std::optional<GridShape> best_shape;
    int best_rows = 1;
    for (int columns = std::min(count, 6); columns >= 1; --columns) {
        auto shape = measure_grid(input, columns, body.w, scale);
        if (!shape.fits && columns > 1)
            continue;
        int rows = static_cast<int>(std::floor((body.h + scale.arrow_gap) / (shape.box_height + scale.arrow_gap)));
        rows = std::clamp(rows, 1, (count + columns - 1) / columns);
        if (!best_shape || (!best_shape->fits && shape.fits) || rows * columns > best_rows * best_shape->columns) {
            best_rows = rows;
            best_shape = std::move(shape);
        }
    }

    FlowPlan plan;
    plan.scale = scale;
    plan.style = StepStyle::Column;
    if (best_shape)
        plan.steps = best_shape->measured;
    if (input.has_total())
        plan.banner = measure_banner(input.flow.total, body.w, scale, input.measurer());
    collect_step_problems(plan);

    float y = body.y;
    if (best_shape) {
        auto const& shape = *best_shape;
        if (shape.box_height > body.h) {
            plan.feasible = false;
            plan.problems.push_back("a step box is taller than the slide even at the minimum size");
        }
        int per_page = best_rows * shape.columns;
        int page_count = (count + per_page - 1) / per_page;
        int first = 0;
        for (int index = 0; index < page_count; ++index) {
            // Spread the steps evenly rather than leaving a lonely step on the last page.
            int take = (count - first + (page_count - index) - 1) / (page_count - index);
            // As few rows as the page needs, evenly filled: 3 + 2 rather than 4 + 1.
            int rows = (take + shape.columns - 1) / shape.columns;
            int columns = (take + rows - 1) / rows;
            FlowPage page;
            y = place_grid(page, shape, first, take, body.x, body.w, body.y, scale, columns);
            plan.pages.push_back(std::move(page));
            first += take;
        }
    }

    auto* last = plan.pages.empty() ? nullptr : &plan.pages.back();
    if (plan.banner) {
        float gap = last ? scale.block_gap : 0;
        if (!last || y + gap + plan.banner->height > body.bottom()) {
            plan.pages.push_back({});
            last = &plan.pages.back();
            y = body.y;
            gap = 0;
        }
        last->banner = Rect { body.x, y + gap, body.w, plan.banner->height };
        y += gap + plan.banner->height;
    }
    if (input.has_materials()) {
        float gap = last ? scale.block_gap : 0;
        float room = body.bottom() - y - gap;
        auto materials = measure_materials_block(input, input.flow.materials, 1, false, body.w, room, scale);
        if (!materials.fits) {
            plan.feasible = false;
            plan.problems.push_back(materials.problem);
        }
        if (last && materials.height <= room) {
            float card_height = materials.height;
            last->materials = PlacedMaterials { Rect { body.x, y + gap, body.w, card_height }, std::move(materials) };
        } else {
            place_materials_pages(input, plan, 0);
        }
    }
    if (plan.pages.empty())
        plan.pages.push_back({});
    return plan;
}

// Portrait: steps stacked full width with arrows downward, then the banner, then materials.
FlowPlan plan_portrait(const FlowInput& input, const FlowScale& scale)
{
    auto const& body = input.body;
    int count = input.step_count();
    FlowPlan plan;
    plan.scale = scale;
    plan.style = StepStyle::Row;
    for (int index = 0; index < count; ++index)
        plan.steps.push_back(input.step(index, body.w, StepStyle::Row, scale));
    if (input.has_total())
        plan.banner = measure_banner(input.flow.total, body.w, scale, input.measurer());
    collect_step_problems(plan);

    float step_gap = portrait_step_gap(scale);
    // With room to spare on a single page, longer arrows read better than a blank bottom.
    {
        float total = 0;
        for (auto const& step : plan.steps)
            total += step.height;
        total += static_cast<float>(std::max(0, count - 1)) * step_gap;
        if (plan.banner)
            total += scale.block_gap + plan.banner->height;
        if (input.has_materials()) {
            auto materials = measure_materials_block(input, input.flow.materials, 1, false, body.w, body.h, scale);
            total += scale.block_gap + materials.height;
        }
        if (count > 1 && total < body.h) {
            float spare = (body.h - total) / static_cast<float>(count - 1);
            step_gap += std::min(spare, std::round(0.8f * em(scale)));
        }
    }

    FlowPage page;
    float y = body.y;
    bool page_empty = true;
    auto new_page = [&] {
        plan.pages.push_back(std::move(page));
        page = {};
        y = body.y;
        page_empty = true;
    };
    for (int index = 0; index < count; ++index) {
        float height = plan.steps[index].height;
        float gap = page_empty ? 0 : step_gap;
        if (!page_empty && y + gap + height > body.bottom()) {
            new_page();
            gap = 0;
        }
        if (height > body.h) {
            plan.feasible = false;
            plan.problems.push_back(
                "step " + std::to_string(index + 1) + " is taller than the slide even at the minimum size");
        }
        Rect box { body.x, y + gap, body.w, height };
        if (!page.steps.empty()) {
            Rect previous = page.steps.back().second;
            float x = previous.x + scale.pad + scale.badge / 2;
            page.connectors.push_back(
                { { x, previous.bottom() + scale.arrow_inset }, { x, box.y - scale.arrow_inset } });
        }
        page.steps.emplace_back(index, box);
        y = box.bottom();
        page_empty = false;
    }
    if (plan.banner) {
        float gap = page_empty ? 0 : scale.block_gap;
        if (!page_empty && y + gap + plan.banner->height > body.bottom()) {
            new_page();
            gap = 0;
        }
        page.banner = Rect { body.x, y + gap, body.w, plan.banner->height };
        y += gap + plan.banner->height;
        page_empty = false;
    }
    if (input.has_materials()) {
        float gap = page_empty ? 0 : scale.block_gap;
        float room = body.bottom() - y - gap;
        auto materials = measure_materials_block(input, input.flow.materials, 1, false, body.w, room, scale);
        if (!materials.fits) {
            plan.feasible = false;
            plan.problems.push_back(materials.problem);
        }
        if (materials.height <= room) {
            float card_height = materials.height;
            page.materials = PlacedMaterials { Rect { body.x, y + gap, body.w, card_height }, std::move(materials) };
        } else {
            if (!page_empty)
                new_page();
            place_materials_pages(input, plan, 0);
            return plan;
        }
    }
    plan.pages.push_back(std::move(page));
    return plan;
}

std::optional<FlowPlan> plan_landscape_single_page(const FlowInput& input, const FlowScale& scale)
{
    int count = input.step_count();
    int max_rows = std::max(1, std::min(3, count));
    if (input.has_materials() && count > 0) {
        for (int rows = 1; rows <= max_rows; ++rows) {
            if (auto plan = plan_beside(input, scale, rows))
                return plan;
        }
    }
    int previous_columns = 0;
    for (int rows = 1; rows <= max_rows; ++rows) {
        int columns = std::max(1, (count + rows - 1) / rows);
        if (columns == previous_columns)
            continue;
        previous_columns = columns;
        if (auto plan = plan_stacked(input, scale, rows))
            return plan;
    }
    return std::nullopt;
}

void draw_connector(DisplayList& list, const std::vector<Point>& points, const FlowScale& scale, Color color)
{
    for (size_t index = 1; index < points.size(); ++index) {
        bool last = index + 1 == points.size();
        list.line(points[index - 1].x, points[index - 1].y, points[index].x, points[index].y, scale.arrow_thickness,
            color, last);
    }
}

DisplayList draw_page(const FlowPlan& plan, const FlowPage& page, const SlideContext& context)
{
    const Theme& theme = *context.theme;
    TextMeasurer& measurer = *context.measurer;
    DisplayList list;
    for (auto const& connector : page.connectors)
        draw_connector(list, connector, plan.scale, theme.accent);
    for (auto const& [index, box] : page.steps)
        draw_step(list, plan.steps[index], index + 1, box, plan.style, plan.scale, theme, measurer);
    if (page.banner && plan.banner)
        draw_banner(list, *plan.banner, *page.banner, plan.scale, theme, measurer);
    if (page.materials)
        draw_materials(list, page.materials->measured, page.materials->box, plan.scale, theme, measurer);
    return list;
}

FlowPlan plan_at(const FlowInput& input, int text_px)
{
    auto scale = flow_scale(text_px, input.context);
    std::optional<FlowPlan> plan;
    if (!input.context.portrait())
        plan = plan_landscape_single_page(input, scale);
    if (!plan)
        plan = input.context.portrait() ? plan_portrait(input, scale) : plan_landscape_pages(input, scale);
    plan->page_count = plan->pages.size();
    return std::move(*plan);
}

FlowPlan choose_plan(const FlowInput& input)
{
    SlideStyle const style(input.context);
    return choose_font_size(style.body_px, style.min_px, [&](int text_px) { return plan_at(input, text_px); });
}

} // namespace

SlideLayout layout_flow(const Notice& notice, const Flow& flow, const SlideContext& context)
{
    FlowInput input { flow, context, measure_chrome(notice, context, 1).body };
    FlowPlan plan = choose_plan(input);
    if (plan.page_count > 1) {
        // Several pages show a page number: the body loses the bottom row, so plan again.
        input.body = measure_chrome(notice, context, static_cast<int>(plan.page_count)).body;
        plan = choose_plan(input);
    }
    std::vector<DisplayList> bodies;
    for (auto const& page : plan.pages)
        bodies.push_back(draw_page(plan, page, context));
    return assemble_pages(notice, context, std::move(bodies), std::move(plan.problems));
}

} // namespace hallboard
