// Writing a SourceSnapshot into a folder (what `hallboard pull` does to an admin's folder).
#pragma once

#include "base/result.h"
#include "content/desk/source_snapshot.h"

#include <filesystem>
#include <functional>
#include <string>

namespace hallboard::desk {

// Where the bytes of an asset are: given its path and digest, the file that holds them. The
// writer checks the bytes against the digest, so a store may be a cache that went stale.
using AssetStore = std::function<std::filesystem::path(const std::string& path, const SourceAsset& asset)>;

// A content-addressed folder: a published tree's blobs/<sha256>.
AssetStore blob_folder_store(std::filesystem::path blobs);
// The source folder a snapshot was read from: root/<path>.
AssetStore source_folder_store(std::filesystem::path root);

// Makes the content of `root` equal to `snapshot`: channel.yaml, notices/*.yaml and every
// file under assets/ are written, replaced or removed; other files (hidden ones, the desk's
// own records, a README) are left alone. `root` may be missing, an empty folder or a content
// source, nothing else (a wrong path must not empty someone's home folder). Files whose bytes
// are already right are not touched. Each file is replaced atomically; the folder as a whole is
// not, so the caller writes its record of the base version only after this succeeds.
// Merging with local edits is the caller's business: this overwrites what it is told to.
Result<void> write_snapshot(const SourceSnapshot& snapshot, const std::filesystem::path& root, const AssetStore& store);

} // namespace hallboard::desk
