// Snapshots, version records and pull records as JSON: round trips and strict refusals.
#include "desk_test_support.h"

#include "content/desk/pull_record.h"
#include "content/desk/snapshot_json.h"
#include "content/desk/version_record.h"

#include <nlohmann/json.hpp>

namespace hallboard::desk {

TEST_CASE("a snapshot survives the trip through JSON, byte for byte")
{
    auto snapshot = test::hall_v1();
    test::add_ticker(snapshot, "outage", "明日 08:00 停电\\n# 注释");
    auto json = snapshot_to_json(snapshot);
    REQUIRE_MESSAGE(json, test::why(json));
    CHECK(json->find("明日") != std::string::npos);
    auto back = snapshot_from_json(*json);
    REQUIRE_MESSAGE(back, test::why(back));
    CHECK(*back == snapshot);

    SourceSnapshot empty;
    auto empty_back = snapshot_from_json(*snapshot_to_json(empty));
    REQUIRE(empty_back);
    CHECK(*empty_back == empty);
}

TEST_CASE("a damaged or hostile snapshot is refused with the place of the problem")
{
    auto good = nlohmann::json::parse(*snapshot_to_json(test::hall_v1()));
    struct Case {
        const char* name;
        std::function<void(nlohmann::json&)> damage;
        const char* expected;
    };
    std::vector<Case> cases = {
        { "unknown key", [](auto& j) { j["extra"] = 1; }, "extra: unknown field" },
        { "format", [](auto& j) { j["format"] = 2; }, "format" },
        { "wrong sha", [](auto& j) { j["notices"][0]["text"] = "id: x\n"; }, "is not the sha256 of text" },
        { "file outside", [](auto& j) { j["notices"][0]["file"] = "notices/../x.yaml"; }, "notices[0].file" },
        { "bad id", [](auto& j) { j["notices"][0]["id"] = "Bad Id"; }, "is not a notice id" },
        { "asset path", [](auto& j) { j["assets"][0]["path"] = "/etc/passwd"; }, "assets[0].path" },
        { "asset sha", [](auto& j) { j["assets"][0]["sha256"] = "xyz"; }, "64 lowercase" },
        { "same id twice", [](auto& j) { j["notices"].push_back(j["notices"][0]); }, "" },
        { "missing assets", [](auto& j) { j.erase("assets"); }, "assets" },
    };
    for (auto const& c : cases) {
        CAPTURE(c.name);
        auto damaged = good;
        c.damage(damaged);
        auto read = snapshot_from_json(damaged.dump());
        REQUIRE_FALSE(read);
        CHECK(read.error().find(c.expected) != std::string::npos);
    }
    CHECK_FALSE(snapshot_from_json("{\"format\":1,\"format\":1}"));
    CHECK_FALSE(snapshot_from_json("[[[[[[[[[[1]]]]]]]]]]"));
    CHECK_FALSE(snapshot_from_json(std::string(max_snapshot_json_bytes + 1, ' ')));
}

TEST_CASE("a version record lists the notices added, changed and withdrawn, and reads back")
{
    auto before = test::hall_v1();
    auto after = before;
    after.notices.erase("safety");
    test::add_ticker(after, "welcome", "新年快乐");
    test::add_ticker(after, "outage", "停电");
    VersionRecord record;
    record.version = 7;
    record.based_on = 5;
    record.author = "张伟";
    record.published_at = "2026-12-05T10:00:00Z";
    record.message = "2027 电价";
    record.kind = VersionKind::Restore;
    record.restored_from = 3;
    record.manifest_sha256 = std::string(64, 'c');
    record_notice_changes(record, before, after);
    CHECK(record.added == std::vector<std::string> { "outage" });
    CHECK(record.changed == std::vector<std::string> { "welcome" });
    CHECK(record.withdrawn == std::vector<std::string> { "safety" });

    auto back = version_record_from_json(version_record_to_json(record));
    REQUIRE_MESSAGE(back, test::why(back));
    CHECK(*back == record);

    auto json = nlohmann::json::parse(version_record_to_json(record));
    json["kind"] = "sneaky";
    CHECK_FALSE(version_record_from_json(json.dump()));
    json = nlohmann::json::parse(version_record_to_json(record));
    json["author"] = "evil\x1b[2J";
    CHECK_FALSE(version_record_from_json(json.dump()));
    json = nlohmann::json::parse(version_record_to_json(record));
    json["reviewed"] = true;
    CHECK_FALSE(version_record_from_json(json.dump()));
}

TEST_CASE("author names: plain names in Latin or Chinese letters, nothing a terminal would act on")
{
    CHECK(is_author_name("admin"));
    CHECK(is_author_name("zhang.wei@hall-3"));
    CHECK(is_author_name("李娜"));
    CHECK_FALSE(is_author_name(""));
    CHECK_FALSE(is_author_name("a b"));
    CHECK_FALSE(is_author_name("a\nb"));
    CHECK_FALSE(is_author_name("x\xc2\x9b"));     // C1 CSI
    CHECK_FALSE(is_author_name("x\xe2\x80\xae")); // right-to-left override
    CHECK_FALSE(is_author_name(std::string(65, 'a')));
}

TEST_CASE("a pull record is written last and read back; a damaged one is an error, a missing one is not")
{
    hallboard::test::TempFolder folder;
    auto none = read_pull_record(folder.path());
    REQUIRE(none);
    CHECK_FALSE(*none);

    PullRecord record { "http://127.0.0.1:8080", 12, test::hall_v1() };
    REQUIRE(write_pull_record(folder.path(), record));
    auto back = read_pull_record(folder.path());
    REQUIRE_MESSAGE(back, test::why(back));
    REQUIRE(*back);
    CHECK(**back == record);

    folder.write(".hallboard/base.json", "{\"format\":1}");
    auto damaged = read_pull_record(folder.path());
    REQUIRE_FALSE(damaged);
    CHECK(damaged.error().find("base.json") != std::string::npos);
}

} // namespace hallboard::desk
