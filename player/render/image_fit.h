// Where a picture goes in its box: contain (whole picture, centred) or cover (box filled, cropped).
#pragma once

#include "content/model/notice.h"

#include <SDL.h>

namespace hallboard {

struct ImageFitGeometry {
    SDL_Rect source; // the part of the picture shown (cover crops it symmetrically)
    int width = 0;   // the size it is drawn at, centred in the box
    int height = 0;
};

// Keeps the picture's aspect ratio. All sizes in pixels; every size must be positive.
ImageFitGeometry fit_image(int image_width, int image_height, int box_width, int box_height, ImageFit fit);

} // namespace hallboard
