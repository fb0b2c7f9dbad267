// Turning rectangles of an upright frame onto a panel mounted sideways or upside down: where a
// rectangle lands, and copying its pixels there. For the software path, which presents only
// the rectangles that changed.
#pragma once

#include <SDL.h>

namespace hallboard {

// Where the rectangle `rect` of an upright frame `width` x `height` lands once the frame is
// turned `degrees` clockwise (0, 90, 180 or 270; anything else is taken as 0).
SDL_Rect rotated_rect(const SDL_Rect& rect, int width, int height, int degrees);

// Copies `rect` of `upright` into `output` turned `degrees` clockwise: output must be the
// upright frame's size turned (width and height swapped for 90 and 270). Both surfaces must
// have the same pixel format. Returns false (copying nothing) when they do not.
bool copy_rotated(SDL_Surface* upright, const SDL_Rect& rect, SDL_Surface* output, int degrees);

} // namespace hallboard
