// Helpers for the content tests: temporary source folders and diagnostic lookups.
#pragma once

#include "temp_folder.h"
#include "base/diagnostics.h"

#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>

namespace hallboard::test {

// The first bytes of a PNG and a JPEG: enough for the signature check.
inline std::string png_bytes()
{
    return std::string("\x89PNG\r\n\x1a\n", 8) + std::string(32, '\0');
}
inline std::string jpeg_bytes()
{
    return std::string("\xFF\xD8\xFF\xE0", 4) + std::string(32, '\0');
}

// The formatted diagnostics that start with `prefix` ("file:line:col: error: ") and contain `fragment`.
inline int count_matching(const Diagnostics& diagnostics, std::string_view prefix, std::string_view fragment)
{
    int count = 0;
    for (auto const& diagnostic : diagnostics.all()) {
        auto line = format_diagnostic(diagnostic);
        if (line.rfind(prefix, 0) == 0 && line.find(fragment) != std::string::npos)
            ++count;
    }
    return count;
}

inline std::string error_prefix(const std::string& file, int line, int column)
{
    std::string prefix = file;
    if (line > 0)
        prefix += ":" + std::to_string(line);
    if (column > 0)
        prefix += ":" + std::to_string(column);
    return prefix + ": error: ";
}

} // namespace hallboard::test
