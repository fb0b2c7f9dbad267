// Fuzzes the theme parser (colours, fonts, sizes, timing, contrast checks) from arbitrary bytes.
#include "player/config/theme.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view text(reinterpret_cast<const char*>(data), size);
    hallboard::Diagnostics diagnostics;
    hallboard::parse_theme(text, "theme.yaml", diagnostics);
    hallboard::parse_color(text);
    return 0;
}
