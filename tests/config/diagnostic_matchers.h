// Looking for an expected diagnostic among those a parser reported, for table-driven tests.
#pragma once

#include "base/diagnostics.h"

#include <string>
#include <string_view>

namespace hallboard::test {

struct ExpectedDiagnostic {
    Severity severity = Severity::Error;
    int line = 0;   // 0: no line
    int column = 0; // 0: no column
    std::string_view message_part;
    std::string_view hint_part; // empty: any hint
};

// True when some diagnostic of `diagnostics` has exactly this severity, line and column, a
// message containing `message_part`, and a hint containing `hint_part`.
inline bool has_diagnostic(const Diagnostics& diagnostics, std::string_view file, const ExpectedDiagnostic& expected)
{
    for (auto const& diagnostic : diagnostics.all()) {
        if (diagnostic.severity == expected.severity && diagnostic.where.file == file
            && diagnostic.where.line == expected.line && diagnostic.where.column == expected.column
            && diagnostic.message.find(expected.message_part) != std::string::npos
            && diagnostic.hint.find(expected.hint_part) != std::string::npos)
            return true;
    }
    return false;
}

} // namespace hallboard::test
