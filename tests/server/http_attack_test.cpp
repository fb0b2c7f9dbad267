// Issue 13, a server nobody can stall: while slow request heads (slowloris) and an endless header
// flood run against a real server, a screen's poll of /manifest.json is still answered. Times
// here are correctness bounds only (generous, for a noisy machine); figures come from
// scripts/attack_server.py.
#include "server_test_support.h"

#include <doctest/doctest.h>

#include <poll.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <memory>

using namespace hallboard;

namespace {

UniqueFd connect_from(int port, const std::string& source)
{
    UniqueFd socket(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    sockaddr_in local {};
    local.sin_family = AF_INET;
    ::inet_pton(AF_INET, source.c_str(), &local.sin_addr);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (!socket.valid() || ::bind(socket.get(), reinterpret_cast<sockaddr*>(&local), sizeof local) != 0
        || ::connect(socket.get(), reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
        return UniqueFd();
    return socket;
}

bool send_all(int socket, std::string_view bytes)
{
    while (!bytes.empty()) {
        auto n = ::send(socket, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        bytes.remove_prefix(static_cast<size_t>(n));
    }
    return true;
}

// True when the server closed (or reset) the connection within `milliseconds`.
bool closed_within(int socket, int milliseconds)
{
    pollfd waiting { socket, POLLIN, 0 };
    if (::poll(&waiting, 1, milliseconds) <= 0)
        return false;
    char byte;
    return ::recv(socket, &byte, 1, MSG_DONTWAIT) <= 0;
}

struct Attack {
    std::atomic<bool> stop { false };
    std::atomic<int> slow_opened { 0 };
    std::atomic<int> slow_cut { 0 };
    std::atomic<int> flood_cut { 0 };
    std::atomic<int> flood_opened { 0 };
    std::vector<std::thread> threads;

    ~Attack()
    {
        stop = true;
        for (auto& thread : threads)
            thread.join();
    }

    // One header line a second, never the blank line that ends the head.
    void slowloris(int port, std::string source)
    {
        threads.emplace_back([this, port, source] {
            while (!stop) {
                auto socket = connect_from(port, source);
                if (!socket.valid() || !send_all(socket.get(), "GET /manifest.json HTTP/1.1\r\nHost: x\r\n")) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(200));
                    continue;
                }
                ++slow_opened;
                for (int line = 0; !stop; ++line) {
                    if (closed_within(socket.get(), 1000)
                        || !send_all(socket.get(), "X-Slow-" + std::to_string(line) + ": a\r\n")) {
                        ++slow_cut;
                        break;
                    }
                }
            }
        });
    }

    // Endless small headers as fast as the server takes them.
    void header_flood(int port, std::string source)
    {
        threads.emplace_back([this, port, source] {
            std::string chunk;
            for (int i = 0; i < 500; ++i)
                chunk += "X-Flood-" + std::to_string(i) + ": bbbbbbbbbbbbbbbbbbbb\r\n";
            while (!stop) {
                auto socket = connect_from(port, source);
                if (!socket.valid() || !send_all(socket.get(), "GET /manifest.json HTTP/1.1\r\nHost: x\r\n")) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(200));
                    continue;
                }
                ++flood_opened;
                timeval timeout { 1, 0 }; // a send blocked on a full window wakes to check `stop`
                ::setsockopt(socket.get(), SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
                while (!stop) {
                    if (!send_all(socket.get(), chunk)) {
                        if (errno == EAGAIN || errno == EWOULDBLOCK)
                            continue;
                        ++flood_cut;
                        break;
                    }
                }
            }
        });
    }
};

} // namespace

TEST_CASE("under slowloris and a header flood, a screen's poll of /manifest.json is still answered")
{
    test::LogRecorder log;
    test::TempFolder folder;
    test::Signer signer;
    test::write_published(folder, signer, 3, {});
    ServerOptions options;
    options.connections.head_deadline_ms = 2000; // the default 5 s would make the test slow, not different
    test::RunningServer server(folder.path(), options);

    Attack attack;
    // 60 slow connections from 4 addresses (15 each, under the 16 per address), and a flood.
    for (int i = 0; i < 60; ++i)
        attack.slowloris(server.port(), "127.0.0." + std::to_string(20 + i % 4));
    attack.header_flood(server.port(), "127.0.0.30");
    std::this_thread::sleep_for(std::chrono::milliseconds(500)); // let the attack take hold

    int polls = 0, answered = 0;
    auto end = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (std::chrono::steady_clock::now() < end) {
        auto client = server.client(); // a new connection each time, like a screen's poll
        client.set_connection_timeout(10, 0);
        client.set_read_timeout(10, 0);
        auto answer = client.Get("/manifest.json");
        ++polls;
        answered += answer && answer->status == 200;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    attack.stop = true;
    INFO("slow connections opened " << attack.slow_opened.load() << ", cut " << attack.slow_cut.load() << "; flood cut "
                                    << attack.flood_cut.load() << ", flood connections " << attack.flood_opened.load());
    CHECK(polls > 0);
    CHECK(answered == polls);
    // Past the head deadline the slow heads were cut, and the flood was cut by the size bound.
    CHECK(attack.slow_cut >= 30);
    CHECK(attack.flood_cut >= 1);
}

TEST_CASE("one address holds at most 16 connections; the next is closed at once")
{
    test::LogRecorder log;
    test::TempFolder folder;
    ServerOptions options;
    options.connections.head_deadline_ms = 60'000; // so that only the address cap closes anything here
    test::RunningServer server(folder.path(), options);
    std::vector<UniqueFd> held;
    for (int i = 0; i < 16; ++i) {
        held.push_back(connect_from(server.port(), "127.0.0.40"));
        REQUIRE(held.back().valid());
        REQUIRE(send_all(held.back().get(), "GET /healthz HTTP/1.1\r\n"));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200)); // all sixteen accepted and counted
    auto extra = connect_from(server.port(), "127.0.0.40");
    REQUIRE(extra.valid());
    CHECK(closed_within(extra.get(), 10'000));
    for (auto const& socket : held)
        CHECK_FALSE(closed_within(socket.get(), 0));
    // Another address is not affected.
    auto answer = server.client().Get("/healthz");
    REQUIRE(answer);
    CHECK(answer->status == 200);
}

TEST_CASE("the listening socket queues 1024 connections, not the HTTP library's 5")
{
    test::LogRecorder log;
    test::TempFolder folder;
    test::RunningServer server(folder.path());
    int somaxconn = 4096;
    std::ifstream("/proc/sys/net/core/somaxconn") >> somaxconn;
    // ss shows a listening socket's backlog as its Send-Q.
    auto command = "ss -Hltn 'sport = :" + std::to_string(server.port()) + "' 2>/dev/null";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
    REQUIRE(pipe);
    char line[512] = {};
    if (!std::fgets(line, sizeof line, pipe.get())) {
        MESSAGE("ss is not available; the backlog is not checked");
        return;
    }
    char state[32] = {};
    long receive_queue = -1, backlog = -1;
    REQUIRE(std::sscanf(line, "%31s %ld %ld", state, &receive_queue, &backlog) == 3);
    CHECK(std::string(state) == "LISTEN");
    CHECK(backlog == std::min(1024, somaxconn));
}

namespace {

// Everything the server sends until it closes the connection (or `milliseconds` pass quietly).
std::string read_until_closed(int socket, int milliseconds)
{
    std::string received;
    char buffer[4096];
    for (;;) {
        pollfd waiting { socket, POLLIN, 0 };
        if (::poll(&waiting, 1, milliseconds) <= 0)
            return received;
        auto n = ::recv(socket, buffer, sizeof buffer, 0);
        if (n <= 0)
            return received;
        received.append(buffer, static_cast<size_t>(n));
    }
}

// One answer (head and a Content-Length body) on a connection that stays open.
std::string read_one_answer(int socket)
{
    std::string answer;
    char buffer[4096];
    for (;;) {
        auto end = answer.find("\r\n\r\n");
        if (end != std::string::npos) {
            auto field = answer.find("Content-Length: ");
            size_t length = field < end ? std::stoul(answer.substr(field + 16)) : 0;
            if (answer.size() >= end + 4 + length)
                return answer;
        }
        pollfd waiting { socket, POLLIN, 0 };
        if (::poll(&waiting, 1, 10'000) != 1)
            return answer;
        auto n = ::recv(socket, buffer, sizeof buffer, 0);
        if (n <= 0)
            return answer;
        answer.append(buffer, static_cast<size_t>(n));
    }
}

std::string head_with_lines(int lines, std::string_view path = "/healthz")
{
    // "Connection: close", so that the server closes after its answer (a client that half-closes
    // instead gets no answer from cpp-httplib at all).
    std::string head = "GET " + std::string(path) + " HTTP/1.1\r\nConnection: close\r\n";
    for (int i = 1; i < lines; ++i)
        head += "X-Line-" + std::to_string(i) + ": a\r\n";
    return head + "\r\n";
}

std::string status_line(const std::string& answer)
{
    return answer.substr(0, answer.find("\r\n"));
}

} // namespace

TEST_CASE("a request head is bounded before the library reads it: 8 KiB and 100 header lines")
{
    test::LogRecorder log;
    test::TempFolder folder;
    test::RunningServer server(folder.path());
    auto ask = [&](const std::string& head) {
        auto socket = connect_from(server.port(), "127.0.0.50");
        REQUIRE(socket.valid());
        REQUIRE(send_all(socket.get(), head));
        return status_line(read_until_closed(socket.get(), 10'000));
    };
    CHECK(ask(head_with_lines(100)) == "HTTP/1.1 200 OK");
    CHECK(ask(head_with_lines(101)) == "HTTP/1.1 431 Request Header Fields Too Large");

    std::string at_bound = "GET /healthz HTTP/1.1\r\nConnection: close\r\nX-Fill: \r\n\r\n";
    at_bound.insert(at_bound.size() - 4, 8192 - at_bound.size(), 'a');
    REQUIRE(at_bound.size() == 8192);
    CHECK(ask(at_bound) == "HTTP/1.1 200 OK");
    auto past_bound = at_bound;
    past_bound.insert(past_bound.size() - 4, "a");
    CHECK(ask(past_bound) == "HTTP/1.1 431 Request Header Fields Too Large");
    CHECK(ask("GET /" + std::string(9000, 'a') + " HTTP/1.1\r\n\r\n") == "HTTP/1.1 414 URI Too Long");
}

TEST_CASE("a head that arrives in pieces within the deadline is answered, on a kept-alive connection too")
{
    test::LogRecorder log;
    test::TempFolder folder;
    test::RunningServer server(folder.path());
    auto socket = connect_from(server.port(), "127.0.0.51");
    REQUIRE(socket.valid());
    for (int request = 0; request < 2; ++request) {
        REQUIRE(send_all(socket.get(), "GET /healthz HTTP/1.1\r\n"));
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        REQUIRE(send_all(socket.get(), "Host: x\r\n"));
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        REQUIRE(send_all(socket.get(), "\r\n"));
        CHECK(status_line(read_one_answer(socket.get())) == "HTTP/1.1 200 OK");
    }
    // The third head on the same connection is too large: refused, and the connection closed.
    REQUIRE(send_all(socket.get(), head_with_lines(150)));
    auto answer = read_until_closed(socket.get(), 10'000);
    CHECK(answer.find("431 Request Header Fields Too Large") != std::string::npos);
}
