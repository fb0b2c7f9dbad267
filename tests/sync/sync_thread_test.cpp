// The background sync thread: hand-over, logging once per change, backoff, status, prompt stop.
#include "sync_test_support.h"

#include "player/sync/sync_thread.h"

namespace hallboard {

using namespace sync;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

// What the render thread would receive, recorded thread-safely.
class HandOver {
public:
    ContentHandler handler()
    {
        return [this](std::shared_ptr<const ContentSource> content, std::uint64_t version) {
            std::lock_guard lock(m_mutex);
            m_versions.push_back(version);
            m_last = std::move(content);
            m_thread = std::this_thread::get_id();
        };
    }
    std::vector<std::uint64_t> versions() const
    {
        std::lock_guard lock(m_mutex);
        return m_versions;
    }
    std::thread::id thread() const
    {
        std::lock_guard lock(m_mutex);
        return m_thread;
    }

private:
    mutable std::mutex m_mutex;
    std::vector<std::uint64_t> m_versions;
    std::shared_ptr<const ContentSource> m_last;
    std::thread::id m_thread;
};

std::unique_ptr<ContentSync> open_sync(const SyncSettings& settings)
{
    auto sync = ContentSync::open(settings);
    REQUIRE_MESSAGE(sync.ok(), (sync ? std::string() : sync.error()));
    return std::move(*sync);
}

// Asks for a cycle now and waits until it has run.
void poll_and_wait(SyncThread& thread)
{
    auto before = thread.status().cycles;
    thread.poll_now();
    REQUIRE(test::eventually([&] { return thread.status().cycles > before; }, 10s));
}

} // namespace

TEST_CASE("the sync thread hands new versions over and logs each change once")
{
    test::TempFolder work;
    test::Publisher publisher(work.path());
    publisher.publish();
    test::FaultServer server(publisher.tree());
    test::LogRecorder log;
    HandOver hand_over;
    auto settings = test::test_settings(server.url(), work.path() / "cache", &publisher.public_key());
    SyncThread thread(open_sync(settings), hand_over.handler(), [] { return 0.0; });

    auto before = thread.status();
    CHECK(before.cycles == 0);
    CHECK(before.version == 0);
    CHECK_FALSE(before.last_outcome);

    thread.start();
    REQUIRE(test::eventually([&] { return hand_over.versions().size() == 1; }));
    CHECK(hand_over.versions() == std::vector<std::uint64_t> { 1 });
    CHECK(hand_over.thread() != std::this_thread::get_id());
    CHECK(test::eventually([&] { return thread.status().cycles == 1; }));
    auto first = thread.status();
    CHECK(first.version == 1);
    CHECK(first.last_outcome == CycleOutcome::Updated);
    CHECK(first.last_attempt.has_value());
    CHECK(first.last_success == first.last_attempt);
    CHECK(first.last_poll_bytes > 0);
    CHECK(first.next_poll_in == settings.poll);
    CHECK(log.count_containing("content: updated to version 1 (2 blobs") == 1);

    SUBCASE("steady polls say nothing new")
    {
        poll_and_wait(thread);
        poll_and_wait(thread);
        CHECK(thread.status().last_outcome == CycleOutcome::UpToDate);
        // "updated to version 1" already said it: nothing more until something changes.
        CHECK(log.count_containing("is current") == 0);
        CHECK(log.count_containing("content: updated") == 1);
        CHECK(thread.status().last_poll_bytes < 1000);
    }
    SUBCASE("a new publish")
    {
        publisher.change_content();
        publisher.publish();
        poll_and_wait(thread);
        CHECK(hand_over.versions() == std::vector<std::uint64_t> { 1, 2 });
        CHECK(log.count_containing("content: updated to version 2 (1 blob, ") == 1);
    }
    SUBCASE("a failing server: one line, backoff, then recovery")
    {
        server.set_fault("manifest.json", test::Fault::answer(500));
        for (int i = 0; i < 3; ++i)
            poll_and_wait(thread);
        auto failing = thread.status();
        CHECK(failing.last_outcome == CycleOutcome::Failed);
        CHECK(failing.last_failure == FailureKind::Http);
        CHECK(failing.last_error.find("HTTP 500") != std::string::npos);
        CHECK(failing.consecutive_failures == 3);
        CHECK(failing.next_poll_in == 4000ms); // 2 s, 4 s, 8 s steps; the jitter drew 0
        CHECK(failing.version == 1);
        CHECK(log.count_containing("HTTP 500") == 1);

        server.set_fault("manifest.json", test::Fault::answer(404));
        poll_and_wait(thread);
        CHECK(log.count_containing("HTTP 404") == 1);
        CHECK(thread.status().consecutive_failures == 4);

        server.clear_faults();
        poll_and_wait(thread);
        poll_and_wait(thread);
        auto recovered = thread.status();
        CHECK(recovered.last_outcome == CycleOutcome::UpToDate);
        CHECK(recovered.consecutive_failures == 0);
        CHECK(recovered.last_error.empty());
        CHECK(recovered.next_poll_in == settings.poll);
        CHECK(log.count_containing("the server answers again; version 1 is current") == 1);
        CHECK(hand_over.versions().size() == 1);
    }
    thread.stop();
}

TEST_CASE("the sync thread stops promptly, also in the middle of a download")
{
    test::TempFolder work;
    test::Publisher publisher(work.path());
    auto v1 = publisher.publish();
    test::FaultServer server(publisher.tree());
    auto cache = work.path() / "cache";
    auto settings = test::test_settings(server.url(), cache, &publisher.public_key());
    settings.timeouts.stall = 30s;
    HandOver hand_over;

    SUBCASE("mid-download")
    {
        for (auto const& blob : v1.blobs)
            server.set_fault("blobs/" + blob.sha256, test::Fault::stall_for(30s));
        SyncThread thread(open_sync(settings), hand_over.handler());
        thread.start();
        REQUIRE(test::eventually([&] {
            for (auto const& name : test::names_in(cache / "blobs")) {
                std::error_code ignored;
                if (name.rfind(".hallboard-tmp-", 0) == 0 && fs::file_size(cache / "blobs" / name, ignored) > 0)
                    return true;
            }
            return false;
        }));
        auto started = std::chrono::steady_clock::now();
        thread.stop();
        auto took = std::chrono::steady_clock::now() - started;
        MESSAGE("stop() mid-download took " << std::chrono::duration_cast<std::chrono::milliseconds>(took).count()
                                            << " ms");
        CHECK(took < 500ms);
        CHECK(hand_over.versions().empty());
        CHECK(test::temp_files_in(cache / "blobs") == 0); // the unfinished blob was discarded
        CHECK_FALSE(fs::exists(cache / "current.manifest"));
    }
    SUBCASE("between polls")
    {
        SyncThread thread(open_sync(settings), hand_over.handler());
        thread.start();
        REQUIRE(test::eventually([&] { return thread.status().cycles == 1; }));
        auto started = std::chrono::steady_clock::now();
        thread.stop();
        CHECK(std::chrono::steady_clock::now() - started < 200ms);
        thread.stop(); // idempotent
    }
    SUBCASE("destroyed without stop(), before start()")
    {
        SyncThread thread(open_sync(settings), hand_over.handler());
    }
}

} // namespace hallboard
