// Watching the screen config and theme files by stat(), reloading them once an edit holds still.
#include "player/config/config_watcher.h"

#include "content/model/yaml_support.h"
#include "player/config/config_values.h"
#include "player/config/screen_config_keys.h"

#include <fstream>
#include <functional>
#include <string_view>
#include <sys/stat.h>

namespace hallboard {

using namespace config_detail;

namespace {

// The theme file a config names, read without the rest of the config so that a broken config
// still says which theme file to watch; nullopt when the text is not even YAML.
std::optional<std::filesystem::path> theme_file_named_in(
    std::string_view text, const std::filesystem::path& config_file)
{
    Diagnostics ignored;
    YamlFile file(config_file.string(), ignored);
    auto root = file.parse(text);
    if (!root)
        return std::nullopt;
    try {
        if (!root->IsMap())
            return std::filesystem::path();
        auto node = lookup(*root, theme_key);
        if (!node || !node->IsScalar() || trim(node->Scalar()).empty())
            return std::filesystem::path();
        return resolve_path(config_file.parent_path(), std::string(trim(node->Scalar())));
    } catch (YAML::Exception const&) {
        return std::nullopt;
    }
}

// A load reports into a Diagnostics of its own first: a reload whose result changes nothing
// (a comment edited) must not repeat the warnings the config in force was started with.
void forward(const Diagnostics& from, Diagnostics& to)
{
    for (auto const& diagnostic : from.all()) {
        if (diagnostic.severity == Severity::Error)
            to.error(diagnostic.where, diagnostic.message, diagnostic.hint);
        else
            to.warning(diagnostic.where, diagnostic.message, diagnostic.hint);
    }
}

} // namespace

ConfigChanges compare_configs(const ScreenConfig& in_force, const ScreenConfig& next)
{
    ConfigChanges changes;
    for (auto const& row : screen_config_keys()) {
        if (row.field.differs(in_force, next))
            (row.apply == Apply::Live ? changes.live : changes.restart).emplace_back(row.key);
    }
    return changes;
}

ConfigWatcher::ConfigWatcher(ScreenConfig in_force)
    : m_in_force(std::move(in_force))
    , m_theme_file(m_in_force.theme_file)
{
    m_settled = current_stamps();
    m_acted = { hash_of(m_in_force.file), hash_of(m_theme_file) };
}

ConfigWatcher::FileStamp ConfigWatcher::stamp_of(const std::filesystem::path& path)
{
    struct stat info { };
    if (path.empty() || ::stat(path.c_str(), &info) != 0)
        return {};
    return { true, static_cast<std::int64_t>(info.st_mtim.tv_sec), static_cast<std::int64_t>(info.st_mtim.tv_nsec),
        static_cast<std::int64_t>(info.st_size), static_cast<std::uint64_t>(info.st_ino),
        static_cast<std::uint64_t>(info.st_dev) };
}

std::optional<std::size_t> ConfigWatcher::hash_of(const std::filesystem::path& path)
{
    if (path.empty())
        return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    // The loader refuses anything bigger, so there is no point in reading more of it.
    std::string bytes;
    char buffer[16384];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (bytes.size() > max_yaml_file_bytes)
            break;
    }
    return std::hash<std::string_view> {}(bytes);
}

ConfigWatcher::Stamps ConfigWatcher::current_stamps() const
{
    return { stamp_of(m_in_force.file), stamp_of(m_theme_file) };
}

void ConfigWatcher::watch_theme(const std::filesystem::path& theme_file)
{
    if (theme_file == m_theme_file)
        return;
    m_theme_file = theme_file;
    m_settled.theme = stamp_of(m_theme_file);
    m_acted.theme = hash_of(m_theme_file);
}

std::optional<ScreenConfig> ConfigWatcher::poll(std::chrono::steady_clock::time_point now, Diagnostics& diagnostics)
{
    if (m_in_force.file.empty())
        return std::nullopt;
    if (m_last_check && now - *m_last_check < check_interval)
        return std::nullopt;
    m_last_check = now;

    auto stamps = current_stamps();
    if (stamps == m_settled) {
        m_pending.reset(); // changed and changed back between two checks
        return std::nullopt;
    }
    if (stamps != m_pending) {
        m_pending = stamps;
        return std::nullopt;
    }
    m_pending.reset();
    auto previous = m_settled;
    m_settled = stamps;
    if (!stamps.config.exists) {
        diagnostics.error({ m_in_force.file.string(), 0, 0 },
            "screen config " + m_in_force.file.string() + " was removed; keeping the config in force",
            "put the file back; the player picks it up without a restart");
        return std::nullopt;
    }
    auto const& path = m_in_force.file;
    Diagnostics load_diagnostics;
    YamlFile file(path.string(), load_diagnostics);
    auto text = file.read(path);
    if (!text && !stamp_of(path).exists) {
        m_settled = previous; // gone while it was being read: an editor in the middle of a save
        return std::nullopt;
    }
    return act_on_change(text, load_diagnostics, diagnostics);
}

std::optional<ScreenConfig> ConfigWatcher::act_on_change(
    const std::optional<std::string>& text, Diagnostics& load_diagnostics, Diagnostics& diagnostics)
{
    auto const& path = m_in_force.file;
    // Hashed before the load reads the theme: an edit in between shows as a new stamp next check.
    ContentHashes hashes { text ? std::optional(std::hash<std::string_view> {}(*text)) : std::nullopt,
        hash_of(m_theme_file) };
    if (hashes == m_acted)
        return std::nullopt; // touched or saved unchanged
    m_acted = hashes;

    auto next = text ? parse_screen_config(*text, path, load_diagnostics) : std::nullopt;
    if (!next) {
        forward(load_diagnostics, diagnostics);
        if (text) {
            if (auto named = theme_file_named_in(*text, path))
                watch_theme(*named);
        }
        return std::nullopt;
    }
    watch_theme(next->theme_file);
    if (compare_configs(m_in_force, *next).empty())
        return std::nullopt; // a comment or the layout of the file changed, not a value
    forward(load_diagnostics, diagnostics);
    m_in_force = *next;
    return next;
}

} // namespace hallboard
