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

Result<StoredManifest> decode_stored_manifest(std::string_view file_bytes)
{
    auto newline = file_bytes.find('\n');
    if (newline == std::string_view::npos)
        return fail("it has no signature line");
    auto first_line = file_bytes.substr(0, newline);
    StoredManifest stored;
    if (first_line != unsigned_marker) {
        stored.signature = parse_signature(first_line);
        if (!stored.signature)
            return fail("its first line is neither a signature nor '" + std::string(unsigned_marker) + "'");
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

Result<ContentCache> ContentCache::open(const fs::path& folder)
{
    std::error_code code;
    fs::create_directories(folder / "blobs", code);
    if (code || !fs::is_directory(folder / "blobs", code))
        return fail("cannot create the cache folder " + (folder / "blobs").string() + ": "
            + (code ? code.message() : std::string("not a folder")));
    auto lock = durable::FolderLock::acquire(folder);
    if (!lock) {
        // The folder exists (just checked), so the usual failure is another holder of the lock.
        bool held = lock.error().find("another process") != std::string::npos;
        return fail(held ? "the cache folder " + folder.string()
                    + " is in use by another hallboard process (two players cannot share one cache; give each its own "
                      "content.cache)"
                         : "cannot lock the cache folder: " + lock.error());
    }
    // Only a holder of the lock writes here, so any temporary file is a leftover of a process
    // that was killed mid-download or mid-commit.
    int removed = durable::remove_temp_files(folder) + durable::remove_temp_files(folder / "blobs");
    return ContentCache(folder, std::move(*lock), removed);
}

Result<std::optional<StoredManifest>> ContentCache::read_manifest() const
{
    auto bytes = durable::read_file(manifest_path(), max_stored_manifest_bytes);
    if (!bytes)
        return std::move(bytes).take_error();
    if (!*bytes)
        return std::optional<StoredManifest>();
    auto stored = decode_stored_manifest(**bytes);
    if (!stored)
        return fail(manifest_path().string() + ": " + stored.error());
    return std::optional<StoredManifest>(std::move(*stored));
}

Result<void> ContentCache::write_manifest(const StoredManifest& stored)
{
    return durable::write_file(manifest_path(), encode_stored_manifest(stored));
}

BlobState ContentCache::check_blob(const ManifestBlob& blob, std::string& problem) const
{
    auto path = blob_path(blob.sha256);
    std::error_code code;
    if (!fs::exists(path, code)) {
        problem = "blob " + blob.sha256 + " (" + blob.path + ") is missing";
        return BlobState::Missing;
    }
    auto digest = sha256_of_file(path, blob.size);
    if (!digest) {
        problem = "blob " + blob.sha256 + " (" + blob.path + "): " + digest.error();
        return BlobState::Damaged;
    }
    if (digest->size != blob.size || digest->sha256 != blob.sha256) {
        problem = "blob " + blob.sha256 + " (" + blob.path + ") is damaged: "
            + (digest->size != blob.size
                    ? std::to_string(digest->size) + " bytes, expected " + std::to_string(blob.size)
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
