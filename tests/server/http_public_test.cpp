// What screens see over HTTP: manifest, signature, blobs, ETags and 304s, caching, 404s, the log.
#include "server_test_support.h"

#include <doctest/doctest.h>

using namespace hallboard;

namespace {

const std::vector<test::Blob> blobs = { { "assets/tariff.png", "PNG bytes of the tariff table" },
    { "assets/poster.jpg", std::string(3 * 1024 * 1024 + 17, 'p') } }; // several MiB: streamed in pieces

}

TEST_CASE("GET the manifest, its signature and blobs, with ETags and 304s")
{
    test::LogRecorder log;
    test::TempFolder folder;
    test::Signer signer;
    test::write_published(folder, signer, 7, blobs);
    test::RunningServer server(folder.path());
    auto client = server.client();

    SUBCASE("manifest")
    {
        auto answer = client.Get("/manifest.json");
        REQUIRE(answer);
        CHECK(answer->status == 200);
        CHECK(answer->body == folder.read("manifest.json"));
        CHECK(answer->get_header_value("Content-Type") == "application/json");
        CHECK(answer->get_header_value("Cache-Control") == "no-cache");
        CHECK(answer->get_header_value("Hallboard-Version") == "7");
        CHECK(signer.verify(answer->body, answer->get_header_value("Hallboard-Signature")));
        auto etag = answer->get_header_value("ETag");
        CHECK(etag.rfind("\"v7-", 0) == 0);

        auto again = client.Get("/manifest.json", { { "If-None-Match", etag } });
        REQUIRE(again);
        CHECK(again->status == 304);
        CHECK(again->body.empty());
        CHECK(again->get_header_value("ETag") == etag);
        CHECK(again->get_header_value("Cache-Control") == "no-cache");

        // Compressed on the wire when the client accepts it; the decoded bytes are what was signed.
        CHECK(answer->get_header_value("Vary") == "Accept-Encoding");
        auto compressed = client.Get("/manifest.json", { { "Accept-Encoding", "gzip" } });
        REQUIRE(compressed);
        CHECK(compressed->get_header_value("Content-Encoding") == "gzip");
        CHECK(compressed->body == answer->body);
        CHECK(compressed->get_header_value("ETag") == etag);
        // Never brotli (the library's fixed quality 11 costs tens of MB per large answer): gzip
        // when the client takes both, as curl does by default, and identity for "br" alone.
        auto both = client.Get("/manifest.json", { { "Accept-Encoding", "deflate, gzip, br, zstd" } });
        REQUIRE(both);
        CHECK(both->get_header_value("Content-Encoding") == "gzip");
        CHECK(both->body == answer->body);
        auto brotli_only = client.Get("/manifest.json", { { "Accept-Encoding", "br" } });
        REQUIRE(brotli_only);
        CHECK_FALSE(brotli_only->has_header("Content-Encoding"));
        CHECK(brotli_only->body == answer->body);

        auto weak = client.Get("/manifest.json", { { "If-None-Match", "W/" + etag } });
        REQUIRE(weak);
        CHECK(weak->status == 304);
        auto stale = client.Get("/manifest.json", { { "If-None-Match", "\"v6-0000000000000000\"" } });
        REQUIRE(stale);
        CHECK(stale->status == 200);
        CHECK(stale->body == answer->body);
    }
    SUBCASE("signature")
    {
        auto answer = client.Get("/manifest.json.sig");
        REQUIRE(answer);
        CHECK(answer->status == 200);
        CHECK(signer.verify(folder.read("manifest.json"), answer->body));
        CHECK(answer->get_header_value("Cache-Control") == "no-cache");
        auto again = client.Get("/manifest.json.sig", { { "If-None-Match", answer->get_header_value("ETag") } });
        REQUIRE(again);
        CHECK(again->status == 304);
        CHECK(again->body.empty());
    }
    for (auto const& blob : blobs) {
        SUBCASE(("blob " + blob.path).c_str())
        {
            auto path = "/blobs/" + blob.sha256();
            auto answer = client.Get(path);
            REQUIRE(answer);
            CHECK(answer->status == 200);
            CHECK(answer->body.size() == blob.bytes.size());
            CHECK(answer->body == blob.bytes);
            CHECK(answer->get_header_value("Content-Type") == "application/octet-stream");
            CHECK(answer->get_header_value("Cache-Control") == "public, max-age=31536000, immutable");
            CHECK(answer->get_header_value("ETag") == "\"" + blob.sha256() + "\"");

            auto again = client.Get(path, { { "If-None-Match", "\"" + blob.sha256() + "\"" } });
            REQUIRE(again);
            CHECK(again->status == 304);
            CHECK(again->body.empty());
            CHECK(again->get_header_value("Cache-Control") == "public, max-age=31536000, immutable");

            auto head = client.Head(path);
            REQUIRE(head);
            CHECK(head->status == 200);
            CHECK(head->body.empty());
            CHECK(head->get_header_value("Content-Length") == std::to_string(blob.bytes.size()));
        }
    }
    SUBCASE("committed versions by number, cached like blobs")
    {
        auto manifest = client.Get("/versions/7/manifest.json");
        auto signature = client.Get("/versions/7/manifest.json.sig");
        REQUIRE(manifest);
        REQUIRE(signature);
        CHECK(manifest->status == 200);
        CHECK(signature->status == 200);
        CHECK(signer.verify(manifest->body, signature->body));
        CHECK(manifest->get_header_value("Cache-Control") == "public, max-age=31536000, immutable");
        auto future = client.Get("/versions/8/manifest.json");
        REQUIRE(future);
        CHECK(future->status == 404);
    }
    SUBCASE("health")
    {
        auto answer = client.Get("/healthz");
        REQUIRE(answer);
        CHECK(answer->status == 200);
        auto body = nlohmann::json::parse(answer->body);
        CHECK(body["status"] == "ok");
        CHECK(body["version"] == 7);
    }
}

TEST_CASE("only the listed paths exist: unknown names and traversal attempts get 404")
{
    test::LogRecorder log;
    test::TempFolder folder;
    test::Signer signer;
    test::write_published(folder, signer, 2, blobs);
    folder.write("secret.txt", "not for screens");
    test::RunningServer server(folder.path());
    std::string known = blobs[0].sha256();
    std::string upper = known;
    for (auto& c : upper)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));

    // Sent raw: a client library might normalise the path before it leaves.
    std::vector<std::string> paths = {
        "/blobs/" + std::string(64, '0'), // well-formed, not there
        "/blobs/" + upper,                // upper case
        "/blobs/" + known.substr(1),      // 63 digits
        "/blobs/" + known + "/",          // trailing slash
        "/blobs/../manifest.json",
        "/blobs/../secret.txt",
        "/blobs/%2e%2e",
        "/blobs/%2e%2e/secret.txt",
        "/blobs/..%2fsecret.txt",
        "/blobs/%2e%2e%2fsecret.txt",
        "/blobs/" + known.substr(0, 60) + "%00abc",
        "/blobs/",
        "/blobs",
        "/",
        "/secret.txt",
        "/../secret.txt",
        "/versions/",
        "/versions/2/",
        "/versions/02/manifest.json",
        "/versions/2/../../secret.txt",
        "/manifest.json/",
        "/MANIFEST.JSON",
        "/manifest.json.sig.tmp",
        "/blobs/.hallboard-tmp-abc123",
        "//etc/passwd",
    };
    for (auto const& path : paths) {
        CAPTURE(path);
        auto answer
            = test::raw_exchange(server.port(), "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        CHECK(test::raw_status(answer) == 404);
        CHECK(answer.find("not for screens") == std::string::npos);
        CHECK(answer.find("\"format\"") == std::string::npos);
    }
    SUBCASE("the same through the client library")
    {
        auto client = server.client();
        for (auto const& path : { "/blobs/../manifest.json", "/blobs/%2e%2e", "/blobs/%2E%2E%2Fsecret.txt" }) {
            CAPTURE(path);
            auto answer = client.Get(path);
            REQUIRE(answer);
            CHECK(answer->status == 404);
        }
    }
    SUBCASE("a public path takes no body, and no other method")
    {
        auto with_body = test::raw_exchange(server.port(),
            "GET /manifest.json HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello");
        CHECK(test::raw_status(with_body) == 413);
        auto client = server.client();
        auto put = client.Put("/manifest.json", "{}", "application/json");
        REQUIRE(put);
        CHECK(put->status == 413);
        auto post = client.Post("/blobs/" + known, "", "text/plain");
        REQUIRE(post);
        CHECK(post->status == 404);
    }
}

TEST_CASE("before the first publish the manifest is 404 and health says version 0")
{
    test::LogRecorder log;
    test::TempFolder folder;
    test::RunningServer server(folder.path());
    auto client = server.client();
    for (auto const* path : { "/manifest.json", "/manifest.json.sig", "/versions/1/manifest.json" }) {
        CAPTURE(path);
        auto answer = client.Get(path);
        REQUIRE(answer);
        CHECK(answer->status == 404);
        CHECK(nlohmann::json::parse(answer->body).contains("error"));
    }
    auto health = client.Get("/healthz");
    REQUIRE(health);
    CHECK(nlohmann::json::parse(health->body)["version"] == 0);
}

TEST_CASE("one log line per request: method, path, status, bytes, time")
{
    test::LogRecorder log;
    test::TempFolder folder;
    test::Signer signer;
    test::write_published(folder, signer, 3, { blobs[0] });
    test::RunningServer server(folder.path());
    auto client = server.client();
    for (int i = 0; i < 3; ++i)
        REQUIRE(client.Get("/manifest.json"));
    REQUIRE(client.Get("/blobs/" + blobs[0].sha256()));
    REQUIRE(client.Get("/nothing-here"));
    CHECK(test::wait_for_log(
        log, "127.0.0.1 GET /manifest.json 200 " + std::to_string(folder.read("manifest.json").size()) + "B ", 3));
    CHECK(test::wait_for_log(
        log, "GET /blobs/" + blobs[0].sha256() + " 200 " + std::to_string(blobs[0].bytes.size()) + "B ", 1));
    CHECK(test::wait_for_log(log, "GET /nothing-here 404 ", 1));
    int request_lines = 0;
    for (auto const& line : log.lines()) {
        if (line.find("127.0.0.1 GET ") == 0) {
            ++request_lines;
            CHECK(line.find("ms") == line.size() - 2);
        }
    }
    CHECK(request_lines == 5);
}
