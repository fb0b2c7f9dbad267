// Reading the screen config field staff write (formats.md section 3), and the theme it names.
#include "player/config/screen_config.h"

#include "player/config/base64.h"
#include "player/config/config_values.h"

#include <algorithm>
#include <charconv>

namespace hallboard {

using namespace config_detail;
using namespace std::chrono_literals;

namespace {

// Zones a Chinese utility is likely to mean, for a did-you-mean on a misspelt name.
const std::vector<std::string> common_time_zones = {
    "Asia/Shanghai", "Asia/Urumqi", "Asia/Hong_Kong", "Asia/Macau", "Asia/Taipei", "Asia/Chongqing", "Asia/Harbin", "UTC",
};

std::filesystem::path const zoneinfo_folder = "/usr/share/zoneinfo";

bool is_time_zone_name(std::string_view name)
{
    if (name.empty() || name.front() == '/' || name.back() == '/' || name.find("..") != std::string_view::npos)
        return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '_'
            || c == '-' || c == '+';
    });
}

// http(s)://host[:port][/path]: enough to catch the usual slips (no scheme, a space, a
// stray port) before the player spends its life polling a wrong address.
std::optional<std::string> check_server_url(std::string_view url)
{
    std::string_view rest;
    if (url.starts_with("http://"))
        rest = url.substr(7);
    else if (url.starts_with("https://"))
        rest = url.substr(8);
    else
        return std::nullopt;
    if (std::any_of(url.begin(), url.end(), [](char c) { return c == ' ' || c == '\t' || static_cast<unsigned char>(c) < 0x20; }))
        return std::nullopt;
    auto authority = rest.substr(0, rest.find_first_of("/?#"));
    if (authority.empty() || authority.find('@') != std::string_view::npos)
        return std::nullopt;
    std::string_view host = authority;
    if (authority.front() == '[') {
        auto close = authority.find(']');
        if (close == std::string_view::npos)
            return std::nullopt;
        host = authority.substr(0, close + 1);
        auto after = authority.substr(close + 1);
        if (!after.empty() && after.front() != ':')
            return std::nullopt;
    } else {
        host = authority.substr(0, authority.find(':'));
        bool host_ok = !host.empty() && std::all_of(host.begin(), host.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'
                || c == '_';
        });
        if (!host_ok)
            return std::nullopt;
    }
    if (host.size() < authority.size()) {
        auto port_text = authority.substr(host.size() + 1);
        int port = 0;
        auto result = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
        if (port_text.empty() || result.ec != std::errc() || result.ptr != port_text.data() + port_text.size() || port < 1
            || port > 65535)
            return std::nullopt;
    }
    // Without the trailing slash, "<server>/manifest.json" is always one slash.
    std::string normal(url);
    while (normal.back() == '/') // stops at the authority, which is not empty
        normal.pop_back();
    return normal;
}

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
        m_file.check_keys(root, { "screen", "display", "content", "theme", "timezone", "rotation" }, "the screen config");

        if (auto screen = section(root, "screen", Presence::Required))
            read_screen(*screen, config);
        if (auto display = section(root, "display", Presence::Optional))
            read_display(*display, config);
        if (auto content = section(root, "content", Presence::Required))
            read_content(*content, config);
        if (auto theme = m_file.text(root, "theme", Presence::Optional)) {
            if (trim(*theme).empty())
                m_file.error(root["theme"], "'theme' is empty", "name a theme file, e.g. ../themes/default.yaml");
            else
                config.theme_file = resolve_path(m_folder, std::string(trim(*theme)));
        }
        read_timezone(root, config);
        if (auto rotation = section(root, "rotation", Presence::Optional))
            read_rotation(*rotation, config);
    }

private:
    std::optional<YAML::Node> section(const YAML::Node& root, std::string_view key, Presence presence)
    {
        auto node = lookup(root, key);
        if (!node) {
            if (presence == Presence::Required) {
                std::string hint = key == "screen" ? "add screen: {id: ..., hall: ...}"
                                                   : "add content: with 'source: <folder>' or 'server: <URL>'";
                m_file.error(root, "missing required section '" + std::string(key) + "'", hint);
            }
            return std::nullopt;
        }
        if (!m_file.expect_map(*node, "'" + std::string(key) + "'"))
            return std::nullopt;
        return node;
    }

    void read_screen(const YAML::Node& screen, ScreenConfig& config)
    {
        m_file.check_keys(screen, { "id", "hall", "tags" }, "'screen'");
        if (auto id = m_file.text(screen, "id", Presence::Required)) {
            if (is_valid_identifier(*id))
                config.id = *id;
            else
                m_file.error(screen["id"], "screen id '" + *id + "' is not a valid id",
                    "use 1 to 64 lowercase letters, digits, '-' or '_', starting with a letter or digit, e.g. hz-chengxi-01");
        }
        if (auto hall = m_file.text(screen, "hall", Presence::Required)) {
            if (trim(*hall).empty())
                m_file.error(screen["hall"], "'hall' is empty", "write the hall's name as customers know it");
            else
                config.hall = std::string(trim(*hall));
        }
        if (auto tags = m_file.text_list(screen, "tags", Presence::Optional)) {
            for (auto const& tag : *tags) {
                auto word = trim(tag);
                if (word.empty()) {
                    m_file.error(screen["tags"], "'tags' has an empty tag");
                    continue;
                }
                if (std::find(config.tags.begin(), config.tags.end(), word) == config.tags.end())
                    config.tags.emplace_back(word);
            }
        }
    }

    void read_display(const YAML::Node& display, ScreenConfig& config)
    {
        m_file.check_keys(display, { "fullscreen", "index", "size", "rotate", "on_hours", "off_hours", "renderer" }, "'display'");
        if (auto fullscreen = read_switch(m_file, display, "fullscreen"))
            config.fullscreen = *fullscreen;
        if (auto index = read_integer(m_file, display, "index", 0, 15))
            config.display_index = *index;
        if (auto text = m_file.text(display, "size", Presence::Optional)) {
            if (auto size = parse_screen_size(trim(*text)))
                config.size = *size;
            else
                m_file.error(display["size"], "'size' must be width x height in pixels, like 1920x1080, not '" + *text + "'",
                    "write the two numbers with a lowercase x between them, each from 64 to 16384");
        }
        if (auto node = lookup(display, "rotate")) {
            auto text = m_file.scalar(*node, "'rotate'");
            int degrees = -1;
            if (text) {
                auto digits = trim(*text);
                auto result = std::from_chars(digits.data(), digits.data() + digits.size(), degrees);
                if (result.ec != std::errc() || result.ptr != digits.data() + digits.size())
                    degrees = -1;
            }
            if (degrees == 0 || degrees == 90 || degrees == 180 || degrees == 270)
                config.rotate = degrees;
            else if (text)
                m_file.error(*node, "'rotate' must be 0, 90, 180 or 270, not '" + *text + "'",
                    "degrees clockwise; 90 or 270 for a landscape panel mounted as a portrait screen");
        }
        if (auto node = lookup(display, "on_hours"))
            read_on_hours(*node, config);
        if (auto text = m_file.text(display, "renderer", Presence::Optional)) {
            auto word = trim(*text);
            if (word == "auto")
                config.renderer = RendererSetting::Auto;
            else if (word == "gpu")
                config.renderer = RendererSetting::Gpu;
            else if (word == "software")
                config.renderer = RendererSetting::Software;
            else {
                auto hint = did_you_mean(word, { "auto", "gpu", "software" });
                if (hint.empty())
                    hint = "auto picks the GPU when there is a real one; software never touches OpenGL";
                m_file.error(display["renderer"], "'renderer' must be auto, gpu or software, not '" + *text + "'", hint);
            }
        }
        read_off_hours(display, config);
    }

    void read_off_hours(const YAML::Node& display, ScreenConfig& config)
    {
        auto text = m_file.text(display, "off_hours", Presence::Optional);
        if (!text)
            return;
        auto word = trim(*text);
        if (word == "blank") {
            config.off_hours = OffHours::Blank;
        } else if (word == "clock") {
            config.off_hours = OffHours::DimmedClock;
        } else {
            auto hint = did_you_mean(word, { "blank", "clock" });
            if (hint.empty())
                hint = "blank: a black screen; clock: a dimmed clock on black";
            m_file.error(display["off_hours"], "'off_hours' must be blank or clock, not '" + *text + "'", hint);
            return;
        }
        if (!lookup(display, "on_hours"))
            m_file.warning(display["off_hours"], "'off_hours' has no effect without 'on_hours'",
                "the screen is always on; add on_hours: \"07:30-18:30\" to switch it off outside those hours");
    }

    void read_on_hours(const YAML::Node& node, ScreenConfig& config)
    {
        // One string of comma-separated ranges as formats.md shows; a YAML list of them works too.
        std::vector<std::pair<std::string, YAML::Node>> texts;
        if (node.IsSequence()) {
            for (auto const& item : node) {
                if (auto text = m_file.scalar(item, "an item of 'on_hours'"))
                    texts.emplace_back(*text, item);
            }
        } else if (auto text = m_file.scalar(node, "'on_hours'")) {
            texts.emplace_back(*text, node);
        }
        for (auto const& [text, where] : texts) {
            std::string_view rest = text;
            while (true) {
                auto comma = rest.find(',');
                auto piece = trim(rest.substr(0, comma));
                auto range = parse_time_range(piece);
                if (!range) {
                    m_file.error(where, "'on_hours' has a malformed time range '" + std::string(piece) + "'",
                        "write HH:MM-HH:MM ranges separated by commas, in quotes: \"07:30-12:00, 13:30-18:30\"");
                } else {
                    config.on_hours.push_back(*range);
                }
                if (comma == std::string_view::npos)
                    break;
                rest.remove_prefix(comma + 1);
            }
        }
    }

    void read_content(const YAML::Node& content, ScreenConfig& config)
    {
        m_file.check_keys(content, { "server", "source", "poll", "heartbeat", "cache", "public_key" }, "'content'");
        auto server_node = lookup(content, "server");
        auto source_node = lookup(content, "source");
        if (server_node && source_node) {
            m_file.error(*source_node, "'content' has both 'server' and 'source'",
                "keep one: 'server' to pull published content, 'source' to play a local content folder");
        } else if (!server_node && !source_node) {
            m_file.error(content, "'content' needs 'server' or 'source'",
                "add 'source: ../content/demo' for a local folder, or 'server: http://host:8080' for published content");
        }
        bool server_ok = false;
        if (server_node) {
            if (auto text = m_file.scalar(*server_node, "'server'")) {
                auto url = trim(*text);
                if (auto normal = check_server_url(url)) {
                    config.server = *normal;
                    server_ok = true;
                } else {
                    bool no_scheme = url.find("://") == std::string_view::npos;
                    m_file.error(*server_node, "'server' must be a web address starting with http:// or https://, not '" + *text + "'",
                        no_scheme ? "add the scheme: http://" + std::string(url) : "");
                }
            }
        }
        if (source_node) {
            if (auto text = m_file.scalar(*source_node, "'source'")) {
                if (trim(*text).empty())
                    m_file.error(*source_node, "'source' is empty");
                else
                    config.source = resolve_path(m_folder, std::string(trim(*text)));
            }
        }
        if (auto poll = read_duration(m_file, content, "poll", 1s, 60min))
            config.poll = *poll;
        read_heartbeat(content, config, source_node && !server_node);
        if (auto cache = m_file.text(content, "cache", Presence::Optional)) {
            if (trim(*cache).empty())
                m_file.error(content["cache"], "'cache' is empty");
            else
                config.cache = resolve_path(m_folder, std::string(trim(*cache)));
        }
        if (auto key_node = lookup(content, "public_key")) {
            if (read_public_key(*key_node, config) && source_node && !server_node)
                m_file.warning(*key_node, "'public_key' has no effect with a local 'source'",
                    "signatures are checked only on content pulled from a 'server'");
        } else if (server_ok && !source_node) {
            m_file.warning(*server_node, "no 'public_key': unsigned content from this server will be accepted",
                "add the publisher's public_key so that only signed content is shown");
        }
    }

    // Our extension to formats.md: the server judges staleness from the interval each screen
    // reports, so a short one (tests, labs) needs nothing set on the server or in `screens`.
    void read_heartbeat(const YAML::Node& content, ScreenConfig& config, bool local_source)
    {
        auto interval = read_duration(m_file, content, "heartbeat", 1s, 60min);
        if (!interval)
            return;
        if (*interval % 1s != 0ms) {
            auto whole = std::chrono::duration_cast<std::chrono::seconds>(*interval);
            m_file.error(content["heartbeat"],
                "'heartbeat' must be whole seconds, not " + std::string(trim(content["heartbeat"].Scalar())),
                "a heartbeat carries its interval in seconds: write e.g. " + format_duration(whole));
            return;
        }
        config.heartbeat = std::chrono::duration_cast<std::chrono::seconds>(*interval);
        if (local_source)
            m_file.warning(content["heartbeat"], "'heartbeat' has no effect with a local 'source'",
                "heartbeats go only to a 'server'");
    }

    bool read_public_key(const YAML::Node& node, ScreenConfig& config)
    {
        auto text = m_file.scalar(node, "'public_key'");
        if (!text)
            return false;
        auto key = trim(*text);
        auto bytes = decode_base64(key);
        if (!bytes) {
            m_file.error(node, "'public_key' is not valid base64 text",
                "copy the key exactly as the publisher printed it: 44 characters, ending in '='");
            return false;
        }
        if (bytes->size() != 32) {
            m_file.error(node,
                "'public_key' decodes to " + std::to_string(bytes->size()) + " bytes; an Ed25519 public key has 32",
                "copy the key exactly as the publisher printed it: 44 characters, ending in '='");
            return false;
        }
        config.public_key = std::string(key);
        return true;
    }

    void read_timezone(const YAML::Node& root, ScreenConfig& config)
    {
        auto text = m_file.text(root, "timezone", Presence::Optional);
        if (!text)
            return;
        auto name = trim(*text);
        if (!is_time_zone_name(name)) {
            m_file.error(root["timezone"], "'timezone' must be a time zone name like Asia/Shanghai, not '" + *text + "'");
            return;
        }
        config.timezone = std::string(name);
        std::error_code error;
        if (!std::filesystem::is_regular_file(zoneinfo_folder / config.timezone, error)) {
            auto hint = did_you_mean(name, common_time_zones);
            if (hint.empty())
                hint = "check the spelling (Asia/Shanghai), or install the tzdata package";
            m_file.warning(root["timezone"],
                "time zone '" + config.timezone + "' is not installed on this machine (" + (zoneinfo_folder / config.timezone).string()
                    + " not found)",
                hint);
        }
    }

    void read_rotation(const YAML::Node& rotation, ScreenConfig& config)
    {
        m_file.check_keys(rotation, { "transition", "transition_time", "default_duration" }, "'rotation'");
        if (auto text = m_file.text(rotation, "transition", Presence::Optional)) {
            auto word = trim(*text);
            if (word == "fade")
                config.transition = Transition::Fade;
            else if (word == "slide")
                config.transition = Transition::Slide;
            else if (word == "cut")
                config.transition = Transition::Cut;
            else {
                auto hint = did_you_mean(word, { "fade", "slide", "cut" });
                m_file.error(rotation["transition"], "'transition' must be fade, slide or cut, not '" + *text + "'", hint);
            }
        }
        if (auto time = read_duration(m_file, rotation, "transition_time", 0ms, 5s))
            config.transition_time = *time;
        if (auto duration = read_duration(m_file, rotation, "default_duration", 1s, 60min))
            config.default_duration = *duration;
    }

    YamlFile& m_file;
    std::filesystem::path m_folder;
};

// Loads the theme the config names, reporting its problems under the theme file's own name
// (the config's folder as the user wrote it, joined with the theme path).
void load_named_theme(const YAML::Node& root, const std::filesystem::path& config_path, YamlFile& file, ScreenConfig& config)
{
    if (config.theme_file.empty()) {
        config.theme = default_theme();
        return;
    }
    std::error_code error;
    if (!std::filesystem::is_regular_file(config.theme_file, error)) {
        file.error(root["theme"], "theme file not found: " + config.theme_file.string(),
            "relative paths start at the folder of " + file.name());
        return;
    }
    auto theme_value = std::filesystem::path(std::string(trim(root["theme"].Scalar())));
    auto display = theme_value.is_absolute() ? theme_value : (config_path.parent_path() / theme_value).lexically_normal();
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

std::optional<ScreenConfig> parse_screen_config(std::string_view yaml_text, const std::filesystem::path& path,
    Diagnostics& diagnostics)
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
