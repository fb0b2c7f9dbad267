// The values `hallboard publish` takes as text: an upload rate and a version number.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace hallboard {

// "250k", "2M", "100000": bytes per second (k and M are 1024 and 1024²); nullopt for zero,
// another unit or a number too large.
std::optional<std::uint64_t> parse_upload_rate(const std::string& text);

// A published version: digits only, 1 or more; nullopt otherwise.
std::optional<std::uint64_t> parse_version_number(const std::string& text);

} // namespace hallboard
