// Sync cycles against real loopback servers: first sync, 304, new publishes, garbage collection,
// where signatures come from, and unsigned content.
#include "sync_test_support.h"

#include "player/sync/content_sync.h"

namespace hallboard {

using namespace sync;
namespace fs = std::filesystem;

namespace {

// What a screen's callback saw.
struct Handed {
    std::vector<std::uint64_t> versions;
    std::shared_ptr<const ContentSource> last;
    ContentHandler handler()
    {
        return [this](std::shared_ptr<const ContentSource> content, std::uint64_t version) {
            versions.push_back(version);
            last = std::move(content);
        };
    }
};

std::unique_ptr<ContentSync> open_sync(const SyncSettings& settings)
{
    auto sync = ContentSync::open(settings);
    REQUIRE_MESSAGE(sync.ok(), (sync ? std::string() : sync.error()));
    return std::move(*sync);
}

std::string first_line(const std::string& text)
{
    return text.substr(0, text.find('\n'));
}

std::set<std::string> blob_set(const Manifest& manifest)
{
    std::set<std::string> names;
    for (auto const& blob : manifest.blobs)
        names.insert(blob.sha256);
    return names;
}

void check_cache_holds(const fs::path& cache, const fs::path& tree, const Manifest& manifest)
{
    auto stored = test::read_bytes(cache / "current.manifest");
    CHECK(first_line(stored) == first_line(test::read_bytes(tree / "manifest.json.sig")));
    CHECK(stored.substr(stored.find('\n') + 1) == test::read_bytes(tree / "manifest.json"));
    CHECK(test::names_in(cache / "blobs") == blob_set(manifest));
    for (auto const& blob : manifest.blobs)
        CHECK(test::read_bytes(cache / "blobs" / blob.sha256) == test::read_bytes(tree / "blobs" / blob.sha256));
}

} // namespace

TEST_CASE("a fresh cache syncs from the embedded server, and the next poll is a 304")
{
    test::TempFolder work;
    test::Publisher publisher(work.path());
    auto v1 = publisher.publish();
    test::LogRecorder log;
    test::EmbeddedServer server(publisher.tree());
    auto cache = work.path() / "cache";
    auto sync = open_sync(test::test_settings(server.url(), cache, &publisher.public_key()));
    CHECK(sync->content() == nullptr);
    CHECK(sync->version() == 0);

    Handed handed;
    auto first = sync->run_cycle(handed.handler());
    INFO(first.error);
    REQUIRE(first.outcome == CycleOutcome::Updated);
    CHECK(first.version == 1);
    CHECK(first.blobs_downloaded == 2);
    CHECK(first.blob_bytes == v1.blobs[0].size + v1.blobs[1].size);
    CHECK(handed.versions == std::vector<std::uint64_t> { 1 });
    REQUIRE(handed.last);
    CHECK(handed.last == sync->content());
    CHECK(handed.last->root == cache);
    CHECK(handed.last->notices.size() == v1.notices.size());
    check_cache_holds(cache, publisher.tree(), v1);
    CHECK(test::temp_files_in(cache) + test::temp_files_in(cache / "blobs") == 0);
    // The embedded server sends the signature with the manifest: no second request for it.
    CHECK(test::eventually([&] { return log.count_containing("GET /manifest.json 200") == 1; }));
    CHECK(log.count_containing(".sig") == 0);

    auto second = sync->run_cycle(handed.handler());
    CHECK(second.outcome == CycleOutcome::UpToDate);
    CHECK(second.version == 1);
    CHECK(handed.versions.size() == 1);
    CHECK(test::eventually([&] { return log.count_containing("GET /manifest.json 304") == 1; }));
    CHECK(second.transferred_bytes > 0);
    CHECK(second.transferred_bytes < 1000); // headers only
    MESSAGE("bytes on the wire for a poll with nothing new: " << second.transferred_bytes);
}

TEST_CASE("a new publish is picked up and the blobs it no longer needs are deleted")
{
    test::TempFolder work;
    test::Publisher publisher(work.path());
    publisher.publish();
    test::LogRecorder log;
    auto cache = work.path() / "cache";
    Handed handed;

    // Syncs version 1, then the admin publishes version 2 into the publisher's tree.
    auto sync_then_publish = [&](ContentSync& sync) {
        REQUIRE(sync.run_cycle(handed.handler()).outcome == CycleOutcome::Updated);
        auto old_content = sync.content();
        publisher.change_content();
        auto v2 = publisher.publish();
        return std::make_pair(old_content, v2);
    };

    SUBCASE("from a static server (nginx): the signature from versions/<N>/")
    {
        test::FaultServer server(publisher.tree());
        auto sync = open_sync(test::test_settings(server.url(), cache, &publisher.public_key()));
        auto [old_content, v2] = sync_then_publish(*sync);
        auto result = sync->run_cycle(handed.handler());
        INFO(result.error);
        REQUIRE(result.outcome == CycleOutcome::Updated);
        CHECK(result.version == 2);
        CHECK(result.blobs_downloaded == 1); // only the changed poster; the QR code is kept
        CHECK(handed.versions == std::vector<std::uint64_t> { 1, 2 });
        CHECK(handed.last != old_content);
        check_cache_holds(cache, publisher.tree(), v2);
        CHECK(server.requests("versions/1/manifest.json.sig") == 1);
        CHECK(server.requests("versions/2/manifest.json.sig") == 1);
        CHECK(server.requests("manifest.json.sig") == 0);
        auto changed = std::find_if(handed.last->notices.begin(), handed.last->notices.end(),
            [](auto const& notice) { return notice.title.find("(1)") != std::string::npos; });
        CHECK(changed != handed.last->notices.end());

        SUBCASE("and the next start plays it from the cache")
        {
            sync.reset();
            auto reopened = open_sync(test::test_settings(server.url(), cache, &publisher.public_key()));
            CHECK(reopened->version() == 2);
            REQUIRE(reopened->content());
            CHECK(reopened->content()->notices.size() == v2.notices.size());
        }
    }
    SUBCASE("from the embedded server, published through its swap")
    {
        auto served = work.path() / "served";
        fs::copy(publisher.tree(), served, fs::copy_options::recursive);
        test::EmbeddedServer server(served);
        auto sync = open_sync(test::test_settings(server.url(), cache, &publisher.public_key()));
        auto [old_content, v2] = sync_then_publish(*sync);
        server.publish_from(publisher.tree());
        auto result = sync->run_cycle(handed.handler());
        INFO(result.error);
        REQUIRE(result.outcome == CycleOutcome::Updated);
        CHECK(result.version == 2);
        CHECK(result.blobs_downloaded == 1);
        check_cache_holds(cache, publisher.tree(), v2);
        CHECK(sync->run_cycle(handed.handler()).outcome == CycleOutcome::UpToDate);
    }
}

TEST_CASE("where the signature of a static server's manifest comes from")
{
    test::TempFolder work;
    test::Publisher publisher(work.path());
    publisher.publish();
    test::FaultServer server(publisher.tree());
    auto cache = work.path() / "cache";
    auto sync = open_sync(test::test_settings(server.url(), cache, &publisher.public_key()));

    SUBCASE("versions/<N>/ wins over a top-level signature caught mid-publish")
    {
        // Between a publish's two top-level renames the .sig is already the next version's.
        server.set_fault("manifest.json.sig", test::Fault::serve(publisher.sign("the next version")));
        CHECK(sync->run_cycle({}).outcome == CycleOutcome::Updated);
        CHECK(server.requests("manifest.json.sig") == 0);
    }
    SUBCASE("without versions/<N>/, the top-level signature")
    {
        server.set_fault("versions/1/manifest.json.sig", test::Fault::answer(404));
        CHECK(sync->run_cycle({}).outcome == CycleOutcome::Updated);
        CHECK(server.requests("versions/1/manifest.json.sig") == 1);
        CHECK(server.requests("manifest.json.sig") == 1);
    }
    SUBCASE("a Hallboard-Signature header is used when a server sends one")
    {
        server.set_signature_header(test::read_bytes(publisher.tree() / "manifest.json.sig").substr(0, 88));
        CHECK(sync->run_cycle({}).outcome == CycleOutcome::Updated);
        CHECK(server.requests_starting("versions/") == 0);
        CHECK(server.requests("manifest.json.sig") == 0);
    }
    SUBCASE("a header that is not a signature is refused, not worked around")
    {
        server.set_signature_header("bm90IGEgc2lnbmF0dXJl");
        auto result = sync->run_cycle({});
        CHECK(result.outcome == CycleOutcome::Failed);
        CHECK(result.failure == FailureKind::Refused);
        CHECK(result.error.find("Hallboard-Signature") != std::string::npos);
        CHECK(sync->version() == 0);
    }
}

TEST_CASE("a screen without a public key accepts unsigned content, with one warning")
{
    test::TempFolder work;
    test::Publisher publisher(work.path());
    publisher.publish();
    for (auto const& sig : { "manifest.json.sig", "versions/1/manifest.json.sig" })
        fs::remove(publisher.tree() / sig);
    test::LogRecorder log;
    test::FaultServer server(publisher.tree());
    auto cache = work.path() / "cache";
    auto sync = open_sync(test::test_settings(server.url(), cache, nullptr));
    CHECK(log.count_containing("no public_key") == 1);
    auto result = sync->run_cycle({});
    INFO(result.error);
    REQUIRE(result.outcome == CycleOutcome::Updated);
    CHECK(first_line(test::read_bytes(cache / "current.manifest")) == "unsigned");
    CHECK(server.requests_starting("versions/") == 0); // nothing to check it with: not asked for
    CHECK(server.requests("manifest.json.sig") == 0);
    CHECK(sync->run_cycle({}).outcome == CycleOutcome::UpToDate);
    CHECK(log.count_containing("no public_key") == 1);

    SUBCASE("a screen given a key later does not trust the unsigned cache")
    {
        sync.reset();
        auto keyed = open_sync(test::test_settings(server.url(), cache, &publisher.public_key()));
        CHECK(keyed->version() == 0);
        CHECK(log.count_containing("not signed") == 1);
        auto refused = keyed->run_cycle({});
        CHECK(refused.failure == FailureKind::Refused);
        CHECK(refused.error.find("no manifest.json.sig") != std::string::npos);
    }
}

} // namespace hallboard
