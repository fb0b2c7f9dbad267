// The pieces of a flow slide, measured and drawn: numbered step boxes, the materials card
// (一次性告知) and the total-time banner. layout_flow.cpp decides where they go.
#pragma once

#include "content/model/notice.h"
#include "player/layout/slide_layout.h"
#include "player/layout/text_layout.h"

#include <span>
#include <string>
#include <vector>

namespace hallboard {

// Every size of a flow slide derived from one text size, so that the layout can try
// sizes from theme.body_size down to theme.min_text_size and keep the proportions.
struct FlowScale {
    int text_px = 0;   // step names, time limits, materials, the banner
    int detail_px = 0; // step details: a little smaller, never below the minimum
    double line_spacing = 1.35;
    float pad = 0;         // inside cards
    float gap = 0;         // between the parts of a card
    float badge = 0;       // diameter of the step number badge
    float radius = 0;      // card corners
    float border = 0;      // card hairline
    float arrow_gap = 0;   // between boxes, room for an arrow (also between rows)
    float arrow_inset = 0; // arrows stop this far from the boxes they join
    float arrow_thickness = 0;
    float block_gap = 0; // between the steps, the banner and the materials card
};

FlowScale flow_scale(int text_px, const SlideContext& context);

// Column: badge on top, text centred (boxes side by side in a landscape row).
// Row: badge on the left, text beside it (boxes stacked in a portrait column).
enum class StepStyle { Column, Row };

struct MeasuredStep {
    WrappedText name;
    WrappedText limit;
    WrappedText detail;
    bool limit_beside_name = false; // Row style: the limit sits right-aligned on the name's line
    float height = 0;               // the box height the content needs
    bool fits = true;
    std::string problem; // why it does not fit, for SlideLayout::problems
};

// "时限：1个工作日", or empty when the step has no limit.
std::string limit_label(const FlowStep& step);

MeasuredStep measure_step(
    const FlowStep& step, int number, float box_width, StepStyle style, const FlowScale& scale, TextMeasurer& measurer);

// Draws the card, its badge and its text; the content is top-aligned in `box`.
void draw_step(DisplayList& list, const MeasuredStep& step, int number, Rect box, StepStyle style,
    const FlowScale& scale, const Theme& theme, TextMeasurer& measurer);

// The materials card: a heading and a numbered list in `columns` columns (column-major).
struct MeasuredMaterials {
    WrappedText heading;
    std::vector<WrappedText> items;
    std::vector<float> item_heights;
    int first_number = 1;
    int columns = 1;
    int per_column = 0;
    float number_width = 0; // the "12." column
    float column_width = 0;
    float height = 0;
    bool fits = true;
    std::string problem;
};

MeasuredMaterials measure_materials(std::span<const std::string> items, int first_number, bool continued,
    float card_width, int columns, const FlowScale& scale, TextMeasurer& measurer);
// Natural width of a one-column card: the widest item on one line, within [min_width, max_width].
float materials_natural_width(std::span<const std::string> items, float min_width, float max_width,
    const FlowScale& scale, TextMeasurer& measurer);
void draw_materials(DisplayList& list, const MeasuredMaterials& materials, Rect box, const FlowScale& scale,
    const Theme& theme, TextMeasurer& measurer);

// The total-time banner ("全程不超过 3 个工作日") in accent with on_accent text.
struct MeasuredBanner {
    WrappedText lines;
    float height = 0;
    bool fits = true;
};

MeasuredBanner measure_banner(std::string_view total, float width, const FlowScale& scale, TextMeasurer& measurer);
void draw_banner(DisplayList& list, const MeasuredBanner& banner, Rect box, const FlowScale& scale, const Theme& theme,
    TextMeasurer& measurer);

} // namespace hallboard
