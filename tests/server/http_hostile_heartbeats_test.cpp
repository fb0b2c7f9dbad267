// Issue 13, heartbeats without a token: control characters are stored escaped, a flood of made-up
// screen ids from many addresses does not lock a real new screen out, and one address is limited.
#include "content/heartbeat/heartbeat.h"
#include "server_test_support.h"

#include <doctest/doctest.h>

#include <chrono>

using namespace hallboard;
using nlohmann::json;

namespace {

json heartbeat_json(
    const std::string& screen, const std::string& hall, const std::string& sync_error = "connection refused")
{
    return { { "screen", screen }, { "hall", hall }, { "version", 1 }, { "current_notice", nullptr },
        { "uptime_s", 60 }, { "interval_s", 60 }, { "sent_at", format_utc_timestamp(std::chrono::system_clock::now()) },
        { "sync", { { "result", "failed" }, { "error", sync_error }, { "at", "2026-11-23T09:59:30Z" } } },
        { "plays", json::array() } };
}

// POSTs a heartbeat from a given loopback address (all of 127.0.0.0/8 is local on Linux), so a
// test can be many clients. Returns the raw answer.
std::string post_from(int port, const char* source, const json& heartbeat)
{
    UniqueFd socket(::socket(AF_INET, SOCK_STREAM, 0));
    REQUIRE(socket.valid());
    sockaddr_in local {};
    local.sin_family = AF_INET;
    REQUIRE(::inet_pton(AF_INET, source, &local.sin_addr) == 1);
    REQUIRE(::bind(socket.get(), reinterpret_cast<sockaddr*>(&local), sizeof local) == 0);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(socket.get(), reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    timeval timeout { 10, 0 };
    ::setsockopt(socket.get(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    auto body = heartbeat.dump();
    auto request = "POST /api/heartbeat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
        + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    REQUIRE(::send(socket.get(), request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size()));
    std::string answer;
    char buffer[4096];
    for (ssize_t n; (n = ::recv(socket.get(), buffer, sizeof buffer, 0)) > 0;)
        answer.append(buffer, static_cast<size_t>(n));
    return answer;
}

json listed_screens(const test::RunningServer& server)
{
    auto answer = server.admin().Get("/admin/screens");
    REQUIRE(answer);
    REQUIRE(answer->status == 200);
    return json::parse(answer->body)["screens"];
}

} // namespace

TEST_CASE("heartbeats over HTTP: control characters are stored and listed escaped")
{
    test::LogRecorder log;
    test::TempFolder folder;
    test::RunningServer server(folder.path());
    std::string hall = std::string("\x1b[2J\x1b]0;pwned\x07城西\r\nhz-forged-01  ok") + '\0'
        + "cut\xC2\x9B"
          "31m";
    std::string error = "refused\x1b[8m hidden";
    auto answer = post_from(server.port(), "127.0.0.1", heartbeat_json("hz-chengxi-01", hall, error));
    INFO(answer);
    REQUIRE(test::raw_status(answer) == 200);

    std::string const stored_hall = "\\x1b[2J\\x1b]0;pwned\\x07城西\\x0d\\x0ahz-forged-01  ok\\x00cut\\u{9b}31m";
    auto record = server.server().screens().screen("hz-chengxi-01");
    REQUIRE(record);
    CHECK(record->hall == stored_hall);
    CHECK(record->sync.error == "refused\\x1b[8m hidden");
    // The admin API stays JSON; what it carries is already clean.
    auto screens = listed_screens(server);
    REQUIRE(screens.size() == 1);
    CHECK(screens[0]["hall"] == stored_hall);
    CHECK(screens[0]["sync"]["error"] == "refused\\x1b[8m hidden");
    // And the server's own log line of the first heartbeat holds no control character either.
    for (auto const& line : log.lines())
        for (char c : line)
            CHECK((static_cast<unsigned char>(c) >= 0x20 && c != 0x7F));
}

TEST_CASE("heartbeats over HTTP: after a flood of made-up ids fills the server, a real new screen is still taken")
{
    test::LogRecorder log;
    test::TempFolder folder;
    ServerOptions options;
    options.screens.max_screens = 30;
    test::RunningServer server(folder.path(), options);

    // A real screen, confirmed (two heartbeats), before the flood.
    for (int i = 0; i < 2; ++i)
        REQUIRE(test::raw_status(post_from(server.port(), "127.0.0.1", heartbeat_json("hz-real-01", "城西供电营业厅")))
            == 200);
    // 200 made-up ids from ten addresses, each within its own 20 a minute: far above the bound.
    int stored = 0;
    for (int source = 0; source < 10; ++source) {
        auto address = "127.0.0." + std::to_string(10 + source);
        for (int i = 0; i < 20; ++i) {
            auto id = "fake-" + std::to_string(source) + "-" + std::to_string(i);
            stored += test::raw_status(post_from(server.port(), address.c_str(), heartbeat_json(id, "x"))) == 200;
        }
    }
    CHECK(stored == 200);
    CHECK(listed_screens(server).size() == 30);

    // The real new screen comes from an address of its own, after the flood.
    auto answer = post_from(server.port(), "127.0.0.2", heartbeat_json("hz-real-02", "滨江供电营业厅"));
    INFO(answer);
    CHECK(test::raw_status(answer) == 200);
    CHECK(server.server().screens().screen("hz-real-02"));
    CHECK(server.server().screens().screen("hz-real-01")); // confirmed: never pushed out
    CHECK(listed_screens(server).size() == 30);
    CHECK(log.count_containing("was forgotten to make room for 'hz-real-02'") == 1);
}

TEST_CASE("heartbeats over HTTP: one address introducing too many new ids gets 429 with Retry-After")
{
    test::LogRecorder log;
    test::TempFolder folder;
    ServerOptions options;
    options.screens.new_screens.per_minute = 5;
    test::RunningServer server(folder.path(), options);
    for (int i = 0; i < 5; ++i)
        CHECK(test::raw_status(post_from(server.port(), "127.0.0.3", heartbeat_json("new-" + std::to_string(i), "x")))
            == 200);
    auto refused = post_from(server.port(), "127.0.0.3", heartbeat_json("new-5", "x"));
    CHECK(test::raw_status(refused) == 429);
    auto retry = refused.find("Retry-After: ");
    REQUIRE(retry != std::string::npos);
    auto seconds = std::stoi(refused.substr(retry + 13));
    CHECK(seconds >= 1);
    CHECK(seconds <= 12);
    CHECK(refused.find("\"retry_after_s\":") != std::string::npos);
    CHECK_FALSE(server.server().screens().screen("new-5"));
    // Known screens of that address go on; other addresses are not held back.
    CHECK(test::raw_status(post_from(server.port(), "127.0.0.3", heartbeat_json("new-0", "x"))) == 200);
    CHECK(test::raw_status(post_from(server.port(), "127.0.0.4", heartbeat_json("new-5", "x"))) == 200);
}
