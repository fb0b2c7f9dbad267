// A screen's sync with its server: the cache it owns, the version it has, and one poll at a time.
#pragma once

#include "content/model/notice.h"
#include "base/net/http_client.h"
#include "player/sync/cached_content.h"
#include "player/sync/content_cache.h"
#include "player/sync/sync_settings.h"
#include "player/sync/sync_status.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace hallboard::sync {

// Receives a new version once every blob it needs is durable in the cache. Called on the thread
// that runs the cycle (the sync thread); it must not block for long: hand the content over to
// the render thread and return. The blobs of the previous version are deleted after it returns.
using ContentHandler = std::function<void(std::shared_ptr<const ContentSource> content, std::uint64_t version)>;

// Owns the cache folder (and its lock) for its whole life, so one object per cache and process.
// Not thread-safe: one thread at a time runs cycles (SyncThread does).
class ContentSync {
public:
    // Opens and locks the cache, removes leftovers of a killed download, and loads the cached
    // version (load_cached_content), all without touching the network. Fails (one line) when the
    // cache folder cannot be made or is in use by another process.
    static Result<std::unique_ptr<ContentSync>> open(SyncSettings settings);

    // The content playing now: the cached version at first, then each version switched to.
    // nullptr when the screen has none yet.
    std::shared_ptr<const ContentSource> content() const;
    std::uint64_t version() const; // 0 when it has none
    const SyncSettings& settings() const { return m_settings; }
    const ContentCache& cache() const { return m_cache; }

    // One poll: GET manifest.json (If-None-Match with the ETag of the current version); on 304 or
    // the same bytes, up to date. Otherwise the signature (the Hallboard-Signature header, else
    // versions/<v>/manifest.json.sig, else manifest.json.sig) is checked over the exact bytes
    // before they are parsed, the manifest parsed strictly, and a version not above the current one
    // refused. Then every blob the cache lacks is downloaded and checked; only when all are durable
    // is current.manifest replaced (one atomic rename), `hand_over` called with the new content,
    // and the blobs no longer needed deleted. Any failure leaves the current version in place.
    // A raised `cancel` stops a request within ~100 ms (the result is then FailureKind::Cancelled).
    CycleResult run_cycle(const ContentHandler& hand_over, const std::atomic<bool>* cancel = nullptr);

private:
    ContentSync(SyncSettings settings, ContentCache cache);

    const PublicKey* key() const { return m_settings.public_key ? &*m_settings.public_key : nullptr; }
    bool commit(const Manifest& manifest, StoredManifest stored, const std::string& etag,
        const ContentHandler& hand_over, CycleResult& result);

    SyncSettings m_settings;
    ContentCache m_cache;
    std::optional<CachedContent> m_current;
    std::string m_etag; // of the current version's manifest.json; only ever in memory
    net::HttpClient m_client;
};

} // namespace hallboard::sync
