// Starting with what the cache holds: a server that is down, leftovers of a killed player (a real
// SIGKILL mid-download included), damaged blobs, versions downloaded but not switched to.
#include "sync_test_support.h"

#include "player/sync/content_sync.h"
#include "player/sync/sync_report.h"

#include <csignal>
#include <sys/wait.h>

namespace hallboard {

using namespace sync;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

std::unique_ptr<ContentSync> open_sync(const SyncSettings& settings)
{
    auto sync = ContentSync::open(settings);
    REQUIRE_MESSAGE(sync.ok(), (sync ? std::string() : sync.error()));
    return std::move(*sync);
}

// A screen whose cache holds version 1 of `publisher`'s tree, synced from `server`.
void sync_version_1(test::Publisher& publisher, const std::string& server, const fs::path& cache)
{
    publisher.publish();
    auto sync = open_sync(test::test_settings(server, cache, &publisher.public_key()));
    auto result = sync->run_cycle({});
    REQUIRE_MESSAGE(result.outcome == CycleOutcome::Updated, result.error);
    REQUIRE(result.version == 1);
}

// The blob version 2 adds, after publisher.change_content() and a publish.
ManifestBlob added_blob(const Manifest& before, const Manifest& after)
{
    for (auto const& blob : after.blobs) {
        if (!before.blob_for(blob.path) || before.blob_for(blob.path)->sha256 != blob.sha256)
            return blob;
    }
    FAIL("no blob was added");
    return {};
}

} // namespace

TEST_CASE("with the server down at start, the cached content plays; when it is back, the new version comes")
{
    test::TempFolder work;
    test::Publisher publisher(work.path());
    auto cache = work.path() / "cache";
    {
        test::FaultServer first(publisher.tree());
        sync_version_1(publisher, first.url(), cache);
    }
    int port = test::refused_port();
    auto url = "http://127.0.0.1:" + std::to_string(port);
    test::LogRecorder log;
    auto sync = open_sync(test::test_settings(url, cache, &publisher.public_key()));
    // Before any network call.
    REQUIRE(sync->content());
    CHECK(sync->version() == 1);
    CHECK(log.count_containing("playing version 1 from the cache") == 1);

    SyncReporter reporter;
    auto down = sync->run_cycle({});
    CAPTURE(down.error);
    CHECK(down.outcome == CycleOutcome::Failed);
    CHECK(down.failure == FailureKind::Network);
    CHECK(down.error.find("connection refused") != std::string::npos);
    CHECK(sync->version() == 1);
    auto line = reporter.report(down);
    REQUIRE(line);
    CHECK(line->text.find("showing version 1, retrying with backoff") != std::string::npos);

    publisher.change_content();
    publisher.publish();
    test::FaultServer back(publisher.tree(), port);
    auto up = sync->run_cycle({});
    CAPTURE(up.error);
    CHECK(up.outcome == CycleOutcome::Updated);
    CHECK(up.version == 2);
}

TEST_CASE("leftovers of a player killed mid-download are cleared at the next start")
{
    test::TempFolder work;
    test::Publisher publisher(work.path());
    test::FaultServer server(publisher.tree());
    auto cache = work.path() / "cache";
    sync_version_1(publisher, server.url(), cache);
    auto v1_stored = test::read_bytes(cache / "current.manifest");
    auto v2 = publisher.publish(); // unchanged content: the same blobs as version 1
    publisher.change_content();
    auto v3 = publisher.publish();
    auto blob = added_blob(v2, v3);
    auto blob_bytes = test::read_bytes(publisher.tree() / "blobs" / blob.sha256);

    // What a kill leaves: half a blob in its temporary file, half a current.manifest in its own.
    test::write_bytes(cache / "blobs" / ".hallboard-tmp-k1LL3d", blob_bytes.substr(0, blob_bytes.size() / 2));
    test::write_bytes(cache / ".hallboard-tmp-m4n1f3", v1_stored.substr(0, 50));

    test::LogRecorder log;
    auto sync = open_sync(test::test_settings(server.url(), cache, &publisher.public_key()));
    CHECK(sync->cache().removed_temp_files() == 2);
    CHECK(log.count_containing("removed 2 unfinished download(s)") == 1);
    CHECK(sync->version() == 1);
    CHECK(test::read_bytes(cache / "current.manifest") == v1_stored);
    auto result = sync->run_cycle({});
    CAPTURE(result.error);
    CHECK(result.outcome == CycleOutcome::Updated);
    CHECK(result.version == 3);
    CHECK(result.blobs_downloaded == 1);
    CHECK(test::temp_files_in(cache) + test::temp_files_in(cache / "blobs") == 0);
    CHECK(test::names_in(cache / "blobs") == blob_names(v3));
}

TEST_CASE("a player killed with SIGKILL during a download restarts consistent and completes the sync")
{
    test::TempFolder work;
    test::Publisher publisher(work.path());
    test::FaultServer server(publisher.tree());
    auto cache = work.path() / "cache";
    sync_version_1(publisher, server.url(), cache);
    auto v1_stored = test::read_bytes(cache / "current.manifest");
    auto v1_blobs = test::names_in(cache / "blobs");
    auto v2 = publisher.publish(); // unchanged content: the same blobs as version 1
    publisher.change_content();
    auto v3 = publisher.publish();
    auto blob = added_blob(v2, v3);
    server.set_fault("blobs/" + blob.sha256, test::Fault::stall_for(60s)); // half arrives, then nothing

    auto settings = test::test_settings(server.url(), cache, &publisher.public_key());
    settings.timeouts.stall = 60s;
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // The player: syncs until it is killed. No test macros here: this is another process.
        set_log_sink([](LogLevel, std::string_view) {});
        auto sync = ContentSync::open(settings);
        if (!sync)
            ::_exit(3);
        (*sync)->run_cycle({});
        ::_exit(4);
    }
    // Kill it once half the blob is on disk.
    bool downloading = test::eventually(
        [&] {
            for (auto const& name : test::names_in(cache / "blobs")) {
                std::error_code ignored;
                if (name.rfind(".hallboard-tmp-", 0) == 0 && fs::file_size(cache / "blobs" / name, ignored) > 0)
                    return true;
            }
            return false;
        },
        10s);
    ::kill(child, SIGKILL);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(downloading);
    CHECK(WIFSIGNALED(status));
    CHECK(test::temp_files_in(cache / "blobs") == 1); // the kill left it behind
    CHECK(test::read_bytes(cache / "current.manifest") == v1_stored);

    // The restart: the lock died with the process, the leftover goes, version 1 plays.
    test::LogRecorder log;
    server.clear_faults();
    auto sync = open_sync(settings);
    CHECK(sync->cache().removed_temp_files() == 1);
    CHECK(sync->version() == 1);
    REQUIRE(sync->content());
    CHECK(test::names_in(cache / "blobs") == v1_blobs);
    auto result = sync->run_cycle({});
    CAPTURE(result.error);
    CHECK(result.outcome == CycleOutcome::Updated);
    CHECK(result.version == 3);
    CHECK(test::names_in(cache / "blobs") == blob_names(v3));
}

TEST_CASE("blobs downloaded before a crash, but not yet switched to, are reused")
{
    test::TempFolder work;
    test::Publisher publisher(work.path());
    test::FaultServer server(publisher.tree());
    auto cache = work.path() / "cache";
    sync_version_1(publisher, server.url(), cache);
    publisher.change_content();
    auto v2 = publisher.publish();
    // Killed after the blobs were durable, before current.manifest was replaced.
    for (auto const& name : blob_names(v2))
        fs::copy_file(publisher.tree() / "blobs" / name, cache / "blobs" / name, fs::copy_options::skip_existing);

    auto sync = open_sync(test::test_settings(server.url(), cache, &publisher.public_key()));
    CHECK(sync->version() == 1);
    int blob_requests = server.requests_starting("blobs/");
    auto result = sync->run_cycle({});
    CHECK(result.outcome == CycleOutcome::Updated);
    CHECK(result.blobs_downloaded == 0);
    CHECK(server.requests_starting("blobs/") == blob_requests);
    CHECK(test::names_in(cache / "blobs") == blob_names(v2));
}

TEST_CASE("a blob damaged on the screen's disk is downloaded again")
{
    test::TempFolder work;
    test::Publisher publisher(work.path());
    test::FaultServer server(publisher.tree());
    auto cache = work.path() / "cache";
    sync_version_1(publisher, server.url(), cache);
    auto names = test::names_in(cache / "blobs");
    REQUIRE(names.size() == 2);
    auto damaged = cache / "blobs" / *names.begin();
    auto good_bytes = test::read_bytes(damaged);
    auto bytes = good_bytes;
    bytes[bytes.size() / 2] ^= 1;
    test::write_bytes(damaged, bytes);

    test::LogRecorder log;
    auto sync = open_sync(test::test_settings(server.url(), cache, &publisher.public_key()));
    CHECK(sync->version() == 0); // refused as a whole: a slide with a broken picture is not shown
    CHECK(log.count_containing("damaged") == 1);
    auto result = sync->run_cycle({});
    CAPTURE(result.error);
    CHECK(result.outcome == CycleOutcome::Updated);
    CHECK(result.version == 1);
    CHECK(result.blobs_downloaded == 1);
    CHECK(test::read_bytes(damaged) == good_bytes);
}

TEST_CASE("two players cannot sync into one cache")
{
    test::TempFolder work;
    test::Publisher publisher(work.path());
    test::FaultServer server(publisher.tree());
    auto cache = work.path() / "cache";
    auto settings = test::test_settings(server.url(), cache, &publisher.public_key());
    auto first = open_sync(settings);
    auto second = ContentSync::open(settings);
    REQUIRE_FALSE(second.ok());
    CHECK(second.error().find("in use by another hallboard process") != std::string::npos);
    first.reset();
    CHECK(ContentSync::open(settings).ok());
}

} // namespace hallboard
