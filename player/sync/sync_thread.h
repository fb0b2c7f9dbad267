// The screen's background sync: polls the server every `poll`, backs off after failures, hands new content over.
#pragma once

#include "player/sync/content_sync.h"
#include "player/sync/sync_backoff.h"
#include "player/sync/sync_status.h"

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace hallboard::sync {

// Lifecycle: construct with an opened ContentSync (whose cached content the caller shows at
// once), start(), and stop() or destroy. The first cycle runs as soon as the thread starts; the
// next after `poll` when it succeeded, or after backoff_delay when it failed. Each new version goes
// to `on_new_content` on the sync thread (see ContentHandler). State changes are logged once
// (SyncReporter). stop() and the destructor return within ~100 ms, also mid-download.
class SyncThread {
public:
    SyncThread(std::unique_ptr<ContentSync> sync, ContentHandler on_new_content, UnitRandom random = {});
    ~SyncThread();
    SyncThread(const SyncThread&) = delete;
    SyncThread& operator=(const SyncThread&) = delete;

    void start();
    void stop(); // idempotent; thread-safe
    // Runs a cycle now instead of at the end of the current wait (e.g. a future "refresh" command).
    void poll_now();

    // A copy of the state, safe to take from any thread (the heartbeat sends it).
    SyncStatus status() const;

private:
    void run();

    std::unique_ptr<ContentSync> m_sync;
    ContentHandler m_on_new_content;
    Backoff m_backoff;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false; // guarded by m_mutex
    bool m_poll_now = false; // guarded by m_mutex
    SyncStatus m_status;     // guarded by m_mutex
    std::atomic<bool> m_cancel { false };
    std::thread m_thread;
};

} // namespace hallboard::sync
