// The fake measurer of layout tests: CJK code points 1 em wide, everything else half an em.
#include "player/layout/text_measurer.h"

#include "base/utf8.h"

namespace hallboard {

static bool is_full_width(char32_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF)    // radicals, CJK punctuation, kana, ideographs
        || (c >= 0xF900 && c <= 0xFAFF)    // compatibility ideographs
        || (c >= 0xFE30 && c <= 0xFE4F)    // CJK compatibility forms
        || (c >= 0xFF00 && c <= 0xFFEF)    // full-width forms
        || (c >= 0x20000 && c <= 0x3134F); // supplementary-plane ideographs
}

float FixedAdvanceMeasurer::width(std::string_view utf8, FontSpec font)
{
    // Count in half-ems so the sum is exact, then scale once.
    long long half_ems = 0;
    for (size_t offset = 0; offset < utf8.size();) {
        auto decoded = decode_utf8(utf8, offset);
        half_ems += is_full_width(decoded.code_point) ? 2 : 1;
        offset += decoded.length;
    }
    return static_cast<float>(half_ems) * 0.5f * static_cast<float>(font.pixel_size);
}

} // namespace hallboard
