// Telling a screen config, a theme, a notice and a channel file apart, for `hallboard check`.
#include "player/config/screen_config.h"

#include "content/model/yaml_support.h"

#include <fstream>
#include <iterator>

namespace hallboard {

// When the text says nothing (a syntax error, no telling key), the usual folder decides, so
// that a broken notice is still checked as a notice and its error reported.
static FileKind kind_by_folder(const std::filesystem::path& path)
{
    auto folder = path.parent_path().filename();
    if (folder == "notices")
        return FileKind::Notice;
    if (folder == "themes")
        return FileKind::Theme;
    return FileKind::Unknown;
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
        return kind_by_folder(path);

    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (YAML::Exception const&) {
        return kind_by_folder(path);
    }
    if (!root.IsMap())
        return kind_by_folder(path);

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
