// Shared drawing pieces of the list-like slides (flows, commitments, hotlines): rounded cards
// with a hairline border, and accent number badges.
#pragma once

#include "player/config/theme.h"
#include "player/layout/display_list.h"
#include "player/layout/text_layout.h"
#include "player/layout/text_measurer.h"

#include <string_view>

namespace hallboard {

// A card on theme.card_background with a thin theme.rule border, so that it stays visible
// when a theme makes the card colour close to the slide background.
void draw_card(DisplayList& list, Rect box, float corner_radius, float border, const Theme& theme);

// Diameter of a round badge that holds one- or two-digit numbers set in `font`.
float badge_diameter(FontSpec font);

// A filled accent circle centred on (centre_x, centre_y) with `number` centred in it in
// theme.on_accent. `font` should be at least the theme's minimum size: badges are text too.
void draw_number_badge(DisplayList& list, float centre_x, float centre_y, float diameter, int number, FontSpec font,
    const Theme& theme, TextMeasurer& measurer);

// wrap_text, then narrowed to the smallest width that keeps the same number of lines, so that
// centred text in a card breaks into lines of similar length ("勘查后装表，" / "当场通电")
// instead of a full line and an orphan ("勘查后装表，当场" / "通电").
WrappedText wrap_balanced(std::string_view text, float max_width, FontSpec font, TextMeasurer& measurer);

// wrap_text, except that a paragraph of several lines does not end in a stub of a character
// or two (段末孤字: "……通知重要客 / 户。"): the lines are narrowed just enough to carry a few
// characters down to the last one, keeping the line count. For left-aligned paragraphs, where
// wrap_balanced would leave a ragged edge on every line.
WrappedText wrap_without_stub(std::string_view text, float max_width, FontSpec font, TextMeasurer& measurer);

// Baseline that centres a line of `font` vertically on `centre_y`.
float centred_baseline(float centre_y, FontSpec font, TextMeasurer& measurer);

} // namespace hallboard
