// Reading the screen config field staff write by its key table (screen_config_keys.cpp), and the theme it names.
#include "player/config/screen_config.h"

#include "player/config/config_values.h"
#include "player/config/screen_config_keys.h"

#include <algorithm>
#include <charconv>

namespace hallboard {

using namespace config_detail;
using namespace std::chrono_literals;

namespace {

// The part of a dotted key before the dot; empty for a top-level key.
std::string_view section_of(std::string_view key)
{
    auto dot = key.find('.');
    return dot == std::string_view::npos ? std::string_view() : key.substr(0, dot);
}

// The key as written inside its section.
std::string_view name_of(std::string_view key)
{
    return key.substr(key.find('.') + 1);
}

ScreenConfigSection const* section_rules(std::string_view name)
{
    for (auto const& section : screen_config_sections()) {
        if (section.name == name)
            return &section;
    }
    return nullptr;
}

// Reads a config by the key table: the top-level keys and each section's keys are checked
// against it, then every row reads its key, in the table's order.
class ScreenConfigParser {
public:
    ScreenConfigParser(YamlFile& file, std::filesystem::path folder)
        : m_file(file)
        , m_folder(std::move(folder))
    {
    }

    // Fills `config` from `root`; the caller decides success by the error count.
    void parse(const YAML::Node& root, ScreenConfig& config)
    {
        if (!m_file.expect_map(root, "a screen config"))
            return;
        auto keys = screen_config_keys();
        std::vector<std::string_view> top_level;
        for (auto const& row : keys) {
            auto name = section_of(row.key).empty() ? row.key : section_of(row.key);
            if (std::find(top_level.begin(), top_level.end(), name) == top_level.end())
                top_level.push_back(name);
        }
        m_file.check_keys(root, top_level, "the screen config");

        for (size_t first = 0; first < keys.size();) {
            auto name = section_of(keys[first].key);
            if (name.empty()) {
                read(keys[first], root, config);
                ++first;
                continue;
            }
            size_t end = first + 1;
            while (end < keys.size() && section_of(keys[end].key) == name)
                ++end;
            read_section(name, keys.subspan(first, end - first), root, config);
            first = end;
        }
    }

private:
    void read_section(
        std::string_view name, std::span<const ScreenConfigKey> rows, const YAML::Node& root, ScreenConfig& config)
    {
        auto const* rules = section_rules(name);
        auto node = lookup(root, name);
        if (!node) {
            if (rules && rules->presence == Presence::Required)
                m_file.error(
                    root, "missing required section '" + std::string(name) + "'", std::string(rules->missing_hint));
            return;
        }
        if (!m_file.expect_map(*node, "'" + std::string(name) + "'"))
            return;
        std::vector<std::string_view> names;
        for (auto const& row : rows)
            names.push_back(name_of(row.key));
        m_file.check_keys(*node, names, "'" + std::string(name) + "'");
        if (rules && rules->check)
            rules->check(m_file, *node);
        for (auto const& row : rows)
            read(row, *node, config);
    }

    void read(const ScreenConfigKey& row, const YAML::Node& map, ScreenConfig& config)
    {
        row.field.read(KeyReader { m_file, map, name_of(row.key), m_folder }, config);
    }

    YamlFile& m_file;
    std::filesystem::path m_folder;
};

// Loads the theme the config names, reporting its problems under the theme file's own name
// (the config's folder as the user wrote it, joined with the theme path).
void load_named_theme(
    const YAML::Node& root, const std::filesystem::path& config_path, YamlFile& file, ScreenConfig& config)
{
    if (config.theme_file.empty()) {
        config.theme = default_theme();
        return;
    }
    std::error_code error;
    if (!std::filesystem::is_regular_file(config.theme_file, error)) {
        file.error(root[std::string(theme_key)], "theme file not found: " + config.theme_file.string(),
            "relative paths start at the folder of " + file.name());
        return;
    }
    auto theme_value = std::filesystem::path(std::string(trim(root[std::string(theme_key)].Scalar())));
    auto display
        = theme_value.is_absolute() ? theme_value : (config_path.parent_path() / theme_value).lexically_normal();
    // Read through the display path when it names the same file (it does unless the process
    // changed folder since); the absolute path is always right.
    auto read_from = std::filesystem::equivalent(display, config.theme_file, error) ? display : config.theme_file;
    if (auto theme = load_theme(read_from, file.diagnostics()))
        config.theme = std::move(*theme);
}

} // namespace

std::optional<ScreenSize> parse_screen_size(std::string_view text)
{
    auto x = text.find('x');
    if (x == std::string_view::npos)
        return std::nullopt;
    auto number = [](std::string_view digits) -> std::optional<int> {
        int value = 0;
        if (digits.empty() || digits.front() == '+' || digits.front() == '-')
            return std::nullopt;
        auto result = std::from_chars(digits.data(), digits.data() + digits.size(), value);
        if (result.ec != std::errc() || result.ptr != digits.data() + digits.size() || value < 64 || value > 16384)
            return std::nullopt;
        return value;
    };
    auto width = number(text.substr(0, x));
    auto height = number(text.substr(x + 1));
    if (!width || !height)
        return std::nullopt;
    return ScreenSize { *width, *height };
}

std::optional<ScreenConfig> parse_screen_config(
    std::string_view yaml_text, const std::filesystem::path& path, Diagnostics& diagnostics)
{
    YamlFile file(path.string(), diagnostics);
    int errors_before = diagnostics.error_count();
    ScreenConfig config;
    std::error_code error;
    auto absolute = std::filesystem::absolute(path, error);
    config.file = (error ? path : absolute).lexically_normal();
    try {
        auto root = file.parse(yaml_text);
        if (!root)
            return std::nullopt;
        ScreenConfigParser(file, config.file.parent_path()).parse(*root, config);
        load_named_theme(*root, path, file, config);
    } catch (YAML::Exception const& exception) {
        // The readers index only mappings; this is a last line of defence, not a path we expect.
        diagnostics.error({ file.name(), exception.mark.line + 1, exception.mark.column + 1 }, exception.msg);
    } catch (std::filesystem::filesystem_error const& exception) {
        diagnostics.error({ file.name(), 0, 0 }, exception.what());
    }
    if (diagnostics.error_count() != errors_before)
        return std::nullopt;
    return config;
}

std::optional<ScreenConfig> load_screen_config(const std::filesystem::path& path, Diagnostics& diagnostics)
{
    YamlFile file(path.string(), diagnostics);
    auto text = file.read(path);
    if (!text)
        return std::nullopt;
    return parse_screen_config(*text, path, diagnostics);
}

} // namespace hallboard
