// The real TextMeasurer: Chinese-capable fonts resolved with fontconfig, opened with SDL_ttf.
#pragma once

#include "player/layout/text_measurer.h"
#include "player/render/sdl_handles.h"

#include <SDL_ttf.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hallboard {

// One face of a font file (a .ttc collection holds several; `index` picks one).
struct FontFace {
    std::string file;
    int index = 0;
    std::string family; // the family fontconfig reports for it
};

// Owns the regular and bold faces and one TTF_Font for each, switched to whatever pixel size
// is asked for. Needs a live SdlSession. Not thread-safe: use from the render thread only.
class FontSet final : public TextMeasurer {
public:
    // Picks the first of `families` that is installed and covers Han (U+4E2D), then
    // "Noto Sans CJK SC", "WenQuanYi Micro Hei", then any installed font covering Han.
    // Logs the chosen files, and a warning per requested family that was missing.
    // Returns nullptr only when no font at all covers Han (or SDL_ttf cannot open it).
    static std::unique_ptr<FontSet> open(const std::vector<std::string>& families);
    ~FontSet() override;

    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;

    float width(std::string_view utf8, FontSpec font) override;
    float ascent(FontSpec font) override;  // the ideographic em box above the baseline (0.88 em), not SDL_ttf's ascent
    float descent(FontSpec font) override; // the ideographic em box below the baseline (0.12 em), positive
    // SDL_ttf's ascent: the baseline's distance from the top of a rendered text surface.
    float surface_ascent(FontSpec font);

    // The SDL_ttf font for `spec`. There is one TTF_Font per weight whose size is switched on
    // demand, so the pointer is valid, at this size, only until the next call to font(),
    // width() or surface_ascent(). Null only if SDL_ttf fails to open or resize the face.
    TTF_Font* font(FontSpec spec);

    FontFace const& regular_face() const { return m_regular; }
    FontFace const& bold_face() const { return m_bold; }
    bool has_real_bold() const { return m_real_bold; } // false: bold is synthesised (TTF_STYLE_BOLD)

    // Measured widths are cached, in two generations of at most half this each.
    static constexpr std::size_t width_cache_budget = 1024 * 1024; // bytes, keys included
    static constexpr std::size_t width_entry_overhead = 64;        // bytes a map node costs besides its key
    std::size_t width_cache_bytes() const { return m_widths_bytes + m_older_widths_bytes; }

private:
    struct FontFile;
    FontSet(FontFace regular, FontFace bold, bool real_bold, std::shared_ptr<FontFile> regular_data,
        std::shared_ptr<FontFile> bold_data);

    // Each open TTF_Font costs about 2 MB (FreeType's copy of the face's tables, HarfBuzz's
    // shaping tables, the glyph cache) and 2-3 ms to open, whereas switching the size of an
    // open one costs microseconds (and its small glyph cache). Layout tries many sizes when
    // shrinking text to fit, so one font per weight, resized, is both lighter and faster.
    struct SizedFont {
        UniqueFont font;
        int pixel_size = 0;
    };
    SizedFont* open_font(FontWeight weight);

    FontFace m_regular;
    FontFace m_bold;
    bool m_real_bold = false;
    std::shared_ptr<FontFile> m_regular_data; // each face's file, open once
    std::shared_ptr<FontFile> m_bold_data;
    SizedFont m_regular_font;
    SizedFont m_bold_font;

    // Layout asks for the width of the same prefixes many times while breaking lines; the clock
    // asks for a new text every second, so the cache is bounded (in bytes, keys included).
    void remember_width(std::string key, float width);
    std::unordered_map<std::string, float> m_widths;       // recently used
    std::unordered_map<std::string, float> m_older_widths; // the generation before
    std::size_t m_widths_bytes = 0;
    std::size_t m_older_widths_bytes = 0;
};

} // namespace hallboard
