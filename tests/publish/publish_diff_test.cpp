// What a publish would change: notices added, changed and removed by id, and dry runs that write nothing.
#include "publish_test_support.h"

#include "content/publish/publish_diff.h"
#include "content/publish/publisher.h"

#include <functional>
#include <map>
#include <set>

namespace hallboard {

namespace fs = std::filesystem;

namespace {

Manifest demo_manifest()
{
    auto source = test::load_valid(test::demo_source());
    Diagnostics diagnostics;
    auto blobs = hash_source_assets(source, diagnostics);
    REQUIRE(blobs.has_value());
    return make_manifest(source, *blobs, 1, "2026-11-23T10:00:00Z");
}

Notice& notice_with_id(Manifest& manifest, std::string_view id)
{
    for (auto& notice : manifest.notices) {
        if (notice.id == id)
            return notice;
    }
    FAIL("no notice " << id);
    return manifest.notices.front();
}

std::vector<std::string> ids(const std::vector<NoticeChange>& changes)
{
    std::vector<std::string> result;
    for (auto const& change : changes)
        result.push_back(change.id);
    return result;
}

// Every file under `root` with its bytes, to prove that nothing was written.
std::map<std::string, std::string> snapshot(const fs::path& root)
{
    std::map<std::string, std::string> files;
    if (!fs::exists(root))
        return files;
    for (auto const& entry : fs::recursive_directory_iterator(root)) {
        auto relative = fs::relative(entry.path(), root).string();
        files[relative] = entry.is_regular_file() ? test::read_bytes(entry.path()) : "<folder>";
    }
    return files;
}

} // namespace

TEST_CASE("diff_manifests names notices by id")
{
    auto old_manifest = demo_manifest();

    SUBCASE("nothing published yet: every notice is added, in order")
    {
        auto diff = diff_manifests(nullptr, old_manifest);
        REQUIRE(diff.added.size() == old_manifest.notices.size());
        CHECK(diff.added.front().id == old_manifest.notices.front().id);
        CHECK(diff.added.front().file == old_manifest.notices.front().defined_at.file);
        CHECK(diff.changed.empty());
        CHECK(diff.removed.empty());
        CHECK_FALSE(diff.order_changed);
        CHECK(diff.has_changes());
    }
    SUBCASE("the same content, another version and time: no changes")
    {
        auto next = old_manifest;
        next.version = 9;
        next.published_at = "2027-01-01T00:00:00Z";
        CHECK_FALSE(diff_manifests(&old_manifest, next).has_changes());
    }

    struct Edit {
        std::string name;
        std::function<void(Manifest&)> edit;
        std::vector<std::string> added, changed, removed;
        bool order_changed = false;
        bool channel_changed = false;
    };
    const Edit edits[] = {
        { "a title", [](Manifest& m) { notice_with_id(m, "hotlines").title = "监督电话"; }, {}, { "hotlines" }, {} },
        { "a tariff cell",
            [](Manifest& m) {
                std::get<TariffTable>(notice_with_id(m, "tariff-residential").body).rows[0][2] = "0.5000";
            },
            {}, { "tariff-residential" }, {} },
        { "the validity window", [](Manifest& m) { notice_with_id(m, "outage-2026-12").valid_until.reset(); }, {},
            { "outage-2026-12" }, {} },
        { "a priority", [](Manifest& m) { notice_with_id(m, "ticker-app").priority = Priority::Urgent; }, {},
            { "ticker-app" }, {} },
        { "the poster's bytes", [](Manifest& m) { m.blobs[1].sha256 = std::string(64, 'f'); }, {}, { "poster-saving" },
            {} },
        { "the QR code's bytes", [](Manifest& m) { m.blobs[0].sha256 = std::string(64, 'e'); }, {}, { "hotlines" },
            {} },
        { "a notice removed", [](Manifest& m) { m.notices.erase(m.notices.begin() + 2); }, {}, {},
            { "flow-low-voltage-new" } },
        { "a notice added",
            [](Manifest& m) {
                auto extra = m.notices.back();
                extra.id = "ticker-new";
                extra.defined_at.file = "notices/98-ticker-new.yaml";
                m.notices.push_back(extra);
            },
            { "ticker-new" }, {}, {} },
        { "an id renamed: one removed, one added",
            [](Manifest& m) { notice_with_id(m, "tariff-tou").id = "tariff-tou-2027"; }, { "tariff-tou-2027" }, {},
            { "tariff-tou" } },
        { "only the file name: not a change",
            [](Manifest& m) { notice_with_id(m, "hotlines").defined_at.file = "notices/71-hotlines.yaml"; }, {}, {},
            {} },
        { "two notices swapped", [](Manifest& m) { std::swap(m.notices[0], m.notices[1]); }, {}, {}, {}, true },
        { "the channel's reading speed", [](Manifest& m) { m.channel.reading_speed = 4.0; }, {}, {}, {}, false, true },
    };
    for (auto const& item : edits) {
        SUBCASE(item.name.c_str())
        {
            auto next = old_manifest;
            item.edit(next);
            auto diff = diff_manifests(&old_manifest, next);
            CHECK(ids(diff.added) == item.added);
            CHECK(ids(diff.changed) == item.changed);
            CHECK(ids(diff.removed) == item.removed);
            CHECK(diff.order_changed == item.order_changed);
            CHECK(diff.channel_changed == item.channel_changed);
        }
    }
}

TEST_CASE("a dry run reports against the published tree and writes nothing")
{
    test::TempFolder folder;
    auto pair = generate_key_pair().value();
    auto source = test::copy_source(test::demo_source(), folder / "src");
    auto root = folder / "out";

    SUBCASE("into a folder that does not exist yet")
    {
        Diagnostics diagnostics;
        auto plan = plan_publish(source, &pair.secret_key, root, test::test_time(), diagnostics);
        REQUIRE_MESSAGE(plan.outcome == PublishOutcome::Published, diagnostics.format_all());
        CHECK(plan.manifest.version == 1);
        CHECK(plan.diff.added.size() == source.notices.size());
        CHECK(plan.new_blobs.size() == 2);
        CHECK_FALSE(fs::exists(root));
    }
    SUBCASE("after a publish and an edit")
    {
        Diagnostics diagnostics;
        REQUIRE(publish_to_folder(source, pair.secret_key, root, test::test_time(), diagnostics).outcome
            == PublishOutcome::Published);
        fs::remove(source.root / "notices/97-ticker-safety.yaml");
        folder.write("src/notices/99-ticker-new.yaml", "id: ticker-new\nkind: ticker\nticker: {text: 新消息}\n");
        auto tariff = test::read_bytes(source.root / "notices/10-tariff-residential.yaml");
        tariff.replace(tariff.find("\"0.588\""), 7, "\"0.599\"");
        folder.write("src/notices/10-tariff-residential.yaml", tariff);
        auto edited = test::load_valid(source.root);
        auto before = snapshot(root);

        auto plan = plan_publish(edited, &pair.secret_key, root, test::test_time(9), diagnostics);
        REQUIRE_MESSAGE(plan.outcome == PublishOutcome::Published, diagnostics.format_all());
        CHECK(plan.manifest.version == 2);
        CHECK(ids(plan.diff.added) == std::vector<std::string> { "ticker-new" });
        CHECK(ids(plan.diff.changed) == std::vector<std::string> { "tariff-residential" });
        CHECK(ids(plan.diff.removed) == std::vector<std::string> { "ticker-safety" });
        CHECK(plan.new_blobs.empty());
        CHECK(snapshot(root) == before);

        // Without a key the comparison still works, unverified; with another key it is refused.
        Diagnostics unverified;
        CHECK(plan_publish(edited, nullptr, root, test::test_time(), unverified).diff.changed.size() == 1);
        auto other = generate_key_pair().value();
        Diagnostics refused;
        CHECK(plan_publish(edited, &other.secret_key, root, test::test_time(), refused).outcome
            == PublishOutcome::Refused);
        CHECK(snapshot(root) == before);
    }
}

} // namespace hallboard
