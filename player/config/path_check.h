// `hallboard check PATH`: what a path is (content source folder, screen config, theme, notice,
// channel.yaml), checked as that; and what the layout check (`--size`) needs from all of them.
#pragma once

#include "content/model/content_check.h"
#include "player/config/screen_config.h"
#include "player/config/theme.h"

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hallboard {

// Everything a check run has found so far: its report, and what `--size` lays out afterwards.
struct CheckRun {
    CheckReport report;
    std::vector<ContentSource> sources; // every content source checked, a screen config's included
    std::optional<Theme> theme;         // of the first screen config or theme checked
    std::vector<std::pair<std::string, SourceLocation>> halls; // screen.hall of each config, for the header check
    std::vector<std::string> server_configs; // configs whose content comes from a server: nothing local to lay out
};

// Checks `path` as the kind of file or folder it is (guess_file_kind); a path that is neither
// is an error.
void check_path(const std::filesystem::path& path, const ContentCheckOptions& options, CheckRun& run);

// With --size and no content source at all, each server config gets a warning, because "laid
// out 0 slide(s)" would read as a pass: a server's content is not here to lay out.
void warn_nothing_to_lay_out(CheckRun& run, ScreenSize size);

} // namespace hallboard
