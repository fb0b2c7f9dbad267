// Suggesting the name a user probably meant, for unknown keys, values and commands.
#include "base/did_you_mean.h"

#include <algorithm>

namespace hallboard {

// Optimal-string-alignment distance: like Levenshtein, but swapping two neighbouring letters
// ("hihg" for "high") counts as one typo, the way people actually mistype.
static size_t edit_distance(std::string_view a, std::string_view b)
{
    std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
    for (size_t i = 0; i <= a.size(); ++i)
        d[i][0] = i;
    for (size_t j = 0; j <= b.size(); ++j)
        d[0][j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t substitution = d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            d[i][j] = std::min({ d[i - 1][j] + 1, d[i][j - 1] + 1, substitution });
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.size()][b.size()];
}

template <typename Range>
static std::string closest(std::string_view word, Range const& candidates)
{
    // Allow about one typo per three letters: "dispaly" -> "display", but not "foo" -> "id".
    if (word.size() > 100)
        return {}; // no key is that long, and the distance table would be large
    size_t best_distance = std::max<size_t>(1, word.size() / 3) + 1;
    std::string best;
    for (std::string_view candidate : candidates) {
        size_t distance = edit_distance(word, candidate);
        if (distance < best_distance) {
            best_distance = distance;
            best = std::string(candidate);
        }
    }
    return best.empty() ? std::string() : "did you mean '" + best + "'?";
}

std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates)
{
    return closest(word, candidates);
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates)
{
    return closest(word, candidates);
}

// yaml-cpp's messages name grammar rules; say what the user probably did and how to fix it.

} // namespace hallboard
