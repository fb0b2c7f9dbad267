// Fuzzes the screen config parser from arbitrary bytes. The config's path is in a folder that
// does not exist, so a theme_file it names (relative) is not found rather than read from disk.
#include "player/config/screen_config.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view text(reinterpret_cast<const char*>(data), size);
    hallboard::Diagnostics diagnostics;
    hallboard::parse_screen_config(text, "/nonexistent-hallboard-fuzz/screen.yaml", diagnostics);
    hallboard::parse_screen_size(text);
    return 0;
}
