// Parsing `hallboard COMMAND [--option value] [positional...]`, and the loading every command shares.
#pragma once

#include "base/diagnostics.h"
#include "base/exit_status.h"
#include "content/model/notice.h"
#include "player/config/screen_config.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace hallboard {

struct CommandLine {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options; // "--size" -> "1920x1080"
    std::set<std::string> flags;                // "--once"

    bool has(const std::string& name) const { return options.count(name) || flags.count(name); }
    std::string option(const std::string& name, const std::string& fallback = {}) const;
};

struct OptionSpec {
    std::set<std::string> with_value; // options followed by a value
    std::set<std::string> flags;      // options standing alone
};

// Parses `arguments` (after the command word). Unknown options are reported on stderr with a
// hint and give nullopt.
std::optional<CommandLine> parse_command_line(const std::vector<std::string>& arguments, const OptionSpec& spec);

// The screen config named by --config, with its content source loaded. Diagnostics are
// printed; returns nullopt (after printing) when the config or the content is unusable.
// With ContentOrigin::SourceOrServer a config with content.server (and no --source) is
// accepted too: `content` is then null and the caller syncs from the server.
enum class ContentOrigin { SourceOnly, SourceOrServer };
struct LoadedScreen {
    ScreenConfig config;
    std::shared_ptr<const ContentSource> content;
};
std::optional<LoadedScreen> load_screen(
    const CommandLine& command_line, ContentOrigin origin = ContentOrigin::SourceOnly);

// Parses --at "2026-11-22 10:00" (or a bare date, meaning 00:00).
std::optional<LocalDateTime> parse_at_option(const CommandLine& command_line);

} // namespace hallboard
