// One sync cycle: fetch, verify, download, commit, hand over, collect garbage.
#include "player/sync/content_sync.h"

#include "base/log.h"
#include "player/sync/blob_download.h"
#include "player/sync/manifest_acceptance.h"
#include "player/sync/manifest_fetch.h"

#include <set>

namespace hallboard::sync {

ContentSync::ContentSync(SyncSettings settings, ContentCache cache)
    : m_settings(std::move(settings))
    , m_cache(std::move(cache))
{
}

Result<std::unique_ptr<ContentSync>> ContentSync::open(SyncSettings settings)
{
    auto cache = ContentCache::open(settings.cache);
    if (!cache)
        return std::move(cache).take_error();
    std::unique_ptr<ContentSync> sync(new ContentSync(std::move(settings), std::move(*cache)));
    if (int removed = sync->m_cache.removed_temp_files())
        log_info("content: removed " + std::to_string(removed) + " unfinished download(s) from "
            + sync->m_cache.root().string());
    if (!sync->m_settings.public_key)
        log_warning(
            "content: no public_key in the screen config; accepting unsigned content from " + sync->m_settings.server);
    sync->m_current = load_cached_content(sync->m_cache, sync->key());
    if (sync->m_current)
        log_info("content: playing version " + std::to_string(sync->m_current->version) + " from the cache "
            + sync->m_cache.root().string());
    return sync;
}

std::shared_ptr<const ContentSource> ContentSync::content() const
{
    return m_current ? m_current->content : nullptr;
}

std::uint64_t ContentSync::version() const
{
    return m_current ? m_current->version : 0;
}

CycleResult ContentSync::run_cycle(const ContentHandler& hand_over, const std::atomic<bool>* cancel)
{
    CycleResult result;
    result.version = version();
    auto fail = [&](Failure failure, const std::string& prefix = {}) {
        result.outcome = CycleOutcome::Failed;
        result.failure = failure.kind;
        result.http_status = failure.http_status;
        result.failed_url = failure.url;
        result.error = prefix + failure.error;
        return result;
    };

    auto fetched
        = fetch_manifest(m_client, m_settings.server, m_current ? m_etag : std::string(), m_settings.timeouts, cancel);
    result.transferred_bytes += fetched.transferred_bytes;
    if (fetched.failure)
        return fail(fetched.failure);
    auto manifest_url = net::join_url(m_settings.server, "manifest.json");
    if (fetched.not_modified) {
        result.outcome = CycleOutcome::UpToDate;
        result.offered_version = version();
        return result;
    }
    result.offered_version = peek_manifest_version(fetched.bytes).value_or(0);
    CurrentVersion current { version(), m_current ? std::string_view(m_current->stored.bytes) : std::string_view() };
    if (current.version > 0 && fetched.bytes == current.bytes) {
        // Verified when it was accepted: no need to fetch its signature again.
        m_etag = fetched.etag;
        result.outcome = CycleOutcome::UpToDate;
        return result;
    }

    // The signature: from the same answer when the server sends it; from the tree otherwise. A
    // screen without a key asks for nothing more (it could not check what it got).
    std::optional<Signature> signature;
    bool looked_for_file = false;
    if (fetched.signature_header) {
        auto from_header = signature_from_header(*fetched.signature_header, m_settings.server);
        if (from_header.failure && key())
            return fail(from_header.failure, "refused the manifest: ");
        signature = from_header.signature; // kept in the cache even unchecked, for a key given later
    } else if (key()) {
        auto from_tree = fetch_signature(
            m_client, m_settings.server, peek_manifest_version(fetched.bytes), m_settings.timeouts, cancel);
        result.transferred_bytes += from_tree.transferred_bytes;
        if (from_tree.failure)
            return fail(
                from_tree.failure, from_tree.failure.kind == FailureKind::Refused ? "refused the manifest: " : "");
        signature = from_tree.signature;
        looked_for_file = true;
    }

    auto judgement = judge_manifest(fetched.bytes, signature, key(), current);
    result.offered_version = judgement.claimed_version;
    if (judgement.verdict == Verdict::UpToDate) {
        m_etag = fetched.etag;
        result.outcome = CycleOutcome::UpToDate;
        return result;
    }
    if (judgement.verdict == Verdict::Refuse) {
        auto what = judgement.claimed_version ? "refused version " + std::to_string(judgement.claimed_version)
                                              : std::string("refused the manifest");
        auto problem = judgement.problem;
        if (!signature && looked_for_file && key())
            problem += " (no Hallboard-Signature header, no versions/<N>/manifest.json.sig, no manifest.json.sig)";
        return fail({ FailureKind::Refused, problem, 0, {} }, what + " from " + manifest_url + ": ");
    }

    auto const& manifest = *judgement.manifest;
    auto prefix = "version " + std::to_string(manifest.version) + ": ";
    std::set<std::string> seen;
    for (auto const& blob : manifest.blobs) {
        if (!seen.insert(blob.sha256).second)
            continue; // two asset paths with the same bytes share one blob
        std::string problem;
        if (m_cache.check_blob(blob, problem) == BlobState::Good)
            continue;
        auto download = download_blob(m_client, m_settings.server, blob, m_cache, m_settings.timeouts, cancel);
        result.transferred_bytes += download.transferred_bytes;
        if (download.failure)
            return fail(download.failure, prefix);
        result.blobs_downloaded += 1;
        result.blob_bytes += download.bytes;
    }
    if (result.blobs_downloaded > 0) {
        if (auto synced = durable::sync_folder(m_cache.blobs_folder()); !synced)
            return fail({ FailureKind::Cache, synced.error(), 0, {} }, prefix);
    }
    if (!commit(manifest, StoredManifest { signature, std::move(fetched.bytes) }, fetched.etag, hand_over, result))
        return result;
    result.outcome = CycleOutcome::Updated;
    result.version = manifest.version;
    return result;
}

bool ContentSync::commit(const Manifest& manifest, StoredManifest stored, const std::string& etag,
    const ContentHandler& hand_over, CycleResult& result)
{
    if (auto written = m_cache.write_manifest(stored); !written) {
        result.outcome = CycleOutcome::Failed;
        result.failure = FailureKind::Cache;
        result.error = "version " + std::to_string(manifest.version) + ": " + written.error();
        return false;
    }
    // current.manifest is the commit point: from here on a restart plays the new version.
    m_current = make_cached_content(manifest, std::move(stored), m_cache.root());
    m_etag = etag;
    if (hand_over)
        hand_over(m_current->content, m_current->version);
    m_cache.collect_garbage(m_current->blobs);
    return true;
}

} // namespace hallboard::sync
