// Decoding standard base64 (RFC 4648, "+/" alphabet), as public keys are written in screen configs.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace hallboard {

// The bytes `text` encodes, or nullopt when it is not base64. '=' padding may be left out;
// characters outside the alphabet (spaces and line breaks included) are refused.
std::optional<std::vector<std::uint8_t>> decode_base64(std::string_view text);

} // namespace hallboard
