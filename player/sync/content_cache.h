// A screen's content cache folder: blobs/<sha256> and current.manifest, locked while a sync owns it.
#pragma once

#include "base/durable_files.h"
#include "content/publish/manifest.h"
#include "content/publish/signing.h"

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace hallboard::sync {

inline constexpr std::string_view stored_manifest_name = "current.manifest";
inline constexpr std::string_view unsigned_marker = "unsigned"; // the first line when there is no signature
// The signature line, a newline, and a manifest of at most max_manifest_bytes.
inline constexpr size_t max_stored_manifest_bytes = max_manifest_bytes + 256;

// The accepted manifest as the cache keeps it. One file holds both halves, so that switching
// versions is a single rename: a signature can never be paired with another manifest.
struct StoredManifest {
    std::optional<Signature> signature; // nullopt: accepted unsigned (the screen has no public key)
    std::string bytes;                  // the manifest exactly as downloaded and verified
    bool operator==(const StoredManifest&) const = default;
};

// current.manifest's bytes: the signature in base64 (or "unsigned"), '\n', the manifest bytes.
std::string encode_stored_manifest(const StoredManifest& stored);
// Fails when the first line is neither "unsigned" nor a signature.
Result<StoredManifest> decode_stored_manifest(std::string_view file_bytes);

enum class BlobState { Good, Missing, Damaged };

// The cache folder, owned by one sync at a time: opening it takes a lock on the folder for as
// long as the object lives (a second player on the same cache fails to open it), and removes the
// temporary files a killed download left behind. Not thread-safe; the sync thread owns it.
class ContentCache {
public:
    // Creates `folder` and folder/blobs when missing. Fails (one line) when the folder cannot be
    // made or another process holds it.
    static Result<ContentCache> open(const std::filesystem::path& folder);

    const std::filesystem::path& root() const { return m_root; }
    std::filesystem::path blobs_folder() const { return m_root / "blobs"; }
    std::filesystem::path blob_path(std::string_view sha256) const { return blobs_folder() / std::string(sha256); }
    std::filesystem::path manifest_path() const { return m_root / std::string(stored_manifest_name); }
    int removed_temp_files() const { return m_removed_temp_files; }

    // nullopt when the cache holds no manifest yet; an error when current.manifest cannot be
    // read or is malformed.
    Result<std::optional<StoredManifest>> read_manifest() const;
    // Temp file, fsync, rename, fsync of the folder: the commit point of a new version.
    Result<void> write_manifest(const StoredManifest& stored);

    // Whether blobs/<sha256> holds exactly the bytes `blob` names (size and hash are checked, so
    // a file damaged on disk is Damaged, not Good). `problem` says what is wrong otherwise.
    BlobState check_blob(const ManifestBlob& blob, std::string& problem) const;

    // Removes every file in blobs/ whose name is not in `keep` (old versions' blobs and strays);
    // returns how many were removed.
    int collect_garbage(const std::set<std::string>& keep);

private:
    ContentCache(std::filesystem::path root, durable::FolderLock lock, int removed_temp_files);

    std::filesystem::path m_root;
    durable::FolderLock m_lock;
    int m_removed_temp_files = 0;
};

} // namespace hallboard::sync
