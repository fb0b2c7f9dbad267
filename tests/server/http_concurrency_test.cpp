// Screens reading while an admin publishes: every answer pairs a manifest with its own signature.
// Also: stopping the server is prompt, whenever it comes.
#include "server_test_support.h"

#include <doctest/doctest.h>

#include <atomic>

using namespace hallboard;

TEST_CASE("concurrent GETs during swaps always see a consistent manifest and signature")
{
    test::LogRecorder log; // keeps the request lines off the test output
    test::TempFolder folder;
    test::Signer signer;
    std::vector<test::Blob> blobs = { { "assets/a.png", "a" } };
    test::write_published(folder, signer, 1, blobs);
    test::RunningServer server(folder.path());

    constexpr uint64_t last_version = 16;
    std::atomic<bool> publishing { true };
    std::atomic<int> reads { 0 };
    std::atomic<int> inconsistent { 0 };
    std::atomic<int> went_back { 0 };
    std::atomic<int> failed_requests { 0 };

    auto reader = [&] {
        auto client = server.client();
        client.set_keep_alive(true);
        uint64_t seen = 0;
        while (publishing || reads < 200) {
            auto answer = client.Get("/manifest.json");
            if (!answer || answer->status != 200) {
                ++failed_requests;
                continue;
            }
            if (!signer.verify(answer->body, answer->get_header_value("Hallboard-Signature")))
                ++inconsistent;
            auto version = nlohmann::json::parse(answer->body)["version"].get<uint64_t>();
            if (std::to_string(version) != answer->get_header_value("Hallboard-Version"))
                ++inconsistent;
            if (version < seen)
                ++went_back;
            seen = version;
            // The portable way (works on a static server too): that version's own signature.
            auto signature = client.Get("/versions/" + std::to_string(version) + "/manifest.json.sig");
            if (!signature || signature->status != 200 || !signer.verify(answer->body, signature->body))
                ++inconsistent;
            ++reads;
        }
    };
    std::vector<std::thread> readers;
    for (int i = 0; i < 4; ++i)
        readers.emplace_back(reader);

    auto admin = server.admin();
    for (uint64_t version = 2; version <= last_version; ++version) {
        // Each version differs in content, so a mismatched pair cannot verify by accident.
        auto manifest = test::manifest_json(version, blobs, "content of version " + std::to_string(version));
        httplib::Headers headers = { { "Hallboard-Signature", signer.sign(manifest) },
            { "If-Match", "\"" + std::to_string(version - 1) + "\"" } };
        auto answer = admin.Put("/admin/manifest", headers, manifest, "application/json");
        // No REQUIRE while the readers run: a throw here would leave their threads unjoined.
        bool published = answer && answer->status == 200;
        CHECK(published);
        if (!published)
            break;
    }
    publishing = false;
    for (auto& thread : readers)
        thread.join();

    INFO("reads: " << reads.load());
    CHECK(reads >= 200);
    CHECK(failed_requests == 0);
    CHECK(inconsistent == 0);
    CHECK(went_back == 0);
    CHECK(server.server().tree().snapshot()->version == last_version);
    // On disk too, the top-level pair is the last version's.
    CHECK(signer.verify(folder.read("manifest.json"), folder.read("manifest.json.sig")));
}

TEST_CASE("two publishers racing for the same version: exactly one wins, the other gets 412")
{
    test::LogRecorder log;
    test::TempFolder folder;
    test::Signer signer;
    test::write_published(folder, signer, 1, {});
    test::RunningServer server(folder.path());
    std::atomic<int> won { 0 };
    std::atomic<int> precondition_failed { 0 };
    std::vector<std::thread> publishers;
    for (int i = 0; i < 4; ++i) {
        publishers.emplace_back([&, i] {
            auto manifest = test::manifest_json(2, {}, "publisher " + std::to_string(i));
            httplib::Headers headers = { { "Hallboard-Signature", signer.sign(manifest) }, { "If-Match", "\"1\"" } };
            auto answer = server.admin().Put("/admin/manifest", headers, manifest, "application/json");
            if (answer && answer->status == 200)
                ++won;
            if (answer && answer->status == 412)
                ++precondition_failed;
        });
    }
    for (auto& thread : publishers)
        thread.join();
    CHECK(won == 1);
    CHECK(precondition_failed == 3);
    CHECK(signer.verify(folder.read("manifest.json"), folder.read("manifest.json.sig")));
}

TEST_CASE("stopping: before run, while idle, with a kept-alive connection open")
{
    test::LogRecorder log;
    test::TempFolder folder;
    ServerOptions options;
    options.root = folder.path();
    options.admin_token = test::test_token;

    SUBCASE("stop before run: run returns at once")
    {
        auto created = ContentServer::create(options);
        REQUIRE(created);
        auto server = std::move(*created);
        REQUIRE(server->bind("127.0.0.1", 0));
        server->stop();
        auto started = std::chrono::steady_clock::now();
        CHECK(server->run());
        CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(1));
    }
    SUBCASE("stop from another thread, right after run starts and with a client connected")
    {
        // An idle kept-alive connection holds its worker until the keep-alive timeout: that
        // bounds how long a stop takes.
        options.keep_alive_seconds = 1;
        for (int round = 0; round < 4; ++round) {
            auto created = ContentServer::create(options);
            REQUIRE(created);
            auto server = std::move(*created);
            auto port = server->bind("127.0.0.1", 0);
            REQUIRE(port);
            std::thread runner([&] { server->run(); });
            httplib::Client client("127.0.0.1", *port);
            client.set_keep_alive(true);
            if (round % 2 == 0) {
                auto answer = client.Get("/healthz");
                REQUIRE(answer);
                CHECK(answer->status == 200);
            }
            auto started = std::chrono::steady_clock::now();
            server->stop();
            runner.join();
            CHECK(std::chrono::steady_clock::now() - started < std::chrono::milliseconds(2500));
        }
    }
    SUBCASE("a port in use is an error, not a shared port")
    {
        auto first = ContentServer::create(options);
        REQUIRE(first);
        auto port = (*first)->bind("127.0.0.1", 0);
        REQUIRE(port);
        test::TempFolder other;
        options.root = other.path();
        auto second = ContentServer::create(options);
        REQUIRE(second);
        auto taken = (*second)->bind("127.0.0.1", *port);
        REQUIRE_FALSE(taken);
        CHECK(taken.error().find("cannot listen on 127.0.0.1:" + std::to_string(*port)) != std::string::npos);
    }
}
