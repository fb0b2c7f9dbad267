// Fontconfig look-ups: family by family, regular and bold separately, checking Han coverage.
#include "player/render/font_resolver.h"

#include <fontconfig/fontconfig.h>

#include <memory>
#include <string_view>

namespace hallboard {

namespace {

constexpr FcChar32 han_probe = 0x4E2D; // 中

struct PatternDeleter {
    void operator()(FcPattern* pattern) const { FcPatternDestroy(pattern); }
};
using PatternPtr = std::unique_ptr<FcPattern, PatternDeleter>;

struct FontSetDeleter {
    void operator()(FcFontSet* set) const { FcFontSetDestroy(set); }
};

// Family names compare as fontconfig compares them: ignoring ASCII case and spaces.
bool same_family(std::string_view a, std::string_view b)
{
    auto next = [](std::string_view text, std::size_t& i) -> int {
        while (i < text.size() && text[i] == ' ')
            ++i;
        if (i == text.size())
            return -1;
        char const c = text[i++];
        return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : static_cast<unsigned char>(c);
    };
    std::size_t i = 0;
    std::size_t j = 0;
    while (true) {
        int const x = next(a, i);
        int const y = next(b, j);
        if (x != y)
            return false;
        if (x < 0)
            return true;
    }
}

struct Match {
    FontFace face;
    bool family_matches = false;
    bool covers_han = false;
    int weight = FC_WEIGHT_REGULAR;
};

Match describe(FcPattern* font, const std::string& requested_family)
{
    Match match;
    FcChar8* file = nullptr;
    if (FcPatternGetString(font, FC_FILE, 0, &file) == FcResultMatch && file)
        match.face.file = reinterpret_cast<char const*>(file);
    int index = 0;
    if (FcPatternGetInteger(font, FC_INDEX, 0, &index) == FcResultMatch)
        match.face.index = index;
    FcChar8* family = nullptr;
    // A font lists its family in several languages; any of them counts as the requested one.
    for (int i = 0; FcPatternGetString(font, FC_FAMILY, i, &family) == FcResultMatch; ++i) {
        if (i == 0)
            match.face.family = reinterpret_cast<char const*>(family);
        if (!requested_family.empty() && same_family(reinterpret_cast<char const*>(family), requested_family))
            match.family_matches = true;
    }
    FcCharSet* charset = nullptr;
    if (FcPatternGetCharSet(font, FC_CHARSET, 0, &charset) == FcResultMatch && charset)
        match.covers_han = FcCharSetHasChar(charset, han_probe);
    double weight = FC_WEIGHT_REGULAR;
    if (FcPatternGetDouble(font, FC_WEIGHT, 0, &weight) == FcResultMatch)
        match.weight = static_cast<int>(weight);
    else {
        int integer_weight = FC_WEIGHT_REGULAR;
        if (FcPatternGetInteger(font, FC_WEIGHT, 0, &integer_weight) == FcResultMatch)
            match.weight = integer_weight;
    }
    return match;
}

PatternPtr query(const std::string& family, int weight)
{
    PatternPtr pattern(FcPatternCreate());
    if (!family.empty())
        FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<FcChar8 const*>(family.c_str()));
    // zh-cn makes fontconfig pick the Simplified Chinese face of a .ttc collection.
    FcPatternAddString(pattern.get(), FC_LANG, reinterpret_cast<FcChar8 const*>("zh-cn"));
    FcPatternAddInteger(pattern.get(), FC_WEIGHT, weight);
    FcPatternAddInteger(pattern.get(), FC_SLANT, FC_SLANT_ROMAN);
    FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    return pattern;
}

std::optional<Match> match_family(const std::string& family, int weight)
{
    PatternPtr pattern = query(family, weight);
    FcResult result = FcResultNoMatch;
    PatternPtr font(FcFontMatch(nullptr, pattern.get(), &result));
    if (!font)
        return std::nullopt;
    Match match = describe(font.get(), family);
    if (match.face.file.empty())
        return std::nullopt;
    return match;
}

// The last resort: the closest font to "Chinese, regular" that really has Han glyphs.
std::optional<Match> any_han_font()
{
    PatternPtr pattern = query({}, FC_WEIGHT_REGULAR);
    FcResult result = FcResultNoMatch;
    std::unique_ptr<FcFontSet, FontSetDeleter> sorted(FcFontSort(nullptr, pattern.get(), FcFalse, nullptr, &result));
    if (!sorted)
        return std::nullopt;
    for (int i = 0; i < sorted->nfont; ++i) {
        Match match = describe(sorted->fonts[i], {});
        if (match.covers_han && !match.face.file.empty())
            return match;
    }
    return std::nullopt;
}

bool same_face(const FontFace& a, const FontFace& b)
{
    return a.file == b.file && a.index == b.index;
}

} // namespace

std::optional<ResolvedFonts> resolve_fonts(const std::vector<std::string>& families)
{
    if (!FcInit())
        return std::nullopt;

    ResolvedFonts resolved;
    std::vector<std::string> chain = families;
    std::size_t const requested_count = chain.size();
    chain.push_back("Noto Sans CJK SC");
    chain.push_back("WenQuanYi Micro Hei");

    std::optional<Match> chosen;
    std::string chosen_family;
    for (std::size_t i = 0; i < chain.size() && !chosen; ++i) {
        std::optional<Match> match = match_family(chain[i], FC_WEIGHT_REGULAR);
        bool const usable = match && match->family_matches && match->covers_han;
        if (usable) {
            chosen = match;
            chosen_family = chain[i];
        } else if (i < requested_count) {
            resolved.missing.push_back(chain[i]);
        }
    }
    if (!chosen) {
        chosen = any_han_font();
        if (!chosen)
            return std::nullopt;
        chosen_family = chosen->face.family;
    }
    resolved.regular = chosen->face;
    resolved.bold = chosen->face;

    // fontconfig answers a bold query for a family without a bold face with the regular face
    // (and an "embolden" hint); only a heavier face of the same family counts as real bold.
    std::optional<Match> bold = match_family(chosen_family, FC_WEIGHT_BOLD);
    if (bold && bold->family_matches && bold->covers_han && bold->weight >= FC_WEIGHT_DEMIBOLD
        && !same_face(bold->face, chosen->face)) {
        resolved.bold = bold->face;
        resolved.real_bold = true;
    }
    return resolved;
}

} // namespace hallboard
