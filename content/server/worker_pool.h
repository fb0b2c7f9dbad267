// The server's task queue: a fixed pool of threads answering connections, each connection
// admitted (or refused) by the connection guard first, with a bounded wait for a thread.
#pragma once

#include "content/server/connection_guard.h"

#include <httplib.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace hallboard {

// Why our own pool: the library's default is one thread per core (8 on a small machine) with
// an unbounded queue, so 8 slow clients stall every screen. Here there are many more threads
// than one address may hold connections (ConnectionLimits::max_per_address), and a connection
// that would wait behind `max_waiting` others is closed at once rather than queued for minutes.
//
// Created by the library when it starts listening (Server::new_task_queue), which owns and
// deletes it; enqueue() runs on the accepting thread, tasks on the pool's threads. shutdown()
// lets queued and running tasks finish (each is bounded by the guard and the timeouts).
class WorkerPool : public httplib::TaskQueue {
public:
    WorkerPool(ConnectionGuard& guard, int threads, int max_waiting);
    ~WorkerPool() override;

    void enqueue(std::function<void()> task) override;
    void shutdown() override;

private:
    struct Job {
        std::function<void()> task;
        std::shared_ptr<ConnectionGuard::Connection> connection; // null: unwatched
    };
    void work();

    ConnectionGuard& m_guard;
    size_t m_max_waiting;
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<Job> m_jobs;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};

} // namespace hallboard
