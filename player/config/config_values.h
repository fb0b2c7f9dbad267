// Typed readers for screen-config and theme values (numbers with ranges, durations, switches,
// paths), on top of YamlFile. Internal to the config module.
#pragma once

#include "content/model/yaml_support.h"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace hallboard::config_detail {

// The value at `map[key]` when `map` is a mapping and the value is present and not null.
std::optional<YAML::Node> lookup(const YAML::Node& map, std::string_view key);

// Reports each key given twice in `map`, as YamlFile::check_keys does, for the mappings whose
// allowed keys come from a table rather than a fixed list (the theme's colours).
void check_duplicate_keys(YamlFile& file, const YAML::Node& map, std::string_view what);

// A number in [min, max]; nullopt without a message when the key is absent, with one when
// it is malformed or out of range. `unit` ends the range message, e.g. "of the screen's short side".
std::optional<double> read_number(
    YamlFile& file, const YAML::Node& map, std::string_view key, double min, double max, std::string_view unit = {});
std::optional<int> read_integer(YamlFile& file, const YAML::Node& map, std::string_view key, int min, int max);
std::optional<bool> read_switch(YamlFile& file, const YAML::Node& map, std::string_view key);
std::optional<std::chrono::milliseconds> read_duration(YamlFile& file, const YAML::Node& map, std::string_view key,
    std::chrono::milliseconds min, std::chrono::milliseconds max);

// "8s", "600ms", "2m": the shortest way to write `duration` in a config file.
std::string format_duration(std::chrono::milliseconds duration);
// Shortest round-trip decimal text of `value` ("0.5", "1.35").
std::string format_number(double value);

// `value` resolved against `folder` when relative, lexically normalised. The file system is
// not consulted: the path need not exist.
std::filesystem::path resolve_path(const std::filesystem::path& folder, const std::string& value);

// [a-z0-9][a-z0-9_-]{0,63}: the identifier rule shared by notices and screens.
bool is_valid_identifier(std::string_view text);

// `text` without leading and trailing spaces and tabs.
std::string_view trim(std::string_view text);

} // namespace hallboard::config_detail
