// Helpers for the publishing tests: temporary folders, copies of content sources, fixed clocks.
#pragma once

#include "temp_folder.h"
#include "base/diagnostics.h"
#include "content/model/notice.h"
#include "content/model/source_loader.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <unistd.h>

namespace hallboard::test {

inline std::string read_bytes(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream contents;
    contents << in.rdbuf();
    return contents.str();
}

inline std::filesystem::path demo_source()
{
    return std::filesystem::path(HALLBOARD_SOURCE_DIR) / "content/demo";
}
inline std::filesystem::path valid_test_source()
{
    return std::filesystem::path(HALLBOARD_SOURCE_DIR) / "tests/model/data/valid-source";
}
inline std::filesystem::path broken_test_source()
{
    return std::filesystem::path(HALLBOARD_SOURCE_DIR) / "tests/model/data/broken-source";
}

// Loads a source that the test expects to be valid.
inline ContentSource load_valid(const std::filesystem::path& root)
{
    Diagnostics diagnostics;
    auto source = load_content_source(root, diagnostics);
    REQUIRE_MESSAGE(source.has_value(), diagnostics.format_all());
    REQUIRE_MESSAGE(!diagnostics.has_errors(), diagnostics.format_all());
    return *source;
}

// A copy of `from` in `to`, so that a test can change it.
inline ContentSource copy_source(const std::filesystem::path& from, const std::filesystem::path& to)
{
    std::filesystem::copy(from, to, std::filesystem::copy_options::recursive);
    return load_valid(to);
}

// 2026-11-23T10:00:00Z plus `minutes`.
inline std::chrono::system_clock::time_point test_time(int minutes = 0)
{
    using namespace std::chrono;
    return system_clock::time_point(seconds(1795428000) + std::chrono::minutes(minutes));
}

// True when some diagnostic's formatted line contains `fragment`.
inline bool mentions(const Diagnostics& diagnostics, std::string_view fragment)
{
    for (auto const& diagnostic : diagnostics.all()) {
        if (format_diagnostic(diagnostic).find(fragment) != std::string::npos)
            return true;
    }
    return false;
}

} // namespace hallboard::test
