// Control characters in a heartbeat's free text (hall, sync.error) are kept, written out visibly,
// never stored raw: they would run in the admin's terminal when `hallboard screens` prints them.
#include "content/heartbeat/heartbeat.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace hallboard;
using Json = nlohmann::json;

namespace {

Json heartbeat_json(const std::string& hall, const std::string& sync_error)
{
    return {
        { "screen", "hz-chengxi-01" },
        { "hall", hall },
        { "version", 7 },
        { "current_notice", nullptr },
        { "uptime_s", 60 },
        { "interval_s", 60 },
        { "sent_at", "2026-11-23T10:00:00Z" },
        { "sync", { { "result", "failed" }, { "error", sync_error }, { "at", "2026-11-23T09:59:30Z" } } },
        { "plays", Json::array() },
    };
}

std::string messages_of(const Diagnostics& diagnostics)
{
    std::string text;
    for (auto const& diagnostic : diagnostics.all())
        text += diagnostic.message + "\n";
    return text;
}

} // namespace

TEST_CASE("heartbeat JSON: control characters in hall and sync.error are stored escaped")
{
    struct Case {
        const char* name;
        std::string sent;
        std::string stored;
    };
    const Case cases[] = {
        { "plain Chinese is untouched", "城西供电营业厅", "城西供电营业厅" },
        { "ESC clear-screen", "\x1b[2J城西", "\\x1b[2J城西" },
        { "BEL", "hall\x07", "hall\\x07" },
        { "CR LF forging a row", "城西\r\nhz-fake-01  ok", "城西\\x0d\\x0ahz-fake-01  ok" },
        { "NUL cutting a row", std::string("城西") + '\0' + "forged", "城西\\x00forged" },
        { "DEL", "a\x7f", "a\\x7f" },
        { "C1 CSI",
            "a\xC2\x9B"
            "2J",
            "a\\u{9b}2J" },
        { "right-to-left override",
            "\xE2\x80\xAE"
            "ko",
            "\\u{202e}ko" },
    };
    for (auto const& item : cases) {
        SUBCASE(item.name)
        {
            Diagnostics diagnostics;
            // JSON carries these as \u001b and so on: valid JSON, valid UTF-8.
            auto read = heartbeat_from_json(heartbeat_json(item.sent, item.sent).dump(), diagnostics);
            INFO(messages_of(diagnostics));
            REQUIRE(read);
            CHECK(read->hall == item.stored);
            CHECK(read->sync.error == item.stored);
        }
    }
}

TEST_CASE("heartbeat JSON: the bounds of hall and sync.error hold for the escaped form")
{
    Diagnostics diagnostics;
    // 100 bytes as sent, 400 once written out: above the hall's 256.
    auto read = heartbeat_from_json(heartbeat_json(std::string(100, '\x1b'), "e").dump(), diagnostics);
    CHECK_FALSE(read);
    CHECK(messages_of(diagnostics).find("hall: is longer than 256 bytes (with its control characters written out)")
        != std::string::npos);

    SUBCASE("a player cuts them as the server will read them, so its heartbeat still passes")
    {
        Heartbeat heartbeat;
        heartbeat.screen = "hz-chengxi-01";
        heartbeat.hall = std::string(100, '\x1b');
        heartbeat.sent_at = "2026-11-23T10:00:00Z";
        heartbeat.sync = { SyncResult::Failed, std::string(600, '\n'), "2026-11-23T09:59:30Z" };
        fit_heartbeat_to_bounds(heartbeat);
        CHECK(heartbeat.hall.size() <= max_hall_bytes);
        CHECK(heartbeat.hall.starts_with("\\x1b\\x1b"));
        CHECK(heartbeat.sync.error.size() <= max_sync_error_bytes);
        Diagnostics second;
        auto again = heartbeat_from_json(heartbeat_to_json(heartbeat), second);
        INFO(messages_of(second));
        REQUIRE(again);
        CHECK(again->hall == heartbeat.hall); // escaping twice changes nothing
        CHECK(again->sync.error == heartbeat.sync.error);
    }
}
