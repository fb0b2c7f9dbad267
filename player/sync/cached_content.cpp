// Rewriting a manifest's asset paths to cache blobs, and loading the cached version at start.
#include "player/sync/cached_content.h"

#include "base/log.h"
#include "player/sync/manifest_acceptance.h"

#include <algorithm>
#include <variant>

namespace hallboard::sync {

std::string blob_reference(std::string_view sha256)
{
    return "blobs/" + std::string(sha256);
}

ContentSource content_from_manifest(const Manifest& manifest, const std::filesystem::path& cache_root)
{
    ContentSource source;
    source.root = cache_root;
    source.channel = manifest.channel;
    source.calendar = manifest.calendar;
    source.notices = manifest.notices;
    auto rewrite = [&](std::string& path) {
        if (path.empty())
            return;
        auto const* blob = manifest.blob_for(path);
        path = blob ? blob_reference(blob->sha256) : std::string();
        if (!path.empty()
            && std::find(source.referenced_assets.begin(), source.referenced_assets.end(), path)
                == source.referenced_assets.end())
            source.referenced_assets.push_back(path);
    };
    for (auto& notice : source.notices) {
        if (auto* image = std::get_if<ImageSlide>(&notice.body))
            rewrite(image->src);
        if (auto* hotlines = std::get_if<Hotlines>(&notice.body)) {
            for (auto& entry : hotlines->entries)
                rewrite(entry.qr);
        }
    }
    return source;
}

std::set<std::string> blob_names(const Manifest& manifest)
{
    std::set<std::string> names;
    for (auto const& blob : manifest.blobs)
        names.insert(blob.sha256);
    return names;
}

CachedContent make_cached_content(
    const Manifest& manifest, StoredManifest stored, const std::filesystem::path& cache_root)
{
    CachedContent cached;
    cached.content = std::make_shared<const ContentSource>(content_from_manifest(manifest, cache_root));
    cached.version = manifest.version;
    cached.stored = std::move(stored);
    cached.blobs = blob_names(manifest);
    return cached;
}

std::optional<CachedContent> load_cached_content(const ContentCache& cache, const PublicKey* key)
{
    auto refuse = [&](const std::string& why) {
        log_warning("content: the cache " + cache.root().string() + " holds no usable content (" + why
            + "); starting without content until the next sync");
        return std::nullopt;
    };
    auto read = cache.read_manifest();
    if (!read)
        return refuse(read.error());
    auto stored = std::move(*read);
    if (!stored) {
        log_info("content: the cache " + cache.root().string() + " is empty; waiting for the first sync");
        return std::nullopt;
    }
    if (auto problem = check_signature(stored->bytes, stored->signature, key))
        return refuse(std::string(stored_manifest_name) + ": " + *problem);
    Diagnostics diagnostics;
    auto manifest = manifest_from_json(stored->bytes, std::string(stored_manifest_name), diagnostics);
    if (!manifest)
        return refuse(summarise_problems(diagnostics));
    for (auto const& blob : manifest->blobs) {
        std::string problem;
        if (cache.check_blob(blob, problem) != BlobState::Good)
            return refuse(problem);
    }
    return make_cached_content(*manifest, std::move(*stored), cache.root());
}

} // namespace hallboard::sync
