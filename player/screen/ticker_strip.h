// The ticker's text rendered once onto its background, as a strip one cycle long (the text and
// the gap before it comes round again): scrolling is then a copy of the strip each frame,
// opaque (no blending) and with no text drawing. Render thread only; owns its textures.
#pragma once

#include "player/config/theme.h"
#include "player/layout/frame_layout.h"
#include "player/render/display_list_player.h"
#include "player/render/sdl_handles.h"

#include <SDL.h>

#include <string>
#include <vector>

namespace hallboard {

enum class TickerPositions {
    WholePixels, // copies land on whole pixels (the software renderer cannot do better)
    SubPixel,    // fractional positions, filtered (an accelerated renderer)
};

class TickerStrip {
public:
    TickerStrip(SDL_Renderer* renderer, DisplayListPlayer& player);
    ~TickerStrip();
    TickerStrip(const TickerStrip&) = delete;
    TickerStrip& operator=(const TickerStrip&) = delete;

    // Renders `text` laid out as `ticker` for the bar in `geometry` (empty text: just the
    // background). Leaves the renderer's target as it found it.
    void build(const ScreenGeometry& geometry, const Theme& theme, const TickerLayout& ticker, const std::string& text,
        TickerPositions positions);
    void release();
    bool has_text() const { return !m_tiles.empty(); }

    // Draws the bar with the first copy of the text starting at `first_x` (copy k at
    // first_x + k * cycle; left of copy 0 is background), inside the current clip rectangle.
    void draw(double first_x);

    std::size_t bytes() const { return m_bytes; }

    // Tiles are at most this wide: any renderer takes such a texture, and a long ticker's
    // strip does not need one texture wider than some GPUs allow.
    static constexpr int max_tile_width = 4096;

private:
    struct Tile {
        UniqueTexture texture;
        int x = 0; // where it starts in the strip
        int width = 0;
    };

    SDL_Renderer* m_renderer;
    DisplayListPlayer& m_player;
    std::vector<Tile> m_tiles;
    Rect m_bar;
    Color m_background;
    double m_cycle = 0; // pixels from one copy of the text to the next
    int m_strip_width = 0;
    TickerPositions m_positions = TickerPositions::WholePixels;
    std::size_t m_bytes = 0;
};

} // namespace hallboard
