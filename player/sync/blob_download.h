// Downloading one blob into the cache: bounded, hashed while it streams, renamed into place only when whole.
#pragma once

#include "content/publish/manifest.h"
#include "base/net/http_client.h"
#include "player/sync/content_cache.h"
#include "player/sync/request_failure.h"

#include <atomic>
#include <cstdint>

namespace hallboard::sync {

struct BlobDownload {
    Failure failure;
    std::uint64_t bytes = 0;             // body bytes received
    std::uint64_t transferred_bytes = 0; // on the wire, headers included
};

// GET <server>/blobs/<sha256> into a temporary file in the cache's blobs/ folder, never more than
// the size the manifest claims (nor max_asset_bytes), hashing the bytes as they arrive. Only when
// the size and sha256 match is the file flushed and renamed to blobs/<sha256>; the folder itself
// is flushed by the caller once every blob is in (FolderSync::Later). Otherwise the temporary file
// is removed and the failure says why: a blob that is short, too long or has other bytes is
// Refused. The URL is made of the server's address and the 64-hex name only, never of an asset path.
BlobDownload download_blob(net::HttpClient& client, const std::string& server, const ManifestBlob& blob,
    const ContentCache& cache, const net::Timeouts& timeouts, const std::atomic<bool>* cancel);

} // namespace hallboard::sync
