// Typed readers for config values: each reports a plain-language message at the value's place.
#include "player/config/config_values.h"

#include "base/local_time.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <vector>

namespace hallboard::config_detail {

std::optional<YAML::Node> lookup(const YAML::Node& map, std::string_view key)
{
    if (!map.IsMap())
        return std::nullopt;
    YAML::Node node = map[std::string(key)];
    if (!node.IsDefined() || node.IsNull())
        return std::nullopt;
    return node;
}

void check_duplicate_keys(YamlFile& file, const YAML::Node& map, std::string_view what)
{
    std::vector<std::string> seen;
    for (auto const& entry : map) {
        if (!entry.first.IsScalar())
            continue;
        auto const& key = entry.first.Scalar();
        if (std::find(seen.begin(), seen.end(), key) == seen.end()) {
            seen.push_back(key);
            continue;
        }
        file.error(entry.first, "'" + key + "' appears twice in " + std::string(what),
            "remove one of them; only the first one would be used");
    }
}

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

static std::string quoted(std::string_view key)
{
    return "'" + std::string(key) + "'";
}

std::string format_number(double value)
{
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::string format_duration(std::chrono::milliseconds duration)
{
    auto ms = duration.count();
    if (ms != 0 && ms % 3600000 == 0)
        return std::to_string(ms / 3600000) + "h";
    if (ms != 0 && ms % 60000 == 0)
        return std::to_string(ms / 60000) + "m";
    if (ms % 1000 == 0)
        return std::to_string(ms / 1000) + "s";
    return std::to_string(ms) + "ms";
}

std::optional<double> read_number(
    YamlFile& file, const YAML::Node& map, std::string_view key, double min, double max, std::string_view unit)
{
    auto found = lookup(map, key);
    if (!found)
        return std::nullopt;
    auto const& node = *found;
    auto text = file.scalar(node, quoted(key));
    if (!text)
        return std::nullopt;
    auto digits = trim(*text);
    double value = 0;
    auto result = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || result.ec != std::errc() || result.ptr != digits.data() + digits.size()
        || !std::isfinite(value)) {
        file.error(node, quoted(key) + " must be a number, not '" + *text + "'",
            digits.find(',') != std::string_view::npos ? "write decimals with a point: 0.5" : "");
        return std::nullopt;
    }
    if (value < min || value > max) {
        std::string message = quoted(key) + " must be between " + format_number(min) + " and " + format_number(max);
        if (!unit.empty())
            message += " " + std::string(unit);
        file.error(node, message + ", not " + std::string(digits));
        return std::nullopt;
    }
    return value;
}

std::optional<int> read_integer(YamlFile& file, const YAML::Node& map, std::string_view key, int min, int max)
{
    auto found = lookup(map, key);
    if (!found)
        return std::nullopt;
    auto const& node = *found;
    auto text = file.scalar(node, quoted(key));
    if (!text)
        return std::nullopt;
    auto digits = trim(*text);
    int value = 0;
    auto result = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || result.ec != std::errc() || result.ptr != digits.data() + digits.size()) {
        file.error(node, quoted(key) + " must be a whole number, not '" + *text + "'");
        return std::nullopt;
    }
    if (value < min || value > max) {
        file.error(node,
            quoted(key) + " must be between " + std::to_string(min) + " and " + std::to_string(max) + ", not "
                + std::to_string(value));
        return std::nullopt;
    }
    return value;
}

std::optional<bool> read_switch(YamlFile& file, const YAML::Node& map, std::string_view key)
{
    auto found = lookup(map, key);
    if (!found)
        return std::nullopt;
    auto const& node = *found;
    auto text = file.scalar(node, quoted(key));
    if (!text)
        return std::nullopt;
    std::string word(trim(*text));
    std::transform(word.begin(), word.end(), word.begin(),
        [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
    // YAML 1.1's spellings, which yaml-cpp also accepts, so that a field engineer's "yes" works.
    if (word == "true" || word == "yes" || word == "on")
        return true;
    if (word == "false" || word == "no" || word == "off")
        return false;
    file.error(node, quoted(key) + " must be true or false, not '" + *text + "'");
    return std::nullopt;
}

// "0s", "0ms", "0.0s": notice durations must be positive, but a transition may take no time.
static bool is_zero_duration(std::string_view text)
{
    size_t i = 0;
    while (i < text.size() && text[i] == '0')
        ++i;
    if (i == 0)
        return false;
    if (i < text.size() && text[i] == '.') {
        size_t fraction = ++i;
        while (i < text.size() && text[i] == '0')
            ++i;
        if (i == fraction)
            return false;
    }
    auto unit = text.substr(i);
    return unit == "ms" || unit == "s" || unit == "m" || unit == "h";
}

std::optional<std::chrono::milliseconds> read_duration(YamlFile& file, const YAML::Node& map, std::string_view key,
    std::chrono::milliseconds min, std::chrono::milliseconds max)
{
    auto found = lookup(map, key);
    if (!found)
        return std::nullopt;
    auto const& node = *found;
    auto text = file.scalar(node, quoted(key));
    if (!text)
        return std::nullopt;
    auto duration = parse_duration(trim(*text));
    if (!duration && min.count() == 0 && is_zero_duration(trim(*text)))
        duration = std::chrono::milliseconds(0);
    if (!duration) {
        bool bare_number = !text->empty()
            && std::all_of(text->begin(), text->end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
        file.error(node, quoted(key) + " must be a duration like 8s, 1500ms or 2m, not '" + *text + "'",
            bare_number ? "add a unit: " + *text + "s for seconds" : "");
        return std::nullopt;
    }
    if (*duration < min || *duration > max) {
        file.error(node,
            quoted(key) + " must be between " + format_duration(min) + " and " + format_duration(max) + ", not "
                + std::string(trim(*text)));
        return std::nullopt;
    }
    return duration;
}

std::filesystem::path resolve_path(const std::filesystem::path& folder, const std::string& value)
{
    std::filesystem::path path(value);
    if (path.is_relative())
        path = folder / path;
    path = path.lexically_normal();
    // "demo/" and "demo" are the same folder; without the slash, filename() names it.
    if (!path.has_filename() && path.has_relative_path())
        path = path.parent_path();
    return path;
}

bool is_valid_identifier(std::string_view text)
{
    if (text.empty() || text.size() > 64)
        return false;
    auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!lower_or_digit(text[0]))
        return false;
    return std::all_of(text.begin() + 1, text.end(), [&](char c) { return lower_or_digit(c) || c == '_' || c == '-'; });
}

} // namespace hallboard::config_detail
