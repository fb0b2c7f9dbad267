// How bad a line break is at each legal break opportunity, for choosing among them: the
// opportunities come from line_breaking (UAX #14 + clreq); this says which of them a designer
// would avoid. Pure; uses ICU's dictionary word boundaries for Chinese.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace hallboard {

// Penalties, in the units of the line filler's cost (one unit is about one em of empty
// line end squared): a word split costs as much as leaving a line five ems short.
namespace break_penalty {
inline constexpr float between_words = 0;
inline constexpr float inside_quote = 12; // inside 《》, “”, 「」: a name or quotation
inline constexpr float inside_word = 30;  // 签订供用/电合同, 网/上国网
inline constexpr float number_unit = 40;  // 22 个/工作日, 10 /千伏, 45 /分钟
} // namespace break_penalty

// The penalty of breaking `paragraph` (valid UTF-8) before byte `offset` (0 < offset < size),
// for each offset asked. A word is what ICU's word break iterator for Chinese finds, joined
// where it splits terms of the trade (供用电, 千伏, 网上国网, 工作日 ...); a number keeps its
// measure word or unit and what that counts (22 个工作日, 十千伏).
std::vector<float> break_penalties(std::string_view paragraph, const std::vector<size_t>& offsets);

} // namespace hallboard
