// The connection guard: per-address caps at accept, a wait for each whole request head before the
// library reads it, and a watchdog that cuts connections whose request head is late or too large.
#include "content/server/connection_guard.h"

#include "base/log.h"
#include "base/unique_fd.h"
#include "content/server/request_head_scan.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <string_view>
#include <vector>

namespace hallboard {

using Clock = std::chrono::steady_clock;

struct ConnectionGuard::Connection {
    ConnectionGuard* guard = nullptr;
    UniqueFd socket;     // our own dup of the library's descriptor (same socket)
    int library_fd = -1; // the library's descriptor; closed by the library's task
    uint64_t inode = 0;
    std::string address;
    std::atomic<bool> head_complete { false };
    std::atomic<bool> cut { false };
    std::atomic<Clock::rep> head_started { 0 };
};

namespace {

thread_local std::shared_ptr<ConnectionGuard::Connection> t_current;

int local_port(int socket)
{
    sockaddr_storage address {};
    socklen_t length = sizeof address;
    if (::getsockname(socket, reinterpret_cast<sockaddr*>(&address), &length) != 0)
        return -1;
    if (address.ss_family == AF_INET)
        return ntohs(reinterpret_cast<sockaddr_in*>(&address)->sin_port);
    if (address.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<sockaddr_in6*>(&address)->sin6_port);
    return -1;
}

std::string peer_address(int socket)
{
    sockaddr_storage address {};
    socklen_t length = sizeof address;
    char text[INET6_ADDRSTRLEN] = "?";
    if (::getpeername(socket, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
        if (address.ss_family == AF_INET)
            ::inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&address)->sin_addr, text, sizeof text);
        else if (address.ss_family == AF_INET6)
            ::inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(&address)->sin6_addr, text, sizeof text);
    }
    return text;
}

// Disconnects the socket itself (a reset, the receive queue purged), so the library's next read
// fails at once however much more the client sends; shutdown(SHUT_RD) alone would let Linux go on
// queueing data and the library go on reading it.
void cut_connection(int socket)
{
    ::shutdown(socket, SHUT_RDWR); // wakes a reader blocked on the socket
    sockaddr disconnect {};
    disconnect.sa_family = AF_UNSPEC;
    ::connect(socket, &disconnect, sizeof disconnect);
}

// The answer to a refused head, written straight to the socket (the library has not read the
// head, so it cannot answer). Best effort: the client may be sending too fast to read it.
void answer_and_cut(int socket, int status, std::string_view reason, std::string_view message)
{
    std::string body = "{\"error\":\"" + std::string(message) + "\"}";
    std::string answer = "HTTP/1.1 " + std::to_string(status) + " " + std::string(reason)
        + "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size())
        + "\r\nConnection: close\r\n\r\n" + body;
    (void)::send(socket, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    ::shutdown(socket, SHUT_WR); // the answer, then the end of it
    cut_connection(socket);
}

void set_receive_low_water(int socket, int bytes)
{
    ::setsockopt(socket, SOL_SOCKET, SO_RCVLOWAT, &bytes, sizeof bytes);
}

void start_head(ConnectionGuard::Connection& connection)
{
    connection.head_started = Clock::now().time_since_epoch().count();
    connection.head_complete = false;
}

} // namespace

ConnectionGuard::ConnectionGuard(ConnectionLimits limits)
    : m_limits(limits)
    , m_watchdog([this] { watch(); })
{
}

ConnectionGuard::~ConnectionGuard()
{
    auto total = counts();
    log_info("connections refused (per address) " + std::to_string(total.refused_per_address)
        + ", dropped (queue full) " + std::to_string(total.dropped) + ", cut for a late head "
        + std::to_string(total.cut_late) + ", for a large head " + std::to_string(total.cut_large) + ", closed idle "
        + std::to_string(total.closed_idle) + ", unwatched " + std::to_string(total.unwatched));
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_watchdog.join();
}

void ConnectionGuard::set_listen_port(int port)
{
    std::lock_guard lock(m_mutex);
    m_listen_port = port;
}

// The library hands its task queue a closure over the accepted descriptor, not the descriptor
// itself, so the guard finds it: the one connected socket whose local port is the listening
// port and which is not already admitted. Only the accepting thread accepts, and admit() runs
// between its accept and the next, so exactly one such socket is new. Socket inodes are not
// reused while a socket is open, and the guard holds a dup of every admitted one, so "not
// already admitted" is exact. Costs one fstat per open descriptor per accept.
int ConnectionGuard::find_new_socket()
{
    std::error_code code;
    for (auto const& entry : std::filesystem::directory_iterator("/proc/self/fd", code)) {
        char* end = nullptr;
        auto name = entry.path().filename().string();
        long fd = std::strtol(name.c_str(), &end, 10);
        if (end == name.c_str() || *end != '\0')
            continue;
        struct stat status { };
        if (::fstat(static_cast<int>(fd), &status) != 0 || !S_ISSOCK(status.st_mode)
            || m_known_inodes.contains(static_cast<uint64_t>(status.st_ino)))
            continue;
        int listening = 0;
        socklen_t length = sizeof listening;
        if (::getsockopt(static_cast<int>(fd), SOL_SOCKET, SO_ACCEPTCONN, &listening, &length) != 0 || listening)
            continue;
        if (local_port(static_cast<int>(fd)) == m_listen_port)
            return static_cast<int>(fd);
    }
    return -1;
}

ConnectionGuard::Admission ConnectionGuard::admit(std::shared_ptr<Connection>& connection)
{
    std::lock_guard lock(m_mutex);
    int fd = m_listen_port > 0 ? find_new_socket() : -1;
    if (fd < 0) {
        ++m_counts.unwatched;
        return Admission::Unknown;
    }
    std::string address = peer_address(fd);
    if (m_per_address[address] >= m_limits.max_per_address) {
        if (m_per_address[address] == 0)
            m_per_address.erase(address);
        ++m_counts.refused_per_address;
        ::shutdown(fd, SHUT_RDWR);
        UniqueFd closing(fd); // the library's task is dropped, so its descriptor is ours to close
        return Admission::Refused;
    }
    UniqueFd copy(::fcntl(fd, F_DUPFD_CLOEXEC, 0));
    struct stat status { };
    if (!copy || ::fstat(copy.get(), &status) != 0) {
        ++m_counts.unwatched;
        return Admission::Unknown;
    }
    connection = std::make_shared<Connection>();
    connection->guard = this;
    connection->socket = std::move(copy);
    connection->library_fd = fd;
    connection->inode = static_cast<uint64_t>(status.st_ino);
    connection->address = address;
    start_head(*connection);
    ++m_per_address[address];
    m_known_inodes.insert(connection->inode);
    m_open.insert(connection);
    m_wake.notify_all();
    return Admission::Tracked;
}

void ConnectionGuard::finish(const std::shared_ptr<Connection>& connection)
{
    std::lock_guard lock(m_mutex);
    if (!m_open.erase(connection))
        return;
    // Our dup goes before the inode is forgotten: the dup keeps the socket (shut down by the
    // library, but still connected to the listening port) open, and find_new_socket() would
    // otherwise take it for the next accepted connection, which would then run unwatched. (Seen
    // under a combined attack: a header flood read unbounded by the library while the guard
    // watched a dead socket.) Only this connection's answering thread uses the dup but the
    // watchdog, which holds m_mutex as this does and no longer sees the connection.
    connection->socket.reset();
    m_known_inodes.erase(connection->inode);
    if (--m_per_address[connection->address] <= 0)
        m_per_address.erase(connection->address);
}

void ConnectionGuard::drop(const std::shared_ptr<Connection>& connection)
{
    ::shutdown(connection->socket.get(), SHUT_RDWR);
    UniqueFd closing(connection->library_fd);
    {
        std::lock_guard lock(m_mutex);
        ++m_counts.dropped;
    }
    finish(connection);
}

void ConnectionGuard::count(uint64_t Counts::*counter)
{
    std::lock_guard lock(m_mutex);
    ++(m_counts.*counter);
}

// Peeks at the receive queue each time more bytes arrived: SO_RCVLOWAT (honoured by poll(2) for
// TCP) makes poll wait for more than what was already looked at, so a client sending one byte a
// second wakes this thread once a second, not in a busy loop. The peek buffer is max_head_bytes
// + 1, the only memory a head costs before it is known to be within the bounds.
void ConnectionGuard::await_head(const std::shared_ptr<Connection>& connection)
{
    int socket = connection->socket.get();
    auto started = Clock::time_point(Clock::duration(connection->head_started.load()));
    auto deadline = started + std::chrono::milliseconds(m_limits.head_deadline_ms);
    auto idle_end = std::min(deadline, started + std::chrono::milliseconds(m_limits.idle_ms));
    HeadBounds bounds { static_cast<size_t>(m_limits.max_head_bytes), static_cast<size_t>(m_limits.max_header_lines) };
    std::vector<char> buffer(bounds.max_bytes + 1);
    size_t seen = 0;
    bool peer_done = false;
    for (;;) {
        ssize_t got = ::recv(socket, buffer.data(), buffer.size(), MSG_PEEK | MSG_DONTWAIT);
        if (got == 0 || (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR))
            break; // closed or cut: the library reads the end of file or the error and closes
        if (got > 0) {
            switch (scan_request_head({ buffer.data(), static_cast<size_t>(got) }, bounds)) {
            case HeadScan::Complete:
                set_receive_low_water(socket, 1);
                connection->head_complete = true; // the library reads it next; nothing left to watch
                return;
            case HeadScan::Incomplete:
                break;
            case HeadScan::RequestLineTooLong:
                count(&Counts::cut_large);
                connection->cut = true;
                answer_and_cut(socket, 414, "URI Too Long", "request target too long");
                return;
            case HeadScan::TooLarge:
            case HeadScan::TooManyLines:
                count(&Counts::cut_large);
                connection->cut = true;
                answer_and_cut(socket, 431, "Request Header Fields Too Large",
                    "the request head is larger than " + std::to_string(bounds.max_bytes) + " bytes or "
                        + std::to_string(bounds.max_header_lines) + " header lines");
                return;
            }
            seen = static_cast<size_t>(got);
        }
        if (peer_done)
            break; // the client ended its side with an incomplete head; the library sees that
        auto now = Clock::now();
        auto limit = seen == 0 ? idle_end : deadline;
        if (now >= limit) {
            if (seen == 0) {
                count(&Counts::closed_idle);
                // Not a quiet shutdown(2): Linux takes data after SHUT_RD, so a client that starts
                // a flood just now would be read by the library unbounded.
                connection->cut = true;
                cut_connection(socket);
            } else {
                count(&Counts::cut_late);
                connection->cut = true;
                answer_and_cut(socket, 408, "Request Timeout", "the request head did not arrive in time");
            }
            return;
        }
        set_receive_low_water(socket, static_cast<int>(seen + 1));
        pollfd wait { socket, POLLIN | POLLRDHUP, 0 };
        auto left = std::chrono::ceil<std::chrono::milliseconds>(limit - now).count();
        if (::poll(&wait, 1, static_cast<int>(std::max<decltype(left)>(left, 1))) > 0
            && (wait.revents & (POLLRDHUP | POLLHUP | POLLERR)))
            peer_done = true; // one more look at what it sent, then stop waiting
    }
    set_receive_low_water(socket, 1);
}

void ConnectionGuard::set_current(std::shared_ptr<Connection> connection)
{
    t_current = std::move(connection);
}

void ConnectionGuard::mark_head_complete()
{
    if (t_current)
        t_current->head_complete = true;
}

void ConnectionGuard::mark_answered(bool kept_alive)
{
    if (!t_current)
        return;
    start_head(*t_current);
    t_current->guard->m_wake.notify_all();
    if (kept_alive)
        t_current->guard->await_head(t_current);
}

ConnectionGuard::Counts ConnectionGuard::counts() const
{
    std::lock_guard lock(m_mutex);
    return m_counts;
}

// The second line behind await_head(): cuts a head still incomplete a second after its deadline,
// which happens only if await_head() did not run for it (it answers 408 at the deadline itself).
// No byte check here: await_head() bounds the bytes exactly, and a watchdog counting received
// bytes raced it (cutting without the 431 answer) and could count a body arriving right after a
// complete head. Checks every 100 ms while a head is waiting, and sleeps otherwise.
void ConnectionGuard::watch()
{
    std::unique_lock lock(m_mutex);
    auto deadline = std::chrono::duration_cast<Clock::duration>(
        std::chrono::milliseconds(m_limits.head_deadline_ms) + std::chrono::seconds(1));
    while (!m_stopping) {
        bool waiting_heads = false;
        auto now = Clock::now();
        for (auto const& connection : m_open) {
            if (connection->head_complete || connection->cut)
                continue;
            waiting_heads = true;
            if (now - Clock::time_point(Clock::duration(connection->head_started.load())) > deadline) {
                cut_connection(connection->socket.get()); // the library's read fails; it closes
                connection->cut = true;
                ++m_counts.cut_late;
            }
        }
        if (waiting_heads)
            m_wake.wait_for(lock, std::chrono::milliseconds(100));
        else
            m_wake.wait(lock);
    }
}

} // namespace hallboard
