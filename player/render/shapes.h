// Anti-aliased geometry for the player: disc masks for rounded corners, lines and arrow heads.
#pragma once

#include "player/layout/display_list.h"
#include "player/render/sdl_handles.h"

#include <SDL.h>

#include <optional>
#include <vector>

namespace hallboard {

// A white 2r x 2r ARGB8888 surface whose alpha is each pixel's coverage by a disc of radius r;
// its quarters are the corners of a rounded rectangle. Null on failure.
UniqueSurface make_disc_mask(int radius);

struct TriangleMesh {
    std::vector<SDL_Vertex> vertices;
    std::vector<int> indices;
};

struct LineGeometry {
    // Horizontal and vertical shafts are pixel-snapped rectangles: crisper than any blending.
    std::optional<SDL_Rect> shaft_rect;
    Color shaft_color; // the line's colour, fainter for lines thinner than a pixel
    // Slanted shafts and arrow heads: opaque cores plus a 1 px fringe fading to transparent,
    // which anti-aliases their edges on every renderer (SDL_RenderGeometry has no AA of its own).
    TriangleMesh triangles;
};

// Arrow heads are 3.5 thicknesses long (at least 10 px) and 4.5 thicknesses wide (at least
// 12 px), their tip exactly at (x2, y2); the shaft stops where the head begins.
LineGeometry line_geometry(const LineDraw& line, float dx, float dy);

} // namespace hallboard
