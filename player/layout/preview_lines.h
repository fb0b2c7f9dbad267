// lines.json: every line of text of every previewed page, with its role, size and box, so that
// what customers read can be measured (minimum sizes, split rows, 4K = 2 x 1080p) instead of
// only looked at. Pure: text is measured through TextMeasurer. Format: docs/preview.md.
#pragma once

#include "player/layout/display_list.h"
#include "player/layout/text_measurer.h"

#include <string>
#include <vector>

namespace hallboard {

struct PreviewLine {
    TextRole role = TextRole::Body;
    std::string text;
    FontSpec font;
    Rect box;     // the glyphs' box on the screen: advance width, ascent above the baseline to descent below
    int row = -1; // table cells: the row's index in its table
};

struct PreviewPage {
    std::string file; // the PNG, e.g. "03-tariff-tou-2.png"
    std::string notice;
    int page = 1; // from 1
    int page_count = 1;
    std::vector<PreviewLine> lines;
};

struct PreviewRun {
    int width = 0;
    int height = 0;
    std::string theme;
    double min_text_size = 0; // the theme's minimum, a fraction of the short side
    std::vector<PreviewPage> pages;
};

// The text lines of a slide page's display list, in drawing order, moved by (dx, dy) from
// slide to screen coordinates.
std::vector<PreviewLine> preview_lines(const DisplayList& page, float dx, float dy, TextMeasurer& measurer);

// The whole run as JSON (UTF-8, one page per line of the file for easy diffs).
std::string preview_json(const PreviewRun& run);

} // namespace hallboard
