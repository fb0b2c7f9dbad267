// Formatting and collecting diagnostics.
#include "base/diagnostics.h"

#include <cstdio>

namespace hallboard {

std::string format_diagnostic(const Diagnostic& diagnostic)
{
    std::string out = diagnostic.where.file.empty() ? std::string("hallboard") : diagnostic.where.file;
    if (diagnostic.where.line > 0) {
        out += ":" + std::to_string(diagnostic.where.line);
        if (diagnostic.where.column > 0)
            out += ":" + std::to_string(diagnostic.where.column);
    }
    out += diagnostic.severity == Severity::Error ? ": error: " : ": warning: ";
    out += diagnostic.message;
    if (!diagnostic.hint.empty())
        out += " (" + diagnostic.hint + ")";
    return out;
}

void Diagnostics::error(SourceLocation where, std::string message, std::string hint)
{
    m_diagnostics.push_back({ Severity::Error, std::move(where), std::move(message), std::move(hint) });
}

void Diagnostics::warning(SourceLocation where, std::string message, std::string hint)
{
    m_diagnostics.push_back({ Severity::Warning, std::move(where), std::move(message), std::move(hint) });
}

bool Diagnostics::has_errors() const
{
    return error_count() > 0;
}

int Diagnostics::error_count() const
{
    int count = 0;
    for (auto const& diagnostic : m_diagnostics)
        count += diagnostic.severity == Severity::Error;
    return count;
}

int Diagnostics::warning_count() const
{
    return static_cast<int>(m_diagnostics.size()) - error_count();
}

std::string Diagnostics::format_all() const
{
    std::string out;
    for (auto const& diagnostic : m_diagnostics)
        out += format_diagnostic(diagnostic) + "\n";
    return out;
}

bool report_diagnostics(const Diagnostics& diagnostics)
{
    std::fputs(diagnostics.format_all().c_str(), stderr);
    return diagnostics.has_errors();
}

} // namespace hallboard
