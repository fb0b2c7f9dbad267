// A measurement, not a check (skipped unless asked for): how many heartbeats per second the
// server stores through its one SQLite connection. Run it with
//   test_server -tc="heartbeat throughput*" --no-skip
#include "content/heartbeat/heartbeat.h"
#include "server_test_support.h"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <ctime>

using namespace hallboard;

TEST_CASE("heartbeat throughput (measurement)" * doctest::skip())
{
    constexpr int threads = 8;
    constexpr int screens = 1000;
    constexpr int per_thread = 500;
    constexpr int plays_per_heartbeat = 30; // a hall with thirty notices, all shown today

    test::LogRecorder log; // the request log goes here rather than to the terminal
    test::TempFolder folder;
    ServerOptions options;
    options.screens.new_screens.per_minute = 1'000'000; // one client address introduces all 1000 screens
    test::RunningServer server(folder.path(), options);

    std::time_t now = std::time(nullptr);
    std::tm parts {};
    localtime_r(&now, &parts);
    Date today { parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday };

    std::atomic<int> failures { 0 };
    auto started = std::chrono::steady_clock::now();
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            auto client = server.client();
            client.set_keep_alive(true);
            client.set_tcp_nodelay(true);
            for (int i = 0; i < per_thread; ++i) {
                Heartbeat heartbeat;
                heartbeat.screen = "screen-" + std::to_string((t * per_thread + i) % screens);
                heartbeat.hall = "城西供电营业厅";
                heartbeat.version = 7;
                heartbeat.current_notice = "notice-1";
                heartbeat.uptime_s = static_cast<std::uint64_t>(i);
                heartbeat.sent_at = format_utc_timestamp(std::chrono::system_clock::now());
                heartbeat.sync = { SyncResult::Ok, "", heartbeat.sent_at };
                for (int p = 0; p < plays_per_heartbeat; ++p)
                    heartbeat.plays.push_back({ today, "notice-" + std::to_string(p), static_cast<std::uint64_t>(i + 1),
                        static_cast<std::uint64_t>(10 * (i + 1)) });
                auto answer = client.Post("/api/heartbeat", heartbeat_to_json(heartbeat), "application/json");
                if (!answer || answer->status != 200)
                    ++failures;
            }
        });
    }
    for (auto& worker : workers)
        worker.join();
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    int total = threads * per_thread;
    std::printf("%d heartbeats (%d plays each, %d screens, %d client threads) in %.2f s: %.0f heartbeats/s\n", total,
        plays_per_heartbeat, screens, threads, seconds, total / seconds);
    CHECK(failures == 0);
    CHECK(server.server().screens().screens().size() == screens);
}

TEST_CASE("heartbeat storage throughput (measurement)" * doctest::skip())
{
    constexpr int count = 3000;
    test::TempFolder folder;
    ScreenRegistryLimits limits;
    limits.new_screens.per_minute = 1'000'000; // one address introduces all 1000 screens
    auto opened = ScreenRegistry::open(folder.path() / "screens.sqlite", limits, 1'795'000'000);
    REQUIRE(opened);
    auto registry = std::move(*opened);
    Date today { 2026, 11, 23 };
    std::vector<Heartbeat> heartbeats;
    for (int i = 0; i < count; ++i) {
        Heartbeat heartbeat;
        heartbeat.screen = "screen-" + std::to_string(i % 1000);
        heartbeat.hall = "城西供电营业厅";
        heartbeat.sent_at = "2026-11-23T10:00:00Z";
        for (int p = 0; p < 30; ++p)
            heartbeat.plays.push_back({ today, "notice-" + std::to_string(p), static_cast<std::uint64_t>(i + 1), 10 });
        heartbeats.push_back(heartbeat);
    }
    auto started = std::chrono::steady_clock::now();
    for (auto const& heartbeat : heartbeats)
        CHECK(registry->record(heartbeat, "10.0.0.1", 1'795'000'000, today).outcome == HeartbeatOutcome::Stored);
    double stored = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::vector<std::string> texts;
    for (auto const& heartbeat : heartbeats)
        texts.push_back(heartbeat_to_json(heartbeat));
    started = std::chrono::steady_clock::now();
    for (auto const& text : texts) {
        Diagnostics diagnostics;
        CHECK(heartbeat_from_json(text, diagnostics));
    }
    double parsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("stored %d heartbeats of 30 plays in %.2f s (%.0f/s); parsed them in %.2f s (%.0f/s)\n", count, stored,
        count / stored, parsed, count / parsed);
}
