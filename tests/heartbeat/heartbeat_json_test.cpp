// The heartbeat's JSON contract: what a player writes reads back the same, and the server's
// strict reader refuses each kind of malformed or out-of-bounds heartbeat with the place named.
#include "content/heartbeat/heartbeat.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <functional>

using namespace hallboard;
using Json = nlohmann::json;

namespace {

Heartbeat full_heartbeat()
{
    Heartbeat heartbeat;
    heartbeat.screen = "hz-chengxi-01";
    heartbeat.hall = "城西供电营业厅";
    heartbeat.version = 7;
    heartbeat.current_notice = "tariff-residential";
    heartbeat.uptime_s = 3600;
    heartbeat.interval_s = 60;
    heartbeat.sent_at = "2026-11-23T10:00:00Z";
    heartbeat.sync = { SyncResult::Failed, "connection refused", "2026-11-23T09:59:30Z" };
    heartbeat.plays = { { { 2026, 11, 22 }, "tariff-residential", 300, 6000 },
        { { 2026, 11, 23 }, "tariff-residential", 12, 240 }, { { 2026, 11, 23 }, "hotlines", 1, 0 } };
    return heartbeat;
}

Json full_json()
{
    return Json::parse(heartbeat_to_json(full_heartbeat()));
}

std::string all_messages(const Diagnostics& diagnostics)
{
    std::string text;
    for (auto const& diagnostic : diagnostics.all())
        text += diagnostic.message + "\n";
    return text;
}

} // namespace

TEST_CASE("heartbeat JSON: what a player writes, the server reads back unchanged")
{
    struct Case {
        const char* name;
        std::function<void(Heartbeat&)> change;
    };
    std::vector<Case> cases = {
        { "every field set, a failed sync", [](Heartbeat&) {} },
        { "a successful sync",
            [](Heartbeat& h) {
                h.sync = { SyncResult::Ok, "", "2026-11-23T09:59:30Z" };
            } },
        { "never synced (local content), no notice on screen, no plays",
            [](Heartbeat& h) {
                h.sync = {};
                h.current_notice.reset();
                h.plays.clear();
                h.version = 0;
            } },
        { "bounds at their largest",
            [](Heartbeat& h) {
                h.screen = std::string(64, 'z');
                h.hall = std::string(max_hall_bytes, 'h');
                h.interval_s = max_heartbeat_interval_s;
                h.plays = { { { 2026, 11, 23 }, std::string(64, 'n'), max_plays_per_day, max_play_seconds_per_day } };
            } },
        { "text that JSON must escape",
            [](Heartbeat& h) {
                h.sync = { SyncResult::Failed, "bad \"quote\" \\ and/slash", "2026-11-23T09:59:30Z" };
            } },
    };
    for (auto const& item : cases) {
        SUBCASE(item.name)
        {
            auto heartbeat = full_heartbeat();
            item.change(heartbeat);
            auto text = heartbeat_to_json(heartbeat);
            Diagnostics diagnostics;
            auto read = heartbeat_from_json(text, diagnostics);
            INFO(text);
            INFO(all_messages(diagnostics));
            REQUIRE(read);
            CHECK(read->screen == heartbeat.screen);
            CHECK(read->hall == heartbeat.hall);
            CHECK(read->version == heartbeat.version);
            CHECK(read->current_notice == heartbeat.current_notice);
            CHECK(read->sync == heartbeat.sync);
            CHECK(read->plays == heartbeat.plays);
            CHECK(*read == heartbeat);
        }
    }
}

TEST_CASE("heartbeat JSON: the strict reader refuses what does not follow the contract")
{
    struct Case {
        const char* name;
        std::function<void(Json&)> change;
        const char* expected; // a fragment of some message
    };
    std::vector<Case> cases = {
        { "uppercase screen id", [](Json& j) { j["screen"] = "HZ-01"; }, "screen: 'HZ-01' is not a screen id" },
        { "screen id with a slash", [](Json& j) { j["screen"] = "hz/01"; }, "is not a screen id" },
        { "screen id starting with a dash", [](Json& j) { j["screen"] = "-hz"; }, "is not a screen id" },
        { "screen id of 65 characters", [](Json& j) { j["screen"] = std::string(65, 'a'); }, "is not a screen id" },
        { "empty screen id", [](Json& j) { j["screen"] = ""; }, "screen: must not be empty" },
        { "hall missing", [](Json& j) { j.erase("hall"); }, "hall: missing" },
        { "hall too long", [](Json& j) { j["hall"] = std::string(max_hall_bytes + 1, 'h'); }, "hall: is longer than" },
        { "version negative", [](Json& j) { j["version"] = -1; }, "version: must be a whole number" },
        { "version as text", [](Json& j) { j["version"] = "7"; }, "version: expected a whole number" },
        { "version fractional", [](Json& j) { j["version"] = 7.5; }, "version: expected a whole number" },
        { "notice id invalid", [](Json& j) { j["current_notice"] = "电价"; }, "current_notice:" },
        { "interval zero", [](Json& j) { j["interval_s"] = 0; }, "interval_s: must be a whole number from 1" },
        { "interval above a day", [](Json& j) { j["interval_s"] = max_heartbeat_interval_s + 1; }, "interval_s:" },
        { "sent_at not UTC", [](Json& j) { j["sent_at"] = "2026-11-23 10:00:00"; },
            "sent_at: '2026-11-23 10:00:00' is not a UTC time" },
        { "sent_at impossible", [](Json& j) { j["sent_at"] = "2026-02-30T10:00:00Z"; }, "sent_at:" },
        { "unknown field", [](Json& j) { j["brightness"] = 80; }, "brightness: unknown field" },
        { "sync result unknown", [](Json& j) { j["sync"]["result"] = "maybe"; },
            "sync.result: must be one of ok, failed, never" },
        { "failed sync without error", [](Json& j) { j["sync"]["error"] = nullptr; },
            "sync.error: a failed sync needs its error" },
        { "ok sync with an error", [](Json& j) { j["sync"]["result"] = "ok"; }, "sync.error: must be null unless" },
        { "never synced but a time",
            [](Json& j) {
                j["sync"] = { { "result", "never" }, { "error", nullptr }, { "at", "2026-11-23T10:00:00Z" } };
            },
            "sync.at: must be null" },
        { "ok sync without time",
            [](Json& j) {
                j["sync"] = { { "result", "ok" }, { "error", nullptr }, { "at", nullptr } };
            },
            "sync.at: the time of the last sync is missing" },
        { "sync error too long", [](Json& j) { j["sync"]["error"] = std::string(max_sync_error_bytes + 1, 'e'); },
            "sync.error: is longer" },
        { "plays not a list", [](Json& j) { j["plays"] = Json::object(); }, "plays: expected a list" },
        { "play date impossible", [](Json& j) { j["plays"][0]["date"] = "2026-13-01"; },
            "plays[0].date: '2026-13-01' is not a date" },
        { "play count zero", [](Json& j) { j["plays"][0]["count"] = 0; }, "plays[0].count:" },
        { "play count above a day's", [](Json& j) { j["plays"][0]["count"] = max_plays_per_day + 1; },
            "plays[0].count:" },
        { "play seconds above a day's", [](Json& j) { j["plays"][0]["seconds"] = max_play_seconds_per_day + 1; },
            "plays[0].seconds:" },
        { "play notice invalid", [](Json& j) { j["plays"][1]["notice"] = "Tariff"; },
            "plays[1].notice: 'Tariff' is not a notice id" },
        { "play with an unknown field", [](Json& j) { j["plays"][0]["hall"] = "x"; }, "plays[0].hall: unknown field" },
        { "the same day and notice twice", [](Json& j) { j["plays"].push_back(j["plays"][1]); },
            "plays[3]: repeats the date and notice of plays[1]" },
        { "too many plays",
            [](Json& j) {
                Json plays = Json::array();
                for (size_t i = 0; i <= max_heartbeat_plays; ++i)
                    plays.push_back({ { "date", "2026-11-23" }, { "notice", "n" + std::to_string(i) }, { "count", 1 },
                        { "seconds", 1 } });
                j["plays"] = plays;
            },
            "plays: holds 401 entries, more than the limit of 400" },
        { "a list instead of an object",
            [](Json& j) {
                j = Json::array({ 1, 2 });
            },
            "expected an object, found a list" },
    };
    for (auto const& item : cases) {
        SUBCASE(item.name)
        {
            auto document = full_json();
            item.change(document);
            Diagnostics diagnostics;
            auto read = heartbeat_from_json(document.dump(), diagnostics);
            CHECK_FALSE(read);
            auto messages = all_messages(diagnostics);
            INFO(messages);
            CHECK(messages.find(item.expected) != std::string::npos);
        }
    }
}

TEST_CASE("heartbeat JSON: hostile bytes are refused before they cost anything")
{
    struct Case {
        const char* name;
        std::string text;
        const char* expected;
    };
    auto padded = full_json();
    padded["hall"] = std::string(max_heartbeat_bytes, 'x');
    std::vector<Case> cases = {
        { "not JSON", "screen=hz-01", "not valid JSON" },
        { "truncated", heartbeat_to_json(full_heartbeat()).substr(0, 60), "not valid JSON" },
        { "invalid UTF-8 in a string", "{\"screen\": \"hz\xff\"}", "not valid JSON" },
        { "deep nesting", std::string(5000, '[') + std::string(5000, ']'), "nests deeper than" },
        { "a key twice", R"({"screen": "a", "screen": "b"})", "the field 'screen' appears twice" },
        { "larger than 64 KiB", padded.dump(), "more than the limit of 65536" },
        { "empty", "", "not valid JSON" },
    };
    for (auto const& item : cases) {
        SUBCASE(item.name)
        {
            Diagnostics diagnostics;
            CHECK_FALSE(heartbeat_from_json(item.text, diagnostics));
            auto messages = all_messages(diagnostics);
            INFO(messages);
            CHECK(messages.find(item.expected) != std::string::npos);
        }
    }
}

TEST_CASE("heartbeat JSON: a player's heartbeat is cut to the bounds instead of being refused")
{
    auto heartbeat = full_heartbeat();
    heartbeat.hall = std::string(max_hall_bytes - 1, 'h') + "厅"; // the last character straddles the bound
    heartbeat.sync.error = std::string(max_sync_error_bytes * 2, 'e');
    heartbeat.plays.clear();
    for (int day = 1; day <= 30; ++day) {
        for (int notice = 0; notice < 20; ++notice)
            heartbeat.plays.push_back({ { 2026, 11, day }, "notice-" + std::to_string(notice), 1, 10 });
    }
    auto left_out = fit_heartbeat_to_bounds(heartbeat);
    CHECK(left_out == 600 - max_heartbeat_plays);
    CHECK(heartbeat.plays.size() == max_heartbeat_plays);
    CHECK(heartbeat.hall == std::string(max_hall_bytes - 1, 'h')); // no half a character
    CHECK(heartbeat.sync.error.size() == max_sync_error_bytes);
    // The newest days are kept: 20 of the 30 days, from the 11th on.
    for (auto const& play : heartbeat.plays)
        CHECK(play.date >= Date { 2026, 11, 11 });
    Diagnostics diagnostics;
    auto text = heartbeat_to_json(heartbeat);
    CHECK(text.size() <= max_heartbeat_bytes);
    CHECK(heartbeat_from_json(text, diagnostics));
}

TEST_CASE("heartbeat answer: read leniently, written compactly")
{
    struct Case {
        const char* text;
        std::optional<bool> requested; // nullopt: refused
    };
    std::vector<Case> cases = {
        { R"({"thumbnail_requested": true})", true },
        { R"({"thumbnail_requested": false, "plays_ignored": 3})", false },
        { R"({"thumbnail_requested": "yes"})", std::nullopt },
        { R"({})", std::nullopt },
        { R"([true])", std::nullopt },
        { "not json", std::nullopt },
    };
    for (auto const& item : cases) {
        CAPTURE(item.text);
        auto answer = heartbeat_answer_from_json(item.text);
        CHECK(answer.has_value() == item.requested.has_value());
        if (answer && item.requested)
            CHECK(answer->thumbnail_requested == *item.requested);
    }
    for (bool requested : { true, false })
        CHECK(heartbeat_answer_from_json(heartbeat_answer_to_json({ requested }))->thumbnail_requested == requested);
}

TEST_CASE("UTC timestamps parse to the instant they name")
{
    auto epoch = parse_utc_timestamp("1970-01-01T00:00:00Z");
    REQUIRE(epoch);
    CHECK(epoch->time_since_epoch() == std::chrono::seconds(0));
    auto moment = parse_utc_timestamp("2026-11-23T10:00:05Z");
    REQUIRE(moment);
    // 2026-11-23 is day 20780 since 1970-01-01.
    CHECK(std::chrono::duration_cast<std::chrono::seconds>(moment->time_since_epoch()).count()
        == 20780LL * 86400 + 10 * 3600 + 5);
    for (auto const* bad : { "2026-11-23T10:00:00", "2026-11-23T24:00:00Z", "2026-11-23 10:00:00Z", "" })
        CHECK_FALSE(parse_utc_timestamp(bad));
}
