// Change sets as JSON: a round trip, and a table of malformed and hostile inputs refused.
#include "desk_test_support.h"

#include "content/desk/change_set_json.h"
#include "content/publish/signing.h"

#include <nlohmann/json.hpp>

namespace hallboard::desk {

namespace {

ChangeSet sample_change()
{
    auto base = test::hall_v1();
    auto local = base;
    test::add_ticker(local, "welcome", "欢迎光临 新年快乐");
    local.notices.erase("safety");
    test::add_ticker(local, "outage", "明日 08:00 停电");
    local.channel = make_source_text("channel.yaml", "footer: 新供电局\n");
    local.assets["assets/poster.png"] = SourceAsset { std::string(64, 'e'), 1234 };
    local.assets.erase("assets/logo.png");
    auto change = compute_change_set(base, local, 41);
    change.message = "新年 欢迎词";
    return change;
}

nlohmann::json sample_json()
{
    return nlohmann::json::parse(*change_set_to_json(sample_change()));
}

} // namespace

TEST_CASE("a change set survives the trip through JSON")
{
    auto change = sample_change();
    auto json = change_set_to_json(change);
    REQUIRE_MESSAGE(json, test::why(json));
    CHECK(json->find("新年快乐") != std::string::npos); // UTF-8 as it is, not \u escapes
    auto back = change_set_from_json(*json);
    REQUIRE_MESSAGE(back, test::why(back));
    CHECK(*back == change);

    ChangeSet empty;
    auto empty_back = change_set_from_json(*change_set_to_json(empty));
    REQUIRE_MESSAGE(empty_back, test::why(empty_back));
    CHECK(*empty_back == empty);
}

TEST_CASE("text that is not UTF-8 cannot be written")
{
    ChangeSet change;
    change.message = "\xff\xfe";
    CHECK_FALSE(change_set_to_json(change));
}

TEST_CASE("malformed, hostile and oversized change sets are refused with the reason")
{
    using Json = nlohmann::json;
    struct Row {
        const char* name;
        std::function<std::string()> input;
        const char* expected; // a piece of the error message
    };
    auto edited = [](std::function<void(Json&)> edit) {
        return [edit] {
            auto document = sample_json();
            edit(document);
            return document.dump();
        };
    };
    auto text = [](std::string value) { return [value] { return value; }; };
    // The sample's notices, sorted by id: outage (add), safety (withdraw), welcome (change).
    const Row rows[] = {
        { "not JSON", text("{\"format\": 1,"), "not valid JSON" },
        { "not an object", text("[]"), "" },
        { "too deep", text(std::string(100, '[') + std::string(100, ']')), "nests deeper" },
        { "too large", text(std::string(max_change_set_bytes + 1, ' ')), "more than the limit" },
        { "a key twice", text("{\"format\": 1, \"format\": 1}"), "appears twice" },
        { "another format", edited([](Json& j) { j["format"] = 2; }), "format 1" },
        { "an unknown key", edited([](Json& j) { j["force"] = true; }), "force" },
        { "a missing key", edited([](Json& j) { j.erase("base_version"); }), "base_version" },
        { "a negative version", edited([](Json& j) { j["base_version"] = -1; }), "base_version" },
        { "a message too long", edited([](Json& j) { j["message"] = std::string(max_change_message_bytes + 1, 'x'); }),
            "longer than" },
        { "an unknown operation", edited([](Json& j) { j["notices"][0]["op"] = "replace"; }), "notices[0].op" },
        { "a bad id", edited([](Json& j) { j["notices"][0]["id"] = "../etc"; }), "notice id" },
        { "an id twice", edited([](Json& j) { j["notices"][1] = j["notices"][0]; }), "appears twice" },
        { "a file outside notices/", edited([](Json& j) { j["notices"][0]["file"] = "notices/../../x.yaml"; }),
            "not the name of a notice file" },
        { "a hidden notice file", edited([](Json& j) { j["notices"][0]["file"] = "notices/.x.yaml"; }),
            "not the name of a notice file" },
        { "text damaged on the way", edited([](Json& j) { j["notices"][0]["text"] = "id: outage\n"; }),
            "not the sha256" },
        { "a notice file too large", edited([](Json& j) {
             std::string big(1024 * 1024 + 1, 'x');
             j["notices"][0]["text"] = big;
             j["notices"][0]["sha256"] = sha256_hex_of(big);
         }),
            "larger than" },
        { "a withdrawal carrying a file", edited([](Json& j) { j["notices"][1]["file"] = "notices/safety.yaml"; }),
            "file" },
        { "a change without its base", edited([](Json& j) { j["notices"][2].erase("base_sha256"); }), "base_sha256" },
        { "a base that is not a sha256", edited([](Json& j) { j["notices"][2]["base_sha256"] = "abc"; }),
            "hexadecimal" },
        { "another channel file", edited([](Json& j) { j["channel"]["file"] = "../channel.yaml"; }),
            "not channel.yaml" },
        { "a channel half given", edited([](Json& j) { j["channel"]["text"] = nullptr; }), "all given or all null" },
        { "an asset outside assets/", edited([](Json& j) { j["assets"][0]["path"] = "/etc/passwd"; }), "absolute" },
        { "an asset climbing out", edited([](Json& j) { j["assets"][0]["path"] = "assets/../../x.png"; }), ".." },
        { "an asset too large", edited([](Json& j) { j["assets"][1]["size"] = 21 * 1024 * 1024; }), "size" },
        { "a removal without its base", edited([](Json& j) { j["assets"][0]["base_sha256"] = nullptr; }),
            "needs the sha256" },
    };
    for (auto const& row : rows) {
        CAPTURE(row.name);
        auto input = row.input();
        auto parsed = change_set_from_json(input);
        REQUIRE_FALSE(parsed);
        CHECK_MESSAGE(parsed.error().find(row.expected) != std::string::npos, parsed.error());
    }
}

} // namespace hallboard::desk
