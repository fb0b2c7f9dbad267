// The admin API over HTTP: token, blob uploads, missing blobs, manifest swaps, versions, rollback.
#include "server_test_support.h"

#include <doctest/doctest.h>

using namespace hallboard;
using nlohmann::json;

namespace {

const std::vector<test::Blob> blobs = { { "assets/tariff.png", "PNG bytes of the tariff table" },
    { "assets/flow.jpg", "JPEG bytes of the process flow" } };

httplib::Headers publish_headers(const std::string& signature, const std::string& if_match)
{
    httplib::Headers headers;
    if (!signature.empty())
        headers.emplace("Hallboard-Signature", signature);
    if (!if_match.empty())
        headers.emplace("If-Match", if_match);
    return headers;
}

int count_temp_files(const std::filesystem::path& directory)
{
    int count = 0;
    for (auto const& entry : std::filesystem::recursive_directory_iterator(directory))
        count += entry.path().filename().string().rfind(".hallboard-tmp-", 0) == 0;
    return count;
}

} // namespace

TEST_CASE("admin API: 401 without the right bearer token, and nothing happens")
{
    test::LogRecorder log;
    test::TempFolder folder;
    test::RunningServer server(folder.path());
    auto blob = blobs[0];
    struct Credential {
        const char* name;
        const char* header; // nullptr: no Authorization header
    };
    std::vector<Credential> credentials = {
        { "no header", nullptr },
        { "wrong token", "Bearer not-the-token" },
        { "token with a suffix", "Bearer correct-horse-battery-staple-42x" },
        { "token prefix", "Bearer correct-horse-battery-staple-4" },
        { "basic scheme", "Basic Y29ycmVjdC1ob3JzZS1iYXR0ZXJ5LXN0YXBsZS00Mg==" },
        { "empty bearer", "Bearer " },
    };
    for (auto const& credential : credentials) {
        SUBCASE(credential.name)
        {
            auto client = server.client();
            httplib::Headers headers;
            if (credential.header)
                headers.emplace("Authorization", credential.header);
            std::vector<httplib::Result> answers;
            answers.push_back(client.Get("/admin/versions", headers));
            answers.push_back(client.Get("/admin/versions/1/manifest.json", headers));
            answers.push_back(
                client.Put("/admin/blobs/" + blob.sha256(), headers, blob.bytes, "application/octet-stream"));
            answers.push_back(client.Post("/admin/blobs/missing", headers, "[]", "application/json"));
            answers.push_back(client.Put("/admin/manifest", headers, test::manifest_json(1, {}), "application/json"));
            answers.push_back(client.Get("/admin/nonexistent", headers));
            for (auto& answer : answers) {
                REQUIRE(answer);
                CHECK(answer->status == 401);
                CHECK(answer->get_header_value("WWW-Authenticate").rfind("Bearer", 0) == 0);
            }
            CHECK_FALSE(folder.exists("blobs/" + blob.sha256()));
            CHECK_FALSE(folder.exists("manifest.json"));
        }
    }
}

TEST_CASE("admin API: blob uploads")
{
    test::LogRecorder log;
    test::TempFolder folder;
    ServerOptions options;
    options.limits.max_blob_bytes = 64 * 1024;
    test::RunningServer server(folder.path(), options);
    auto admin = server.admin();
    auto blob = blobs[0];
    auto path = "/admin/blobs/" + blob.sha256();

    SUBCASE("good hash: stored, then idempotent, then served")
    {
        auto first = admin.Put(path, blob.bytes, "application/octet-stream");
        REQUIRE(first);
        CHECK(first->status == 201);
        CHECK(json::parse(first->body)["stored"] == true);
        CHECK(folder.read("blobs/" + blob.sha256()) == blob.bytes);
        auto second = admin.Put(path, blob.bytes, "application/octet-stream");
        REQUIRE(second);
        CHECK(second->status == 200);
        CHECK(json::parse(second->body)["stored"] == false);
        auto served = server.client().Get("/blobs/" + blob.sha256());
        REQUIRE(served);
        CHECK(served->body == blob.bytes);
    }
    SUBCASE("bad hash: 422 and nothing written")
    {
        auto answer = admin.Put(path, blob.bytes + "tampered", "application/octet-stream");
        REQUIRE(answer);
        CHECK(answer->status == 422);
        CHECK(json::parse(answer->body)["sha256"] == sha256_hex_of(blob.bytes + "tampered"));
        CHECK_FALSE(folder.exists("blobs/" + blob.sha256()));
    }
    SUBCASE("oversize with Content-Length: 413 before the body is read")
    {
        std::string big(options.limits.max_blob_bytes + 1, 'x');
        auto answer = admin.Put("/admin/blobs/" + sha256_hex_of(big), big, "application/octet-stream");
        REQUIRE(answer);
        CHECK(answer->status == 413);
        CHECK_FALSE(folder.exists("blobs/" + sha256_hex_of(big)));
        std::string exact(options.limits.max_blob_bytes, 'x');
        auto fits = admin.Put("/admin/blobs/" + sha256_hex_of(exact), exact, "application/octet-stream");
        REQUIRE(fits);
        CHECK(fits->status == 201);
    }
    SUBCASE("oversize, chunked: 413 once the bound is passed")
    {
        std::string big(options.limits.max_blob_bytes * 2, 'y');
        auto answer = admin.Put(
            "/admin/blobs/" + sha256_hex_of(big),
            [&](size_t offset, httplib::DataSink& sink) {
                if (offset >= big.size()) {
                    sink.done();
                    return true;
                }
                return sink.write(big.data() + offset, std::min<size_t>(8192, big.size() - offset));
            },
            "application/octet-stream");
        // The server may close the connection while the client is still sending.
        if (answer)
            CHECK(answer->status == 413);
        CHECK_FALSE(folder.exists("blobs/" + sha256_hex_of(big)));
    }
    SUBCASE("oversize with Expect: 100-continue is refused before the body is sent")
    {
        auto answer = test::raw_exchange(server.port(),
            "PUT " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + test::test_token
                + "\r\nContent-Length: 99999999\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n");
        CHECK(test::raw_status(answer) == 413);
        CHECK(answer.find("100 Continue") == std::string::npos);
    }
    SUBCASE("a name that is not a sha256 is not a route")
    {
        auto answer = admin.Put("/admin/blobs/../manifest.json", blob.bytes, "application/octet-stream");
        REQUIRE(answer);
        CHECK(answer->status == 404);
    }
    // A handler may still be cleaning up after a connection the server cut short.
    for (int i = 0; i < 200 && count_temp_files(folder.path()) > 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    CHECK(count_temp_files(folder.path()) == 0);
}

TEST_CASE("admin API: which blobs are missing")
{
    test::LogRecorder log;
    test::TempFolder folder;
    folder.write("blobs/" + blobs[0].sha256(), blobs[0].bytes);
    test::RunningServer server(folder.path());
    auto admin = server.admin();
    json asked = { blobs[0].sha256(), blobs[1].sha256() };
    auto answer = admin.Post("/admin/blobs/missing", asked.dump(), "application/json");
    REQUIRE(answer);
    CHECK(answer->status == 200);
    CHECK(json::parse(answer->body)["missing"] == json { blobs[1].sha256() });

    auto by_query = admin.Get("/admin/blobs/missing?list=" + blobs[0].sha256() + "," + blobs[1].sha256());
    REQUIRE(by_query);
    CHECK(by_query->status == 200);
    CHECK(json::parse(by_query->body)["missing"] == json { blobs[1].sha256() });

    for (auto const* bad : { "[\"../manifest.json\"]", "{\"a\": 1}", "[1, 2]", "not json" }) {
        CAPTURE(bad);
        auto refused = admin.Post("/admin/blobs/missing", bad, "application/json");
        REQUIRE(refused);
        CHECK(refused->status == 422);
    }
}

TEST_CASE("admin API: swapping the manifest")
{
    test::LogRecorder log;
    test::TempFolder folder;
    test::Signer signer;
    test::write_published(folder, signer, 1, { blobs[0] });
    folder.write("blobs/" + blobs[1].sha256(), blobs[1].bytes);
    ServerOptions options;
    options.limits.max_manifest_bytes = 16 * 1024;
    test::RunningServer server(folder.path(), options);
    auto admin = server.admin();
    auto v2 = test::manifest_json(2, blobs);
    test::Blob absent { "assets/absent.png", "never uploaded" };
    auto v2_missing = test::manifest_json(2, { blobs[0], absent });

    struct Case {
        const char* name;
        std::string body;
        std::string signature;
        std::string if_match;
        int status;
    };
    std::vector<Case> refused = {
        { "stale If-Match", v2, signer.sign(v2), "\"0\"", 412 },
        { "no If-Match", v2, signer.sign(v2), "", 428 },
        { "same version", test::manifest_json(1, blobs, "other"), signer.sign(v2), "\"1\"", 409 },
        { "missing blob", v2_missing, signer.sign(v2_missing), "\"1\"", 422 },
        { "malformed JSON", "{\"format\": 1, \"version\": 2", signer.sign(v2), "\"1\"", 422 },
        { "no signature", v2, "", "\"1\"", 422 },
        { "too large", std::string(options.limits.max_manifest_bytes + 1, ' ') + v2, signer.sign(v2), "\"1\"", 413 },
    };
    for (auto const& c : refused) {
        SUBCASE(c.name)
        {
            auto answer
                = admin.Put("/admin/manifest", publish_headers(c.signature, c.if_match), c.body, "application/json");
            REQUIRE(answer);
            CHECK(answer->status == c.status);
            auto body = json::parse(answer->body);
            CHECK(body.contains("error"));
            if (c.status != 413)
                CHECK(body["current_version"] == 1);
            if (std::string(c.name) == "missing blob")
                CHECK(body["missing"] == json { absent.sha256() });
            auto served = server.client().Get("/manifest.json");
            REQUIRE(served);
            CHECK(served->get_header_value("Hallboard-Version") == "1");
            CHECK_FALSE(folder.exists("versions/2"));
        }
    }
    SUBCASE("correct If-Match: the new version is served at once, and a replay is refused")
    {
        auto answer = admin.Put("/admin/manifest", publish_headers(signer.sign(v2), "\"1\""), v2, "application/json");
        REQUIRE(answer);
        INFO(answer->body);
        CHECK(answer->status == 200);
        CHECK(json::parse(answer->body)["current_version"] == 2);
        auto served = server.client().Get("/manifest.json");
        REQUIRE(served);
        CHECK(served->body == v2);
        CHECK(answer->get_header_value("ETag") == served->get_header_value("ETag"));
        CHECK(signer.verify(served->body, served->get_header_value("Hallboard-Signature")));
        auto signature = server.client().Get("/manifest.json.sig");
        REQUIRE(signature);
        CHECK(signer.verify(v2, signature->body));

        auto replay = admin.Put("/admin/manifest", publish_headers(signer.sign(v2), "\"1\""), v2, "application/json");
        REQUIRE(replay);
        CHECK(replay->status == 412); // the second of two concurrent publishes sees this
    }
}

TEST_CASE("admin API: versions, and a rollback published as a new version")
{
    test::LogRecorder log;
    test::TempFolder folder;
    test::Signer signer;
    test::RunningServer server(folder.path());
    auto admin = server.admin();

    // The publish client's sequence: ask what is missing, upload that, swap the manifest.
    std::vector<std::string> manifests;
    for (uint64_t version = 1; version <= 2; ++version) {
        std::vector<test::Blob> these = { blobs[version - 1] };
        json hashes = json::array();
        for (auto const& blob : these)
            hashes.push_back(blob.sha256());
        auto missing = admin.Post("/admin/blobs/missing", hashes.dump(), "application/json");
        REQUIRE(missing);
        auto answer_body = json::parse(missing->body);
        for (auto const& hash : answer_body["missing"]) {
            auto const& blob
                = *std::find_if(these.begin(), these.end(), [&](auto const& b) { return b.sha256() == hash; });
            auto put = admin.Put("/admin/blobs/" + blob.sha256(), blob.bytes, "application/octet-stream");
            REQUIRE(put);
            CHECK(put->status == 201);
        }
        manifests.push_back(test::manifest_json(version, these));
        auto answer = admin.Put("/admin/manifest",
            publish_headers(signer.sign(manifests.back()), "\"" + std::to_string(version - 1) + "\""), manifests.back(),
            "application/json");
        REQUIRE(answer);
        INFO(answer->body);
        CHECK(answer->status == 200);
    }

    auto listing = admin.Get("/admin/versions");
    REQUIRE(listing);
    CHECK(listing->status == 200);
    auto versions = json::parse(listing->body);
    CHECK(versions["current"] == 2);
    REQUIRE(versions["versions"].size() == 2);
    CHECK(versions["versions"][0]["version"] == 1);
    CHECK(versions["versions"][1]["version"] == 2);
    CHECK(versions["versions"][0]["blobs"] == 1);
    CHECK(versions["versions"][0]["signed"] == true);

    auto old_manifest = admin.Get("/admin/versions/1/manifest.json");
    auto old_signature = admin.Get("/admin/versions/1/manifest.json.sig");
    REQUIRE(old_manifest);
    REQUIRE(old_signature);
    CHECK(old_manifest->body == manifests[0]);
    CHECK(signer.verify(old_manifest->body, old_signature->body));
    auto future = admin.Get("/admin/versions/3/manifest.json");
    REQUIRE(future);
    CHECK(future->status == 404);

    // Rollback: version 1's content, re-signed under version 3 (screens never go back).
    auto content = json::parse(old_manifest->body);
    content["version"] = 3;
    auto rollback = content.dump(2);
    auto answer
        = admin.Put("/admin/manifest", publish_headers(signer.sign(rollback), "\"2\""), rollback, "application/json");
    REQUIRE(answer);
    CHECK(answer->status == 200);
    auto served = server.client().Get("/manifest.json");
    REQUIRE(served);
    CHECK(json::parse(served->body)["blobs"] == json::parse(manifests[0])["blobs"]);
    CHECK(served->get_header_value("Hallboard-Version") == "3");
}
