// Telling a screen config, a theme, a notice and a channel file apart, for `hallboard check`.
#include "player/config/screen_config.h"

#include "content/model/yaml_support.h"

#include <fstream>
#include <string_view>
#include <iterator>

namespace hallboard {

// When the text cannot be parsed (a syntax error, GBK or UTF-16 bytes) its kind is still told,
// so that `check` reports the real error rather than "cannot tell": first by the top-level keys
// written at the start of a line (ASCII even in GBK; UTF-16 once its zero bytes are dropped),
// then by the usual names and folders.
static FileKind kind_by_top_level_keys(std::string text)
{
    std::erase(text, '\0');
    auto starts_key = [&](size_t at, std::string_view key) {
        if (text.compare(at, key.size(), key) != 0)
            return false;
        auto next = at + key.size();
        // ':' or the full-width '：' (EF BC 9A in UTF-8)
        return next < text.size() && (text[next] == ':' || text.compare(next, 3, "\xEF\xBC\x9A") == 0);
    };
    size_t at = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    while (at < text.size()) {
        for (auto key : { "screen", "display", "content" })
            if (starts_key(at, key))
                return FileKind::ScreenConfig;
        for (auto key : { "colors", "fonts", "sizes", "timing" })
            if (starts_key(at, key))
                return FileKind::Theme;
        for (auto key : { "kind", "id" })
            if (starts_key(at, key))
                return FileKind::Notice;
        auto end = text.find('\n', at);
        if (end == std::string::npos)
            break;
        at = end + 1;
    }
    return FileKind::Unknown;
}

static FileKind kind_by_folder(const std::filesystem::path& path)
{
    auto folder = path.parent_path().filename();
    if (folder == "notices")
        return FileKind::Notice;
    if (folder == "themes")
        return FileKind::Theme;
    // The package's /etc/hallboard/screen.yaml and the examples in config/.
    if (path.filename() == "screen.yaml" || folder == "hallboard" || folder == "config")
        return FileKind::ScreenConfig;
    return FileKind::Unknown;
}

static FileKind kind_of_unparsable(const std::filesystem::path& path, const std::string& text)
{
    auto kind = kind_by_top_level_keys(text);
    return kind != FileKind::Unknown ? kind : kind_by_folder(path);
}

FileKind guess_file_kind(const std::filesystem::path& path)
{
    // The name decides first: channel.yaml's keys (duration, tags, footer) are also a notice's.
    if (path.filename() == "channel.yaml")
        return FileKind::Channel;

    std::error_code error;
    auto size = std::filesystem::file_size(path, error);
    if (error || size > max_yaml_file_bytes)
        return FileKind::Unknown;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return FileKind::Unknown;
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!is_valid_utf8(text))
        return kind_of_unparsable(path, text);

    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (YAML::Exception const&) {
        return kind_of_unparsable(path, text);
    }
    if (!root.IsMap())
        return kind_of_unparsable(path, text);

    auto has = [&](char const* key) {
        YAML::Node const& map = root;
        return map[key].IsDefined();
    };
    if (has("screen") || has("display") || has("content"))
        return FileKind::ScreenConfig;
    if (has("colors") || has("fonts") || has("sizes") || has("timing"))
        return FileKind::Theme;
    if (has("kind") || has("id"))
        return FileKind::Notice;
    return kind_by_folder(path);
}

} // namespace hallboard
