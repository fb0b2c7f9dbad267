// One blob from the server to blobs/<sha256>, through a staged file.
#include "player/sync/blob_download.h"

#include "base/durable_files.h"
#include "content/publish/signing.h"
#include "content/model/source_loader.h"

namespace hallboard::sync {

BlobDownload download_blob(net::HttpClient& client, const std::string& server, const ManifestBlob& blob,
    const ContentCache& cache, const net::Timeouts& timeouts, const std::atomic<bool>* cancel)
{
    BlobDownload download;
    auto name = "blob " + blob.sha256.substr(0, 12) + "… (" + blob.path + ")";
    if (!is_sha256_hex(blob.sha256)) {
        // The strict manifest parser already refuses this; a file name is never made of anything else.
        download.failure = { FailureKind::Refused, name + ": not a sha256 name", 0, {} };
        return download;
    }
    if (blob.size > max_asset_bytes) {
        download.failure = { FailureKind::Refused,
            name + ": claims " + std::to_string(blob.size) + " bytes, more than the " + std::to_string(max_asset_bytes)
                + " a picture may have",
            0, {} };
        return download;
    }
    auto staged = durable::StagedFile::create(cache.blobs_folder());
    if (!staged) {
        download.failure = { FailureKind::Cache, staged.error(), 0, {} };
        return download;
    }

    net::Request request;
    request.url = net::join_url(server, "blobs/" + blob.sha256);
    request.max_response_bytes = blob.size;
    request.timeouts = timeouts;
    request.cancel = cancel;
    Sha256Hasher hasher;
    std::string write_error;
    auto response = client.send(request, [&](std::string_view chunk) {
        hasher.update(chunk);
        auto written = staged->write(chunk);
        if (!written)
            write_error = written.error();
        return written.ok();
    });
    download.bytes = response.body_bytes;
    download.transferred_bytes = response.transferred_bytes;
    if (!write_error.empty()) {
        download.failure = { FailureKind::Cache, write_error, 0, {} };
        return download;
    }
    download.failure = failure_of(response, request.url, NotModified::Unexpected, cancel);
    if (download.failure) {
        if (download.failure.kind == FailureKind::Refused)
            download.failure.error
                = name + " from " + download.failure.error + " (the manifest says " + std::to_string(blob.size) + ")";
        return download;
    }
    if (response.body_bytes != blob.size) {
        download.failure = { FailureKind::Refused,
            name + " from " + request.url + ": " + std::to_string(response.body_bytes)
                + " bytes arrived, the manifest says " + std::to_string(blob.size),
            0, {} };
        return download;
    }
    auto sha256 = hasher.finish_hex();
    if (sha256 != blob.sha256) {
        download.failure = { FailureKind::Refused,
            name + " from " + request.url + ": its bytes do not match its sha256 (they hash to " + sha256.substr(0, 12)
                + "…)",
            0, {} };
        return download;
    }
    if (auto committed = staged->commit(cache.blob_path(blob.sha256), durable::FolderSync::Later); !committed)
        download.failure = { FailureKind::Cache, committed.error(), 0, {} };
    return download;
}

} // namespace hallboard::sync
