// Checks that a picture a notice refers to is a real PNG/JPEG file that stays inside assets/.
#include "content/model/notice_parsing.h"
#include "content/model/source_loader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <fstream>

namespace hallboard {

namespace fs = std::filesystem;

// True when `path` is `folder` or lies below it; both must already be canonical. The folder
// itself counts as inside so that a link to it is reported as "a folder", which it is.
static bool is_inside(const fs::path& path, const fs::path& folder)
{
    auto folder_end = std::mismatch(folder.begin(), folder.end(), path.begin(), path.end()).first;
    return folder_end == folder.end();
}

// "did you mean 'assets/poster.png'?" from the files next to where the picture was expected.
// Only file names are compared: the shared "assets/" would make every name look close.
static std::string similar_file_hint(const fs::path& root, const std::string& relative)
{
    auto slash = relative.rfind('/');
    auto folder_name = relative.substr(0, slash);
    std::vector<std::string> names;
    std::error_code error;
    for (fs::directory_iterator it(root / folder_name, error), end; !error && it != end; it.increment(error)) {
        names.push_back(it->path().filename().string());
        if (names.size() > 1000)
            break; // a hint is not worth reading a huge folder
    }
    auto file_name = relative.substr(slash + 1);
    for (auto const& name : names) {
        if (name.size() == file_name.size()
            && std::equal(name.begin(), name.end(), file_name.begin(),
                [](char a, char b) { return std::tolower(a) == std::tolower(b); }))
            return "the file is called '" + folder_name + "/" + name + "': upper and lower case letters count";
    }
    auto hint = did_you_mean(file_name, names);
    if (hint.empty())
        return "check the file name and that the picture was copied into " + folder_name + "/";
    return hint;
}

// "20.3 MB": with a decimal, so that a file just over the limit does not read as equal to it.
static std::string megabytes(std::uintmax_t bytes)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return text;
}

enum class PictureFormat { Png, Jpeg, Other };

static PictureFormat sniff_format(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::array<unsigned char, 8> head {};
    in.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(head.size()));
    auto got = in.gcount();
    static constexpr std::array<unsigned char, 8> png { 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };
    if (got >= 8 && head == png)
        return PictureFormat::Png;
    if (got >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        return PictureFormat::Jpeg;
    return PictureFormat::Other;
}

bool check_asset(
    const fs::path& root, const std::string& relative, const SourceLocation& where, Diagnostics& diagnostics)
{
    if (auto problem = parsing::asset_path_problem(relative)) {
        diagnostics.error(where, problem->message, problem->hint);
        return false;
    }
    auto name = "picture '" + relative + "'";
    std::error_code error;
    auto assets_folder = fs::canonical(root / "assets", error);
    if (error || !fs::is_directory(assets_folder, error)) {
        diagnostics.error(where, name + " cannot be found: the content has no assets/ folder",
            "create an assets/ folder next to notices/ and put the picture there");
        return false;
    }
    auto path = root / fs::path(relative);
    auto link_status = fs::symlink_status(path, error);
    if (error || !fs::exists(link_status)) {
        diagnostics.error(where, name + " does not exist", similar_file_hint(root, relative));
        return false;
    }
    // canonical() follows every link on the way, including links to folders.
    auto resolved = fs::canonical(path, error);
    if (error) {
        diagnostics.error(
            where, name + " is a link to something that does not exist", "copy the picture itself into assets/");
        return false;
    }
    if (!is_inside(resolved, assets_folder)) {
        diagnostics.error(where, name + " is a link that leads outside assets/",
            "copy the picture itself into assets/ instead of linking to it");
        return false;
    }
    auto status = fs::status(resolved, error);
    if (error || !fs::is_regular_file(status)) {
        diagnostics.error(where,
            name + (fs::is_directory(status) ? " is a folder, not a picture" : " is not a regular file"),
            "write the path of a .png or .jpg file inside assets/");
        return false;
    }
    auto size = fs::file_size(resolved, error);
    if (error) {
        diagnostics.error(where, name + " cannot be read: " + error.message());
        return false;
    }
    if (size > max_asset_bytes) {
        diagnostics.error(where,
            name + " is " + std::to_string(size) + " bytes (" + megabytes(size) + "), more than the limit of "
                + std::to_string(max_asset_bytes) + " bytes (" + megabytes(max_asset_bytes) + ")",
            "save it smaller: 3840x2160 pixels is more than any screen needs, and JPEG is smaller than PNG for photos");
        return false;
    }
    if (size == 0) {
        diagnostics.error(where, name + " is an empty file", "copy the picture again");
        return false;
    }
    if (sniff_format(resolved) == PictureFormat::Other) {
        diagnostics.error(where, name + " is not a PNG or JPEG picture",
            "open it in an image editor and save it as PNG or JPEG; renaming the file is not enough");
        return false;
    }
    return true;
}

} // namespace hallboard
