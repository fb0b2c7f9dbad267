// Screen status over HTTP: heartbeats stored in the tree's SQLite file and still there after a
// restart, admin reads behind the token, the thumbnail flow, bounds, and the report.
#include "content/heartbeat/heartbeat.h"
#include "server_test_support.h"

#include <doctest/doctest.h>

#include <chrono>
#include <ctime>

using namespace hallboard;
using nlohmann::json;

namespace {

std::string today_text()
{
    std::time_t now = std::time(nullptr);
    std::tm parts {};
    localtime_r(&now, &parts);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &parts);
    return text;
}

json heartbeat_json(
    const std::string& screen, const std::string& hall, std::uint64_t version, json plays = json::array())
{
    return { { "screen", screen }, { "hall", hall }, { "version", version }, { "current_notice", "tariff-residential" },
        { "uptime_s", 3600 }, { "interval_s", 60 },
        { "sent_at", format_utc_timestamp(std::chrono::system_clock::now()) },
        { "sync", { { "result", "ok" }, { "error", nullptr }, { "at", "2026-11-23T09:59:30Z" } } },
        { "plays", plays } };
}

json play(const std::string& notice, std::uint64_t count, std::uint64_t seconds)
{
    return { { "date", today_text() }, { "notice", notice }, { "count", count }, { "seconds", seconds } };
}

httplib::Result post_heartbeat(const test::RunningServer& server, const json& heartbeat)
{
    return server.client().Post("/api/heartbeat", heartbeat.dump(), "application/json");
}

json json_of(const httplib::Result& result)
{
    REQUIRE(result);
    auto document = json::parse(result->body, nullptr, false);
    REQUIRE_FALSE(document.is_discarded());
    return document;
}

const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + "pixels";
const std::string jpeg = std::string("\xFF\xD8\xFF\xE0", 4) + "pixels";

} // namespace

TEST_CASE("screens over HTTP: heartbeats land in <tree>/state/screens.sqlite and survive a restart")
{
    test::LogRecorder log;
    test::TempFolder folder;
    test::Signer signer;
    test::write_published(folder, signer, 7, {});
    {
        test::RunningServer server(folder.path());
        auto answer = post_heartbeat(server,
            heartbeat_json("hz-chengxi-01", "城西供电营业厅", 7, json::array({ play("tariff-residential", 12, 240) })));
        REQUIRE(answer);
        CHECK(answer->status == 200);
        CHECK(json_of(answer) == json { { "thumbnail_requested", false } });
        CHECK(post_heartbeat(server, heartbeat_json("hz-binjiang-01", "滨江供电营业厅", 6))->status == 200);
        CHECK(wait_for_log(log, "first heartbeat of screen 'hz-chengxi-01' (城西供电营业厅) from 127.0.0.1", 1));
    }
    CHECK(folder.exists("state/screens.sqlite"));

    test::RunningServer server(folder.path());
    auto listed = server.admin().Get("/admin/screens");
    REQUIRE(listed);
    CHECK(listed->status == 200);
    CHECK(listed->get_header_value("Cache-Control") == "no-store");
    auto document = json_of(listed);
    CHECK(document["current_version"] == 7);
    REQUIRE(document["screens"].size() == 2);
    auto const& first = document["screens"][0];
    CHECK(first["screen"] == "hz-chengxi-01");
    CHECK(first["hall"] == "城西供电营业厅");
    CHECK(first["version"] == 7);
    CHECK(first["current_notice"] == "tariff-residential");
    CHECK(first["interval_s"] == 60);
    CHECK(first["sync"]["result"] == "ok");
    CHECK(first["status"] == "ok");
    CHECK(first["remote"] == "127.0.0.1");
    CHECK(parse_utc_timestamp(first["last_seen"].get<std::string>()));
    auto const& second = document["screens"][1];
    CHECK(second["screen"] == "hz-binjiang-01");
    CHECK(second["status"] == "behind");
    CHECK(log.count_containing("(2 screens known)") == 1);
}

TEST_CASE("screens over HTTP: the admin reads need the token; heartbeats need none")
{
    test::LogRecorder log;
    test::TempFolder folder;
    test::RunningServer server(folder.path());
    REQUIRE(post_heartbeat(server, heartbeat_json("hz-chengxi-01", "城西供电营业厅", 0))->status == 200);
    struct Request {
        const char* method;
        std::string path;
    };
    std::vector<Request> requests = {
        { "GET", "/admin/screens" },
        { "GET", "/admin/report?since=2026-11-01" },
        { "POST", "/admin/screens/hz-chengxi-01/thumbnail-request" },
        { "GET", "/admin/screens/hz-chengxi-01/thumbnail" },
        { "DELETE", "/admin/screens/hz-chengxi-01" },
    };
    for (auto const& request : requests) {
        CAPTURE(request.path);
        auto client = server.client();
        httplib::Result result = std::string(request.method) == "GET" ? client.Get(request.path)
            : std::string(request.method) == "POST"                   ? client.Post(request.path)
                                                                      : client.Delete(request.path);
        REQUIRE(result);
        CHECK(result->status == 401);
        CHECK(result->has_header("WWW-Authenticate"));
    }
    // Nothing happened: the screen is still there and nothing was requested of it.
    auto screen = server.server().screens().screen("hz-chengxi-01");
    REQUIRE(screen);
    CHECK_FALSE(screen->thumbnail_requested);
}

TEST_CASE("screens over HTTP: malformed or oversized heartbeats are refused; the database is never served")
{
    test::LogRecorder log;
    test::TempFolder folder;
    test::RunningServer server(folder.path());
    SUBCASE("an invalid heartbeat: 422 with every problem")
    {
        auto heartbeat = heartbeat_json("HZ 01", "城西供电营业厅", 0);
        heartbeat.erase("uptime_s");
        auto answer = post_heartbeat(server, heartbeat);
        REQUIRE(answer);
        CHECK(answer->status == 422);
        auto document = json_of(answer);
        CHECK(document["error"].get<std::string>().find("'HZ 01' is not a screen id") != std::string::npos);
        CHECK(document["problems"].size() == 2);
        CHECK(server.server().screens().screens().empty());
        CHECK(wait_for_log(log, "heartbeat from 127.0.0.1 refused", 1));
    }
    SUBCASE("a body above 64 KiB: 413 before it is read")
    {
        auto answer
            = server.client().Post("/api/heartbeat", std::string(max_heartbeat_bytes + 1, ' '), "application/json");
        REQUIRE(answer);
        CHECK(answer->status == 413);
    }
    SUBCASE("a thumbnail above 2 MiB: 413")
    {
        REQUIRE(post_heartbeat(server, heartbeat_json("hz-chengxi-01", "城西供电营业厅", 0))->status == 200);
        REQUIRE(server.server().screens().request_thumbnail("hz-chengxi-01"));
        // Refused from the headers alone, so the client is told before it sends the body.
        auto answer = test::raw_exchange(server.port(),
            "PUT /api/screens/hz-chengxi-01/thumbnail HTTP/1.1\r\nHost: x\r\nContent-Type: "
            "image/png\r\nContent-Length: "
                + std::to_string(max_thumbnail_bytes + 1) + "\r\nConnection: close\r\n\r\n");
        CHECK(test::raw_status(answer) == 413);
        CHECK(answer.find("\"max_bytes\":2097152") != std::string::npos);
        auto small = server.client().Put("/api/screens/hz-chengxi-01/thumbnail", png, "image/png");
        REQUIRE(small);
        CHECK(small->status == 201);
    }
    SUBCASE("the state folder is not reachable")
    {
        for (auto const* path :
            { "/state/screens.sqlite", "/blobs/../state/screens.sqlite", "/api/screens", "/api/heartbeat" }) {
            CAPTURE(path);
            auto answer = test::raw_exchange(
                server.port(), std::string("GET ") + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            CHECK(test::raw_status(answer) == 404);
        }
    }
}

TEST_CASE("screens over HTTP: the thumbnail flow, from an admin's request to the picture")
{
    test::LogRecorder log;
    test::TempFolder folder;
    test::RunningServer server(folder.path());
    auto admin = server.admin();
    auto client = server.client();

    CHECK(admin.Post("/admin/screens/hz-chengxi-01/thumbnail-request")->status == 404); // never heard of it
    CHECK(client.Put("/api/screens/hz-chengxi-01/thumbnail", png, "image/png")->status == 404);
    REQUIRE(post_heartbeat(server, heartbeat_json("hz-chengxi-01", "城西供电营业厅", 0))->status == 200);
    CHECK(client.Put("/api/screens/hz-chengxi-01/thumbnail", png, "image/png")->status == 409); // nobody asked
    CHECK(admin.Get("/admin/screens/hz-chengxi-01/thumbnail")->status == 404);

    auto asked = admin.Post("/admin/screens/hz-chengxi-01/thumbnail-request");
    REQUIRE(asked);
    CHECK(asked->status == 202);
    auto answer = post_heartbeat(server, heartbeat_json("hz-chengxi-01", "城西供电营业厅", 0));
    CHECK(json_of(answer)["thumbnail_requested"] == true);
    CHECK(client.Put("/api/screens/hz-chengxi-01/thumbnail", "GIF89a not allowed", "image/gif")->status == 415);
    CHECK(client.Put("/api/screens/hz-chengxi-01/thumbnail", "", "image/png")->status == 415);
    auto stored = client.Put("/api/screens/hz-chengxi-01/thumbnail", jpeg, "image/jpeg");
    REQUIRE(stored);
    CHECK(stored->status == 201);

    auto fetched = admin.Get("/admin/screens/hz-chengxi-01/thumbnail");
    REQUIRE(fetched);
    CHECK(fetched->status == 200);
    CHECK(fetched->body == jpeg);
    CHECK(fetched->get_header_value("Content-Type") == "image/jpeg"); // by its bytes, whatever the client said
    CHECK(parse_utc_timestamp(fetched->get_header_value("Hallboard-Taken-At")));

    answer = post_heartbeat(server, heartbeat_json("hz-chengxi-01", "城西供电营业厅", 0));
    CHECK(json_of(answer)["thumbnail_requested"] == false);
    CHECK(client.Put("/api/screens/hz-chengxi-01/thumbnail", png, "image/png")->status == 409);
    auto listed = json_of(admin.Get("/admin/screens"));
    CHECK(listed["screens"][0]["thumbnail_at"].is_string());

    auto forgotten = admin.Delete("/admin/screens/hz-chengxi-01");
    REQUIRE(forgotten);
    CHECK(forgotten->status == 200);
    CHECK(admin.Get("/admin/screens/hz-chengxi-01/thumbnail")->status == 404);
    CHECK(json_of(admin.Get("/admin/screens"))["screens"].empty());
    CHECK(admin.Delete("/admin/screens/hz-chengxi-01")->status == 404);
}

TEST_CASE("screens over HTTP: the report answers which screens showed a notice, and which did not")
{
    test::LogRecorder log;
    test::TempFolder folder;
    test::RunningServer server(folder.path());
    REQUIRE(post_heartbeat(server,
                heartbeat_json("hz-chengxi-01", "城西供电营业厅", 1,
                    json::array({ play("tariff-2027", 12, 240), play("hotlines", 3, 24) })))
                ->status
        == 200);
    REQUIRE(post_heartbeat(server,
                heartbeat_json("hz-chengxi-02", "城西供电营业厅", 1, json::array({ play("tariff-2027", 8, 160) })))
                ->status
        == 200);
    REQUIRE(post_heartbeat(
                server, heartbeat_json("hz-binjiang-01", "滨江供电营业厅", 1, json::array({ play("hotlines", 5, 40) })))
                ->status
        == 200);
    auto admin = server.admin();

    auto report = json_of(admin.Get("/admin/report?since=" + today_text() + "&notice=tariff-2027"));
    CHECK(report["notice"] == "tariff-2027");
    REQUIRE(report["notices"].size() == 1);
    auto const& tariff = report["notices"][0];
    CHECK(tariff["count"] == 20);
    CHECK(tariff["seconds"] == 400);
    REQUIRE(tariff["screens"].size() == 2);
    CHECK(tariff["screens"][0]["screen"] == "hz-chengxi-01");
    CHECK(tariff["screens"][0]["count"] == 12);
    CHECK(report["reporting"].size() == 3);
    REQUIRE(report["not_shown_on"].size() == 1);
    CHECK(report["not_shown_on"][0]["screen"] == "hz-binjiang-01");
    CHECK(report["not_shown_on"][0]["hall"] == "滨江供电营业厅");

    auto everything = json_of(admin.Get("/admin/report?since=" + today_text()));
    CHECK(everything["notices"].size() == 2);
    CHECK_FALSE(everything.contains("not_shown_on"));

    for (auto const* bad :
        { "/admin/report", "/admin/report?since=2026-13-01", "/admin/report?since=2026-11-01&notice=Bad%20Id" }) {
        CAPTURE(bad);
        auto answer = admin.Get(bad);
        REQUIRE(answer);
        CHECK(answer->status == 422);
    }
}
