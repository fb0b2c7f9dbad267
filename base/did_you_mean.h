// Suggesting the name a user probably meant: "did you mean 'display'?" for "dispaly".
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hallboard {

// The closest candidate by edit distance, as "did you mean 'x'?", or "" when nothing is close.
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);
inline std::string did_you_mean(std::string_view word, std::initializer_list<std::string_view> candidates)
{
    return did_you_mean(word, std::span(candidates.begin(), candidates.size()));
}
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

} // namespace hallboard
