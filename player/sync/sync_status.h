// What the last sync cycle did, and a screen's sync state as the heartbeat reports it.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace hallboard::sync {

enum class CycleOutcome {
    UpToDate, // the server's current version is the screen's
    Updated,  // a newer version was downloaded and switched to
    Failed,   // see FailureKind; the screen keeps what it has
};

enum class FailureKind {
    None,
    Network,  // no answer, or an answer cut short (refused, timed out, stalled, reset)
    Http,     // an answer, but not 200/304 (404, 500, ...)
    Refused,  // an answer this screen will not accept: bad or missing signature, not a manifest,
              // an older version, a blob too large or not matching its sha256
    Cache,    // the screen's own disk: cannot write the cache
    Cancelled // the sync is stopping
};

struct CycleResult {
    CycleOutcome outcome = CycleOutcome::Failed;
    FailureKind failure = FailureKind::None;
    std::string error;                 // one line when Failed, without the "content: " prefix
    int http_status = 0;               // the failing answer's status, with FailureKind::Http
    std::string failed_url;            // the request that failed, with Network and Http failures
    std::uint64_t version = 0;         // the version the screen has after the cycle (0: none)
    std::uint64_t offered_version = 0; // the version the server offered, when known
    int blobs_downloaded = 0;
    std::uint64_t blob_bytes = 0;        // bytes of the blobs downloaded
    std::uint64_t transferred_bytes = 0; // everything on the wire in this cycle, headers included
};

// A thread-safe copy of the sync thread's state (SyncThread::status()).
struct SyncStatus {
    std::uint64_t version = 0; // the version playing (0: no content)
    std::optional<std::chrono::system_clock::time_point> last_attempt;
    std::optional<std::chrono::system_clock::time_point> last_success;
    std::optional<CycleOutcome> last_outcome; // nullopt before the first cycle
    FailureKind last_failure = FailureKind::None;
    std::string last_error;            // empty after a success
    std::uint64_t last_poll_bytes = 0; // bytes on the wire in the last cycle
    int consecutive_failures = 0;
    std::chrono::milliseconds next_poll_in { 0 }; // the delay chosen after the last cycle
    std::uint64_t cycles = 0;                     // cycles run since the thread started
};

} // namespace hallboard::sync
