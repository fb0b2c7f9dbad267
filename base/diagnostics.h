// Errors and warnings found in user files, collected (never thrown) and reported together.
#pragma once

#include <string>
#include <vector>

namespace hallboard {

// Where in a user file something was found. Line and column are 1-based; 0 means unknown.
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;
    bool operator==(const SourceLocation&) const = default;
};

enum class Severity { Error, Warning };

struct Diagnostic {
    Severity severity = Severity::Error;
    SourceLocation where;
    std::string message;
    std::string hint; // e.g. "did you mean 'display'?"; empty when there is none
};

// Formats one diagnostic the way a compiler does:
//   notices/tariff.yaml:14:7: error: row 3 has 2 cells, the table has 3 columns (did you mean ...?)
// Line and column are left out when unknown.
std::string format_diagnostic(const Diagnostic& diagnostic);

// Collects every problem of a run so that the user sees them all at once, not only the first.
class Diagnostics {
public:
    void error(SourceLocation where, std::string message, std::string hint = {});
    void warning(SourceLocation where, std::string message, std::string hint = {});

    bool has_errors() const;
    int error_count() const;
    int warning_count() const;
    const std::vector<Diagnostic>& all() const { return m_diagnostics; }

    // Every diagnostic, formatted, one per line, in the order found.
    std::string format_all() const;

private:
    std::vector<Diagnostic> m_diagnostics;
};

// Prints every diagnostic to stderr (the one place a command reports them); returns true when
// there were errors.
bool report_diagnostics(const Diagnostics& diagnostics);

} // namespace hallboard
