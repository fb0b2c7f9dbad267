// Edits to the screen config or its theme while the screen plays: which apply live, and when
// the player has to restart in place to apply them.
#pragma once

#include "player/config/config_watcher.h"
#include "player/config/screen_config.h"

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>

namespace hallboard {

enum class ConfigAction {
    Nothing,   // no edit, an edit that changes nothing, or one that does not load (logged)
    ApplyLive, // show `config` from the next frame on
    Restart,   // a setting made once at start changed: stop, to be started again
};

struct ConfigStep {
    ConfigAction action = ConfigAction::Nothing;
    std::shared_ptr<const ScreenConfig> config; // ApplyLive: the config to show
};

// Render thread only: the play loop calls poll() every turn; it looks at the files at most
// every ConfigWatcher::check_interval. Logs its diagnostics and decisions itself.
class ConfigReload {
public:
    // `in_force`: the config just loaded. `pinned_source`: a content source given on the
    // command line, which stays in force whatever an edited file says.
    ConfigReload(ScreenConfig in_force, std::optional<std::filesystem::path> pinned_source);

    // `showing`: the config the screen shows now (what an edit is compared with).
    ConfigStep poll(std::chrono::steady_clock::time_point now, const ScreenConfig& showing);

private:
    ConfigWatcher m_watcher;
    std::optional<std::filesystem::path> m_pinned_source;
};

} // namespace hallboard
