// The audit log: one JSON line per action on the desk, appended and never rewritten
// (<tree>/state/audit.log).
#pragma once

#include "base/result.h"
#include "base/unique_fd.h"

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hallboard {

std::filesystem::path audit_log_path(const std::filesystem::path& tree);

// One line: {"time":"2026-12-06T03:05:07Z","user":"alice","action":"approve",
// "subject":"change 7","result":"ok","address":"10.0.0.3"}. `result` is "ok" or
// "refused: <reason>". Never a password or a token: nothing here has a field for one, and
// words that look like an API token ("hbu_...") are blanked by append() as a last guard.
struct AuditEntry {
    std::int64_t time = 0; // Unix seconds; written as UTC
    std::string user;      // who acted ("alice"; "console:root" for the CLI on the server)
    std::string action;    // login, login_failed, edit, submit, approve, send_back, publish ...
    std::string subject;   // "change 7", "version 12", "user bob"
    std::string result;    // "ok" or "refused: ..."
    std::string address;   // client address; "local" for the CLI

    bool operator==(const AuditEntry&) const = default;
};

inline std::string refused(std::string_view reason)
{
    return "refused: " + std::string(reason);
}

std::string audit_time_text(std::int64_t unix_seconds); // 2026-12-06T03:05:07Z
std::string audit_line(const AuditEntry& entry);        // the JSON line, with its '\n'

// Thread-safe. Each entry is one write() of one whole line on a descriptor opened with
// O_APPEND (so lines from the server and the CLI never interleave), then fsync: when
// append() returns, the line survives a power cut.
class AuditLog {
public:
    // Creates the file (mode 0600) when missing; never truncates. A last line left torn by a
    // power loss is ended with '\n' first, so that it alone is lost, not the next entry too.
    static Result<std::unique_ptr<AuditLog>> open(const std::filesystem::path& file);
    Result<void> append(const AuditEntry& entry);

private:
    AuditLog(UniqueFd fd, std::filesystem::path file);

    std::mutex m_mutex;
    UniqueFd m_fd;
    std::filesystem::path m_file;
};

struct AuditReading {
    std::vector<AuditEntry> entries;
    // A last line without its '\n': a write cut short by a power loss. Skipped, and said.
    bool torn_last_line = false;
    std::vector<std::string> problems; // "line 12: not an audit entry" for damaged lines
};

// Parses the log's text; tolerant of a torn last line and of damaged lines (each reported).
AuditReading parse_audit_log(std::string_view text);
// Reads the file (nullopt-free: a missing log reads as empty).
Result<AuditReading> read_audit_log(const std::filesystem::path& file);

struct AuditFilter {
    std::optional<std::int64_t> since; // Unix seconds, inclusive
    std::optional<std::string> user;
};
std::vector<AuditEntry> filter_audit(const std::vector<AuditEntry>& entries, const AuditFilter& filter);

// A table for the terminal, every field escaped (base/terminal_text.h): names, subjects and
// reasons may hold what a client sent.
std::string format_audit_table(const std::vector<AuditEntry>& entries);

} // namespace hallboard
