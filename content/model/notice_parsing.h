// Internal to the content module: the pieces the notice parser is built from, shared by
// notice_parser.cpp, notice_fields.cpp, kind_parsers.cpp, asset_check.cpp and source_loader.cpp.
#pragma once

#include "content/model/notice.h"
#include "content/model/yaml_support.h"

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hallboard::parsing {

// An asset path as written in a notice, with where it was written, for the loader's file checks.
struct AssetReference {
    std::string path;
    SourceLocation where;
};

// What parsing one notice file found. The id is kept even when the notice has other errors so
// that the loader can still report ids used twice.
struct ParsedNotice {
    std::optional<Notice> notice; // nullopt when the file has any error
    std::string id;               // empty when missing or malformed
    SourceLocation id_at;
    std::vector<AssetReference> assets;
};

ParsedNotice parse_notice_file(std::string_view yaml_text, const std::string& display_name,
    const ChannelDefaults& defaults, Diagnostics& diagnostics);

// Adds the diagnostics of `from` to `to` sorted by line and column (stable), so that the
// messages about one file read from top to bottom like a compiler's.
void append_in_file_order(Diagnostics& to, const Diagnostics& from);

// True when the text holds nothing but comments and blank lines: a channel.yaml or calendar.yaml
// with everything commented out is a normal thing to have.
bool is_blank_yaml(std::string_view text);

// Text with surrounding ASCII whitespace removed: block scalars ("body: |") end in a newline
// that nobody means to show.
std::string tidy(std::string_view text);

// The value of `key` in `map`, or an undefined node. Never throws (const access only).
YAML::Node value_of(const YAML::Node& map, std::string_view key);
bool has_key(const YAML::Node& map, std::string_view key);

// Field readers. Absent optional fields give nullopt without an error; a present but invalid
// value is reported (at the value, with a hint) and gives nullopt. Callers decide validity by
// counting errors, so a reader may also return a partial value after reporting.
std::optional<std::string> read_text(YamlFile& file, const YAML::Node& map, std::string_view key, Presence presence,
    std::string_view hint_when_missing = {});
std::optional<std::vector<std::string>> read_text_list(YamlFile& file, const YAML::Node& map, std::string_view key,
    Presence presence, std::string_view hint_when_empty = {});
std::optional<std::chrono::milliseconds> read_duration(YamlFile& file, const YAML::Node& map, std::string_view key);
std::optional<Date> read_date(YamlFile& file, const YAML::Node& map, std::string_view key);

enum class DateOnlyMeans { StartOfDay, EndOfDay };
std::optional<LocalDateTime> read_date_time(
    YamlFile& file, const YAML::Node& map, std::string_view key, DateOnlyMeans date_only);

std::optional<std::vector<Weekday>> read_days(YamlFile& file, const YAML::Node& map);
std::optional<std::vector<TimeOfDayRange>> read_hours(YamlFile& file, const YAML::Node& map);
std::optional<std::vector<std::string>> read_tags(YamlFile& file, const YAML::Node& map);

// One of a fixed set of words; returns the index into `choices`.
std::optional<size_t> read_choice(
    YamlFile& file, const YAML::Node& map, std::string_view key, std::initializer_list<std::string_view> choices);

// An asset path (assets/...): its form is checked here, the file itself by check_asset.
std::optional<std::string> read_asset_path(YamlFile& file, const YAML::Node& map, std::string_view key,
    Presence presence, std::vector<AssetReference>& assets);

// What is wrong with a value, said for a non-programmer, and how to fix it.
struct Problem {
    std::string message;
    std::string hint;
};

// Why `relative` cannot name an asset, or nullopt when its form is fine.
std::optional<Problem> asset_path_problem(std::string_view relative);

// Calls `each` for every item of the list at `key`; reports a missing or non-list value and,
// when `presence` is Required, an empty list. Stops early when aliases blow the text budget.
// Returns false when the key is absent or not a list.
bool for_each_item(YamlFile& file, const YAML::Node& map, std::string_view key, Presence presence,
    std::string_view empty_hint, const std::function<void(const YAML::Node& item, int number)>& each);

// The kind blocks. Each reports its problems through `file`.
TariffTable parse_tariff(YamlFile& file, const YAML::Node& block);
Flow parse_flow(YamlFile& file, const YAML::Node& block);
Commitments parse_commitments(YamlFile& file, const YAML::Node& block);
Hotlines parse_hotlines(YamlFile& file, const YAML::Node& block, std::vector<AssetReference>& assets);
FreeText parse_free_text(YamlFile& file, const YAML::Node& block);
ImageSlide parse_image(YamlFile& file, const YAML::Node& block, std::vector<AssetReference>& assets);
TickerMessage parse_ticker(YamlFile& file, const YAML::Node& block);

} // namespace hallboard::parsing
