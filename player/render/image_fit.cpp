// Contain and cover arithmetic, rounded so that the result never leaves the box or the picture.
#include "player/render/image_fit.h"

#include <algorithm>
#include <cmath>

namespace hallboard {

ImageFitGeometry fit_image(int image_width, int image_height, int box_width, int box_height, ImageFit fit)
{
    double const horizontal = static_cast<double>(box_width) / image_width;
    double const vertical = static_cast<double>(box_height) / image_height;
    ImageFitGeometry geometry;
    if (fit == ImageFit::Contain) {
        double const scale = std::min(horizontal, vertical);
        geometry.source = SDL_Rect { 0, 0, image_width, image_height };
        geometry.width = std::clamp(static_cast<int>(std::lround(image_width * scale)), 1, box_width);
        geometry.height = std::clamp(static_cast<int>(std::lround(image_height * scale)), 1, box_height);
        return geometry;
    }
    double const scale = std::max(horizontal, vertical);
    int const source_width = std::clamp(static_cast<int>(std::lround(box_width / scale)), 1, image_width);
    int const source_height = std::clamp(static_cast<int>(std::lround(box_height / scale)), 1, image_height);
    geometry.source = SDL_Rect { (image_width - source_width) / 2, (image_height - source_height) / 2, source_width,
        source_height };
    geometry.width = box_width;
    geometry.height = box_height;
    return geometry;
}

} // namespace hallboard
