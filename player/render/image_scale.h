// Resampling a decoded image to the exact size it is drawn at (internal to the render module).
#pragma once

#include "player/render/sdl_handles.h"

#include <SDL.h>

namespace hallboard {

// A new ARGB8888 surface of dst_width x dst_height holding `source` (the part inside
// `source_rect`) resampled: area-averaged when shrinking, so posters and photos shrunk a lot
// stay smooth rather than aliased; bilinear when enlarging. Null on failure (SDL_GetError).
UniqueSurface resample_surface(SDL_Surface* source, SDL_Rect source_rect, int dst_width, int dst_height);

} // namespace hallboard
