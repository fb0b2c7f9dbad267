// The admin API's bearer token: read from a private file, compared in constant time.
#pragma once

#include "base/result.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hallboard {

inline constexpr size_t recommended_token_length = 16; // characters; shorter ones get a warning

// Reads the token from `file`: surrounding white space is trimmed; the rest must be one word
// of printable ASCII. Refused (an error) when the file is missing, not a regular
// file, empty, or has any permission bit for group or others (like ssh with private keys: a
// token others can read is not a secret). A token shorter than recommended_token_length is
// accepted with a message added to `warnings`.
Result<std::string> load_admin_token(const std::filesystem::path& file, std::vector<std::string>& warnings);

// The token of an "Authorization: Bearer <token>" header (scheme case-insensitive); nullopt
// for any other form.
std::optional<std::string_view> bearer_token(std::string_view authorization);

// Compares without leaking, through timing, how much of the token matched or its length: both
// sides are hashed first and the digests compared with sodium_memcmp.
bool admin_token_matches(std::string_view expected, std::string_view presented);

} // namespace hallboard
