// The draw-command seam: layout produces a list of plain structs, a renderer plays it back.
// Coordinates are pixels, origin top-left of whatever surface the list is drawn onto.
#pragma once

#include "content/model/notice.h"
#include "player/config/theme.h"

#include <string>
#include <variant>
#include <vector>

namespace hallboard {

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
    bool operator==(const Rect&) const = default;
};

enum class FontWeight { Regular, Bold };

struct FontSpec {
    int pixel_size = 40; // the em size in pixels
    FontWeight weight = FontWeight::Regular;
    bool operator==(const FontSpec&) const = default;
};

struct FillRect {
    Rect rect;
    Color color;
    float corner_radius = 0;
};

// What a line of text is to the customer reading it: `render` lists every line with its role
// in lines.json (docs/preview.md), so sizes and breaks can be checked per kind of text.
enum class TextRole {
    Body,         // notice text, commitments, anything not listed below
    Title,        // the slide's heading
    TableHeader,  // a tariff table's column headings
    TableCell,    // a tariff table's cells (prices, row labels)
    TableSection, // a row spanning the table (一户一表居民用户)
    FlowStep,     // a process step's name, time limit or details
    Label,        // hotline labels, badges (停电通知), materials headings
    Number,       // hotline numbers, step numbers
    Note,         // notes, footnotes, units, captions
    Footer,       // issuer, date, page number
    Chrome,       // header and clock (not part of a slide)
};

char const* text_role_name(TextRole role); // "title", "table_cell", ...

// One line of text, already broken and shaped as a unit. `baseline` is the y of the
// alphabetic baseline; x is the left edge of the advance box.
struct TextRun {
    float x = 0;
    float baseline = 0;
    std::string text;
    FontSpec font;
    Color color;
    TextRole role = TextRole::Body;
    int row = -1; // table cells: the row's index in its table, so a row split over pages shows
};

struct ImageDraw {
    Rect rect;        // the box the image is fitted into
    std::string path; // a file on disk (an asset of the content source, or a cached blob)
    ImageFit fit = ImageFit::Contain;
};

// A straight line; with an arrow head at (x2, y2) for flow arrows.
struct LineDraw {
    float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    float thickness = 2;
    Color color;
    bool arrow_head = false;
};

using DrawCommand = std::variant<FillRect, TextRun, ImageDraw, LineDraw>;

struct DisplayList {
    std::vector<DrawCommand> commands;
    // The role given to text added from now on: layouts set it before drawing each kind of text.
    TextRole role = TextRole::Body;
    int row = -1; // the table row of text added from now on; -1 outside tables

    void fill(Rect rect, Color color, float corner_radius = 0)
    {
        commands.push_back(FillRect { rect, color, corner_radius });
    }
    void text(float x, float baseline, std::string text, FontSpec font, Color color)
    {
        commands.push_back(TextRun { x, baseline, std::move(text), font, color, role, row });
    }
    void image(Rect rect, std::string path, ImageFit fit)
    {
        commands.push_back(ImageDraw { rect, std::move(path), fit });
    }
    void line(float x1, float y1, float x2, float y2, float thickness, Color color, bool arrow_head = false)
    {
        commands.push_back(LineDraw { x1, y1, x2, y2, thickness, color, arrow_head });
    }
};

} // namespace hallboard
