// A cpp-httplib server on 127.0.0.1 and a free port, run on a thread for the length of a test.
#pragma once

#include "base/unique_fd.h"

#include <doctest/doctest.h>
#include <httplib.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

namespace hallboard::test {

class LoopbackServer {
public:
    LoopbackServer() = default;
    ~LoopbackServer() { stop(); }
    LoopbackServer(const LoopbackServer&) = delete;
    LoopbackServer& operator=(const LoopbackServer&) = delete;

    httplib::Server& routes() { return m_server; }

    // Binds and starts serving; the routes must be set before.
    void start()
    {
        m_port = m_server.bind_to_any_port("127.0.0.1");
        REQUIRE(m_port > 0);
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        while (!m_server.is_running())
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }

    void stop()
    {
        m_stopping = true;
        if (m_thread.joinable()) {
            m_server.stop();
            m_thread.join();
        }
    }

    // For handlers that dawdle: true once the test is over, so they stop dawdling.
    bool stopping() const { return m_stopping; }

    std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(m_port) + path; }

private:
    httplib::Server m_server;
    std::thread m_thread;
    std::atomic<bool> m_stopping { false };
    int m_port = 0;
};

// A loopback port nobody listens on: bound, then closed again without listen().
inline int refused_port()
{
    hallboard::UniqueFd socket(::socket(AF_INET, SOCK_STREAM, 0));
    REQUIRE(socket.valid());
    int fd = socket.get();
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    socklen_t length = sizeof address;
    REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    return ntohs(address.sin_port);
}

// Sleeps in small steps so a stopping server is not held up.
inline void dawdle(const LoopbackServer& server, std::chrono::milliseconds duration)
{
    auto until = std::chrono::steady_clock::now() + duration;
    while (!server.stopping() && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

} // namespace hallboard::test
