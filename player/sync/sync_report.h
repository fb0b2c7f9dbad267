// The sync's log lines: one per change of state (current, updated, failing, recovered), never one per poll.
#pragma once

#include "base/log.h"
#include "player/sync/sync_status.h"

#include <cstdint>
#include <optional>
#include <string>

namespace hallboard::sync {

struct ReportLine {
    LogLevel level = LogLevel::Info;
    std::string text;
};

// "512 bytes", "412 KB", "3.4 MB" (1 KB = 1024 bytes).
std::string format_bytes(std::uint64_t bytes);

// Decides what to log after each cycle, so that a screen polling every 30 s through a day-long
// outage writes one line when it starts and one when it ends. A failure is logged when it differs
// from the failure logged last: a network failure by the request that failed (refused, reset or
// timed out: the server is unreachable either way), any other by its kind, HTTP status, offered
// version and text with the numbers left out (10001 ms and 10002 ms are the same failure);
// the return to normal is logged; an update is always logged. Not thread-safe; one per sync thread.
class SyncReporter {
public:
    std::optional<ReportLine> report(const CycleResult& result);

private:
    enum class State { Starting, Current, Failing };
    State m_state = State::Starting;
    std::uint64_t m_current_version = 0;
    std::string m_failure_key;
};

} // namespace hallboard::sync
