// What a user name, a display name and a new password must look like.
#pragma once

#include "base/result.h"

#include <cstddef>
#include <string_view>

namespace hallboard {

inline constexpr std::size_t max_user_name_bytes = 64;
inline constexpr std::size_t max_display_name_bytes = 128; // about 40 Chinese characters
inline constexpr std::size_t min_password_length = 10;     // characters (bytes of UTF-8 count once each)
inline constexpr std::size_t max_password_bytes = 1024;    // Argon2 takes more, but nobody types more

// 1-64 characters of lowercase ASCII letters, digits, '.', '-', '_': names go into paths,
// logs and commands, so they stay plain. The error names the first bad character.
Result<void> check_user_name(std::string_view name);

// Valid UTF-8 (Chinese welcome), at most max_display_name_bytes, no control characters, not
// only white space.
Result<void> check_display_name(std::string_view display_name);

// At least min_password_length characters, at most max_password_bytes, valid UTF-8.
Result<void> check_new_password(std::string_view password);

} // namespace hallboard
