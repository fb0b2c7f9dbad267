// Shared by the text layout tests: doctest printing of line lists.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace doctest {

template <>
struct StringMaker<std::vector<std::string>> {
    static String convert(const std::vector<std::string>& lines)
    {
        std::string out = "{";
        for (size_t i = 0; i < lines.size(); ++i)
            out += (i ? ", \"" : "\"") + lines[i] + "\"";
        out += "}";
        return String(out.c_str());
    }
};

} // namespace doctest
