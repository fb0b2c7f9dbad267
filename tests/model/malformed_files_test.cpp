// Each file in data/malformed/ is a realistic mistake; its "# expect: LINE:COL: text" comments
// list every error it must produce (test inputs in folders, as in SerenityOS's Tests/LibGfx).
#include "content/model/source_loader.h"
#include "content/model/yaml_support.h"
#include "content_test_support.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace hallboard;
namespace fs = std::filesystem;

namespace {

struct Expectation {
    int line = 0;
    int column = 0;
    std::string fragment;
};

std::vector<Expectation> expectations_in(const std::string& text)
{
    std::vector<Expectation> found;
    std::istringstream lines(text);
    std::string line;
    static const std::string marker = "# expect: ";
    while (std::getline(lines, line)) {
        if (line.rfind(marker, 0) != 0)
            continue;
        Expectation expectation;
        std::istringstream fields(line.substr(marker.size()));
        char colon = 0;
        fields >> expectation.line >> colon >> expectation.column >> colon;
        std::getline(fields >> std::ws, expectation.fragment);
        found.push_back(expectation);
    }
    return found;
}

} // namespace

TEST_CASE("every malformed file gives exactly the errors it lists")
{
    std::vector<fs::path> files;
    for (auto const& entry : fs::directory_iterator(HALLBOARD_TEST_DATA "/malformed"))
        files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 7);
    for (auto const& path : files) {
        auto name = "malformed/" + path.filename().string();
        CAPTURE(name);
        std::ifstream in(path, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        auto expected = expectations_in(text.str());
        REQUIRE_FALSE(expected.empty()); // a file without expectations would test nothing

        Diagnostics diagnostics;
        auto notice = parse_notice(text.str(), name, {}, diagnostics);
        INFO(diagnostics.format_all());
        CHECK_FALSE(notice.has_value());
        CHECK(diagnostics.error_count() == static_cast<int>(expected.size()));
        for (auto const& expectation : expected) {
            CAPTURE(expectation.fragment);
            CHECK(test::count_matching(
                      diagnostics, test::error_prefix(name, expectation.line, expectation.column), expectation.fragment)
                == 1);
        }
    }
}
