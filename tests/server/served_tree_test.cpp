// The published tree without HTTP: opening, crash repair, blob uploads, publishing, versions.
#include "base/durable_files.h"
#include "content/server/served_tree.h"
#include "server_test_support.h"

#include <doctest/doctest.h>

using namespace hallboard;
namespace fs = std::filesystem;

namespace {

std::unique_ptr<ServedTree> open_tree(const test::TempFolder& folder, TreeLimits limits = {})
{
    auto tree = ServedTree::open(folder.path(), limits);
    INFO((tree ? std::string() : tree.error()));
    REQUIRE(tree);
    return std::move(*tree);
}

int count_temp_files(const fs::path& directory)
{
    int count = 0;
    for (auto const& entry : fs::recursive_directory_iterator(directory))
        count += entry.path().filename().string().rfind(durable::temp_prefix, 0) == 0;
    return count;
}

const std::vector<test::Blob> two_blobs = { { "assets/tariff.png", "PNG bytes of the tariff table" },
    { "assets/flow.jpg", "JPEG bytes of the process flow" } };

} // namespace

TEST_CASE("opening: folders, locking, nothing published yet")
{
    test::LogRecorder log;
    SUBCASE("not a folder")
    {
        test::TempFolder folder;
        auto tree = ServedTree::open(folder.path() / "nope", {});
        REQUIRE_FALSE(tree);
        CHECK(tree.error().find("is not a folder") != std::string::npos);
    }
    SUBCASE("an empty folder gets blobs/ and versions/ and serves nothing")
    {
        test::TempFolder folder;
        auto tree = open_tree(folder);
        CHECK(fs::is_directory(folder.path() / "blobs"));
        CHECK(fs::is_directory(folder.path() / "versions"));
        CHECK(tree->snapshot()->version == 0);
        CHECK(tree->snapshot()->manifest.empty());
        CHECK(tree->versions().empty());
    }
    SUBCASE("one server per tree")
    {
        test::TempFolder folder;
        {
            auto first = open_tree(folder);
            auto second = ServedTree::open(folder.path(), {});
            REQUIRE_FALSE(second);
            CHECK(second.error().find("holds it") != std::string::npos);
            // `hallboard publish --out` takes the same lock, so it cannot write under a server.
            CHECK_FALSE(durable::FolderLock::acquire(folder.path()));
        }
        open_tree(folder); // the lock went with the first
    }
    SUBCASE("a malformed manifest stops the server, naming the file")
    {
        test::TempFolder folder;
        folder.write("manifest.json", "{\"format\": 1, \"version\": ");
        auto tree = ServedTree::open(folder.path(), {});
        REQUIRE_FALSE(tree);
        CHECK(tree.error().find("manifest.json: manifest.json is not valid JSON") != std::string::npos);
    }
}

TEST_CASE("opening a published tree serves its manifest and signature as one snapshot")
{
    test::LogRecorder log;
    test::TempFolder folder;
    test::Signer signer;
    test::write_published(folder, signer, 5, two_blobs);
    auto tree = open_tree(folder);
    auto snapshot = tree->snapshot();
    CHECK(snapshot->version == 5);
    CHECK(snapshot->manifest == folder.read("manifest.json"));
    CHECK(signer.verify(snapshot->manifest, snapshot->signature));
    CHECK(snapshot->manifest_etag.rfind("\"v5-", 0) == 0);
    CHECK_FALSE(snapshot->signature_etag.empty());
}

TEST_CASE("an interrupted publish leaves the old version serving")
{
    test::LogRecorder log;
    test::TempFolder folder;
    test::Signer signer;
    test::write_published(folder, signer, 1, two_blobs);
    auto old_manifest = folder.read("manifest.json");
    auto old_signature = folder.read("manifest.json.sig");
    auto new_manifest = test::manifest_json(2, two_blobs);
    auto new_signature = signer.sign(new_manifest) + "\n";

    SUBCASE("stopped after versions/2/ was written")
    {
        folder.write("versions/2/manifest.json.sig", new_signature);
        folder.write("versions/2/manifest.json", new_manifest);
        auto tree = open_tree(folder);
        CHECK(tree->snapshot()->version == 1);
        CHECK(tree->versions().size() == 1); // 2 was never served: not history
        CHECK_FALSE(tree->read_version(2, VersionFile::Manifest));
        // The publish can simply be repeated; the leftover folder is overwritten.
        auto result = tree->swap_manifest(new_manifest, new_signature, "\"1\"");
        INFO(result.message);
        CHECK(result.outcome == ManifestSwapOutcome::Published);
        CHECK(tree->snapshot()->version == 2);
    }
    SUBCASE("stopped between the signature's rename and the manifest's")
    {
        folder.write("versions/2/manifest.json.sig", new_signature);
        folder.write("versions/2/manifest.json", new_manifest);
        folder.write("manifest.json.sig", new_signature);
        auto tree = open_tree(folder);
        auto snapshot = tree->snapshot();
        CHECK(snapshot->version == 1);
        CHECK(snapshot->manifest == old_manifest);
        CHECK(snapshot->signature == old_signature);
        CHECK(signer.verify(snapshot->manifest, snapshot->signature));
        // The top level is repaired too, for a static server sharing the folder.
        CHECK(folder.read("manifest.json.sig") == old_signature);
        CHECK(log.count_containing("repaired") == 1);
    }
    SUBCASE("a signature without its final newline is not taken for damage")
    {
        auto line = old_signature.substr(0, old_signature.size() - 1);
        folder.write("manifest.json.sig", line);
        folder.write("versions/1/manifest.json.sig", line);
        auto tree = open_tree(folder);
        CHECK(tree->snapshot()->signature == old_signature);
        CHECK(folder.read("manifest.json.sig") == line); // left alone
        CHECK(log.count_containing("repaired") == 0);
    }
    SUBCASE("temporary files of a write cut short are removed")
    {
        folder.write(std::string(durable::temp_prefix) + "abc123", "half a manifest");
        folder.write("blobs/" + std::string(durable::temp_prefix) + "def456", "half a blob");
        auto tree = open_tree(folder);
        CHECK(count_temp_files(folder.path()) == 0);
        CHECK(tree->snapshot()->version == 1);
        CHECK(log.count_containing("removed 2 temporary file") == 1);
    }
    SUBCASE("a tree without history gets versions/<N>/ so it can be rolled back to")
    {
        fs::remove_all(folder.path() / "versions");
        auto tree = open_tree(folder);
        CHECK(folder.read("versions/1/manifest.json") == old_manifest);
        CHECK(folder.read("versions/1/manifest.json.sig") == old_signature);
        CHECK(tree->versions().size() == 1);
    }
}

TEST_CASE("blob uploads are checked on arrival")
{
    test::LogRecorder log;
    test::TempFolder folder;
    TreeLimits limits;
    limits.max_blob_bytes = 100;
    auto tree = open_tree(folder, limits);
    std::string bytes = "the bytes of a poster";
    std::string name = sha256_hex_of(bytes);

    auto upload = [&](const std::string& as, const std::string& body, size_t piece) {
        auto blob = tree->begin_blob_upload(as);
        REQUIRE(blob);
        for (size_t at = 0; at < body.size(); at += piece) {
            if (!blob->write(body.data() + at, std::min(piece, body.size() - at)))
                return *blob->failure();
        }
        return blob->finish();
    };

    SUBCASE("good hash, in pieces")
    {
        CHECK(upload(name, bytes, 3) == UploadOutcome::Stored);
        CHECK(folder.read("blobs/" + name) == bytes);
        CHECK(upload(name, bytes, 100) == UploadOutcome::AlreadyPresent);
        CHECK(tree->missing_blobs({ name }).empty());
    }
    SUBCASE("bad hash keeps nothing")
    {
        CHECK(upload(name, bytes + "!", 5) == UploadOutcome::HashMismatch);
        CHECK_FALSE(folder.exists("blobs/" + name));
        CHECK(tree->missing_blobs({ name }) == std::vector<std::string> { name });
    }
    SUBCASE("too large keeps nothing")
    {
        std::string big(101, 'x');
        CHECK(upload(sha256_hex_of(big), big, 10) == UploadOutcome::TooLarge);
        CHECK_FALSE(folder.exists("blobs/" + sha256_hex_of(big)));
        std::string exact(100, 'x');
        CHECK(upload(sha256_hex_of(exact), exact, 7) == UploadOutcome::Stored);
    }
    SUBCASE("an abandoned upload leaves no temporary file")
    {
        {
            auto blob = tree->begin_blob_upload(name);
            REQUIRE(blob);
            CHECK(blob->write(bytes.data(), 4));
            CHECK(count_temp_files(folder.path()) == 1);
        }
        CHECK(count_temp_files(folder.path()) == 0);
    }
    CHECK(count_temp_files(folder.path()) == 0);
}

TEST_CASE("publishing: each refusal leaves everything as it was")
{
    test::LogRecorder log;
    test::TempFolder folder;
    test::Signer signer;
    test::write_published(folder, signer, 3, { two_blobs[0] });
    folder.write("blobs/" + two_blobs[1].sha256(), two_blobs[1].bytes);
    auto tree = open_tree(folder);
    auto before_manifest = folder.read("manifest.json");
    auto before_signature = folder.read("manifest.json.sig");
    auto etag = tree->snapshot()->manifest_etag;

    auto good = test::manifest_json(4, two_blobs);
    test::Blob absent { "assets/absent.png", "never uploaded" };
    test::Blob wrong_size { two_blobs[0].path, two_blobs[0].bytes };
    auto wrong_size_manifest = test::manifest_json(4, { wrong_size });
    // The same hash listed with another size.
    auto size_at = wrong_size_manifest.find("\"size\": ");
    wrong_size_manifest.replace(size_at, 8 + std::to_string(wrong_size.bytes.size()).size(), "\"size\": 1");

    struct Case {
        const char* name;
        std::string manifest;
        std::string signature;
        std::string if_match;
        ManifestSwapOutcome outcome;
        const char* fragment;
    };
    std::vector<Case> cases = {
        { "no If-Match", good, signer.sign(good), "", ManifestSwapOutcome::PreconditionRequired, "If-Match" },
        { "stale If-Match", good, signer.sign(good), "\"2\"", ManifestSwapOutcome::PreconditionFailed, "at version 3" },
        { "same version", test::manifest_json(3, two_blobs, "x"), signer.sign("x"), "\"3\"",
            ManifestSwapOutcome::NotNewer, "not above" },
        { "lower version", test::manifest_json(2, two_blobs), signer.sign("x"), "\"3\"", ManifestSwapOutcome::NotNewer,
            "not above" },
        { "missing blob", test::manifest_json(4, { two_blobs[0], absent }), signer.sign("x"), "\"3\"",
            ManifestSwapOutcome::MissingBlobs, "upload them first" },
        { "blob of another size", wrong_size_manifest, signer.sign("x"), "\"3\"", ManifestSwapOutcome::MissingBlobs,
            "another size" },
        { "malformed JSON", "{\"format\": 1", signer.sign("x"), "\"3\"", ManifestSwapOutcome::Invalid,
            "not valid JSON" },
        { "not a signature", good, "hello", "\"3\"", ManifestSwapOutcome::Invalid, "Hallboard-Signature" },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            auto result = tree->swap_manifest(c.manifest, c.signature, c.if_match);
            INFO(result.message);
            CHECK(result.outcome == c.outcome);
            CHECK(result.message.find(c.fragment) != std::string::npos);
            CHECK(result.current_version == 3);
            CHECK(tree->snapshot()->version == 3);
            CHECK(folder.read("manifest.json") == before_manifest);
            CHECK(folder.read("manifest.json.sig") == before_signature);
            CHECK_FALSE(folder.exists("versions/4"));
            if (c.outcome == ManifestSwapOutcome::MissingBlobs) {
                REQUIRE(result.missing.size() == 1);
                CHECK(result.missing[0]
                    == (std::string(c.name) == "missing blob" ? absent.sha256() : two_blobs[0].sha256()));
            }
        }
    }
    for (std::string form : { "\"3\"", "\"v3\"", "the ETag" }) {
        SUBCASE(("a good publish, If-Match " + form).c_str())
        {
            auto if_match = form == "the ETag" ? etag : form;
            auto result = tree->swap_manifest(good, signer.sign(good), if_match);
            INFO(result.message);
            REQUIRE(result.outcome == ManifestSwapOutcome::Published);
            CHECK(result.current_version == 4);
            auto snapshot = tree->snapshot();
            CHECK(snapshot->version == 4);
            CHECK(snapshot->manifest == good);
            CHECK(signer.verify(snapshot->manifest, snapshot->signature));
            CHECK(folder.read("manifest.json") == good);
            CHECK(folder.read("manifest.json.sig") == snapshot->signature);
            CHECK(folder.read("versions/4/manifest.json") == good);
            CHECK(folder.read("versions/4/manifest.json.sig") == snapshot->signature);
            CHECK(count_temp_files(folder.path()) == 0);
            // The replaced version stays readable for a rollback.
            CHECK(tree->read_version(3, VersionFile::Manifest) == before_manifest);
        }
    }
}

TEST_CASE("versions: listed oldest first, each readable")
{
    test::LogRecorder log;
    test::TempFolder folder;
    test::Signer signer;
    for (auto const& blob : two_blobs)
        folder.write("blobs/" + blob.sha256(), blob.bytes);
    auto tree = open_tree(folder);
    for (uint64_t version = 1; version <= 3; ++version) {
        std::vector<test::Blob> blobs(two_blobs.begin(), two_blobs.begin() + (version == 1 ? 1 : 2));
        auto manifest = test::manifest_json(version, blobs);
        auto result = tree->swap_manifest(manifest, signer.sign(manifest), "\"" + std::to_string(version - 1) + "\"");
        INFO(result.message);
        REQUIRE(result.outcome == ManifestSwapOutcome::Published);
    }
    folder.write("versions/not-a-number/manifest.json", "{}");
    folder.write("versions/007/manifest.json", "{}");
    auto versions = tree->versions();
    REQUIRE(versions.size() == 3);
    for (size_t i = 0; i < versions.size(); ++i) {
        CAPTURE(i);
        CHECK(versions[i].version == i + 1);
        CHECK(versions[i].blob_count == (i == 0 ? 1u : 2u));
        CHECK(versions[i].has_signature);
        CHECK(versions[i].stored_at.size() == 20);
        auto manifest = tree->read_version(versions[i].version, VersionFile::Manifest);
        auto signature = tree->read_version(versions[i].version, VersionFile::ManifestSignature);
        REQUIRE(manifest);
        REQUIRE(signature);
        CHECK(signer.verify(*manifest, *signature));
    }
    CHECK(versions[1].blob_bytes == two_blobs[0].bytes.size() + two_blobs[1].bytes.size());
    CHECK_FALSE(tree->read_version(4, VersionFile::Manifest));
    CHECK_FALSE(tree->read_version(0, VersionFile::Manifest));
}
