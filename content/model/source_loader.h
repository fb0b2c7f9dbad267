// Loads and validates a content source directory (channel.yaml, notices/*.yaml, assets/).
#pragma once

#include "base/diagnostics.h"
#include "content/model/notice.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace hallboard {

inline constexpr std::uintmax_t max_asset_bytes = 20 * 1024 * 1024; // a 4K poster PNG fits easily
inline constexpr int max_notice_files = 1000;

// Loads every notice of the source at `root`. Problems are reported to `diagnostics`, all of
// them in one run; the returned source holds the notices that are valid, so a player can
// keep showing those. Returns nullopt only when `root` is not a content source at all.
std::optional<ContentSource> load_content_source(const std::filesystem::path& root, Diagnostics& diagnostics);

// Loads like load_content_source, but names its files as the user can open them from where the
// command ran ("content/demo/notices/a.yaml", not "notices/a.yaml").
std::optional<ContentSource> load_content_source_as_given(const std::filesystem::path& root, Diagnostics& diagnostics);

// Parses the text of one notice file. `display_name` is used in messages
// ("notices/tariff.yaml"). Asset paths are checked for form only; `load_content_source`
// also checks that they exist inside assets/.
std::optional<Notice> parse_notice(std::string_view yaml_text, const std::string& display_name,
    const ChannelDefaults& defaults, Diagnostics& diagnostics);

// Parses channel.yaml's text.
std::optional<ChannelDefaults> parse_channel(
    std::string_view yaml_text, const std::string& display_name, Diagnostics& diagnostics);

// Checks that `relative` names a regular PNG or JPEG file inside root/assets/, reached
// without leaving it (no "..", no absolute path, no symlink pointing out), within the size bound.
bool check_asset(const std::filesystem::path& root, const std::string& relative, const SourceLocation& where,
    Diagnostics& diagnostics);

// True when `directory` looks like a content source (has a notices/ folder).
bool is_content_source(const std::filesystem::path& directory);

} // namespace hallboard
