// Breaking Chinese/Latin text into lines (UAX #14 via libunibreak, plus the clreq
// prohibitions of GB/T 15834) and shrinking it to fit a box. Pure: measures through TextMeasurer.
#pragma once

#include "player/layout/display_list.h"
#include "player/layout/text_measurer.h"

#include <string>
#include <string_view>
#include <vector>

namespace hallboard {

enum class TextAlign { Left, Center, Right };

struct WrappedText {
    std::vector<std::string> lines;
    float widest = 0;      // width of the widest line, pixels
    bool overflow = false; // a single unbreakable piece was wider than the box and had to be cut between characters
};

// Breaks `text` into lines no wider than `max_width`. Explicit newlines are kept. Lines never
// start with closing punctuation (，。、；：？！）》」 …) or end with opening punctuation
// (（《「 …); Latin words, numbers with their units, —— and …… stay whole. Spaces at line
// ends are dropped.
// - A closing mark that would start a line takes the character before it down with it (no
//   hanging punctuation). The full rule set is in line_breaking.h.
// - One trailing newline is ignored; blank lines are kept as empty strings; text with nothing
//   but whitespace has no lines. Invalid UTF-8 bytes become U+FFFD.
// - A piece wider than `max_width` is cut between code points and sets `overflow`.
// - Linear in the text length: each breakable piece is measured alone, and the sum proposes
//   where a line ends; measuring the whole line (shaping is not additive) confirms it.
WrappedText wrap_text(std::string_view text, float max_width, FontSpec font, TextMeasurer& measurer);

// How the breaks of a paragraph are chosen among the legal ones (both never add a line):
// Ragged (body text): lines as full as they come, a word split only when keeping the word
// whole costs several ems of empty line end; Balanced (titles): lines of similar length, and
// a word split only when there is no other way.
enum class LineFill { Ragged, Balanced };
WrappedText wrap_text(std::string_view text, float max_width, FontSpec font, TextMeasurer& measurer, LineFill fill);

// Height of `line_count` lines at `font` with `line_spacing` (multiple of the em size).
float text_block_height(int line_count, FontSpec font, double line_spacing);

struct FittedText {
    FontSpec font;
    WrappedText wrapped;
    float height = 0;
    bool fits = false; // false: even at min_px the text needs more than max_height (or overflowed)
};

// Finds the largest size in [min_px, preferred_px] at which `text` wraps into `max_width`
// and fits `max_height`. When nothing fits, returns the result at min_px with fits = false.
FittedText fit_text(std::string_view text, float max_width, float max_height, int preferred_px, int min_px,
    FontWeight weight, double line_spacing, TextMeasurer& measurer);

// Appends one TextRun per line, the first line's box starting at `top`. Each line gets a box
// of font.pixel_size * line_spacing; the text sits centred in it. Returns the y after the block.
// The glyphs (ascent + descent) are centred, not the em box. Empty lines draw nothing but keep
// their space. Center and Right alignment measure each line with `measurer`.
float emit_lines(DisplayList& list, const std::vector<std::string>& lines, float x, float top, float width,
    FontSpec font, Color color, double line_spacing, TextAlign align, TextMeasurer& measurer);

// Inserts a narrow gap (U+2009 thin space) between Han characters and Latin letters or digits,
// as Chinese typesetting does, except where a space is already there.
std::string add_cjk_latin_spacing(std::string_view text);

// Number of user-perceived characters (code points, roughly), for reading-time estimates.
int count_characters(std::string_view utf8);

} // namespace hallboard
