// The server's worker pool: guarded admission, a bounded queue, a fixed set of threads.
#include "content/server/worker_pool.h"

namespace hallboard {

WorkerPool::WorkerPool(ConnectionGuard& guard, int threads, int max_waiting)
    : m_guard(guard)
    , m_max_waiting(static_cast<size_t>(std::max(1, max_waiting)))
{
    for (int i = 0; i < std::max(1, threads); ++i)
        m_threads.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool()
{
    shutdown();
}

void WorkerPool::enqueue(std::function<void()> task)
{
    std::shared_ptr<ConnectionGuard::Connection> connection;
    if (m_guard.admit(connection) == ConnectionGuard::Admission::Refused)
        return; // the guard closed the socket; the task is dropped unrun
    {
        std::lock_guard lock(m_mutex);
        if (m_jobs.size() < m_max_waiting || !connection) {
            m_jobs.push_back({ std::move(task), std::move(connection) });
            m_ready.notify_one();
            return;
        }
    }
    m_guard.drop(connection);
}

void WorkerPool::shutdown()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_ready.notify_all();
    for (auto& thread : m_threads)
        if (thread.joinable())
            thread.join();
}

void WorkerPool::work()
{
    for (;;) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_ready.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_jobs.empty())
                return; // stopping, and every queued connection was answered
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        ConnectionGuard::set_current(job.connection);
        if (job.connection)
            m_guard.await_head(job.connection); // the library reads only a whole, bounded head
        job.task();                             // reads, answers and closes the connection
        ConnectionGuard::set_current(nullptr);
        if (job.connection)
            m_guard.finish(job.connection);
    }
}

} // namespace hallboard
