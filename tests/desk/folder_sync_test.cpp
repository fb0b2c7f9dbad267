// The pure parts of the desk's server check and of pull / publish: checking a merged snapshot
// from bytes, planning a pull, a withdrawal, conflicts as JSON and on a terminal, and the
// manifest the server signs.
#include "desk_test_support.h"

#include "content/desk/conflict_json.h"
#include "content/desk/folder_sync.h"
#include "content/desk/snapshot_check.h"
#include "content/publish/signed_manifest.h"

#include <nlohmann/json.hpp>

namespace hallboard::desk {

namespace {

std::string image_yaml(const std::string& id, const std::string& src)
{
    return "id: " + id + "\nkind: image\nimage:\n  src: " + src + "\n  fit: contain\n";
}

Result<void> any_picture(const std::string&, const SourceAsset&)
{
    return Ok {};
}

} // namespace

TEST_CASE("a snapshot is checked from its bytes as check would, before it becomes a version")
{
    auto snapshot = test::hall_v1();
    snapshot.notices["poster"] = make_source_text("notices/05-poster.yaml", image_yaml("poster", "assets/logo.png"));
    auto checked = check_snapshot(snapshot, any_picture);
    REQUIRE_MESSAGE(checked, test::why(checked));
    // In file order, as the loader reads notices/; the used picture listed as the manifest will.
    REQUIRE(checked->source.notices.size() == 4);
    CHECK(checked->source.notices.front().id == "poster");
    REQUIRE(checked->used_assets.size() == 1);
    CHECK(checked->used_assets[0].path == "assets/logo.png");
    CHECK(checked->source.channel.footer == "某某供电局");

    SUBCASE("a picture the other side removed")
    {
        snapshot.assets.erase("assets/logo.png");
        auto refused = check_snapshot(snapshot, any_picture);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().find("uses assets/logo.png, which the source does not hold") != std::string::npos);
    }
    SUBCASE("a picture the blob store refuses")
    {
        auto refused = check_snapshot(snapshot,
            [](const std::string& path, const SourceAsset&) -> Result<void> { return fail(path + " is not a PNG"); });
        REQUIRE_FALSE(refused);
        CHECK(refused.error().find("assets/logo.png is not a PNG") != std::string::npos);
    }
    SUBCASE("a notice that does not parse, and the count of the others")
    {
        snapshot.notices["hours"] = make_source_text("notices/hours.yaml", "id: hours\nkind: ticker\n");
        snapshot.notices["safety"] = make_source_text("notices/safety.yaml", "id: safety\nkind: nonsense\n");
        auto refused = check_snapshot(snapshot, any_picture);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().find("more problem") != std::string::npos);
    }
    SUBCASE("an id that is not the key it is kept under")
    {
        snapshot.notices["hours"] = make_source_text("notices/hours.yaml", test::ticker_yaml("other", "x"));
        auto refused = check_snapshot(snapshot, any_picture);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().find("holds notice 'other', but is kept as 'hours'") != std::string::npos);
    }
    SUBCASE("two notices in one file")
    {
        snapshot.notices["hours"].file = "notices/welcome.yaml";
        CHECK_FALSE(check_snapshot(snapshot, any_picture));
    }
}

TEST_CASE("the manifest the server signs reads back and verifies with the public key")
{
    auto checked = check_snapshot(test::hall_v1(), any_picture);
    REQUIRE(checked);
    auto keys = generate_key_pair();
    REQUIRE(keys);
    auto signed_manifest
        = sign_new_manifest(checked->source, checked->used_assets, 7, "2026-12-05T10:00:00Z", keys->secret_key);
    REQUIRE_MESSAGE(signed_manifest, test::why(signed_manifest));
    CHECK(signed_manifest->manifest.version == 7);
    auto signature = parse_signature(signed_manifest->signature_line);
    REQUIRE(signature);
    CHECK(verify_detached(signed_manifest->bytes, *signature, keys->public_key));
    Diagnostics diagnostics;
    CHECK(manifest_from_json(signed_manifest->bytes, "m", diagnostics));
}

TEST_CASE("a pull plan keeps local edits, takes the server's, and writes nothing on a conflict")
{
    auto base = test::hall_v1();
    auto theirs = base;
    test::add_ticker(theirs, "hours", "营业时间 9:00-17:00");
    theirs.notices.erase("safety");
    auto local = base;
    test::add_ticker(local, "welcome", "欢迎 (本地修改)");

    auto plan = plan_pull(base, theirs, local, {});
    REQUIRE(plan.conflicts.empty());
    CHECK(plan.merged.notices.at("hours") == theirs.notices.at("hours"));
    CHECK(plan.merged.notices.at("welcome") == local.notices.at("welcome"));
    CHECK_FALSE(plan.merged.notices.count("safety")); // withdrawn on the server, untouched here
    CHECK(plan.kept_local_edits == std::vector<std::string> { "welcome" });

    test::add_ticker(local, "hours", "营业时间 (本地)");
    auto conflicted = plan_pull(base, theirs, local, {});
    REQUIRE(conflicted.conflicts.size() == 1);
    CHECK(conflicted.conflicts[0].name == "hours");
    CHECK(conflicted.merged == SourceSnapshot {});

    auto kept = plan_pull(base, theirs, local, { { "hours", Side::Ours } });
    REQUIRE(kept.conflicts.empty());
    CHECK(kept.merged.notices.at("hours") == local.notices.at("hours"));
    CHECK(kept.kept_local_edits == std::vector<std::string> { "hours", "welcome" });
    auto taken = plan_pull(base, theirs, local, { { "hours", Side::Theirs } });
    REQUIRE(taken.conflicts.empty());
    CHECK(taken.merged.notices.at("hours") == theirs.notices.at("hours"));
}

TEST_CASE("a withdrawal names the current version and the notice's bytes; an unknown id is refused")
{
    ServerSource current { 9, test::hall_v1() };
    auto change = withdraw_change(current, "safety", "活动结束");
    REQUIRE_MESSAGE(change, test::why(change));
    CHECK(change->base_version == 9);
    REQUIRE(change->notices.size() == 1);
    CHECK(change->notices[0].operation == NoticeOperation::Withdraw);
    CHECK(change->notices[0].base_sha256 == current.snapshot.notices.at("safety").sha256);
    auto applied = apply_change_set(current.snapshot, *change);
    REQUIRE(applied);
    CHECK_FALSE(applied->notices.count("safety"));
    auto unknown = withdraw_change(current, "nothing", "");
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().find("has no notice 'nothing'") != std::string::npos);
}

TEST_CASE("conflicts survive the trip through the server's JSON and show both sides, escaped")
{
    auto base = test::hall_v1();
    auto theirs = base;
    auto ours = base;
    test::add_ticker(theirs, "welcome", "服务器的\x1b[2J版本");
    test::add_ticker(ours, "welcome", "本地的版本");
    theirs.assets["assets/logo.png"] = { std::string(64, 'b'), 1 };
    ours.assets["assets/logo.png"] = { std::string(64, 'c'), 2 };
    auto outcome = merge_snapshots(base, theirs, ours);
    auto const* conflicts = std::get_if<MergeConflicts>(&outcome);
    REQUIRE(conflicts);
    REQUIRE(conflicts->conflicts.size() == 2);

    auto json = nlohmann::json::parse(conflicts_json_value(conflicts->conflicts).dump());
    auto back = conflicts_from_json_value(json);
    REQUIRE_MESSAGE(back, test::why(back));
    CHECK(*back == conflicts->conflicts);

    auto shown = format_conflict(back->at(0));
    CHECK(shown.find("conflict: notice 'welcome': changed on both sides, differently") != std::string::npos);
    CHECK(shown.find("  on the server (notices/welcome.yaml):") != std::string::npos);
    CHECK(shown.find("本地的版本") != std::string::npos);
    CHECK(shown.find('\x1b') == std::string::npos); // a server's text cannot drive the terminal
    auto asset = format_conflict(back->at(1));
    CHECK(asset.find("here: 2 bytes, sha256 cccccccccccccccc") != std::string::npos);

    json[0]["subject"] = "everything";
    CHECK_FALSE(conflicts_from_json_value(json));
    CHECK_FALSE(conflicts_from_json_value(nlohmann::json::parse(R"([{"subject":"notice_file","name":"x","ids":[]}])")));
}

} // namespace hallboard::desk
