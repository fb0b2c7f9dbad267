// `hallboard check PATH`: each path checked as the kind it is, and what --size is left to lay out.
#include "player/config/path_check.h"

#include <doctest/doctest.h>

using namespace hallboard;
namespace fs = std::filesystem;

namespace {

ContentCheckOptions no_picture_decoding()
{
    return { Date { 2026, 12, 1 }, {} };
}

std::string messages(const Diagnostics& diagnostics)
{
    std::string all;
    for (auto const& diagnostic : diagnostics.all())
        all += format_diagnostic(diagnostic) + "\n";
    return all;
}

} // namespace

TEST_CASE("each path is checked as its kind")
{
    fs::path const kinds = fs::path(HALLBOARD_TEST_DATA) / "kinds";
    fs::path const root(HALLBOARD_SOURCE_DIR);
    struct Case {
        fs::path path;
        char const* line;  // the report's line; empty: none
        char const* error; // part of an error; empty: none
        int errors;
    };
    Case const cases[] = {
        { root / "themes" / "default.yaml", "theme '", "", 0 },
        { root / "content" / "demo" / "channel.yaml", ": channel defaults", "", 0 },
        { root / "content" / "demo" / "notices" / "70-hotlines.yaml", ": hotlines notice 'hotlines'", "", 0 },
        { root / "content" / "demo", ": content source, ", "", 0 },
        { kinds / "other.yaml", "", "cannot tell what kind of Hallboard file this is", 1 },
        { kinds / "does-not-exist.yaml", "", "no such file or directory", 1 },
        // The loader's error, then check's own.
        { root / "config", "", "not a content source: it has no notices/ folder", 2 },
    };
    for (auto const& test_case : cases) {
        CAPTURE(test_case.path);
        CheckRun run;
        check_path(test_case.path, no_picture_decoding(), run);
        if (*test_case.line) {
            REQUIRE(run.report.lines.size() == 1);
            CHECK(run.report.lines[0].rfind("ok: " + test_case.path.string() + ":", 0) == 0);
            CHECK(run.report.lines[0].find(test_case.line) != std::string::npos);
        } else {
            CHECK(run.report.lines.empty());
        }
        CHECK(run.report.diagnostics.error_count() == test_case.errors);
        CHECK(messages(run.report.diagnostics).find(test_case.error) != std::string::npos);
    }
}

TEST_CASE("a screen config brings its content source, hall and theme along")
{
    fs::path const config = fs::path(HALLBOARD_SOURCE_DIR) / "config" / "demo.yaml";
    CheckRun run;
    check_path(config, no_picture_decoding(), run);
    CHECK_FALSE(run.report.diagnostics.has_errors());
    REQUIRE(run.report.lines.size() == 2); // the config, then its content source
    CHECK(run.report.lines[0].rfind("ok: " + config.string() + ": screen config for '", 0) == 0);
    CHECK(run.report.lines[1].find(": content source, ") != std::string::npos);
    CHECK(run.sources.size() == 1);
    CHECK(run.halls.size() == 1);
    CHECK(run.theme.has_value());
    CHECK(run.server_configs.empty());
}

TEST_CASE("with nothing local to lay out, each server config is warned about")
{
    CheckRun run;
    run.server_configs = { "a.yaml", "b.yaml" };
    warn_nothing_to_lay_out(run, { 1080, 1920 });
    REQUIRE(run.report.diagnostics.warning_count() == 2);
    CHECK(run.report.diagnostics.all()[0].hint.find("hallboard check --size 1080x1920 CONTENT_FOLDER")
        != std::string::npos);

    CheckRun with_source;
    with_source.server_configs = { "a.yaml" };
    with_source.sources.emplace_back();
    warn_nothing_to_lay_out(with_source, { 1920, 1080 });
    CHECK(with_source.report.diagnostics.all().empty());
}
