// Log lines on changes of sync state.
#include "player/sync/sync_report.h"

#include <cctype>
#include <cstdio>

namespace hallboard::sync {

std::string format_bytes(std::uint64_t bytes)
{
    if (bytes < 1024)
        return std::to_string(bytes) + " bytes";
    if (bytes < 1024 * 1024)
        return std::to_string((bytes + 512) / 1024) + " KB";
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return text;
}

static std::string failure_key(const CycleResult& result)
{
    // An unreachable server is one state however the network words it: the same request may
    // fail as "refused" and then as "timed out" while the server restarts.
    if (result.failure == FailureKind::Network && !result.failed_url.empty())
        return "network|" + result.failed_url;
    std::string key = std::to_string(static_cast<int>(result.failure)) + "|" + std::to_string(result.http_status) + "|"
        + std::to_string(result.offered_version) + "|";
    bool in_number = false;
    for (char c : result.error) {
        bool digit = std::isdigit(static_cast<unsigned char>(c)) != 0;
        if (!digit)
            key += c;
        else if (!in_number)
            key += '#';
        in_number = digit;
    }
    return key;
}

static std::string showing(std::uint64_t version)
{
    return version ? "showing version " + std::to_string(version) : std::string("no content to show yet");
}

std::optional<ReportLine> SyncReporter::report(const CycleResult& result)
{
    switch (result.outcome) {
    case CycleOutcome::UpToDate: {
        bool changed = m_state != State::Current || m_current_version != result.version;
        bool recovered = m_state == State::Failing;
        m_state = State::Current;
        m_current_version = result.version;
        m_failure_key.clear();
        if (!changed)
            return std::nullopt;
        return ReportLine { LogLevel::Info,
            std::string("content: ") + (recovered ? "the server answers again; " : "") + "version "
                + std::to_string(result.version) + " is current" };
    }
    case CycleOutcome::Updated: {
        m_state = State::Current;
        m_current_version = result.version;
        m_failure_key.clear();
        auto blobs = std::to_string(result.blobs_downloaded) + (result.blobs_downloaded == 1 ? " blob" : " blobs");
        return ReportLine { LogLevel::Info,
            "content: updated to version " + std::to_string(result.version) + " (" + blobs + ", "
                + format_bytes(result.blob_bytes) + " downloaded)" };
    }
    case CycleOutcome::Failed:
        break;
    }
    if (result.failure == FailureKind::Cancelled)
        return std::nullopt;
    auto key = failure_key(result);
    if (m_state == State::Failing && key == m_failure_key)
        return std::nullopt;
    m_state = State::Failing;
    m_failure_key = key;
    m_current_version = result.version;
    auto level = result.failure == FailureKind::Refused || result.failure == FailureKind::Cache ? LogLevel::Error
                                                                                                : LogLevel::Warning;
    return ReportLine { level,
        "content: " + result.error + "; " + showing(result.version) + ", retrying with backoff" };
}

} // namespace hallboard::sync
