// How layout learns the size of text without knowing the device: the SDL_ttf font set
// implements it for real renders, a fixed-advance fake implements it in layout tests.
#pragma once

#include "player/layout/display_list.h"

#include <string_view>

namespace hallboard {

class TextMeasurer {
public:
    virtual ~TextMeasurer() = default;
    // Advance width of a run of UTF-8 text shaped as one line, in pixels.
    virtual float width(std::string_view utf8, FontSpec font) = 0;
    // Distance from the baseline up to the top of the tallest glyphs, and down to the bottom.
    virtual float ascent(FontSpec font) = 0;
    virtual float descent(FontSpec font) = 0;
};

// A fake for tests: every code point of the CJK ranges and full-width punctuation is 1 em
// wide, every other code point half an em; ascent 0.88 em, descent 0.12 em.
class FixedAdvanceMeasurer final : public TextMeasurer {
public:
    float width(std::string_view utf8, FontSpec font) override;
    float ascent(FontSpec font) override { return 0.88f * static_cast<float>(font.pixel_size); }
    float descent(FontSpec font) override { return 0.12f * static_cast<float>(font.pixel_size); }
};

} // namespace hallboard
