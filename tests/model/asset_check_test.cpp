// Pictures must be PNG/JPEG files inside assets/; links and paths that lead out are refused.
// Links are made at test time in a temporary folder (git would not keep them faithfully).
#include "content/model/source_loader.h"
#include "content_test_support.h"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <functional>
#include <vector>

using namespace hallboard;
namespace fs = std::filesystem;

namespace {

struct AssetCase {
    const char* name;
    std::function<void(const test::TempFolder&)> arrange;
    std::string relative;
    const char* fragment; // nullptr: the asset is accepted
};

void run(const std::vector<AssetCase>& cases)
{
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            test::TempFolder source;
            source.write("notices/.keep", "");
            c.arrange(source);
            Diagnostics diagnostics;
            SourceLocation where { "notices/a.yaml", 3, 14 };
            bool ok = check_asset(source.path(), c.relative, where, diagnostics);
            INFO(diagnostics.format_all());
            if (c.fragment == nullptr) {
                CHECK(ok);
                CHECK(diagnostics.all().empty());
            } else {
                CHECK_FALSE(ok);
                CHECK(diagnostics.error_count() == 1);
                CHECK(test::count_matching(diagnostics, "notices/a.yaml:3:14: error: ", c.fragment) == 1);
            }
        }
    }
}

} // namespace

TEST_CASE("pictures that are accepted")
{
    run({
        { "png", [](auto& s) { s.write("assets/poster.png", test::png_bytes()); }, "assets/poster.png", nullptr },
        { "jpeg with a png name", [](auto& s) { s.write("assets/poster.png", test::jpeg_bytes()); },
            "assets/poster.png", nullptr },
        { "jpeg in a subfolder", [](auto& s) { s.write("assets/qr/hall.jpg", test::jpeg_bytes()); },
            "assets/qr/hall.jpg", nullptr },
        { "link to a picture inside assets",
            [](auto& s) {
                s.write("assets/real.png", test::png_bytes());
                fs::create_symlink("real.png", s.path() / "assets/alias.png");
            },
            "assets/alias.png", nullptr },
        { "assets folder itself is a link",
            [](auto& s) {
                s.write("shared-pictures/poster.png", test::png_bytes());
                fs::create_directory_symlink(s.path() / "shared-pictures", s.path() / "assets");
            },
            "assets/poster.png", nullptr },
        { "exactly the size limit",
            [](auto& s) {
                auto file = s.write("assets/big.png", test::png_bytes());
                fs::resize_file(file, max_asset_bytes);
            },
            "assets/big.png", nullptr },
    });
}

TEST_CASE("pictures that are refused")
{
    run({
        { "absolute path", [](auto& s) { s.write("assets/a.png", test::png_bytes()); }, "/etc/passwd",
            "is an absolute path" },
        { "parent folder", [](auto& s) { s.write("secret.png", test::png_bytes()); }, "assets/../secret.png",
            "leaves its folder with '..'" },
        { "outside assets", [](auto& s) { s.write("pictures/a.png", test::png_bytes()); }, "pictures/a.png",
            "is not inside assets/" },
        { "no assets folder", [](auto&) {}, "assets/a.png", "the content has no assets/ folder" },
        { "missing file", [](auto& s) { s.write("assets/qr.jpg", test::png_bytes()); }, "assets/poster.png",
            "picture 'assets/poster.png' does not exist (check the file name" },
        { "missing subfolder", [](auto& s) { s.write("assets/qr.jpg", test::png_bytes()); }, "assets/sub/poster.png",
            "picture 'assets/sub/poster.png' does not exist" },
        { "misspelt file", [](auto& s) { s.write("assets/poster.png", test::png_bytes()); }, "assets/postre.png",
            "does not exist (did you mean 'poster.png'?)" },
        { "wrong case", [](auto& s) { s.write("assets/Poster.PNG", test::png_bytes()); }, "assets/poster.png",
            "(the file is called 'assets/Poster.PNG': upper and lower case letters count)" },
        { "a folder", [](auto& s) { fs::create_directories(s.path() / "assets/poster.png"); }, "assets/poster.png",
            "is a folder, not a picture" },
        { "empty file", [](auto& s) { s.write("assets/a.png", ""); }, "assets/a.png", "is an empty file" },
        { "text file", [](auto& s) { s.write("assets/a.png", "hello, this is not a picture"); }, "assets/a.png",
            "is not a PNG or JPEG picture" },
        { "gif", [](auto& s) { s.write("assets/a.gif", "GIF89a\x01\x00\x01\x00"); }, "assets/a.gif",
            "is not a PNG or JPEG picture" },
        { "truncated png signature", [](auto& s) { s.write("assets/a.png", std::string("\x89PNG", 4)); },
            "assets/a.png", "is not a PNG or JPEG picture" },
        { "one byte over the size limit",
            [](auto& s) {
                auto file = s.write("assets/big.png", test::png_bytes());
                fs::resize_file(file, max_asset_bytes + 1);
            },
            "assets/big.png", "is 20971521 bytes (20.0 MB), more than the limit of 20971520 bytes (20.0 MB)" },
        { "link to a file outside assets",
            [](auto& s) {
                s.write("assets/.keep", "");
                s.write("secret.png", test::png_bytes());
                fs::create_symlink("../secret.png", s.path() / "assets/poster.png");
            },
            "assets/poster.png", "is a link that leads outside assets/" },
        { "absolute link to a system file",
            [](auto& s) {
                s.write("assets/.keep", "");
                fs::create_symlink("/etc/hostname", s.path() / "assets/poster.png");
            },
            "assets/poster.png", "is a link that leads outside assets/" },
        { "link to a folder outside assets",
            [](auto& s) {
                s.write("assets/.keep", "");
                s.write("elsewhere/poster.png", test::png_bytes());
                fs::create_directory_symlink(s.path() / "elsewhere", s.path() / "assets/sub");
            },
            "assets/sub/poster.png", "is a link that leads outside assets/" },
        { "link to a notice file",
            [](auto& s) {
                s.write("assets/.keep", "");
                s.write("notices/a.yaml", "id: a\n");
                fs::create_symlink("../notices/a.yaml", s.path() / "assets/a.png");
            },
            "assets/a.png", "is a link that leads outside assets/" },
        { "link to the assets folder itself",
            [](auto& s) {
                s.write("assets/.keep", "");
                fs::create_directory_symlink(".", s.path() / "assets/self");
            },
            "assets/self", "is a folder, not a picture" },
        { "dangling link",
            [](auto& s) {
                s.write("assets/.keep", "");
                fs::create_symlink("gone.png", s.path() / "assets/poster.png");
            },
            "assets/poster.png", "is a link to something that does not exist" },
        { "a pipe",
            [](auto& s) {
                s.write("assets/.keep", "");
                REQUIRE(::mkfifo((s.path() / "assets/pipe.png").c_str(), 0600) == 0);
            },
            "assets/pipe.png", "is not a regular file" },
    });
}
