// Issue 13: what a tree may hold that the server must not serve (symlinks planted in blobs/ and
// versions/), and versions at the 2^53-1 cap that every JSON reader keeps exact.
#include "content/publish/manifest.h"
#include "server_test_support.h"

#include <doctest/doctest.h>

#include <filesystem>

using namespace hallboard;

namespace {

// What a symlink would leak if followed: a file outside the tree, looking like a manifest.
const std::string outside_marker = "outside-the-tree-do-not-serve";

std::string get(const test::RunningServer& server, const std::string& path, const std::string& extra_headers = {})
{
    return test::raw_exchange(
        server.port(), "GET " + path + " HTTP/1.1\r\nHost: x\r\n" + extra_headers + "Connection: close\r\n\r\n");
}

} // namespace

TEST_CASE("symlinks planted in blobs/ and versions/ are answered 404, never followed")
{
    test::LogRecorder log;
    test::TempFolder folder;
    test::TempFolder outside;
    outside.write("secret.json", "{\"format\": 1, \"" + outside_marker + "\": true}");
    outside.write("versions/1/manifest.json", "{\"" + outside_marker + "\": 1}");
    outside.write("versions/1/manifest.json.sig", outside_marker + "\n");
    test::Signer signer;
    std::vector<test::Blob> blobs = { { "assets/a.png", "a" } };
    test::write_published(folder, signer, 2, blobs);
    // Planted while it runs: at start the server would repair a linked signature of the current
    // version by writing a real file in its place.
    test::RunningServer server(folder.path());
    namespace fs = std::filesystem;
    std::string planted(64, 'a');
    fs::create_symlink(outside.path() / "secret.json", folder.path() / "blobs" / planted);
    // versions/1 was never published here: a planted folder link, and links in place of files.
    fs::create_directory_symlink(outside.path() / "versions" / "1", folder.path() / "versions" / "1");
    fs::remove(folder.path() / "versions" / "2" / "manifest.json.sig");
    fs::create_symlink(outside.path() / "versions" / "1" / "manifest.json.sig",
        folder.path() / "versions" / "2" / "manifest.json.sig");

    struct Case {
        const char* name;
        std::string path;
        std::string headers;
    };
    const Case cases[] = {
        { "blob link", "/blobs/" + planted, "" },
        { "blob link, revalidated (the stat-only path)", "/blobs/" + planted,
            "If-None-Match: \"" + planted + "\"\r\n" },
        { "version folder link: manifest", "/versions/1/manifest.json", "" },
        { "version folder link: signature", "/versions/1/manifest.json.sig", "" },
        { "signature file link", "/versions/2/manifest.json.sig", "" },
    };
    for (auto const& item : cases) {
        SUBCASE(item.name)
        {
            auto answer = get(server, item.path, item.headers);
            CHECK(test::raw_status(answer) == 404);
            CHECK(answer.find(outside_marker) == std::string::npos);
        }
    }
    // The real files beside them are still served.
    CHECK(test::raw_status(get(server, "/blobs/" + blobs[0].sha256())) == 200);
    CHECK(test::raw_status(get(server, "/versions/2/manifest.json")) == 200);
}

TEST_CASE("versions are capped at 2^53-1: a tree above it does not open, a publish above it is refused")
{
    test::LogRecorder log;
    test::Signer signer;
    constexpr std::uint64_t cap = max_manifest_version;
    static_assert(cap == (1ull << 53) - 1);

    SUBCASE("a tree whose manifest says 2^53 is not served")
    {
        test::TempFolder folder;
        test::write_published(folder, signer, cap + 1, {});
        auto opened = ServedTree::open(folder.path(), {});
        REQUIRE_FALSE(opened);
        CHECK(opened.error().find("above 9007199254740991") != std::string::npos);
    }
    SUBCASE("at the cap: served; a manifest of 2^53 is refused and nothing changes")
    {
        test::TempFolder folder;
        test::write_published(folder, signer, cap, {});
        test::RunningServer server(folder.path());
        auto health = server.client().Get("/healthz");
        REQUIRE(health);
        CHECK(nlohmann::json::parse(health->body)["version"].get<std::uint64_t>() == cap);

        auto manifest = test::manifest_json(cap + 1, {});
        httplib::Headers headers
            = { { "Hallboard-Signature", signer.sign(manifest) }, { "If-Match", "\"" + std::to_string(cap) + "\"" } };
        auto answer = server.admin().Put("/admin/manifest", headers, manifest, "application/json");
        REQUIRE(answer);
        CHECK(answer->status == 422);
        CHECK(answer->body.find("9007199254740991") != std::string::npos);
        CHECK(server.server().tree().snapshot()->version == cap);
        CHECK(test::raw_status(get(server, "/versions/" + std::to_string(cap + 1) + "/manifest.json")) == 404);
    }
    SUBCASE("below the cap a publish of version 2^53 - 1 is taken")
    {
        test::TempFolder folder;
        test::write_published(folder, signer, cap - 1, {});
        test::RunningServer server(folder.path());
        auto manifest = test::manifest_json(cap, {});
        httplib::Headers headers = { { "Hallboard-Signature", signer.sign(manifest) },
            { "If-Match", "\"" + std::to_string(cap - 1) + "\"" } };
        auto answer = server.admin().Put("/admin/manifest", headers, manifest, "application/json");
        REQUIRE(answer);
        CHECK(answer->status == 200);
        CHECK(server.server().tree().snapshot()->version == cap);
    }
}
