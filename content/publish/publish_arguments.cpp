// Reading `hallboard publish`'s --limit-rate and --rollback values.
#include "content/publish/publish_arguments.h"

namespace hallboard {

std::optional<std::uint64_t> parse_upload_rate(const std::string& text)
{
    std::uint64_t value = 0;
    size_t i = 0;
    // The bound keeps value * 1024 * 1024 from overflowing.
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9' && value < (1ull << 40); ++i)
        value = value * 10 + static_cast<std::uint64_t>(text[i] - '0');
    if (i == 0 || value == 0)
        return std::nullopt;
    std::string unit = text.substr(i);
    if (unit.empty())
        return value;
    if (unit == "k" || unit == "K")
        return value * 1024;
    if (unit == "m" || unit == "M")
        return value * 1024 * 1024;
    return std::nullopt;
}

std::optional<std::uint64_t> parse_version_number(const std::string& text)
{
    // 18 digits always fit in 64 bits, so std::stoull cannot throw.
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    auto version = std::stoull(text);
    return version > 0 ? std::optional(version) : std::nullopt;
}

} // namespace hallboard
