// Reading an image's pixel size from its header, before deciding to decode it (internal).
#pragma once

#include <filesystem>
#include <optional>

namespace hallboard {

struct ImageSize {
    int width = 0;
    int height = 0;
};

enum class ImageFormat { Png, Jpeg, Other };

struct ImageProbe {
    ImageFormat format = ImageFormat::Other;
    std::optional<ImageSize> size; // known for PNG and JPEG with a readable header; upright (see orientation)
    // JPEG: the EXIF orientation (1-8, see exif_orientation.h) the picture must be turned by to
    // be upright; `size` is already the upright size (sides swapped for 5-8). 1 otherwise.
    int orientation = 1;
};

// nullopt when the file cannot be opened. Reads at most the header segments, never pixels.
std::optional<ImageProbe> probe_image(const std::filesystem::path& path);

} // namespace hallboard
