// From a manifest to playable content in the cache, and loading the cache at start.
#include "sync_test_support.h"

#include "player/sync/cached_content.h"
#include "player/sync/content_cache.h"

namespace hallboard {

using namespace sync;
namespace fs = std::filesystem;

namespace {

struct Published {
    ContentSource source;
    Manifest manifest;
};

Published manifest_of_test_source(std::uint64_t version = 3)
{
    Diagnostics diagnostics;
    auto source = load_content_source(test::valid_test_source(), diagnostics);
    REQUIRE(source);
    auto blobs = hash_source_assets(*source, diagnostics);
    REQUIRE(blobs);
    auto manifest = make_manifest(*source, *blobs, version, "2026-11-23T10:00:00Z");
    // What a screen gets: the bytes, parsed back strictly.
    auto parsed = manifest_from_json(manifest_to_json(manifest), "manifest.json", diagnostics);
    REQUIRE_MESSAGE(parsed, diagnostics.format_all());
    return { *source, *parsed };
}

const Notice& notice_with_id(const ContentSource& content, const std::string& id)
{
    auto found = std::find_if(
        content.notices.begin(), content.notices.end(), [&](auto const& notice) { return notice.id == id; });
    REQUIRE(found != content.notices.end());
    return *found;
}

// Writes the blobs of the test source and a current.manifest into `cache`, as a sync would have.
void fill_cache(const ContentCache& cache, const Manifest& manifest, const std::optional<Signature>& signature,
    const std::string& bytes)
{
    for (auto const& blob : manifest.blobs)
        test::write_bytes(cache.blob_path(blob.sha256), test::read_bytes(test::valid_test_source() / blob.path));
    test::write_bytes(cache.manifest_path(), encode_stored_manifest({ signature, bytes }));
}

} // namespace

TEST_CASE("a manifest becomes content whose asset paths name the cache's blobs")
{
    auto [source, manifest] = manifest_of_test_source();
    fs::path cache_root = "/var/lib/hallboard-test-cache";
    auto content = content_from_manifest(manifest, cache_root);

    CHECK(content.root == cache_root);
    CHECK(content.channel == manifest.channel);
    REQUIRE(content.notices.size() == manifest.notices.size());
    REQUIRE(content.notices.size() == source.notices.size());

    auto poster_sha = manifest.blob_for("assets/poster.png")->sha256;
    auto qr_sha = manifest.blob_for("assets/feedback-qr.jpg")->sha256;
    CHECK(poster_sha == sha256_hex_of(test::read_bytes(test::valid_test_source() / "assets/poster.png")));

    SUBCASE("the image slide draws its blob")
    {
        auto const& poster = notice_with_id(content, "save-power-poster");
        auto const& image = std::get<ImageSlide>(poster.body);
        CHECK(image.src == "blobs/" + poster_sha);
        CHECK(image.caption == std::get<ImageSlide>(notice_with_id(source, "save-power-poster").body).caption);
        CHECK(image.fit == ImageFit::Cover);
    }
    SUBCASE("a hotline's QR code draws its blob; entries without one stay without")
    {
        auto const& entries = std::get<Hotlines>(notice_with_id(content, "hotlines").body).entries;
        REQUIRE(entries.size() == 3);
        CHECK(entries[0].qr.empty());
        CHECK(entries[1].qr.empty());
        CHECK(entries[2].qr == "blobs/" + qr_sha);
        CHECK(entries[2].number == "020-12345678");
    }
    SUBCASE("the renderer's path resolves to the blob file")
    {
        auto const& image = std::get<ImageSlide>(notice_with_id(content, "save-power-poster").body);
        CHECK(content.root / image.src == cache_root / "blobs" / poster_sha);
    }
    SUBCASE("referenced assets are the blob references, each once")
    {
        CHECK(content.referenced_assets.size() == 2);
        CHECK(
            std::count(content.referenced_assets.begin(), content.referenced_assets.end(), "blobs/" + poster_sha) == 1);
        CHECK(std::count(content.referenced_assets.begin(), content.referenced_assets.end(), "blobs/" + qr_sha) == 1);
    }
    SUBCASE("everything but asset paths is the manifest's")
    {
        for (size_t i = 0; i < content.notices.size(); ++i) {
            auto expected = manifest.notices[i];
            auto actual = content.notices[i];
            if (auto* image = std::get_if<ImageSlide>(&actual.body))
                image->src = std::get<ImageSlide>(expected.body).src;
            if (auto* hotlines = std::get_if<Hotlines>(&actual.body)) {
                for (size_t e = 0; e < hotlines->entries.size(); ++e)
                    hotlines->entries[e].qr = std::get<Hotlines>(expected.body).entries[e].qr;
            }
            CAPTURE(expected.id);
            CHECK(actual == expected);
        }
    }
    SUBCASE("two paths with the same bytes share one blob")
    {
        auto shared = manifest;
        auto& qr = std::get<Hotlines>(
            std::find_if(shared.notices.begin(), shared.notices.end(), [](auto& n) { return n.id == "hotlines"; })
                ->body)
                       .entries[2]
                       .qr;
        shared.blobs.push_back({ "assets/copy.png", poster_sha, manifest.blob_for("assets/poster.png")->size });
        qr = "assets/copy.png";
        auto shared_content = content_from_manifest(shared, cache_root);
        auto const& entries = std::get<Hotlines>(notice_with_id(shared_content, "hotlines").body).entries;
        CHECK(entries[2].qr == "blobs/" + poster_sha);
        CHECK(shared_content.referenced_assets.size() == 1);
        CHECK(blob_names(shared).size() == 2); // the QR's blob is still listed (unused here, as the test made it)
    }
}

TEST_CASE("the cached version loads at start, before any network, or the cache counts as empty")
{
    test::TempFolder work;
    test::LogRecorder log;
    auto pair = generate_key_pair();
    auto other = generate_key_pair();
    REQUIRE(pair);
    REQUIRE(other);
    // A plain variable, not a structured binding: the lambdas below capture it (clang 14 cannot capture bindings).
    auto const manifest = manifest_of_test_source(5).manifest;
    auto bytes = manifest_to_json(manifest);
    auto signature = sign_detached(bytes, pair->secret_key);

    auto cache = ContentCache::open(work.path() / "cache");
    REQUIRE_MESSAGE(cache.ok(), (cache ? std::string() : cache.error()));

    SUBCASE("an empty cache")
    {
        CHECK_FALSE(load_cached_content(*cache, &pair->public_key));
        CHECK(log.count_containing("is empty") == 1);
    }
    SUBCASE("a good cache, signed")
    {
        fill_cache(*cache, manifest, signature, bytes);
        auto cached = load_cached_content(*cache, &pair->public_key);
        REQUIRE(cached);
        CHECK(cached->version == 5);
        CHECK(cached->content->notices.size() == manifest.notices.size());
        CHECK(cached->content->root == cache->root());
        CHECK(cached->stored.bytes == bytes);
        CHECK(cached->blobs == blob_names(manifest));
        CHECK(log.lines().empty());
    }
    SUBCASE("a signed cache on a screen without a key")
    {
        fill_cache(*cache, manifest, signature, bytes);
        CHECK(load_cached_content(*cache, nullptr));
    }
    SUBCASE("an unsigned cache on a screen without a key")
    {
        fill_cache(*cache, manifest, std::nullopt, bytes);
        CHECK(load_cached_content(*cache, nullptr));
    }

    struct Broken {
        const char* name;
        std::function<void()> damage;
        const char* logged;
    };
    auto poster = cache->blob_path(manifest.blob_for("assets/poster.png")->sha256);
    std::vector<Broken> broken {
        { "the manifest was changed on disk", [&] { fill_cache(*cache, manifest, signature, bytes + " "); },
            "does not verify" },
        { "signed by another key",
            [&] { fill_cache(*cache, manifest, sign_detached(bytes, other->secret_key), bytes); }, "does not verify" },
        { "unsigned, and the screen now has a key", [&] { fill_cache(*cache, manifest, std::nullopt, bytes); },
            "not signed" },
        { "a blob is missing",
            [&] {
                fill_cache(*cache, manifest, signature, bytes);
                fs::remove(poster);
            },
            "is missing" },
        { "a blob was damaged",
            [&] {
                fill_cache(*cache, manifest, signature, bytes);
                auto damaged = test::read_bytes(poster);
                damaged[10] ^= 1;
                test::write_bytes(poster, damaged);
            },
            "do not match its sha256" },
        { "a blob was cut short",
            [&] {
                fill_cache(*cache, manifest, signature, bytes);
                test::write_bytes(poster, test::read_bytes(poster).substr(0, 20));
            },
            "bytes, expected" },
        { "a blob grew",
            [&] {
                fill_cache(*cache, manifest, signature, bytes);
                test::append_bytes(poster, "x");
            },
            "larger than" },
        { "the signature line is garbage",
            [&] {
                fill_cache(*cache, manifest, signature, bytes);
                test::write_bytes(cache->manifest_path(), "garbage\n" + bytes);
            },
            "first line" },
        { "the manifest is not JSON (no key)", [&] { fill_cache(*cache, manifest, std::nullopt, "{ not json"); },
            "current.manifest" },
        { "current.manifest is a folder", [&] { fs::create_directories(cache->manifest_path()); },
            "not a regular file" },
    };
    for (auto const& row : broken) {
        SUBCASE(row.name)
        {
            row.damage();
            bool keyless = std::string(row.name).find("no key") != std::string::npos;
            auto cached = load_cached_content(*cache, keyless ? nullptr : &pair->public_key);
            CHECK_FALSE(cached);
            INFO(log.all());
            CHECK(log.lines().size() == 1);
            CHECK(log.count_containing(row.logged) == 1);
            CHECK(log.count_containing("no usable content") == 1);
        }
    }
}

TEST_CASE("a cache folder is owned by one sync at a time, and leftovers of a kill are removed")
{
    test::TempFolder work;
    auto folder = work.path() / "cache";
    {
        auto first = ContentCache::open(folder);
        REQUIRE_MESSAGE(first.ok(), (first ? std::string() : first.error()));
        CHECK(fs::is_directory(folder / "blobs"));
        auto second = ContentCache::open(folder);
        REQUIRE_FALSE(second.ok());
        CHECK(second.error().find("in use by another hallboard process") != std::string::npos);
        test::write_bytes(folder / ".hallboard-tmp-AbC123", "half a manifest");
        test::write_bytes(folder / "blobs/.hallboard-tmp-XyZ789", "half a blob");
        test::write_bytes(folder / "notes.txt", "an admin's file stays");
    }
    auto again = ContentCache::open(folder);
    REQUIRE_MESSAGE(again.ok(), (again ? std::string() : again.error()));
    CHECK(again->removed_temp_files() == 2);
    CHECK(test::temp_files_in(folder) == 0);
    CHECK(test::temp_files_in(folder / "blobs") == 0);
    CHECK(fs::exists(folder / "notes.txt"));

    SUBCASE("garbage collection keeps only the named blobs")
    {
        std::string keep(64, 'a');
        std::string drop(64, 'b');
        test::write_bytes(again->blob_path(keep), "kept");
        test::write_bytes(again->blob_path(drop), "dropped");
        test::write_bytes(again->blobs_folder() / "stray.png", "stray");
        CHECK(again->collect_garbage({ keep }) == 2);
        CHECK(test::names_in(again->blobs_folder()) == std::set<std::string> { keep });
        CHECK(fs::exists(folder / "notes.txt"));
    }
    SUBCASE("a cache that cannot be made is a clear error")
    {
        test::write_bytes(work.path() / "a-file", "x");
        auto unmade = ContentCache::open(work.path() / "a-file" / "cache");
        REQUIRE_FALSE(unmade.ok());
        CHECK(unmade.error().find("cannot create the cache folder") != std::string::npos);
    }
}

} // namespace hallboard
