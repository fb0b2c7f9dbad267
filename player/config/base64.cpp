// A small strict base64 decoder: enough for a 32-byte key, with no library for one function.
#include "player/config/base64.h"

namespace hallboard {

static int sextet(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == '/')
        return 63;
    return -1;
}

std::optional<std::vector<std::uint8_t>> decode_base64(std::string_view text)
{
    // Padding, when present, completes the last group of four and nothing follows it.
    size_t padding_start = text.find('=');
    std::string_view data = text.substr(0, padding_start);
    if (padding_start != std::string_view::npos) {
        std::string_view padding = text.substr(padding_start);
        if (padding.size() > 2 || padding.find_first_not_of('=') != std::string_view::npos || text.size() % 4 != 0)
            return std::nullopt;
    }
    // A lone character in the last group carries only 6 bits: not a whole byte.
    if (data.size() % 4 == 1)
        return std::nullopt;

    std::vector<std::uint8_t> bytes;
    bytes.reserve(data.size() * 3 / 4);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (char c : data) {
        int value = sextet(c);
        if (value < 0)
            return std::nullopt;
        buffer = (buffer << 6) | static_cast<std::uint32_t>(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            bytes.push_back(static_cast<std::uint8_t>((buffer >> bits) & 0xff));
        }
    }
    // The bits left over must be zero, or two different texts would decode to the same key.
    if (bits > 0 && (buffer & ((1u << bits) - 1)) != 0)
        return std::nullopt;
    return bytes;
}

} // namespace hallboard
