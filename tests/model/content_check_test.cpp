// `check` on content: the loader's validation plus warnings at their lines and whole-picture decoding.
#include "content_test_support.h"

#include "content/model/content_check.h"

using namespace hallboard;
using namespace hallboard::test;

namespace {

constexpr char const* poster_notice = "id: poster\n"
                                      "kind: image\n"
                                      "valid_until: 2026-10-01\n"
                                      "image:\n"
                                      "  src: assets/poster.png\n";

} // namespace

TEST_CASE("a content source is checked with the decoder passed in, and warned about at the key's line")
{
    TempFolder folder;
    folder.write("notices/poster.yaml", poster_notice);
    auto picture = folder.write("assets/poster.png", png_bytes());
    std::vector<std::filesystem::path> decoded;
    ContentCheckOptions options { Date { 2026, 12, 5 },
        [&](const std::filesystem::path& path) -> std::optional<std::string> {
            decoded.push_back(path);
            return std::string("is cut short");
        } };
    CheckReport report;
    auto source = check_content_source(folder.path(), options, report);
    REQUIRE(source);
    CHECK(source->notices.size() == 1);
    CHECK(decoded == std::vector<std::filesystem::path> { picture });
    auto notice_file = (folder.path() / "notices" / "poster.yaml").string();
    CHECK(
        count_matching(report.diagnostics, notice_file + ": error: ", "picture 'assets/poster.png' is cut short") == 1);
    CHECK(
        count_matching(report.diagnostics, notice_file + ":3:14: warning: ", "ended on 2026-10-01, 65 days ago") == 1);
    CHECK(report.lines.empty()); // an error: no "ok" line

    options.picture_problem = [](const std::filesystem::path&) { return std::optional<std::string>(); };
    CheckReport clean;
    REQUIRE(check_content_source(folder.path(), options, clean));
    CHECK_FALSE(clean.diagnostics.has_errors());
    CHECK(clean.lines
        == std::vector<std::string> {
            "ok: " + folder.path().string() + ": content source, 1 slide(s), 0 ticker message(s)" });
}

TEST_CASE("a lone notice inside notices/ has its pictures checked in the source's assets/")
{
    TempFolder folder;
    auto file = folder.write("notices/poster.yaml", poster_notice);
    ContentCheckOptions options { Date { 2026, 10, 1 }, {} };
    CheckReport report;
    check_notice_file(file, options, report);
    CHECK(count_matching(report.diagnostics, file.string(), "assets/poster.png") == 1); // missing from assets/
    CHECK(report.lines.empty());

    folder.write("assets/poster.png", png_bytes());
    CheckReport found;
    check_notice_file(file, options, found);
    CHECK(found.diagnostics.all().empty());
    CHECK(found.lines == std::vector<std::string> { "ok: " + file.string() + ": image notice 'poster'" });
}
