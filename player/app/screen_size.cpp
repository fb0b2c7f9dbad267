// Choosing the composed size from the config and --size.
#include "player/app/screen_size.h"

#include <cstdio>
#include <utility>

namespace hallboard {

std::optional<ScreenSize> composed_size(const CommandLine& command_line, const ScreenConfig& config)
{
    if (command_line.has("--size")) {
        auto size = parse_screen_size(command_line.option("--size"));
        if (!size)
            std::fprintf(stderr, "error: --size '%s' is not a size (write it like 1920x1080)\n",
                command_line.option("--size").c_str());
        return size;
    }
    ScreenSize size = config.size;
    // A panel mounted sideways shows a portrait picture.
    if (config.rotate == 90 || config.rotate == 270)
        std::swap(size.width, size.height);
    return size;
}

} // namespace hallboard
