// Bounds on every client connection before its request head is complete: a deadline for the
// whole head, caps on its bytes and lines, and a cap on open connections per client address.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_set>

namespace hallboard {

struct ConnectionLimits {
    int head_deadline_ms = 5000;    // request line + headers must arrive within this, counted from
                                    // the accept or from the end of the previous answer
    uint64_t max_head_bytes = 8192; // request line + headers + blank line
    uint64_t max_header_lines = 100;
    int max_per_address = 16; // open connections from one client IP address
    int idle_ms = 2000;       // a connection that has sent no byte of its next head for this long is
                              // closed quietly (the server sets it to its keep-alive time)
};

// Why not inside the HTTP library: cpp-httplib 0.11 bounds each header line (8 KiB) and each
// socket read (a timeout), but neither the whole head nor the number of headers, and it gives
// no hook between accept and the end of the head. So the guard works on the socket itself:
//  - await_head() runs on the answering thread before the library reads a head (before its
//    task, and after each answer on a kept-alive connection). It looks at the received bytes
//    without taking them (recv MSG_PEEK) until a whole head is there, and only then lets the
//    library read. A head above the byte or line bound, or late, is answered (431/414/408) and
//    the connection cut, so the library never holds more than the bound of any head: a header
//    flood costs the server max_head_bytes per connection, not whatever arrives meanwhile.
//  - a watchdog thread, the second line of defence, cuts (shutdown(2), which wakes the blocked
//    reader, and a reset) any connection whose head is still incomplete a second after its
//    deadline, and the library then closes it as a broken connection.
//
// Threads: admit() runs on the accepting thread, finish() and the marks on the thread that
// answers the connection, the watchdog on its own thread; all state is behind one mutex.
// The guard keeps its own dup() of each socket, so a descriptor number the library closed and
// the kernel reused for a new connection is never shut down by mistake.
class ConnectionGuard {
public:
    struct Connection;

    explicit ConnectionGuard(ConnectionLimits limits);
    ~ConnectionGuard();
    ConnectionGuard(const ConnectionGuard&) = delete;
    ConnectionGuard& operator=(const ConnectionGuard&) = delete;

    // The port the server listens on; accepted sockets are recognised by it.
    void set_listen_port(int port);

    // Called on the accepting thread right after the library accepted a connection, before its
    // task is queued. Finds the new socket (see the .cpp for how), then:
    //  Tracked: it is watched until finish();
    //  Refused: its address has max_per_address open; the guard closed it, drop the task;
    //  Unknown: it could not be found (should not happen); the task runs unwatched.
    enum class Admission { Tracked, Refused, Unknown };
    Admission admit(std::shared_ptr<Connection>& connection);
    // The connection is done (its task returned, so the library closed its descriptor).
    void finish(const std::shared_ptr<Connection>& connection);
    // Closes a tracked connection whose task will never run (the worker queue is full).
    void drop(const std::shared_ptr<Connection>& connection);

    // On the answering thread, before the library reads the connection's first head: waits
    // until a whole head within the bounds has been received (see above), or cuts the connection.
    // Either way the library's task runs next, and finds a head, an end of file or an error.
    void await_head(const std::shared_ptr<Connection>& connection);

    // On the answering thread, from the library's hooks: the head was read (pre-routing), and
    // an answer was written (the next head's deadline starts now). `kept_alive`: the library
    // will read another head on this connection, so mark_answered() waits for it (await_head).
    static void mark_head_complete();
    static void mark_answered(bool kept_alive);
    // Which connection the calling thread answers (set by the worker pool around each task).
    static void set_current(std::shared_ptr<Connection> connection);

    struct Counts {
        uint64_t refused_per_address = 0; // closed at accept: too many from one address
        uint64_t dropped = 0;             // closed at accept: the worker queue was full
        uint64_t cut_late = 0;            // head not complete within the deadline
        uint64_t cut_large = 0;           // head above max_head_bytes or max_header_lines
        uint64_t closed_idle = 0;         // no byte of a next head within idle_ms
        uint64_t unwatched = 0;           // the accepted socket was not found (should stay 0)
    };
    Counts counts() const;

private:
    void watch();
    int find_new_socket();
    void count(uint64_t Counts::*counter);

    ConnectionLimits m_limits;
    int m_listen_port = -1;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::map<std::string, int> m_per_address;
    std::unordered_set<uint64_t> m_known_inodes; // sockets already admitted and still open
    std::unordered_set<std::shared_ptr<Connection>> m_open;
    Counts m_counts;
    std::thread m_watchdog;
};

} // namespace hallboard
