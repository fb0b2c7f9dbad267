// The screen config field staff write: which hall, which display, where content comes from.
#pragma once

#include "base/diagnostics.h"
#include "base/local_time.h"
#include "player/config/theme.h"
#include "player/config/weekly_hours.h"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hallboard {

struct ScreenSize {
    int width = 1920;
    int height = 1080;
    bool operator==(const ScreenSize&) const = default;
};

enum class Transition { Fade, Slide, Cut };

// display.renderer: how frames reach the screen (see docs/screen-config.md).
enum class RendererSetting {
    Auto,     // the GPU when the machine has a real one, otherwise the software path
    Gpu,      // SDL's accelerated renderer (OpenGL), even when that is a CPU rasteriser
    Software, // SDL's software renderer on the window surface, presenting only what changed
};

// The words display.renderer takes (and `hallboard play --renderer`): the setting a word names,
// and the words as an error message lists them ("auto, gpu or software").
std::optional<RendererSetting> renderer_setting_named(std::string_view word);
std::string renderer_setting_words();

// display.off_hours: what the screen shows outside display.on_hours.
enum class OffHours {
    Blank,       // a black screen: nothing drawn, no CPU
    DimmedClock, // a dimmed clock on black, redrawn once a minute
};

struct ScreenConfig {
    std::filesystem::path file; // where it was read from; relative paths resolve against its folder

    std::string id;   // screen.id, required
    std::string hall; // screen.hall, required: shown in the header
    std::vector<std::string> tags;

    bool fullscreen = true;                           // display.fullscreen
    int display_index = 0;                            // display.index: which monitor
    ScreenSize size;                                  // display.size: window/render size when not fullscreen
    int rotate = 0;                                   // display.rotate: 0, 90, 180, 270
    WeeklyHours on_hours;                             // display.on_hours; default: always on
    RendererSetting renderer = RendererSetting::Auto; // display.renderer
    OffHours off_hours = OffHours::Blank;             // display.off_hours; only matters with on_hours

    std::string server;           // content.server: base URL; empty when source is set
    std::filesystem::path source; // content.source: local content source, absolute
    std::chrono::milliseconds poll { 30000 };
    std::chrono::seconds heartbeat {
        60
    }; // content.heartbeat: our extension; the server calls a screen stale after three
    std::filesystem::path cache { "/var/lib/hallboard" };
    std::string public_key;      // content.public_key, base64; required with a server unless allow_unsigned
    bool allow_unsigned = false; // content.allow_unsigned: a server's unsigned content is accepted (tests, labs)

    std::filesystem::path theme_file; // absolute; empty: built-in default theme
    Theme theme;                      // loaded from theme_file, or the default
    std::string timezone;             // empty: the system's

    Transition transition = Transition::Fade;
    std::chrono::milliseconds transition_time { 600 };
    std::optional<std::chrono::milliseconds> default_duration; // rotation.default_duration
};

// Parses and validates a screen config file, and loads the theme it names. Every problem
// goes to `diagnostics` with file:line:col; returns nullopt when there is any error.
std::optional<ScreenConfig> load_screen_config(const std::filesystem::path& path, Diagnostics& diagnostics);
std::optional<ScreenConfig> parse_screen_config(
    std::string_view yaml_text, const std::filesystem::path& path, Diagnostics& diagnostics);

// Which kind of Hallboard file this is, judged by its top-level keys (for `hallboard check`):
// screen/display/content: a screen config; colors/fonts/sizes/timing: a theme; kind or id: a
// notice; a file named channel.yaml: a channel. When the file cannot be parsed or has none of
// these keys, a parent folder named notices/ or themes/ decides; otherwise Unknown.
enum class FileKind { ScreenConfig, Theme, Notice, Channel, Unknown };
FileKind guess_file_kind(const std::filesystem::path& path);

std::optional<ScreenSize> parse_screen_size(std::string_view text); // "1920x1080"

} // namespace hallboard
