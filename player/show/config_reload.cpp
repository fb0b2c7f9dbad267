// Turning a config watcher's findings into a live change or a restart, with the log lines.
#include "player/show/config_reload.h"

#include "base/log.h"

#include <string>
#include <utility>
#include <vector>

namespace hallboard {

namespace {

std::string joined(const std::vector<std::string>& keys)
{
    std::string text;
    for (auto const& key : keys)
        text += (text.empty() ? "" : ", ") + key;
    return text;
}

} // namespace

ConfigReload::ConfigReload(ScreenConfig in_force, std::optional<std::filesystem::path> pinned_source)
    : m_watcher(std::move(in_force))
    , m_pinned_source(std::move(pinned_source))
{
}

ConfigStep ConfigReload::poll(std::chrono::steady_clock::time_point now, const ScreenConfig& showing)
{
    Diagnostics diagnostics;
    auto reloaded = m_watcher.poll(now, diagnostics);
    for (auto const& diagnostic : diagnostics.all())
        (diagnostic.severity == Severity::Error ? log_error : log_warning)("config: " + format_diagnostic(diagnostic));
    if (!reloaded) {
        if (diagnostics.error_count() > 0)
            log_error("config: the edited file is not used; the screen goes on with the config in force");
        return {};
    }
    if (m_pinned_source)
        reloaded->source = *m_pinned_source;
    auto changes = compare_configs(showing, *reloaded);
    if (!changes.restart.empty()) {
        log_info("config: " + joined(changes.restart) + " changed; restarting the player in place to apply it");
        return { ConfigAction::Restart, nullptr };
    }
    if (changes.live.empty())
        return {};
    log_info("config: applied " + joined(changes.live) + " (the show starts over with them)");
    return { ConfigAction::ApplyLive, std::make_shared<const ScreenConfig>(std::move(*reloaded)) };
}

} // namespace hallboard
