// The pure parts of accepting a manifest: current.manifest's form, peeking the version, the verdicts.
#include "sync_test_support.h"

#include "player/sync/content_cache.h"
#include "player/sync/manifest_acceptance.h"

namespace hallboard {

using namespace sync;

TEST_CASE("current.manifest holds the signature line and the exact manifest bytes")
{
    auto pair = generate_key_pair();
    REQUIRE(pair);
    std::string manifest = "{\n  \"format\": 1\n}\n";
    auto signature = sign_detached(manifest, pair->secret_key);

    SUBCASE("signed")
    {
        StoredManifest stored { signature, manifest };
        auto text = encode_stored_manifest(stored);
        CHECK(text == signature_text(signature) + "\n" + manifest);
        auto back = decode_stored_manifest(text);
        REQUIRE(back.ok());
        CHECK(*back == stored);
    }
    SUBCASE("unsigned")
    {
        StoredManifest stored { std::nullopt, manifest };
        auto text = encode_stored_manifest(stored);
        CHECK(text == "unsigned\n" + manifest);
        auto back = decode_stored_manifest(text);
        REQUIRE(back.ok());
        CHECK(*back == stored);
    }
    SUBCASE("malformed")
    {
        struct Row {
            const char* name;
            std::string text;
        };
        for (auto const& row : std::vector<Row> {
                 { "no newline", "unsigned" },
                 { "not base64", "not-a-signature!\n{}" },
                 { "short signature", "AAAA\n{}" },
                 { "empty", "" },
                 { "Unsigned in capitals", "UNSIGNED\n{}" },
             }) {
            INFO(row.name);
            auto back = decode_stored_manifest(row.text);
            REQUIRE_FALSE(back.ok());
            CHECK_FALSE(back.error().empty());
        }
    }
}

TEST_CASE("the version of unverified manifest bytes is peeked without parsing them")
{
    struct Row {
        std::string bytes;
        std::optional<std::uint64_t> version;
    };
    for (auto const& row : std::vector<Row> {
             { "{\n  \"format\": 1,\n  \"version\": 7,\n  \"published_at\": \"x\"\n}\n", 7 },
             { "{\"version\":12}", 12 },
             { "{ \"format\" : 1 , \"version\" : 18446744073709551615 }", 18446744073709551615ull },
             { "{\"version\": 18446744073709551616}", std::nullopt },      // overflow
             { "{\"notices\": [{\"version\": 3}], \"version\": 4}", 4 },   // nested keys do not count
             { "{\"title\": \"\\\"version\\\": 9\", \"version\": 5}", 5 }, // nor text in a string
             { "{\"channel\": {\"version\": 3}}", std::nullopt },
             { "{\"version\": \"7\"}", std::nullopt },
             { "{\"version\": 7.5}", std::nullopt },
             { "{\"version\": -7}", std::nullopt },
             { "<html>not json</html>", std::nullopt },
             { "", std::nullopt },
             { "{\"version", std::nullopt },
             { "[{\"version\": 3}]", std::nullopt },
         }) {
        CAPTURE(row.bytes);
        CHECK(peek_manifest_version(row.bytes) == row.version);
    }
}

namespace {

// A valid manifest of the test source as version `version`, canonical bytes.
std::string manifest_bytes(std::uint64_t version, const std::string& published_at = "2026-11-23T10:00:00Z")
{
    Diagnostics diagnostics;
    auto source = load_content_source(test::valid_test_source(), diagnostics);
    REQUIRE(source);
    auto blobs = hash_source_assets(*source, diagnostics);
    REQUIRE(blobs);
    return manifest_to_json(make_manifest(*source, *blobs, version, published_at));
}

} // namespace

TEST_CASE("a manifest is judged: signature before parsing, then the version rule")
{
    auto pair = generate_key_pair();
    auto other = generate_key_pair();
    REQUIRE(pair);
    REQUIRE(other);
    auto v7 = manifest_bytes(7);
    auto v8 = manifest_bytes(8);
    auto v7_again = manifest_bytes(7, "2026-11-24T10:00:00Z");
    auto sign
        = [&](const std::string& bytes) { return std::optional<Signature>(sign_detached(bytes, pair->secret_key)); };
    const PublicKey* key = &pair->public_key;
    std::string garbage = "<html>502 Bad Gateway</html>";

    struct Row {
        const char* name;
        std::string bytes;
        std::optional<Signature> signature;
        const PublicKey* key;
        CurrentVersion current;
        Verdict verdict;
        const char* problem; // a fragment of the problem, with Refuse
    };
    std::vector<Row> rows {
        { "a newer version, signed", v8, sign(v8), key, { 7, v7 }, Verdict::Accept, "" },
        { "a first version on an empty screen", v7, sign(v7), key, {}, Verdict::Accept, "" },
        { "the same bytes", v7, sign(v7), key, { 7, v7 }, Verdict::UpToDate, "" },
        { "the same bytes need no signature again", v7, std::nullopt, key, { 7, v7 }, Verdict::UpToDate, "" },
        { "forged signature", v8, std::optional<Signature>(sign_detached(v8, other->secret_key)), key, { 7, v7 },
            Verdict::Refuse, "does not verify" },
        { "signature of other bytes", v8, sign(v7), key, { 7, v7 }, Verdict::Refuse, "does not verify" },
        { "missing signature", v8, std::nullopt, key, { 7, v7 }, Verdict::Refuse, "not signed" },
        { "not JSON, signed", garbage, sign(garbage), key, { 7, v7 }, Verdict::Refuse, "manifest.json" },
        { "not JSON, unsigned and no key", garbage, std::nullopt, nullptr, { 7, v7 }, Verdict::Refuse,
            "manifest.json" },
        { "not JSON, unsigned, with a key: the signature is checked first", garbage, std::nullopt, key, { 7, v7 },
            Verdict::Refuse, "not signed" },
        { "a replayed older version", v7, sign(v7), key, { 8, v8 }, Verdict::Refuse, "older than version 8" },
        { "the same version with other bytes", v7_again, sign(v7_again), key, { 7, v7 }, Verdict::Refuse,
            "published once" },
        { "no key: a newer version without a signature", v8, std::nullopt, nullptr, { 7, v7 }, Verdict::Accept, "" },
        { "no key: an older version is still refused", v7, std::nullopt, nullptr, { 8, v8 }, Verdict::Refuse, "older" },
    };
    for (auto const& row : rows) {
        INFO(row.name);
        auto judgement = judge_manifest(row.bytes, row.signature, row.key, row.current);
        CHECK(judgement.verdict == row.verdict);
        CHECK(judgement.manifest.has_value() == (row.verdict == Verdict::Accept));
        if (row.verdict == Verdict::Refuse) {
            CAPTURE(judgement.problem);
            CHECK(judgement.problem.find(row.problem) != std::string::npos);
        }
        if (row.verdict == Verdict::Accept)
            CHECK(judgement.manifest->version == judgement.claimed_version);
    }
}

TEST_CASE("a signature is required only when the screen has a key")
{
    auto pair = generate_key_pair();
    REQUIRE(pair);
    std::string bytes = "anything";
    CHECK_FALSE(check_signature(bytes, std::nullopt, nullptr));
    CHECK(check_signature(bytes, std::nullopt, &pair->public_key));
    CHECK_FALSE(check_signature(bytes, sign_detached(bytes, pair->secret_key), &pair->public_key));
    CHECK(check_signature(bytes + " ", sign_detached(bytes, pair->secret_key), &pair->public_key));
}

} // namespace hallboard
