// The faults a screen must survive, each on loopback: the last good content stays, one log line
// says what happened, and the next good publish is picked up.
#include "sync_test_support.h"

#include "player/sync/content_sync.h"
#include "player/sync/sync_report.h"

namespace hallboard {

using namespace sync;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

// Version 1 synced into a screen's cache; version 2 published on a static server.
struct Scene {
    test::TempFolder work;
    test::Publisher publisher { work.path() };
    Manifest v1 = publisher.publish();
    std::unique_ptr<test::FaultServer> server = std::make_unique<test::FaultServer>(publisher.tree());
    fs::path cache = work.path() / "cache";
    std::unique_ptr<ContentSync> sync;
    Manifest v2;

    Scene()
    {
        auto opened = ContentSync::open(test::test_settings(server->url(), cache, &publisher.public_key()));
        REQUIRE_MESSAGE(opened.ok(), (opened ? std::string() : opened.error()));
        sync = std::move(*opened);
        auto first = sync->run_cycle({});
        REQUIRE_MESSAGE(first.outcome == CycleOutcome::Updated, first.error);
        publisher.change_content();
        v2 = publisher.publish();
    }

    std::string tree_file(const std::string& relative) const { return test::read_bytes(publisher.tree() / relative); }

    // The blob of version 2 that version 1 does not have (the changed poster).
    const ManifestBlob& new_blob() const
    {
        for (auto const& blob : v2.blobs) {
            if (!v1.blob_for(blob.path) || v1.blob_for(blob.path)->sha256 != blob.sha256)
                return blob;
        }
        FAIL("version 2 has no new blob");
        return v2.blobs.front();
    }
    std::string new_blob_path() const { return "blobs/" + new_blob().sha256; }

    // Serves `manifest_bytes` as manifest.json, signed by `signature` wherever a screen looks.
    void serve_manifest(const std::string& manifest_bytes, const std::string& signature)
    {
        server->set_fault("manifest.json", test::Fault::serve(manifest_bytes));
        for (auto const& path : { "manifest.json.sig", "versions/1/manifest.json.sig", "versions/2/manifest.json.sig" })
            server->set_fault(path, test::Fault::serve(signature));
    }
    // Version 2 changed by `edit`, signed with the right key: valid signature, bad content.
    void serve_edited_v2(const std::function<void(Manifest&)>& edit)
    {
        auto edited = v2;
        edit(edited);
        auto bytes = manifest_to_json(edited);
        serve_manifest(bytes, publisher.sign(bytes));
    }
};

Notice& notice_with_id(Manifest& manifest, const std::string& id)
{
    auto found = std::find_if(
        manifest.notices.begin(), manifest.notices.end(), [&](auto const& notice) { return notice.id == id; });
    REQUIRE(found != manifest.notices.end());
    return *found;
}

enum class Stage { Manifest, Blob }; // where the fault strikes: a manifest fault downloads no blob

struct FaultCase {
    const char* name;
    std::function<void(Scene&)> inject;
    FailureKind kind;
    const char* fragment; // in the error and the log line
    Stage stage = Stage::Manifest;
};

std::vector<FaultCase> fault_cases()
{
    return {
        { "HTTP 500 on the manifest", [](Scene& s) { s.server->set_fault("manifest.json", test::Fault::answer(500)); },
            FailureKind::Http, "HTTP 500" },
        { "HTTP 404 on the manifest", [](Scene& s) { s.server->set_fault("manifest.json", test::Fault::answer(404)); },
            FailureKind::Http, "HTTP 404" },
        { "HTTP 404 on a blob", [](Scene& s) { s.server->set_fault(s.new_blob_path(), test::Fault::answer(404)); },
            FailureKind::Http, "HTTP 404", Stage::Blob },
        { "HTTP 503 on the signature",
            [](Scene& s) { s.server->set_fault("versions/2/manifest.json.sig", test::Fault::answer(503)); },
            FailureKind::Http, "HTTP 503" },
        { "the manifest stalls longer than the timeout",
            [](Scene& s) { s.server->set_fault("manifest.json", test::Fault::stall_for(3s)); }, FailureKind::Network,
            "(timed out)" },
        { "a blob stalls longer than the timeout",
            [](Scene& s) { s.server->set_fault(s.new_blob_path(), test::Fault::stall_for(3s)); }, FailureKind::Network,
            "(timed out)", Stage::Blob },
        { "the server dies mid-blob (truncated)",
            [](Scene& s) { s.server->set_fault(s.new_blob_path(), test::Fault::cut_off()); }, FailureKind::Network,
            "blobs/", Stage::Blob },
        { "a blob whose bytes do not match its hash",
            [](Scene& s) {
                auto bytes = s.tree_file(s.new_blob_path());
                bytes[bytes.size() / 2] ^= 0x20;
                s.server->set_fault(s.new_blob_path(), test::Fault::serve(bytes));
            },
            FailureKind::Refused, "do not match its sha256", Stage::Blob },
        { "a blob shorter than the manifest says",
            [](Scene& s) {
                auto bytes = s.tree_file(s.new_blob_path());
                s.server->set_fault(s.new_blob_path(), test::Fault::serve(bytes.substr(0, bytes.size() - 5)));
            },
            FailureKind::Refused, "bytes arrived, the manifest says", Stage::Blob },
        { "a blob longer than the manifest says",
            [](Scene& s) {
                s.server->set_fault(s.new_blob_path(), test::Fault::serve(s.tree_file(s.new_blob_path()) + "more"));
            },
            FailureKind::Refused, "larger than", Stage::Blob },
        { "a forged signature",
            [](Scene& s) {
                auto forger = generate_key_pair();
                REQUIRE(forger);
                auto forged = signature_text(sign_detached(s.tree_file("manifest.json"), forger->secret_key)) + "\n";
                s.server->set_fault("versions/2/manifest.json.sig", test::Fault::serve(forged));
                s.server->set_fault("manifest.json.sig", test::Fault::serve(forged));
            },
            FailureKind::Refused, "does not verify" },
        { "a forged manifest with the real signature",
            [](Scene& s) {
                auto manifest = s.tree_file("manifest.json");
                auto at = manifest.find("\"title\": \"");
                REQUIRE(at != std::string::npos);
                manifest.insert(at + 10, "伪");
                s.server->set_fault("manifest.json", test::Fault::serve(manifest));
            },
            FailureKind::Refused, "does not verify" },
        { "a missing signature",
            [](Scene& s) {
                s.server->set_fault("versions/2/manifest.json.sig", test::Fault::answer(404));
                s.server->set_fault("manifest.json.sig", test::Fault::answer(404));
            },
            FailureKind::Refused, "not signed" },
        { "a signature file that is not a signature",
            [](Scene& s) {
                s.server->set_fault("versions/2/manifest.json.sig", test::Fault::serve("<html>404</html>"));
            },
            FailureKind::Refused, "not a signature" },
        { "a manifest that is not JSON (a proxy's error page)",
            [](Scene& s) {
                s.server->set_fault("manifest.json", test::Fault::serve("<html><body>502 Bad Gateway</body></html>"));
            },
            FailureKind::Refused, "does not verify" },
        { "a manifest that is not JSON, validly signed",
            [](Scene& s) {
                std::string garbage = "{\"format\": 1, \"version\": 2, oops";
                s.serve_manifest(garbage, s.publisher.sign(garbage));
            },
            FailureKind::Refused, "not valid JSON" },
        { "an asset path outside the tree, validly signed",
            [](Scene& s) {
                s.serve_edited_v2([](Manifest& manifest) {
                    for (auto& blob : manifest.blobs) {
                        if (blob.path == "assets/poster.png")
                            blob.path = "assets/../../../etc/passwd";
                    }
                    std::get<ImageSlide>(notice_with_id(manifest, "save-power-poster").body).src
                        = "assets/../../../etc/passwd";
                });
            },
            FailureKind::Refused, "'..'" },
        { "a blob claimed over the size limit, validly signed",
            [](Scene& s) {
                s.serve_edited_v2([](Manifest& manifest) {
                    for (auto& blob : manifest.blobs)
                        blob.size = 2ull * 1024 * 1024 * 1024;
                });
            },
            FailureKind::Refused, "blobs[0].size" },
        { "the same version number with other bytes, validly signed",
            [](Scene& s) {
                s.serve_edited_v2([](Manifest& manifest) {
                    manifest.version = 1;
                    manifest.published_at = "2027-01-01T00:00:00Z";
                });
            },
            FailureKind::Refused, "published once" },
    };
}

} // namespace

TEST_CASE("every fault leaves the last good content, says so once, and the next good publish is picked up")
{
    for (auto const& fault : fault_cases()) {
        SUBCASE(fault.name)
        {
            test::LogRecorder log;
            Scene scene;
            auto content_before = scene.sync->content();
            auto manifest_before = test::read_bytes(scene.cache / "current.manifest");
            auto blobs_before = test::names_in(scene.cache / "blobs");
            int blob_requests_before = scene.server->requests_starting("blobs/");
            fault.inject(scene);

            bool handed = false;
            auto handler = [&](std::shared_ptr<const ContentSource>, std::uint64_t) { handed = true; };
            SyncReporter reporter;
            std::vector<std::string> lines;
            for (int attempt = 0; attempt < 2; ++attempt) {
                auto result = scene.sync->run_cycle(handler);
                CAPTURE(result.error);
                CHECK(result.outcome == CycleOutcome::Failed);
                CHECK(result.failure == fault.kind);
                CHECK(result.error.find(fault.fragment) != std::string::npos);
                CHECK(result.version == 1);
                if (auto line = reporter.report(result))
                    lines.push_back(line->text);
            }
            // The screen still plays version 1, and its cache holds exactly version 1.
            CHECK_FALSE(handed);
            CHECK(scene.sync->version() == 1);
            CHECK(scene.sync->content() == content_before);
            CHECK(test::read_bytes(scene.cache / "current.manifest") == manifest_before);
            CHECK(test::names_in(scene.cache / "blobs") == blobs_before);
            CHECK(test::temp_files_in(scene.cache / "blobs") + test::temp_files_in(scene.cache) == 0);
            // One line for two failed polls, saying what.
            REQUIRE(lines.size() == 1);
            CHECK(lines[0].find(fault.fragment) != std::string::npos);
            CHECK(lines[0].find("showing version 1") != std::string::npos);
            if (fault.stage == Stage::Manifest)
                CHECK(scene.server->requests_starting("blobs/") == blob_requests_before);
            else
                CHECK(scene.server->requests_starting("blobs/") == blob_requests_before + 2);
            CHECK(scene.server->requests_starting("etc") == 0); // an asset path never becomes a URL

            // The fault goes away (the admin fixes the server, or publishes again): version 2 comes.
            scene.server->clear_faults();
            auto fixed = scene.sync->run_cycle(handler);
            CAPTURE(fixed.error);
            CHECK(fixed.outcome == CycleOutcome::Updated);
            CHECK(fixed.version == 2);
            CHECK(handed);
            CHECK(test::names_in(scene.cache / "blobs") == blob_names(scene.v2));
            if (auto line = reporter.report(fixed))
                lines.push_back(line->text);
            CHECK(lines.size() == 2);
        }
    }
}

TEST_CASE("a replayed older version, validly signed, is refused")
{
    test::LogRecorder log;
    Scene scene;
    REQUIRE(scene.sync->run_cycle({}).outcome == CycleOutcome::Updated); // now at version 2
    REQUIRE(scene.sync->version() == 2);
    auto v1_manifest = test::read_bytes(scene.publisher.tree() / "versions/1/manifest.json");
    auto v1_signature = test::read_bytes(scene.publisher.tree() / "versions/1/manifest.json.sig");
    scene.server->set_fault("manifest.json", test::Fault::serve(v1_manifest));
    scene.server->set_fault("manifest.json.sig", test::Fault::serve(v1_signature));

    auto replayed = scene.sync->run_cycle({});
    CAPTURE(replayed.error);
    CHECK(replayed.outcome == CycleOutcome::Failed);
    CHECK(replayed.failure == FailureKind::Refused);
    CHECK(replayed.offered_version == 1);
    CHECK(replayed.error.find("version 1 is older than version 2") != std::string::npos);
    CHECK(scene.sync->version() == 2);

    SUBCASE("also when the signature comes in the header")
    {
        scene.server->set_signature_header(v1_signature.substr(0, 88));
        CHECK(scene.sync->run_cycle({}).failure == FailureKind::Refused);
        CHECK(scene.sync->version() == 2);
    }
    SUBCASE("and the next publish is picked up")
    {
        scene.server->clear_faults();
        scene.publisher.change_content();
        scene.publisher.publish();
        auto next = scene.sync->run_cycle({});
        CHECK(next.outcome == CycleOutcome::Updated);
        CHECK(next.version == 3);
    }
}

TEST_CASE("a manifest larger than the limit is refused without reading it all")
{
    Scene scene;
    std::string huge(max_manifest_bytes + 1, ' ');
    scene.server->set_fault("manifest.json", test::Fault::serve(huge));
    auto result = scene.sync->run_cycle({});
    CAPTURE(result.error);
    CHECK(result.failure == FailureKind::Refused);
    CHECK(result.error.find("larger than") != std::string::npos);
    CHECK(scene.sync->version() == 1);
}

} // namespace hallboard
