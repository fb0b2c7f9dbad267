// The sync loop: cycle, log on change, wait for the poll or the backoff, stop promptly.
#include "player/sync/sync_thread.h"

#include "player/sync/sync_report.h"

#include <exception>

namespace hallboard::sync {

SyncThread::SyncThread(std::unique_ptr<ContentSync> sync, ContentHandler on_new_content, UnitRandom random)
    : m_sync(std::move(sync))
    , m_on_new_content(std::move(on_new_content))
    , m_backoff(m_sync->settings().poll, std::move(random))
{
    m_status.version = m_sync->version();
}

SyncThread::~SyncThread()
{
    stop();
}

void SyncThread::start()
{
    std::lock_guard lock(m_mutex);
    if (m_thread.joinable() || m_stopping)
        return;
    m_thread = std::thread([this] { run(); });
}

void SyncThread::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_cancel = true;
    m_wake.notify_all();
    if (m_thread.joinable() && m_thread.get_id() != std::this_thread::get_id())
        m_thread.join();
}

void SyncThread::poll_now()
{
    {
        std::lock_guard lock(m_mutex);
        m_poll_now = true;
    }
    m_wake.notify_all();
}

SyncStatus SyncThread::status() const
{
    std::lock_guard lock(m_mutex);
    return m_status;
}

void SyncThread::run()
{
    SyncReporter reporter;
    for (;;) {
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping)
                return;
            m_poll_now = false;
        }
        auto started = std::chrono::system_clock::now();
        CycleResult result;
        try {
            result = m_sync->run_cycle(m_on_new_content, &m_cancel);
        } catch (std::exception const& exception) {
            // Nothing in a cycle throws by design (errors are values); if the standard library
            // does (out of memory), the screen keeps playing and the next poll tries again.
            result.failure = FailureKind::Cache;
            result.error = std::string("unexpected error: ") + exception.what();
            result.version = m_sync->version();
        }
        if (result.failure == FailureKind::Cancelled)
            return;
        if (auto line = reporter.report(result))
            log_message(line->level, line->text);
        auto delay = result.outcome == CycleOutcome::Failed ? m_backoff.after_failure() : m_backoff.after_success();

        std::unique_lock lock(m_mutex);
        m_status.cycles += 1;
        m_status.version = result.version;
        m_status.last_attempt = started;
        m_status.last_outcome = result.outcome;
        m_status.last_failure = result.failure;
        m_status.last_error = result.error;
        m_status.last_poll_bytes = result.transferred_bytes;
        m_status.consecutive_failures = m_backoff.failures();
        m_status.next_poll_in = delay;
        if (result.outcome != CycleOutcome::Failed)
            m_status.last_success = started;
        m_wake.wait_for(lock, delay, [this] { return m_stopping || m_poll_now; });
    }
}

} // namespace hallboard::sync
