// From an accepted manifest and the cache folder to what the renderer plays, and loading it at start.
#pragma once

#include "content/publish/manifest.h"
#include "content/model/notice.h"
#include "content/publish/signing.h"
#include "player/sync/content_cache.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace hallboard::sync {

// "blobs/<sha256>": where an asset lives, relative to the cache folder.
std::string blob_reference(std::string_view sha256);

// The content a manifest describes, playable from `cache_root`: its channel defaults and notices,
// with every asset a notice uses (image src, hotline QR codes; see assets_used_by) rewritten to
// blob_reference(its sha256), so that the renderer, which resolves asset paths against
// ContentSource::root, draws the blob. The format is sniffed from the bytes, so the missing file
// extension does not matter. referenced_assets lists those blob references, each once, in order
// of first use. Pure. `manifest` must have passed manifest_from_json (every used asset is listed);
// an asset it does not list becomes an empty path.
ContentSource content_from_manifest(const Manifest& manifest, const std::filesystem::path& cache_root);

// The sha256 of every blob `manifest` needs.
std::set<std::string> blob_names(const Manifest& manifest);

// A version the screen has accepted: what it plays and what later versions are compared with.
struct CachedContent {
    std::shared_ptr<const ContentSource> content;
    std::uint64_t version = 0;
    StoredManifest stored;       // the exact bytes and signature in current.manifest
    std::set<std::string> blobs; // sha256 of every blob it needs
};

// The content in the cache, before any network call: current.manifest is read, its signature
// verified over the exact bytes (when `key` is given) before they are parsed, the manifest parsed
// strictly, and every blob it needs checked for size and sha256. nullopt when there is no cached
// content, or when anything is wrong: one line is then logged and the screen starts as if the
// cache were empty (a later sync reuses whatever good blobs are there). Never throws.
std::optional<CachedContent> load_cached_content(const ContentCache& cache, const PublicKey* key);

// The cached content of an accepted manifest, once its blobs are in the cache.
CachedContent make_cached_content(
    const Manifest& manifest, StoredManifest stored, const std::filesystem::path& cache_root);

} // namespace hallboard::sync
