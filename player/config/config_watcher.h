// Noticing an edited screen config or theme file while the player runs, and which changes apply live.
#pragma once

#include "base/diagnostics.h"
#include "player/config/screen_config.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hallboard {

// The keys that differ between two configs, by their YAML names ("screen.hall", "theme",
// "content.poll"), in the order they appear in a config file.
//
// live: the render loop applies them to the running screen; they only change what is drawn
//   and when, from the next frame or slide on.
// restart: the player restarts itself in place to apply them: the window, the renderer, the
//   sync thread, the heartbeat sender and the cache are set up once.
//
// Which keys are which is the Apply of each row of the key table (screen_config_keys.cpp): a
// field added to ScreenConfig with its row there is compared here too.
struct ConfigChanges {
    std::vector<std::string> live;
    std::vector<std::string> restart;

    bool empty() const { return live.empty() && restart.empty(); }
};
ConfigChanges compare_configs(const ScreenConfig& in_force, const ScreenConfig& next);

// Watches the file of the config in force and the theme file it names, for the render loop
// to call every frame. Pure: no thread, no SDL; the caller passes the time, the check itself
// is a real stat() of the two files.
//
// - poll() looks at the files at most once per check_interval; calls in between return at
//   once without touching the file system. The first call checks.
// - A change (mtime to the nanosecond, size, inode or device differ) is acted on only when
//   the next check finds the same stat again, so that a file an editor is still writing is not
//   read half-written. A missing file is such a change too (an editor deletes, then writes).
// - Acting reads the files; when their bytes hash the same as those last acted on (a touch,
//   or a save without an edit), nothing happens. Otherwise the config is loaded again.
// - A config that loads and differs from the one in force (compare_configs) is returned and
//   becomes the config in force; its warnings go to `diagnostics`. The watch follows its
//   theme file when it names another one.
// - A config that does not load leaves the one in force as it is: its errors (file:line:col)
//   go to `diagnostics` once, and are not reported again until one of the files is edited. The
//   watch moves to the theme file the broken config names, so that creating a missing theme
//   file is noticed.
// - A config file that stays missing is reported once ("was removed; keeping the config in
//   force"); restoring it counts as an edit.
//
// An edit is missed only when it keeps the size and inode and lands within the file system's
// timestamp granularity (a few milliseconds) of the previous one; the next save catches it.
//
// Construct it right after loading the config it watches: the files as they are then are taken
// to be what the config in force was read from.
class ConfigWatcher {
public:
    static constexpr std::chrono::seconds check_interval { 2 };

    explicit ConfigWatcher(ScreenConfig in_force);

    std::optional<ScreenConfig> poll(std::chrono::steady_clock::time_point now, Diagnostics& diagnostics);

    const ScreenConfig& in_force() const { return m_in_force; }
    // The theme file being watched: the one of the config in force, or the one a broken config
    // names (empty: none).
    const std::filesystem::path& watched_theme_file() const { return m_theme_file; }

private:
    // What stat() says about a file; two equal stamps mean "not changed" as far as a cheap
    // check can tell.
    struct FileStamp {
        bool exists = false;
        std::int64_t mtime_seconds = 0;
        std::int64_t mtime_nanoseconds = 0;
        std::int64_t size = 0;
        std::uint64_t inode = 0;
        std::uint64_t device = 0;
        bool operator==(const FileStamp&) const = default;
    };
    struct Stamps {
        FileStamp config;
        FileStamp theme;
        bool operator==(const Stamps&) const = default;
    };
    // Hashes of the bytes last acted on; nullopt: the file could not be read (or there is none).
    struct ContentHashes {
        std::optional<std::size_t> config;
        std::optional<std::size_t> theme;
        bool operator==(const ContentHashes&) const = default;
    };

    static FileStamp stamp_of(const std::filesystem::path& path);
    static std::optional<std::size_t> hash_of(const std::filesystem::path& path);
    Stamps current_stamps() const;
    void watch_theme(const std::filesystem::path& theme_file);
    std::optional<ScreenConfig> act_on_change(
        const std::optional<std::string>& text, Diagnostics& load_diagnostics, Diagnostics& diagnostics);

    ScreenConfig m_in_force;
    std::filesystem::path m_theme_file;
    Stamps m_settled;                // the stamps the current state was read from
    std::optional<Stamps> m_pending; // a change seen at the last check, waiting to hold still
    ContentHashes m_acted;
    std::optional<std::chrono::steady_clock::time_point> m_last_check;
};

} // namespace hallboard
