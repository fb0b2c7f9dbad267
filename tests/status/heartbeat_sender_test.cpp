// The heartbeat sender against real loopback servers: the embedded content server stores what
// it sends; a server that is down or refuses never stops it, and each state is logged once.
#include "player/status/heartbeat_sender.h"
#include "player/status/play_counter.h"
#include "server/server_test_support.h"
#include "base/unique_fd.h"

#include "eventually.h"

#include <doctest/doctest.h>

#include <condition_variable>

using namespace hallboard;
using namespace std::chrono_literals;
using nlohmann::json;
using test::eventually;

namespace {

// A loopback server of our own for what the content server would not do: record bodies, refuse, dawdle.
class CaptureServer {
public:
    explicit CaptureServer(std::function<void(const httplib::Request&, httplib::Response&)> handler)
    {
        m_server.Post("/api/heartbeat", [this, handler](const httplib::Request& request, httplib::Response& response) {
            {
                std::lock_guard lock(m_mutex);
                m_bodies.push_back(request.body);
            }
            handler(request, response);
        });
        m_port = m_server.bind_to_any_port("127.0.0.1");
        REQUIRE(m_port > 0);
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        while (!m_server.is_running())
            std::this_thread::sleep_for(5ms);
    }
    ~CaptureServer()
    {
        m_server.stop();
        m_thread.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    std::vector<std::string> bodies() const
    {
        std::lock_guard lock(m_mutex);
        return m_bodies;
    }

private:
    httplib::Server m_server;
    std::thread m_thread;
    int m_port = 0;
    mutable std::mutex m_mutex;
    std::vector<std::string> m_bodies;
};

void answer_ok(const httplib::Request&, httplib::Response& response)
{
    response.set_content(R"({"thumbnail_requested": false})", "application/json");
}

HeartbeatSnapshot snapshot_of(const PlayCounter& counter, std::uint64_t version = 3)
{
    HeartbeatSnapshot snapshot;
    snapshot.screen = "hz-chengxi-01";
    snapshot.hall = "城西供电营业厅";
    snapshot.version = version;
    snapshot.current_notice = "tariff-residential";
    snapshot.sync = { SyncResult::Ok, "", "2026-11-23T09:59:30Z" };
    snapshot.plays = counter.totals();
    return snapshot;
}

constexpr Date today { 2026, 11, 23 };

// A loopback port nobody listens on: bound, then closed again without listen().
int refused_port()
{
    hallboard::UniqueFd socket(::socket(AF_INET, SOCK_STREAM, 0));
    REQUIRE(socket.valid());
    int fd = socket.get();
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    socklen_t length = sizeof address;
    REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    return ntohs(address.sin_port);
}

} // namespace

TEST_CASE("heartbeat sender: the embedded server stores what the screen reports")
{
    test::LogRecorder log;
    test::TempFolder folder;
    test::RunningServer server(folder.path());
    PlayCounter counter;
    counter.record(today, "tariff-residential", 10s);
    counter.record(today, "tariff-residential", 10s);
    counter.record(today, "hotlines", 8s);

    HeartbeatSenderOptions options;
    options.server = "http://127.0.0.1:" + std::to_string(server.port());
    options.interval = 60s; // the first heartbeat goes at once; the second only when asked
    options.started = std::chrono::steady_clock::now() - 125s;
    HeartbeatSender sender(options, [&] { return snapshot_of(counter); });
    sender.start();

    REQUIRE(eventually([&] { return sender.status().delivered == 1; }));
    auto record = server.server().screens().screen("hz-chengxi-01");
    REQUIRE(record);
    CHECK(record->hall == "城西供电营业厅");
    CHECK(record->version == 3);
    CHECK(record->current_notice == "tariff-residential");
    CHECK(record->interval_s == 60);
    CHECK(record->uptime_s >= 125);
    CHECK(record->uptime_s < 135);
    CHECK(record->sync.result == SyncResult::Ok);
    CHECK(record->remote == "127.0.0.1");
    auto sent = parse_utc_timestamp(record->sent_at);
    REQUIRE(sent);
    CHECK(std::chrono::abs(std::chrono::system_clock::now() - *sent) < 10s);

    // More showings, then a heartbeat now rather than in a minute.
    counter.record(today, "tariff-residential", 10s);
    sender.send_now();
    REQUIRE(eventually([&] { return sender.status().delivered == 2; }));
    auto report = server.server().screens().report(today, 0, std::nullopt);
    REQUIRE(report.rows.size() == 2);
    CHECK(report.rows[0].notice == "hotlines");
    CHECK(report.rows[0].count == 1);
    CHECK(report.rows[0].seconds == 8);
    CHECK(report.rows[1].notice == "tariff-residential");
    CHECK(report.rows[1].count == 3);
    CHECK(report.rows[1].seconds == 30);

    sender.stop();
    CHECK(log.count_containing("heartbeats reach http://127.0.0.1:") == 1);
    CHECK(log.count_containing("cannot send heartbeats") == 0);
}

TEST_CASE("heartbeat sender: totals the server has are not sent again until they change")
{
    test::LogRecorder log;
    CaptureServer server(answer_ok);
    PlayCounter counter;
    counter.record(today, "tariff-residential", 10s);
    counter.record({ 2026, 11, 22 }, "tariff-residential", 10s);
    HeartbeatSenderOptions options;
    options.server = server.url();
    options.interval = 60s;
    HeartbeatSender sender(options, [&] { return snapshot_of(counter); });
    sender.start();
    REQUIRE(eventually([&] { return sender.status().delivered == 1; }));
    sender.send_now();
    REQUIRE(eventually([&] { return sender.status().delivered == 2; }));
    counter.record(today, "hotlines", 5s);
    sender.send_now();
    REQUIRE(eventually([&] { return sender.status().delivered == 3; }));
    sender.stop();

    auto bodies = server.bodies();
    REQUIRE(bodies.size() == 3);
    std::vector<size_t> play_counts;
    for (auto const& body : bodies) {
        Diagnostics diagnostics;
        auto heartbeat = heartbeat_from_json(body, diagnostics); // every body passes the server's strict reader
        INFO(diagnostics.format_all());
        REQUIRE(heartbeat);
        play_counts.push_back(heartbeat->plays.size());
    }
    CHECK(play_counts == std::vector<size_t> { 2, 0, 1 });
    Diagnostics diagnostics;
    auto last = heartbeat_from_json(bodies[2], diagnostics);
    REQUIRE(last);
    CHECK(last->plays[0].notice == "hotlines");
}

TEST_CASE("heartbeat sender: a server that cannot be reached is logged once and retried every interval")
{
    test::LogRecorder log;
    HeartbeatSenderOptions options;
    options.server = "http://127.0.0.1:" + std::to_string(refused_port());
    options.interval = 1s;
    std::atomic<int> snapshots { 0 };
    PlayCounter counter;
    HeartbeatSender sender(options, [&] {
        ++snapshots;
        return snapshot_of(counter);
    });
    sender.start();
    REQUIRE(eventually([&] { return sender.status().attempts >= 3; }, 6000ms));
    auto status = sender.status();
    CHECK(status.delivery == HeartbeatDelivery::Unreachable);
    CHECK(status.delivered == 0);
    CHECK_FALSE(status.last_error.empty());
    CHECK(snapshots >= 3);
    auto started = std::chrono::steady_clock::now();
    sender.stop();
    CHECK(std::chrono::steady_clock::now() - started < 1s);
    CHECK(log.count_containing("cannot send heartbeats to http://127.0.0.1:") == 1);
    CHECK(log.count_containing("the screen keeps playing") == 1);
}

TEST_CASE("heartbeat sender: refused, then accepted again, is two log lines, not one per interval")
{
    test::LogRecorder log;
    std::atomic<int> answered { 0 };
    CaptureServer server([&](const httplib::Request&, httplib::Response& response) {
        if (++answered <= 3) {
            response.status = 503;
            response.set_content(R"({"error": "the server cannot store heartbeats right now"})", "application/json");
            return;
        }
        answer_ok({}, response);
    });
    HeartbeatSenderOptions options;
    options.server = server.url();
    options.interval = 1s;
    PlayCounter counter;
    HeartbeatSender sender(options, [&] { return snapshot_of(counter); });
    sender.start();
    REQUIRE(eventually([&] { return sender.status().delivered >= 1; }, 8000ms));
    sender.stop();
    CHECK(log.count_containing("the server refused a heartbeat: HTTP 503") == 1);
    CHECK(log.count_containing("cannot store heartbeats right now") == 1);
    CHECK(log.count_containing("heartbeats reach the server again") == 1);
}

TEST_CASE("heartbeat sender: a static server without the heartbeat API is explained")
{
    test::LogRecorder log;
    CaptureServer server([](const httplib::Request&, httplib::Response& response) { response.status = 404; });
    HeartbeatSenderOptions options;
    options.server = server.url();
    options.interval = 1s;
    PlayCounter counter;
    HeartbeatSender sender(options, [&] { return snapshot_of(counter); });
    sender.start();
    REQUIRE(eventually([&] { return sender.status().attempts >= 2; }, 4000ms));
    sender.stop();
    CHECK(sender.status().delivery == HeartbeatDelivery::Refused);
    CHECK(log.count_containing("does not take heartbeats") == 1);
}

TEST_CASE("heartbeat sender: stop() cancels a heartbeat the server sits on")
{
    test::LogRecorder log;
    std::atomic<bool> release { false };
    CaptureServer server([&](const httplib::Request&, httplib::Response& response) {
        for (int i = 0; i < 500 && !release; ++i)
            std::this_thread::sleep_for(10ms);
        answer_ok({}, response);
    });
    HeartbeatSenderOptions options;
    options.server = server.url();
    PlayCounter counter;
    HeartbeatSender sender(options, [&] { return snapshot_of(counter); });
    sender.start();
    REQUIRE(eventually([&] { return server.bodies().size() == 1; }));
    auto started = std::chrono::steady_clock::now();
    sender.stop();
    auto took = std::chrono::steady_clock::now() - started;
    release = true;
    CHECK(took < 1s);
    CHECK(sender.status().delivered == 0);
    CHECK(log.count_containing("cannot send heartbeats") == 0); // a cancel at the end is not an outage
}

TEST_CASE("heartbeat sender: an admin's thumbnail request is answered with the screen's picture")
{
    test::LogRecorder log;
    test::TempFolder folder;
    test::RunningServer server(folder.path());
    PlayCounter counter;
    const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + "pretend the pixels of the hall screen are here";
    std::atomic<int> pictures { 0 };
    HeartbeatSenderOptions options;
    options.server = "http://127.0.0.1:" + std::to_string(server.port());
    options.interval = 60s;
    HeartbeatSender sender(
        options, [&] { return snapshot_of(counter); },
        [&]() -> std::optional<std::string> {
            ++pictures;
            return png;
        });
    sender.start();
    REQUIRE(eventually([&] { return sender.status().delivered == 1; }));
    CHECK(pictures == 0); // nobody asked

    auto admin = server.admin();
    auto asked = admin.Post("/admin/screens/hz-chengxi-01/thumbnail-request");
    REQUIRE(asked);
    CHECK(asked->status == 202);
    sender.send_now();
    REQUIRE(eventually([&] { return sender.status().thumbnails_sent == 1; }));
    CHECK(pictures == 1);

    auto fetched = admin.Get("/admin/screens/hz-chengxi-01/thumbnail");
    REQUIRE(fetched);
    CHECK(fetched->status == 200);
    CHECK(fetched->body == png);
    CHECK(fetched->get_header_value("Content-Type") == "image/png");

    // The request is answered: the next heartbeat does not ask again.
    sender.send_now();
    REQUIRE(eventually([&] { return sender.status().delivered == 3; }));
    sender.stop();
    CHECK(pictures == 1);
    CHECK(log.count_containing("sent a thumbnail") == 1);
}
