// The three-way per-notice merge: the scenarios of issue 11, each as admins would meet them.
#include "desk_test_support.h"

#include "content/desk/merge.h"
#include "content/desk/snapshot_writer.h"

#include <functional>

namespace hallboard::desk {

namespace {

const SourceSnapshot& merged_of(const MergeOutcome& outcome)
{
    if (auto const* conflicts = std::get_if<MergeConflicts>(&outcome)) {
        for (auto const& conflict : conflicts->conflicts)
            MESSAGE(describe(conflict));
        FAIL("expected a clean merge");
    }
    return std::get<SourceSnapshot>(outcome);
}

std::vector<Conflict> conflicts_of(const MergeOutcome& outcome)
{
    REQUIRE_MESSAGE(std::holds_alternative<MergeConflicts>(outcome), "expected conflicts");
    return std::get<MergeConflicts>(outcome).conflicts;
}

// Two admins each pulled version 1: `theirs` is what the other published first, `ours` what
// this one publishes now.
struct Scenario {
    const char* name;
    std::function<void(SourceSnapshot&)> theirs;
    std::function<void(SourceSnapshot&)> ours;
    std::vector<std::string> conflicts;                      // names; empty: a clean merge
    std::function<void(const SourceSnapshot&)> check_merged; // on a clean merge
};

std::optional<SourceText> optional_of_notice(const SourceSnapshot& snapshot, const std::string& id)
{
    auto found = snapshot.notices.find(id);
    return found == snapshot.notices.end() ? std::nullopt : std::optional(found->second);
}

void edit(SourceSnapshot& snapshot, const std::string& id, const std::string& text)
{
    test::add_ticker(snapshot, id, text);
}

} // namespace

TEST_CASE("merging a change made against version 1 onto what the server has now")
{
    const Scenario scenarios[] = {
        { "different notices changed: both changes kept", [](auto& s) { edit(s, "welcome", "欢迎光临 新年快乐"); },
            [](auto& s) { edit(s, "hours", "营业时间 9:00-17:00"); }, {},
            [](auto const& m) {
                CHECK(m.notices.at("welcome").bytes.find("新年快乐") != std::string::npos);
                CHECK(m.notices.at("hours").bytes.find("9:00") != std::string::npos);
                CHECK(m.notices.contains("safety"));
            } },
        { "notices added on both sides: both kept", [](auto& s) { edit(s, "outage", "明日停电"); },
            [](auto& s) { edit(s, "tariff", "电价调整"); }, {}, [](auto const& m) { CHECK(m.notices.size() == 5); } },
        { "the same change made on both sides is not a conflict", [](auto& s) { edit(s, "welcome", "欢迎"); },
            [](auto& s) { edit(s, "welcome", "欢迎"); }, {},
            [](auto const& m) { CHECK(m.notices.at("welcome").bytes.find("\"欢迎\"") != std::string::npos); } },
        { "the same notice changed differently: a conflict naming it", [](auto& s) { edit(s, "welcome", "欢迎 A"); },
            [](auto& s) {
                edit(s, "welcome", "欢迎 B");
                edit(s, "hours", "营业时间 9:00");
            },
            { "welcome" }, {} },
        { "withdrawn on the server, edited here: a conflict", [](auto& s) { s.notices.erase("safety"); },
            [](auto& s) { edit(s, "safety", "注意安全 新版"); }, { "safety" }, {} },
        { "edited on the server, withdrawn here: a conflict", [](auto& s) { edit(s, "safety", "注意安全 新版"); },
            [](auto& s) { s.notices.erase("safety"); }, { "safety" }, {} },
        { "withdrawn on the server, untouched here: stays withdrawn", [](auto& s) { s.notices.erase("safety"); },
            [](auto& s) { edit(s, "hours", "营业时间 9:00"); }, {},
            [](auto const& m) { CHECK_FALSE(m.notices.contains("safety")); } },
        { "withdrawn on both sides: withdrawn", [](auto& s) { s.notices.erase("safety"); },
            [](auto& s) { s.notices.erase("safety"); }, {},
            [](auto const& m) { CHECK_FALSE(m.notices.contains("safety")); } },
        { "the same new id added differently: a conflict", [](auto& s) { edit(s, "outage", "明日停电 A"); },
            [](auto& s) { edit(s, "outage", "明日停电 B"); }, { "outage" }, {} },
        { "two new notices in one file: a conflict naming the file",
            [](auto& s) {
                s.notices["outage"] = make_source_text("notices/50.yaml", test::ticker_yaml("outage", "停电"));
            },
            [](auto& s) {
                s.notices["tariff"] = make_source_text("notices/50.yaml", test::ticker_yaml("tariff", "电价"));
            },
            { "notices/50.yaml" }, {} },
        { "a renamed file is a change of that notice, merged with an edit elsewhere",
            [](auto& s) { s.notices["welcome"].file = "notices/00-welcome.yaml"; },
            [](auto& s) { edit(s, "hours", "营业时间 9:00"); }, {},
            [](auto const& m) { CHECK(m.notices.at("welcome").file == "notices/00-welcome.yaml"); } },
        { "channel.yaml changed on one side: taken",
            [](auto& s) { s.channel = make_source_text("channel.yaml", "footer: 新供电局\n"); },
            [](auto& s) { edit(s, "hours", "营业时间 9:00"); }, {},
            [](auto const& m) { CHECK(m.channel->bytes == "footer: 新供电局\n"); } },
        { "channel.yaml changed differently on both sides: a conflict",
            [](auto& s) { s.channel = make_source_text("channel.yaml", "footer: A\n"); },
            [](auto& s) { s.channel = make_source_text("channel.yaml", "footer: B\n"); }, { "channel.yaml" }, {} },
        { "channel.yaml removed on one side and changed on the other: a conflict", [](auto& s) { s.channel.reset(); },
            [](auto& s) { s.channel = make_source_text("channel.yaml", "footer: B\n"); }, { "channel.yaml" }, {} },
        { "a picture replaced on both sides with other bytes: a conflict naming its path",
            [](auto& s) {
                s.assets["assets/logo.png"] = { std::string(64, 'b'), 1 };
            },
            [](auto& s) {
                s.assets["assets/logo.png"] = { std::string(64, 'c'), 2 };
            },
            { "assets/logo.png" }, {} },
        { "a picture added here and another removed there: both happen",
            [](auto& s) { s.assets.erase("assets/logo.png"); },
            [](auto& s) {
                s.assets["assets/poster.png"] = { std::string(64, 'd'), 3 };
            },
            {},
            [](auto const& m) {
                CHECK_FALSE(m.assets.contains("assets/logo.png"));
                CHECK(m.assets.contains("assets/poster.png"));
            } },
    };
    for (auto const& scenario : scenarios) {
        SUBCASE(scenario.name)
        {
            auto base = test::hall_v1();
            auto theirs = base;
            scenario.theirs(theirs);
            auto ours = base;
            scenario.ours(ours);
            auto change = compute_change_set(base, ours, 1);
            auto outcome = merge(base, theirs, change);
            REQUIRE_MESSAGE(outcome, test::why(outcome));
            if (scenario.conflicts.empty()) {
                scenario.check_merged(merged_of(*outcome));
                continue;
            }
            auto conflicts = conflicts_of(*outcome);
            std::vector<std::string> names;
            for (auto const& conflict : conflicts)
                names.push_back(conflict.name);
            CHECK(names == scenario.conflicts);
            // Nothing lost: each conflict carries both sides as they are.
            for (auto const& conflict : conflicts) {
                if (conflict.subject == ConflictSubject::Notice) {
                    CHECK(conflict.text.base == optional_of_notice(base, conflict.name));
                    CHECK(conflict.text.theirs == optional_of_notice(theirs, conflict.name));
                    CHECK(conflict.text.ours == optional_of_notice(ours, conflict.name));
                }
                CHECK_FALSE(describe(conflict).empty());
            }
        }
    }
}

TEST_CASE("a conflict settled by choosing a side merges, keeping the other side's other edits")
{
    auto base = test::hall_v1();
    auto theirs = base;
    edit(theirs, "welcome", "欢迎 A");
    edit(theirs, "safety", "安全 服务器");
    auto ours = base;
    edit(ours, "welcome", "欢迎 B");
    edit(ours, "hours", "营业时间 9:00");

    auto mine = merge_snapshots(base, theirs, ours, { { "welcome", Side::Ours } });
    auto const& kept = merged_of(mine);
    CHECK(kept.notices.at("welcome") == ours.notices.at("welcome"));
    CHECK(kept.notices.at("safety") == theirs.notices.at("safety"));
    CHECK(kept.notices.at("hours") == ours.notices.at("hours"));

    auto server = merge_snapshots(base, theirs, ours, { { "welcome", Side::Theirs } });
    CHECK(merged_of(server).notices.at("welcome") == theirs.notices.at("welcome"));
}

TEST_CASE("withdraw, restore and pull: a round trip that never resurrects or loses a notice")
{
    auto v1 = test::hall_v1();

    // Version 2 withdraws "safety".
    auto v2_local = v1;
    v2_local.notices.erase("safety");
    auto v2 = merged_of(*merge(v1, v1, compute_change_set(v1, v2_local, 1)));
    CHECK_FALSE(v2.notices.contains("safety"));

    // An admin whose folder still holds version 1 edits "hours" and publishes: the change is
    // computed against version 1 and sends only "hours", so "safety" stays withdrawn.
    auto stale_folder = v1;
    edit(stale_folder, "hours", "营业时间 9:00");
    auto stale_change = compute_change_set(v1, stale_folder, 1);
    REQUIRE(stale_change.notices.size() == 1);
    auto v3 = merged_of(*merge(v1, v2, stale_change));
    CHECK_FALSE(v3.notices.contains("safety"));
    CHECK(v3.notices.at("hours") == stale_folder.notices.at("hours"));

    // Restore version 1 as version 4: a new version whose source equals version 1's.
    auto v4 = v1;
    auto restore_diff = compute_change_set(v3, v4, 3);
    CHECK(restore_diff.notices.size() == 2); // safety added back, hours back to version 1's
    CHECK(merged_of(*merge(v3, v3, restore_diff)) == v1);

    // A pull by an admin at version 3 with no local edits gets the restored state.
    auto pulled = merged_of(merge_snapshots(v3, v4, v3));
    CHECK(pulled == v1);

    // A pull by an admin at version 3 who withdrew "welcome" locally keeps that edit.
    auto local = v3;
    local.notices.erase("welcome");
    auto pulled_with_edit = merged_of(merge_snapshots(v3, v4, local));
    CHECK_FALSE(pulled_with_edit.notices.contains("welcome"));
    CHECK(pulled_with_edit.notices.contains("safety"));

    // Withdrawing "safety" again after the restore works as any change does.
    auto again = v4;
    again.notices.erase("safety");
    auto v5 = merged_of(*merge(v4, v4, compute_change_set(v4, again, 4)));
    CHECK_FALSE(v5.notices.contains("safety"));
}

TEST_CASE("a change that does not fit its base is refused, not merged")
{
    auto v1 = test::hall_v1();
    auto local = v1;
    edit(local, "welcome", "欢迎 新");
    auto change = compute_change_set(v1, local, 1);

    auto other_base = v1;
    edit(other_base, "welcome", "欢迎 别的");
    auto outcome = merge(other_base, other_base, change);
    REQUIRE_FALSE(outcome);
    CHECK(outcome.error().find("welcome") != std::string::npos);

    auto added = compute_change_set(SourceSnapshot {}, v1, 0);
    CHECK_FALSE(apply_change_set(v1, added)); // adds what the base already has
}

TEST_CASE("compute_change_set names each operation once, against the base's bytes")
{
    auto base = test::hall_v1();
    auto local = base;
    edit(local, "welcome", "新");
    local.notices.erase("safety");
    edit(local, "outage", "停电");
    local.assets.erase("assets/logo.png");
    local.channel.reset();

    auto change = compute_change_set(base, local, 7);
    CHECK(change.base_version == 7);
    REQUIRE(change.notices.size() == 3);
    CHECK(change.notices[0].id == "outage");
    CHECK(change.notices[0].operation == NoticeOperation::Add);
    CHECK(change.notices[1].id == "safety");
    CHECK(change.notices[1].operation == NoticeOperation::Withdraw);
    CHECK(change.notices[1].base_sha256 == base.notices.at("safety").sha256);
    CHECK(change.notices[2].operation == NoticeOperation::Change);
    REQUIRE(change.channel);
    CHECK_FALSE(change.channel->after);
    REQUIRE(change.assets.size() == 1);
    CHECK(change.assets[0].operation == AssetOperation::Remove);
    CHECK(*apply_change_set(base, change) == local);
    CHECK(compute_change_set(base, base, 1).empty());
}

} // namespace hallboard::desk
