// Finding Chinese-capable font files with fontconfig (internal to the render module).
#pragma once

#include "player/render/font_set.h"

#include <optional>
#include <string>
#include <vector>

namespace hallboard {

struct ResolvedFonts {
    FontFace regular;
    FontFace bold; // equals `regular` when the family has no bold face
    bool real_bold = false;
    std::vector<std::string> missing; // requested families that were not installed or lack Han
};

// Tries `families`, then Noto Sans CJK SC, then WenQuanYi Micro Hei, then any font covering
// U+4E2D. nullopt only when fontconfig knows no font covering Han at all.
std::optional<ResolvedFonts> resolve_fonts(const std::vector<std::string>& families);

} // namespace hallboard
