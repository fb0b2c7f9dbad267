// The path rules of a content source, shared by the change-set reader and the folder writer.
#include "content/desk/source_paths.h"

#include "content/model/notice_parsing.h"

#include <string>

namespace hallboard::desk {

namespace {

bool ends_with(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

} // namespace

Result<void> check_notice_file(std::string_view file)
{
    static constexpr std::string_view folder = "notices/";
    auto name = file.substr(0, folder.size()) == folder ? file.substr(folder.size()) : std::string_view();
    bool plain = !name.empty() && name.front() != '.' && name.find('/') == std::string_view::npos
        && name.find('\\') == std::string_view::npos && name.find('\0') == std::string_view::npos;
    if (!plain || !(ends_with(name, ".yaml") || ends_with(name, ".yml")) || name == ".yaml" || name == ".yml")
        return fail("'" + std::string(file) + "' is not the name of a notice file (notices/<name>.yaml)");
    return Ok {};
}

Result<void> check_channel_file(std::string_view file)
{
    if (file != "channel.yaml" && file != "channel.yml")
        return fail("'" + std::string(file) + "' is not channel.yaml");
    return Ok {};
}

Result<void> check_asset_path(std::string_view path)
{
    if (auto problem = parsing::asset_path_problem(path))
        return fail(problem->message);
    // Hidden names are skipped when a folder is read, so one written would vanish on the next read.
    if (path.find('\0') != std::string_view::npos || path.find("/.") != std::string_view::npos)
        return fail("'" + std::string(path) + "' is not the path of a visible file inside assets/");
    return Ok {};
}

} // namespace hallboard::desk
