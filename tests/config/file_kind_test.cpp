// Telling Hallboard's file kinds apart by their top-level keys (tests/config/data/kinds/).
#include "player/config/screen_config.h"

#include <doctest/doctest.h>

using namespace hallboard;
namespace fs = std::filesystem;

TEST_CASE("file kinds are judged by their keys, then their name and folder")
{
    struct Case {
        char const* file;
        FileKind expected;
    };
    Case const cases[] = {
        { "screen.yaml", FileKind::ScreenConfig },
        { "display-only.yaml", FileKind::ScreenConfig },
        { "theme.yaml", FileKind::Theme },
        { "timing-theme.yaml", FileKind::Theme },
        { "notice.yaml", FileKind::Notice },
        { "kind-only.yaml", FileKind::Notice },
        { "channel.yaml", FileKind::Channel },
        { "other.yaml", FileKind::Unknown },
        { "list.yaml", FileKind::Unknown },
        { "broken.yaml", FileKind::Unknown },
        { "notices/broken.yaml", FileKind::Notice }, // unparsable, but where notices live
        { "does-not-exist.yaml", FileKind::Unknown },
    };
    for (auto const& test_case : cases) {
        CAPTURE(test_case.file);
        CHECK(guess_file_kind(fs::path(HALLBOARD_TEST_DATA) / "kinds" / test_case.file) == test_case.expected);
    }
}

TEST_CASE("the repository's own files are recognised")
{
    fs::path root(HALLBOARD_SOURCE_DIR);
    CHECK(guess_file_kind(root / "config" / "demo.yaml") == FileKind::ScreenConfig);
    CHECK(guess_file_kind(root / "config" / "portrait.yaml") == FileKind::ScreenConfig);
    CHECK(guess_file_kind(root / "themes" / "default.yaml") == FileKind::Theme);
    CHECK(guess_file_kind(root / "themes" / "high-contrast.yaml") == FileKind::Theme);
}
