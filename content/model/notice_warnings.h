// Likely mistakes in a notice that do not stop it from playing: `hallboard check` warns about them.
#pragma once

#include "base/diagnostics.h"
#include "base/local_time.h"
#include "content/model/notice.h"

#include <string>
#include <string_view>
#include <vector>

namespace hallboard {

// A notice that ended this many days ago is probably left over: the screen never shows it again.
inline constexpr long expired_warning_days = 30;
// One line of a slide's title bar at 1920x1080 with the default theme (title 0.06 of the short
// side, 65 px, across about 1830 px) holds about 26 Chinese characters; ASCII counts half.
inline constexpr double title_line_characters = 26;

// One likely mistake, named by the key it is about so that the caller can point at its line.
struct NoticeWarning {
    std::string_view key; // "valid_until", "title"
    std::string message;
    std::string hint;
};

// The likely mistakes in `notice` on the hall's date `today`: ended long ago, title too long.
std::vector<NoticeWarning> notice_warnings(const Notice& notice, const Date& today);

// How wide `title` is in Chinese characters: anything below U+2E80 (Latin, digits,
// punctuation) counts half.
double title_width(std::string_view title);

// Where `key:` is written in `yaml_text` (its value's first character, columns counted in
// characters), for warnings about a value the notice model keeps without its place; line 0
// when it cannot be found.
SourceLocation location_of_key(std::string_view yaml_text, const std::string& display_name, std::string_view key);

} // namespace hallboard
