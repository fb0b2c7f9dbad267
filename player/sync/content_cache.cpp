// The cache folder: opening and locking it, current.manifest, blob checks and garbage collection.
#include "player/sync/content_cache.h"

#include <system_error>

namespace hallboard::sync {

namespace fs = std::filesystem;

std::string encode_stored_manifest(const StoredManifest& stored)
{
    std::string text = stored.signature ? signature_text(*stored.signature) : std::string(unsigned_marker);
    text += '\n';
    text += stored.bytes;
    return text;
}

std::optional<StoredManifest> decode_stored_manifest(std::string_view file_bytes, std::string& error)
{
    auto newline = file_bytes.find('\n');
    if (newline == std::string_view::npos) {
        error = "it has no signature line";
        return std::nullopt;
    }
    auto first_line = file_bytes.substr(0, newline);
    StoredManifest stored;
    if (first_line != unsigned_marker) {
        stored.signature = parse_signature(first_line);
        if (!stored.signature) {
            error = "its first line is neither a signature nor '" + std::string(unsigned_marker) + "'";
            return std::nullopt;
        }
    }
    stored.bytes = std::string(file_bytes.substr(newline + 1));
    return stored;
}

ContentCache::ContentCache(fs::path root, durable::FolderLock lock, int removed_temp_files)
    : m_root(std::move(root))
    , m_lock(std::move(lock))
    , m_removed_temp_files(removed_temp_files)
{
}

std::optional<ContentCache> ContentCache::open(const fs::path& folder, std::string& error)
{
    std::error_code code;
    fs::create_directories(folder / "blobs", code);
    if (code || !fs::is_directory(folder / "blobs", code)) {
        error = "cannot create the cache folder " + (folder / "blobs").string() + ": "
            + (code ? code.message() : std::string("not a folder"));
        return std::nullopt;
    }
    std::string lock_error;
    auto lock = durable::FolderLock::acquire(folder, lock_error);
    if (!lock) {
        // The folder exists (just checked), so the usual failure is another holder of the lock.
        bool held = lock_error.find("another process") != std::string::npos;
        error = held ? "the cache folder " + folder.string()
                + " is in use by another hallboard process (two players cannot share one cache; give each its own content.cache)"
                     : "cannot lock the cache folder: " + lock_error;
        return std::nullopt;
    }
    // Only a holder of the lock writes here, so any temporary file is a leftover of a process
    // that was killed mid-download or mid-commit.
    int removed = durable::remove_temp_files(folder) + durable::remove_temp_files(folder / "blobs");
    return ContentCache(folder, std::move(*lock), removed);
}

std::optional<StoredManifest> ContentCache::read_manifest(std::string& error) const
{
    auto bytes = durable::read_file(manifest_path(), max_stored_manifest_bytes, error);
    if (!bytes)
        return std::nullopt;
    std::string problem;
    auto stored = decode_stored_manifest(*bytes, problem);
    if (!stored)
        error = manifest_path().string() + ": " + problem;
    return stored;
}

bool ContentCache::write_manifest(const StoredManifest& stored, std::string& error)
{
    return durable::write_file(manifest_path(), encode_stored_manifest(stored), error);
}

BlobState ContentCache::check_blob(const ManifestBlob& blob, std::string& problem) const
{
    auto path = blob_path(blob.sha256);
    std::error_code code;
    if (!fs::exists(path, code)) {
        problem = "blob " + blob.sha256 + " (" + blob.path + ") is missing";
        return BlobState::Missing;
    }
    std::string error;
    auto digest = sha256_of_file(path, blob.size, error);
    if (!digest) {
        problem = "blob " + blob.sha256 + " (" + blob.path + "): " + error;
        return BlobState::Damaged;
    }
    if (digest->size != blob.size || digest->sha256 != blob.sha256) {
        problem = "blob " + blob.sha256 + " (" + blob.path + ") is damaged: "
            + (digest->size != blob.size ? std::to_string(digest->size) + " bytes, expected " + std::to_string(blob.size)
                                         : std::string("its bytes do not match its sha256"));
        return BlobState::Damaged;
    }
    return BlobState::Good;
}

int ContentCache::collect_garbage(const std::set<std::string>& keep)
{
    int removed = 0;
    std::error_code code;
    for (fs::directory_iterator it(blobs_folder(), code), end; !code && it != end; it.increment(code)) {
        if (keep.count(it->path().filename().string()))
            continue;
        std::error_code ignored;
        removed += static_cast<int>(fs::remove_all(it->path(), ignored) > 0);
    }
    return removed;
}

} // namespace hallboard::sync
