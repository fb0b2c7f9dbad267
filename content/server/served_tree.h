// The published tree on disk (manifest.json, manifest.json.sig, blobs/, versions/<N>/) and the
// in-memory snapshot of the current manifest and signature that the server answers from.
#pragma once

#include "base/result.h"
#include "content/publish/manifest.h"
#include "content/model/source_loader.h"
#include "content/server/blob_upload.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hallboard {

// The current manifest and its signature, always from the same publish: a request reads one
// snapshot, so it can never pair a manifest with another version's signature.
struct ManifestSnapshot {
    uint64_t version = 0;       // 0: nothing published yet
    std::string manifest;       // manifest.json, byte for byte as signed
    std::string signature;      // manifest.json.sig: one line of base64 and a newline; empty if none
    std::string manifest_etag;  // quoted, strong
    std::string signature_etag; // quoted, strong
};

enum class ManifestSwapOutcome {
    Published,
    PreconditionRequired, // no If-Match header
    PreconditionFailed,   // If-Match names another version: someone published in between
    NotNewer,             // the manifest's version is not above the current one
    Invalid,              // malformed JSON, missing fields, or a signature that cannot be one
    MissingBlobs,         // a listed blob is not on the server (or has another size)
    IoError,
};

struct ManifestSwapResult {
    ManifestSwapOutcome outcome = ManifestSwapOutcome::IoError;
    std::string message;              // one line for the admin
    uint64_t current_version = 0;     // after the call
    std::vector<std::string> missing; // MissingBlobs: the hashes to upload first
};

struct VersionEntry {
    uint64_t version = 0;
    uint64_t manifest_bytes = 0;
    uint64_t blob_count = 0;
    uint64_t blob_bytes = 0; // sum of the listed blob sizes
    std::string stored_at;   // UTC, "2026-11-22T02:00:00Z": when this server stored it
    bool has_signature = false;
};

enum class VersionFile { Manifest, ManifestSignature };

struct TreeLimits {
    uint64_t max_blob_bytes = hallboard::max_asset_bytes; // one asset; the content checker's bound
    uint64_t max_manifest_bytes
        = hallboard::max_manifest_bytes; // what screens accept: a larger one would be served and refused
};

// Thread-safe: any number of readers; publishes are serialised among themselves.
class ServedTree {
public:
    // Opens (and if needed creates blobs/ and versions/ in) an existing folder, takes an
    // exclusive lock on it for as long as it is served (one server per tree, and no
    // `hallboard publish --out` into it meanwhile), removes leftovers of a crashed write, and
    // loads the current manifest. A publish interrupted by a crash is finished or undone here:
    // the top-level manifest.json is the commit point, and its signature is taken from
    // versions/<N>/ (and rewritten at the top) when the two disagree. Problems that stop the
    // server are returned as the error; repairs are logged as warnings.
    static Result<std::unique_ptr<ServedTree>> open(const std::filesystem::path& root, TreeLimits limits);

    std::shared_ptr<const ManifestSnapshot> snapshot() const;
    const std::filesystem::path& root() const { return m_root; }
    const TreeLimits& limits() const { return m_limits; }

    // `sha256` must have passed is_sha256_hex (content/signing.h).
    std::filesystem::path blob_path(std::string_view sha256) const;
    std::vector<std::string> missing_blobs(const std::vector<std::string>& hashes) const;
    // Fails only when a temporary file cannot be created.
    Result<BlobUpload> begin_blob_upload(const std::string& sha256) const;

    // Stores versions/<N>/ then swaps the top-level signature and manifest (each by rename) and
    // the in-memory snapshot. `if_match` is the request's If-Match header (see http_conditions.h).
    ManifestSwapResult swap_manifest(std::string_view manifest, std::string_view signature, std::string_view if_match);

    // Committed versions (at most the current one), oldest first.
    std::vector<VersionEntry> versions() const;
    // A committed version's file; nullopt when there is no such version or file.
    std::optional<std::string> read_version(uint64_t version, VersionFile which) const;

private:
    ServedTree(std::filesystem::path root, TreeLimits limits, durable::FolderLock lock);
    Result<void> load_current();
    std::filesystem::path version_folder(uint64_t version) const;
    void set_snapshot(uint64_t version, std::string manifest, std::string signature);

    std::filesystem::path m_root;
    TreeLimits m_limits;
    durable::FolderLock m_lock;          // the same lock `hallboard publish --out` takes: one writer per tree
    mutable std::mutex m_snapshot_mutex; // guards m_snapshot (the pointer, not what it points to)
    std::shared_ptr<const ManifestSnapshot> m_snapshot;
    std::mutex m_publish_mutex; // one publish at a time
};

} // namespace hallboard
