// HttpClient against a loopback cpp-httplib server: conditional GET, uploads, limits, timeouts, cancel, gzip.
#include "loopback_server.h"
#include "base/net/http_client.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <vector>

using namespace hallboard;
using namespace std::chrono_literals;

namespace {

std::string pattern(size_t size)
{
    std::string bytes(size, '\0');
    for (size_t i = 0; i < size; ++i)
        bytes[i] = static_cast<char>((i * 7919u) % 251u);
    return bytes;
}

struct TempFile {
    explicit TempFile(std::string_view bytes)
    {
        static int counter = 0;
        path = std::filesystem::temp_directory_path()
            / ("hallboard-net-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    ~TempFile()
    {
        std::error_code ignored;
        std::filesystem::remove(path, ignored);
    }
    std::filesystem::path path;
};

net::Request request_to(std::string url, net::Method method = net::Method::Get)
{
    net::Request request;
    request.method = method;
    request.url = std::move(url);
    return request;
}

double seconds_since(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The routes every test case shares.
void add_routes(test::LoopbackServer& server)
{
    auto& routes = server.routes();
    routes.Get("/manifest.json", [](const httplib::Request& request, httplib::Response& response) {
        response.set_header("ETag", "\"v3\"");
        response.set_header("X-Hallboard-Test", "first");
        response.set_header("X-Hallboard-Test", "second");
        if (request.get_header_value("If-None-Match") == "\"v3\"") {
            response.status = 304;
            return;
        }
        response.set_content("{\"version\":3}", "application/json");
    });
    // Echoes what was sent, so uploads can be compared byte for byte.
    auto echo = [](const httplib::Request& request, httplib::Response& response) {
        response.set_header("X-Received-Length", request.get_header_value("Content-Length"));
        response.set_header("X-Received-Type", request.get_header_value("Content-Type"));
        response.set_content(request.body, "application/octet-stream");
    };
    routes.Put("/echo", echo);
    routes.Post("/echo", echo);
    routes.Get("/sized", [](const httplib::Request& request, httplib::Response& response) {
        response.set_content(pattern(std::stoul(request.get_param_value("n"))), "application/octet-stream");
    });
    // No Content-Length: the limit must hold while the body streams in.
    routes.Get("/chunked", [](const httplib::Request& request, httplib::Response& response) {
        auto total = std::stoul(request.get_param_value("n"));
        response.set_chunked_content_provider("application/octet-stream",
            [bytes = pattern(total), sent = size_t { 0 }](size_t, httplib::DataSink& sink) mutable {
                auto piece = std::min<size_t>(1000, bytes.size() - sent);
                sink.write(bytes.data() + sent, piece);
                sent += piece;
                if (sent >= bytes.size())
                    sink.done();
                return true;
            });
    });
    // Ten bytes, then silence.
    routes.Get("/stall", [&server](const httplib::Request&, httplib::Response& response) {
        response.set_chunked_content_provider("application/octet-stream", [&server](size_t, httplib::DataSink& sink) {
            sink.write("0123456789", 10);
            test::dawdle(server, 6s);
            sink.done();
            return true;
        });
    });
    routes.Get("/late", [&server](const httplib::Request&, httplib::Response& response) {
        test::dawdle(server, 6s);
        response.set_content("late", "text/plain");
    });
    routes.Get("/notices.json", [](const httplib::Request&, httplib::Response& response) {
        std::string json = "[";
        for (int i = 0; i < 2000; ++i)
            json += std::string(i ? "," : "") + "{\"id\":\"notice-" + std::to_string(i) + "\",\"title\":\"停电通知\"}";
        json += "]";
        response.set_content(json, "application/json");
    });
    routes.Get("/peer", [](const httplib::Request& request, httplib::Response& response) {
        response.set_content(std::to_string(request.remote_port), "text/plain");
    });
    routes.Get("/moved",
        [](const httplib::Request&, httplib::Response& response) { response.set_redirect("/manifest.json"); });
}

} // namespace

TEST_CASE("a conditional GET answers 200 or 304 by the entity tag")
{
    test::LoopbackServer server;
    add_routes(server);
    server.start();
    net::HttpClient client;

    struct Row {
        const char* if_none_match;
        int status;
        const char* body;
    };
    for (auto const& row : { Row { nullptr, 200, "{\"version\":3}" }, Row { "\"v3\"", 304, "" },
             Row { "\"v2\"", 200, "{\"version\":3}" } }) {
        SUBCASE(row.if_none_match ? row.if_none_match : "(none)")
        {
            net::Request request;
            request.url = server.url("/manifest.json");
            if (row.if_none_match)
                request.headers.push_back({ "If-None-Match", row.if_none_match });
            auto response = client.send(request);
            CHECK(response.error == "");
            CHECK(response.complete());
            CHECK(response.status == row.status);
            CHECK(response.body == row.body);
            CHECK(response.header("etag") == "\"v3\"");
            CHECK(response.transferred_bytes > response.body.size());
        }
    }
}

TEST_CASE("header names are lower-cased and a repeated header keeps its last value")
{
    test::LoopbackServer server;
    add_routes(server);
    server.start();
    net::HttpClient client;
    auto response = client.send(request_to(server.url("/manifest.json")));
    REQUIRE(response.succeeded());
    CHECK(response.header("x-hallboard-test") == "second");
    CHECK(response.header("content-type") == "application/json");
    CHECK(response.header("X-Hallboard-Test") == "");
    CHECK(response.header("absent") == "");
}

TEST_CASE("PUT and POST send their body from memory or from a file")
{
    test::LoopbackServer server;
    add_routes(server);
    server.start();
    net::HttpClient client;

    for (size_t size : { size_t { 0 }, size_t { 5 }, size_t { 3 * 1024 * 1024 + 17 } }) {
        for (auto method : { net::Method::Put, net::Method::Post }) {
            for (bool from_file : { false, true }) {
                auto name = std::string(method == net::Method::Put ? "PUT " : "POST ") + std::to_string(size)
                    + (from_file ? " bytes from a file" : " bytes from memory");
                SUBCASE(name.c_str())
                {
                    auto bytes = pattern(size);
                    TempFile file(bytes);
                    auto request = request_to(server.url("/echo"), method);
                    if (from_file)
                        request.body_file = file.path;
                    else
                        request.body = bytes;
                    request.headers.push_back({ "Content-Type", "application/json" });
                    request.max_response_bytes = size + 1;
                    std::vector<std::pair<std::uint64_t, std::uint64_t>> progress;
                    request.progress = [&](std::uint64_t done, std::uint64_t total) {
                        progress.push_back({ done, total });
                    };

                    auto response = client.send(request);
                    CHECK(response.error == "");
                    CHECK(response.status == 200);
                    CHECK(response.header("x-received-length") == std::to_string(size));
                    CHECK(response.header("x-received-type") == "application/json");
                    CHECK(response.body.size() == size);
                    CHECK(response.body == bytes);
                    CHECK(response.transferred_bytes >= 2 * size);
                    if (size > 1024 * 1024) {
                        // The upload was reported along the way and reached its end.
                        auto reached = std::find(
                            progress.begin(), progress.end(), std::pair<std::uint64_t, std::uint64_t> { size, size });
                        CHECK(reached != progress.end());
                    }
                }
            }
        }
    }
}

TEST_CASE("an upload can be held to a rate")
{
    test::LoopbackServer server;
    add_routes(server);
    server.start();
    net::HttpClient client;
    auto bytes = pattern(384 * 1024);
    auto request = request_to(server.url("/echo"), net::Method::Put);
    request.body = bytes;
    request.max_send_bytes_per_second = 256 * 1024;
    auto start = std::chrono::steady_clock::now();
    auto response = client.send(request);
    auto elapsed = seconds_since(start);
    CHECK(response.succeeded());
    CHECK(response.body == bytes);
    // 1.5 s at the rate; loopback alone takes milliseconds.
    CHECK(elapsed > 1.0);
    CHECK(elapsed < 5.0);
}

TEST_CASE("a body file that cannot be read fails before anything is sent")
{
    net::HttpClient client;
    auto request = request_to("http://127.0.0.1:1/echo", net::Method::Put);
    request.body_file = "/nonexistent/hallboard/poster.png";
    auto response = client.send(request);
    CHECK(response.status == 0);
    CHECK(response.error == "cannot read /nonexistent/hallboard/poster.png: no such file or directory");
}

TEST_CASE("answers larger than the limit are cut off, with and without a Content-Length")
{
    test::LoopbackServer server;
    add_routes(server);
    server.start();
    net::HttpClient client;

    struct Row {
        const char* path;
        size_t size;
        bool fits;
    };
    for (auto const& row :
        { Row { "/sized", 4096, true }, Row { "/sized", 4097, false }, Row { "/sized", 100000, false },
            Row { "/chunked", 4096, true }, Row { "/chunked", 4097, false }, Row { "/chunked", 100000, false } }) {
        auto name = std::string(row.path) + " " + std::to_string(row.size);
        SUBCASE(name.c_str())
        {
            auto request = request_to(server.url(std::string(row.path) + "?n=" + std::to_string(row.size)));
            request.max_response_bytes = 4096;
            auto response = client.send(request);
            if (row.fits) {
                CHECK(response.error == "");
                CHECK(response.body == pattern(row.size));
            } else {
                CHECK(response.error == "answer larger than 4096 bytes");
                CHECK_FALSE(response.complete());
                CHECK(response.body.empty());
            }
            // The client stays usable after a cut-off answer.
            auto next = client.send(request_to(server.url("/manifest.json")));
            CHECK(next.succeeded());
        }
    }
}

TEST_CASE("a sink receives the body in chunks and can stop it")
{
    test::LoopbackServer server;
    add_routes(server);
    server.start();
    net::HttpClient client;
    auto request = request_to(server.url("/chunked?n=50000"));
    request.max_response_bytes = 1 << 20;

    SUBCASE("taken whole")
    {
        std::string received;
        auto response = client.send(request, [&](std::string_view chunk) {
            received += chunk;
            return true;
        });
        CHECK(response.succeeded());
        CHECK(response.body.empty());
        CHECK(response.body_bytes == 50000);
        CHECK(received == pattern(50000));
    }
    SUBCASE("refused")
    {
        auto response = client.send(request, [](std::string_view) { return false; });
        CHECK_FALSE(response.complete());
        CHECK(response.error.find("refused") != std::string::npos);
    }
}

TEST_CASE("a server that goes quiet is given up after the stall time")
{
    test::LoopbackServer server;
    add_routes(server);
    server.start();
    net::HttpClient client;
    auto request = request_to(server.url("/stall"));
    request.timeouts.stall = 1s;
    auto start = std::chrono::steady_clock::now();
    auto response = client.send(request);
    CHECK(response.error == "no data for 1 s (timed out)");
    CHECK_FALSE(response.complete());
    CHECK(seconds_since(start) < 4.0);
}

TEST_CASE("the total time bounds even a steady request")
{
    test::LoopbackServer server;
    add_routes(server);
    server.start();
    net::HttpClient client;
    auto request = request_to(server.url("/late"));
    request.timeouts.stall = 10s;
    request.timeouts.total = 700ms;
    auto response = client.send(request);
    CHECK(response.error == "not finished after 0.7 s (timed out)");
}

TEST_CASE("a refused connection says where and why")
{
    net::HttpClient client;
    auto port = std::to_string(test::refused_port());
    auto response = client.send(request_to("http://127.0.0.1:" + port + "/manifest.json"));
    CHECK(response.status == 0);
    CHECK(response.error == "cannot connect to 127.0.0.1:" + port + ": connection refused");
}

TEST_CASE("addresses other than http and https are refused")
{
    net::HttpClient client;
    for (auto url : { "ftp://127.0.0.1/manifest.json", "file:///etc/passwd" }) {
        SUBCASE(url)
        {
            auto response = client.send(request_to(url));
            CHECK(response.status == 0);
            CHECK(response.error.find("only http:// and https://") != std::string::npos);
        }
    }
}

TEST_CASE("a cancel stops a request within a fraction of a second")
{
    test::LoopbackServer server;
    add_routes(server);
    server.start();
    net::HttpClient client;
    std::atomic<bool> cancel { false };

    for (auto path : { "/late", "/stall" }) {
        SUBCASE(path)
        {
            auto request = request_to(server.url(path));
            request.cancel = &cancel;
            std::thread canceller([&] {
                std::this_thread::sleep_for(200ms);
                cancel = true;
            });
            auto start = std::chrono::steady_clock::now();
            auto response = client.send(request);
            auto elapsed = seconds_since(start);
            canceller.join();
            CHECK(response.error == "cancelled");
            CHECK_FALSE(response.complete());
            CHECK(elapsed >= 0.15);
            CHECK(elapsed < 0.8);
        }
    }
    SUBCASE("already cancelled")
    {
        cancel = true;
        auto request = request_to(server.url("/manifest.json"));
        request.cancel = &cancel;
        CHECK(client.send(request).error == "cancelled");
    }
}

TEST_CASE("JSON comes compressed and is decoded")
{
    test::LoopbackServer server;
    add_routes(server);
    server.start();
    net::HttpClient client;
    auto request = request_to(server.url("/notices.json"));
    auto response = client.send(request);
    REQUIRE(response.succeeded());
    auto encoding = response.header("content-encoding");
    CHECK((encoding == "gzip" || encoding == "br"));
    CHECK(response.body.starts_with("[{\"id\":\"notice-0\",\"title\":\"停电通知\"}"));
    CHECK(response.body.ends_with("{\"id\":\"notice-1999\",\"title\":\"停电通知\"}]"));
    CHECK(response.body_bytes == response.body.size());
    // Counted on the wire: far fewer bytes than the decoded body.
    CHECK(response.transferred_bytes < response.body_bytes / 4);
}

TEST_CASE("one client reuses its connection and does not follow redirects")
{
    test::LoopbackServer server;
    add_routes(server);
    server.start();
    net::HttpClient client;
    auto first = client.send(request_to(server.url("/peer")));
    auto second = client.send(request_to(server.url("/peer")));
    REQUIRE(first.succeeded());
    REQUIRE(second.succeeded());
    CHECK(first.body == second.body);

    auto moved = client.send(request_to(server.url("/moved")));
    CHECK(moved.complete());
    CHECK(moved.status == 302);
    CHECK(moved.header("location").ends_with("/manifest.json"));
}

TEST_CASE("join_url puts exactly one slash between base and path")
{
    struct Row {
        const char* base;
        const char* path;
        const char* url;
    };
    for (auto const& row : { Row { "http://h:8080", "manifest.json", "http://h:8080/manifest.json" },
             Row { "http://h:8080/", "manifest.json", "http://h:8080/manifest.json" },
             Row { "http://h/hall/", "/blobs/ab", "http://h/hall/blobs/ab" },
             Row { "http://h/hall//", "//blobs/ab", "http://h/hall/blobs/ab" },
             Row { "https://h/hall", "admin/versions", "https://h/hall/admin/versions" } }) {
        CAPTURE(row.base);
        CAPTURE(row.path);
        CHECK(net::join_url(row.base, row.path) == row.url);
    }
}
