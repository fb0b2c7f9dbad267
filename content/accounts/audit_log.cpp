// Appending to and reading the audit log.
#include "content/accounts/audit_log.h"

#include "base/durable_files.h"
#include "base/local_time.h"
#include "base/terminal_text.h"
#include "base/text_table.h"
#include "content/accounts/credentials.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hallboard {

namespace {

// The log of a busy desk is some MB a year; a reader refuses beyond this rather than eat memory.
constexpr size_t max_audit_log_bytes = 512u * 1024 * 1024;

bool is_token_character(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

// Blanks anything that looks like one of our API tokens, in case a caller passed one along
// (an error message quoting a header, say).
std::string without_tokens(std::string_view text)
{
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
        auto found = text.find(api_token_prefix, i);
        if (found == std::string_view::npos) {
            out.append(text.substr(i));
            break;
        }
        out.append(text.substr(i, found - i));
        out.append(api_token_prefix);
        out.append("[hidden]");
        i = found + api_token_prefix.size();
        while (i < text.size() && is_token_character(text[i]))
            ++i;
    }
    return out;
}

std::optional<std::int64_t> parse_audit_time(std::string_view text)
{
    // 2026-12-06T03:05:07Z
    if (text.size() != 20 || text[10] != 'T' || text[19] != 'Z')
        return std::nullopt;
    auto date = parse_date(text.substr(0, 10));
    auto minutes = parse_time_of_day(text.substr(11, 5));
    if (!date || !minutes || text[16] != ':' || text[17] < '0' || text[17] > '5' || text[18] < '0' || text[18] > '9')
        return std::nullopt;
    int seconds = (text[17] - '0') * 10 + (text[18] - '0');
    return std::int64_t { days_from_civil(*date) } * 86400 + std::int64_t { *minutes } * 60 + seconds;
}

} // namespace

std::filesystem::path audit_log_path(const std::filesystem::path& tree)
{
    return tree / "state" / "audit.log";
}

std::string audit_time_text(std::int64_t unix_seconds)
{
    auto days = unix_seconds >= 0 ? unix_seconds / 86400 : (unix_seconds - 86399) / 86400;
    auto second_of_day = unix_seconds - days * 86400;
    auto date = civil_from_days(static_cast<long>(days));
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02dZ", date.year, date.month, date.day,
        static_cast<int>(second_of_day / 3600), static_cast<int>(second_of_day / 60 % 60),
        static_cast<int>(second_of_day % 60));
    return text;
}

std::string audit_line(const AuditEntry& entry)
{
    nlohmann::ordered_json line = {
        { "time", audit_time_text(entry.time) },
        { "user", without_tokens(entry.user) },
        { "action", without_tokens(entry.action) },
        { "subject", without_tokens(entry.subject) },
        { "result", without_tokens(entry.result) },
        { "address", without_tokens(entry.address) },
    };
    // Invalid UTF-8 (a name sent by a client) is replaced, not thrown about: the line is written.
    return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

AuditLog::AuditLog(UniqueFd fd, std::filesystem::path file)
    : m_fd(std::move(fd))
    , m_file(std::move(file))
{
}

Result<std::unique_ptr<AuditLog>> AuditLog::open(const std::filesystem::path& file)
{
    UniqueFd fd(::open(file.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (!fd)
        return fail("cannot open the audit log " + file.string() + ": " + std::strerror(errno));
    // A line torn by a power loss would swallow the next entry into one damaged line: end it.
    struct stat status { };
    char last = '\n';
    if (::fstat(fd.get(), &status) == 0 && status.st_size > 0 && ::pread(fd.get(), &last, 1, status.st_size - 1) == 1
        && last != '\n') {
        if (::write(fd.get(), "\n", 1) != 1 || ::fsync(fd.get()) != 0)
            return fail(
                "cannot end the torn last line of the audit log " + file.string() + ": " + std::strerror(errno));
    }
    return std::unique_ptr<AuditLog>(new AuditLog(std::move(fd), file));
}

Result<void> AuditLog::append(const AuditEntry& entry)
{
    auto line = audit_line(entry);
    std::lock_guard lock(m_mutex);
    ssize_t written;
    do {
        written = ::write(m_fd.get(), line.data(), line.size());
    } while (written < 0 && errno == EINTR);
    if (written < 0)
        return fail("cannot write to the audit log " + m_file.string() + ": " + std::strerror(errno));
    // A short write to a regular file means the disk is full; the torn line is what a reader
    // skips. Not retried: the rest would be a line of its own, interleaved with others.
    if (static_cast<size_t>(written) != line.size())
        return fail("the audit log " + m_file.string() + " took only part of a line (is the disk full?)");
    if (::fsync(m_fd.get()) != 0)
        return fail("cannot save the audit log " + m_file.string() + ": " + std::strerror(errno));
    return Ok {};
}

AuditReading parse_audit_log(std::string_view text)
{
    AuditReading reading;
    size_t line_number = 0;
    while (!text.empty()) {
        ++line_number;
        auto end = text.find('\n');
        if (end == std::string_view::npos) {
            reading.torn_last_line = true;
            break;
        }
        auto line = text.substr(0, end);
        text.remove_prefix(end + 1);
        auto parsed = nlohmann::json::parse(line, nullptr, false);
        auto field = [&](const char* name) -> std::optional<std::string> {
            if (!parsed.is_object() || !parsed.contains(name) || !parsed[name].is_string())
                return std::nullopt;
            return parsed[name].get<std::string>();
        };
        auto time_text = field("time");
        auto time = time_text ? parse_audit_time(*time_text) : std::nullopt;
        auto user = field("user");
        auto action = field("action");
        auto subject = field("subject");
        auto result = field("result");
        auto address = field("address");
        if (!time || !user || !action || !subject || !result || !address) {
            reading.problems.push_back("line " + std::to_string(line_number) + ": not an audit entry");
            continue;
        }
        reading.entries.push_back({ *time, *user, *action, *subject, *result, *address });
    }
    return reading;
}

Result<AuditReading> read_audit_log(const std::filesystem::path& file)
{
    auto text = durable::read_file(file, max_audit_log_bytes);
    if (!text)
        return std::move(text).take_error();
    if (!*text)
        return AuditReading {};
    return parse_audit_log(**text);
}

std::vector<AuditEntry> filter_audit(const std::vector<AuditEntry>& entries, const AuditFilter& filter)
{
    std::vector<AuditEntry> kept;
    for (auto const& entry : entries) {
        if (filter.since && entry.time < *filter.since)
            continue;
        if (filter.user && entry.user != *filter.user)
            continue;
        kept.push_back(entry);
    }
    return kept;
}

std::string format_audit_table(const std::vector<AuditEntry>& entries)
{
    TextTable table({ "TIME (UTC)", "USER", "ACTION", "SUBJECT", "ADDRESS", "RESULT" });
    for (auto const& entry : entries)
        table.add_row({ audit_time_text(entry.time), escape_terminal_text(entry.user),
            escape_terminal_text(entry.action), escape_terminal_text(entry.subject),
            escape_terminal_text(entry.address), escape_terminal_text(entry.result) });
    return table.format();
}

} // namespace hallboard
