// Publishing into a folder: the tree's layout, versions, signatures, refusals, and what an
// interrupted publish leaves behind.
#include "publish_test_support.h"

#include "base/durable_files.h"
#include "content/publish/published_tree.h"
#include "content/publish/publisher.h"

#include <fstream>
#include <set>
#include <thread>

namespace hallboard {

namespace fs = std::filesystem;

namespace {

KeyPair fresh_pair()
{
    auto pair = generate_key_pair();
    REQUIRE(pair.has_value());
    return *pair;
}

PublishResult publish(const ContentSource& source, const KeyPair& pair, const fs::path& root, int minutes = 0)
{
    Diagnostics diagnostics;
    auto result = publish_to_folder(source, pair.secret_key, root, test::test_time(minutes), diagnostics);
    REQUIRE_MESSAGE(result.outcome == PublishOutcome::Published, diagnostics.format_all());
    return result;
}

// Verifies the tree as a screen would and returns its manifest.
Manifest verified(const fs::path& root, const KeyPair& pair)
{
    Diagnostics diagnostics;
    auto manifest = verify_tree(root, pair.public_key, diagnostics);
    REQUIRE_MESSAGE(manifest.has_value(), diagnostics.format_all());
    return *manifest;
}

std::set<std::string> names_in(const fs::path& folder)
{
    std::set<std::string> names;
    std::error_code error;
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error))
        names.insert(it->path().filename().string());
    return names;
}

size_t temp_files_in(const fs::path& folder)
{
    size_t count = 0;
    for (auto const& name : names_in(folder))
        count += name.rfind(durable::temp_prefix, 0) == 0;
    return count;
}

} // namespace

TEST_CASE("publishing the demo writes the documented tree")
{
    test::TempFolder folder;
    auto pair = fresh_pair();
    auto source = test::load_valid(test::demo_source());
    auto root = folder / "out";
    auto result = publish(source, pair, root);

    CHECK(result.manifest.version == 1);
    CHECK(result.manifest.published_at == "2026-11-23T10:00:00Z");
    CHECK_FALSE(result.previous.has_value());
    CHECK(result.diff.added.size() == source.notices.size());
    CHECK(result.new_blobs.size() == 2);
    CHECK(names_in(root) == std::set<std::string> { "blobs", "manifest.json", "manifest.json.sig", "versions" });
    CHECK(names_in(root / "versions") == std::set<std::string> { "1" });
    CHECK(names_in(root / "versions/1") == std::set<std::string> { "manifest.json", "manifest.json.sig" });

    auto manifest = verified(root, pair);
    CHECK(manifest == result.manifest);
    CHECK(manifest.notices == source.notices);
    std::set<std::string> blob_names;
    for (auto const& blob : manifest.blobs) {
        blob_names.insert(blob.sha256);
        CHECK(test::read_bytes(root / "blobs" / blob.sha256) == test::read_bytes(source.root / blob.path));
    }
    CHECK(names_in(root / "blobs") == blob_names);

    // The signature line is what `verify` needs, and the copy under versions/ is identical.
    auto bytes = test::read_bytes(root / "manifest.json");
    CHECK(bytes == manifest_to_json(result.manifest));
    auto signature = parse_signature(test::read_bytes(root / "manifest.json.sig"));
    REQUIRE(signature.has_value());
    CHECK(verify_detached(bytes, *signature, pair.public_key));
    CHECK(test::read_bytes(root / "versions/1/manifest.json") == bytes);
    CHECK(test::read_bytes(root / "versions/1/manifest.json.sig") == test::read_bytes(root / "manifest.json.sig"));
}

TEST_CASE("publishing again gives the next version and keeps the old blobs and versions")
{
    test::TempFolder folder;
    auto pair = fresh_pair();
    auto source = test::copy_source(test::demo_source(), folder / "src");
    auto root = folder / "out";
    auto first = publish(source, pair, root);
    auto old_poster = first.manifest.blob_for("assets/poster.png")->sha256;

    SUBCASE("unchanged content: version 2, nothing new")
    {
        auto second = publish(source, pair, root, 5);
        CHECK(second.manifest.version == 2);
        CHECK(second.manifest.published_at == "2026-11-23T10:05:00Z");
        REQUIRE(second.previous.has_value());
        CHECK(second.previous->version == 1);
        CHECK_FALSE(second.diff.has_changes());
        CHECK(second.new_blobs.empty());
        CHECK(verified(root, pair).version == 2);
        CHECK(names_in(root / "versions") == std::set<std::string> { "1", "2" });
    }
    SUBCASE("a new poster: a new blob beside the old one")
    {
        auto poster = test::read_bytes(source.root / "assets/poster.png");
        // Another valid PNG: the same picture with a byte appended after IEND (decoders ignore it).
        std::ofstream(source.root / "assets/poster.png", std::ios::binary | std::ios::app) << '\0';
        auto changed = test::load_valid(source.root);
        auto second = publish(changed, pair, root, 10);
        CHECK(second.manifest.version == 2);
        auto new_poster = second.manifest.blob_for("assets/poster.png")->sha256;
        CHECK(new_poster != old_poster);
        REQUIRE(second.new_blobs.size() == 1);
        CHECK(second.new_blobs[0].sha256 == new_poster);
        CHECK(fs::exists(root / "blobs" / old_poster));
        CHECK(test::read_bytes(root / "blobs" / old_poster) == poster);
        CHECK(fs::exists(root / "blobs" / new_poster));
        REQUIRE(second.diff.changed.size() == 1);
        CHECK(second.diff.changed[0].id == "poster-saving");
        verified(root, pair);
        // The old version is still there, complete, for a rollback.
        CHECK(test::read_bytes(root / "versions/1/manifest.json") == manifest_to_json(first.manifest));
    }
    SUBCASE("versions only go up, even past a manifest.json someone deleted")
    {
        publish(source, pair, root);
        fs::remove(root / "manifest.json");
        fs::remove(root / "manifest.json.sig");
        CHECK(publish(source, pair, root).manifest.version == 3);
    }
}

TEST_CASE("publishing refuses a tree signed by another key, and folders that are not trees")
{
    test::TempFolder folder;
    auto source = test::load_valid(test::valid_test_source());
    auto owner = fresh_pair();
    auto intruder = fresh_pair();
    auto root = folder / "out";
    publish(source, owner, root);
    auto before = test::read_bytes(root / "manifest.json");

    SUBCASE("another key")
    {
        Diagnostics diagnostics;
        auto result = publish_to_folder(source, intruder.secret_key, root, test::test_time(), diagnostics);
        CHECK(result.outcome == PublishOutcome::Refused);
        CHECK(test::mentions(diagnostics, "not published with this key"));
        CHECK(test::read_bytes(root / "manifest.json") == before);
        CHECK(names_in(root / "versions") == std::set<std::string> { "1" });
    }
    SUBCASE("a signature that was tampered with")
    {
        folder.write("out/manifest.json.sig", signature_text(sign_detached("something else", owner.secret_key)) + "\n");
        folder.write("out/versions/1/manifest.json.sig", "garbage\n");
        Diagnostics diagnostics;
        CHECK(publish_to_folder(source, owner.secret_key, root, test::test_time(), diagnostics).outcome
            == PublishOutcome::Refused);
    }
    SUBCASE("a damaged manifest")
    {
        folder.write("out/manifest.json", before.substr(0, 100));
        Diagnostics diagnostics;
        CHECK(publish_to_folder(source, owner.secret_key, root, test::test_time(), diagnostics).outcome
            == PublishOutcome::Refused);
        CHECK(test::mentions(diagnostics, "cannot be read"));
    }
    SUBCASE("a folder holding other things")
    {
        folder.write("home/notes.txt", "mine");
        Diagnostics diagnostics;
        CHECK(publish_to_folder(source, owner.secret_key, folder / "home", test::test_time(), diagnostics).outcome
            == PublishOutcome::Refused);
        CHECK(test::mentions(diagnostics, "is not a published tree"));
        CHECK(names_in(folder / "home") == std::set<std::string> { "notes.txt" });
    }
    SUBCASE("a file where the folder should be")
    {
        auto file = folder.write("plain-file", "x");
        Diagnostics diagnostics;
        CHECK(publish_to_folder(source, owner.secret_key, file, test::test_time(), diagnostics).outcome
            == PublishOutcome::Refused);
        CHECK(test::mentions(diagnostics, "not a folder"));
    }
    SUBCASE("an empty folder is fine")
    {
        fs::create_directories(folder / "empty");
        CHECK(publish(source, owner, folder / "empty").manifest.version == 1);
    }
}

TEST_CASE("an interrupted publish leaves a tree that screens can use and the next publish repairs")
{
    test::TempFolder folder;
    auto pair = fresh_pair();
    auto source = test::load_valid(test::demo_source());
    auto root = folder / "out";
    auto first = publish(source, pair, root);
    auto first_bytes = test::read_bytes(root / "manifest.json");

    SUBCASE("killed while copying blobs and writing version 2")
    {
        // What a crash leaves: half-written temp files, and a version folder without its signature.
        folder.write("out/blobs/.hallboard-tmp-a1b2c3", std::string(5000, 'x'));
        folder.write("out/.hallboard-tmp-d4e5f6", "{\"format\": 1, \"vers");
        folder.write("out/versions/2/manifest.json", first_bytes);
        folder.write("out/versions/2/.hallboard-tmp-g7h8i9", "");
        // Meanwhile the tree still verifies: screens keep version 1.
        CHECK(verified(root, pair).version == 1);

        auto next = publish(source, pair, root, 1);
        CHECK(next.manifest.version == 3); // 2 may have been seen by nobody, but it is never reused
        CHECK(next.removed_temp_files == 3);
        CHECK(temp_files_in(root) == 0);
        CHECK(temp_files_in(root / "blobs") == 0);
        CHECK(temp_files_in(root / "versions/2") == 0);
        CHECK(verified(root, pair).version == 3);
    }
    SUBCASE("killed between the new signature and the new manifest")
    {
        // Version 2's files exist under versions/, its signature is at the top, its manifest is not.
        publish(source, pair, root, 1);
        auto second_bytes = test::read_bytes(root / "manifest.json");
        folder.write("out/manifest.json", first_bytes);
        // A screen reading now sees a mismatch and keeps what it has; the versions/ copy vouches.
        Diagnostics mismatch;
        CHECK_FALSE(verify_tree(root, pair.public_key, mismatch).has_value());
        Diagnostics state_problems;
        auto state = read_tree_state(root, &pair.public_key, state_problems);
        CHECK(state.problem == TreeProblem::None);
        CHECK(state.current_verified);
        CHECK(state.highest_version == 2);

        auto next = publish(source, pair, root, 2);
        CHECK(next.manifest.version == 3);
        CHECK(verified(root, pair).version == 3);
        CHECK(second_bytes != test::read_bytes(root / "manifest.json"));
    }
    SUBCASE("a damaged blob is rewritten, an intact one kept")
    {
        auto poster = first.manifest.blob_for("assets/poster.png")->sha256;
        auto qr = first.manifest.blob_for("assets/feedback-qr.png")->sha256;
        folder.write("out/blobs/" + poster, "truncated");
        auto qr_time = fs::last_write_time(root / "blobs" / qr);
        Diagnostics damaged;
        CHECK_FALSE(verify_tree(root, pair.public_key, damaged).has_value());
        CHECK(test::mentions(damaged, "does not match its name"));

        Diagnostics diagnostics;
        auto next = publish_to_folder(source, pair.secret_key, root, test::test_time(3), diagnostics);
        REQUIRE(next.outcome == PublishOutcome::Published);
        CHECK(next.repaired_blobs == 1);
        CHECK(test::mentions(diagnostics, "damaged and has been rewritten"));
        CHECK(fs::last_write_time(root / "blobs" / qr) == qr_time);
        verified(root, pair);
    }
}

TEST_CASE("two publishes to one tree do not interleave")
{
    test::TempFolder folder;
    auto pair = fresh_pair();
    auto source = test::load_valid(test::valid_test_source());
    auto root = folder / "out";
    publish(source, pair, root);
    auto lock = durable::FolderLock::acquire(root);
    REQUIRE(lock.ok());
    Diagnostics diagnostics;
    auto result = publish_to_folder(source, pair.secret_key, root, test::test_time(), diagnostics);
    CHECK(result.outcome == PublishOutcome::Failed);
    CHECK(test::mentions(diagnostics, "in use by another process: another publish, or 'hallboard serve'"));
    CHECK(test::mentions(diagnostics, "--to http://HOST:PORT"));
    CHECK(verified(root, pair).version == 1);

    SUBCASE("a tree held by 'hallboard serve' (its screens database is there) names the server")
    {
        fs::create_directories(root / "state");
        std::ofstream(root / "state" / "screens.sqlite") << "";
        Diagnostics served;
        CHECK(publish_to_folder(source, pair.secret_key, root, test::test_time(), served).outcome
            == PublishOutcome::Failed);
        CHECK(test::mentions(served, "being served by 'hallboard serve'"));
    }
}

TEST_CASE("published files are readable by a web server")
{
    test::TempFolder folder;
    auto pair = fresh_pair();
    auto root = folder / "out";
    auto result = publish(test::load_valid(test::demo_source()), pair, root);
    for (auto const& path :
        { root / "manifest.json", root / "manifest.json.sig", root / "blobs" / result.manifest.blobs[0].sha256 }) {
        auto permissions = fs::status(path).permissions();
        CHECK_MESSAGE((permissions & fs::perms::others_read) != fs::perms::none, path);
    }
}

} // namespace hallboard
