// Checking a snapshot as `hallboard check` would, from its bytes and without a folder: what the
// server does to a merged snapshot before it becomes a version (docs/desk.md §10).
#pragma once

#include "base/result.h"
#include "content/desk/source_snapshot.h"
#include "content/model/notice.h"
#include "content/publish/manifest.h"

#include <functional>
#include <string>
#include <vector>

namespace hallboard::desk {

// What a snapshot publishes: the content as screens will read it (notices normalised, in file
// order) and the assets its notices use, as the manifest lists them.
struct CheckedSnapshot {
    ContentSource source;
    std::vector<ManifestBlob> used_assets; // sorted by path
};

// Checks one asset a notice uses: its bytes exist where the caller keeps them (a blob store),
// with the snapshot's size, and are a picture. The error is one line.
using AssetProbe = std::function<Result<void>(const std::string& path, const SourceAsset& asset)>;

// Parses channel.yaml and every notice from the snapshot's bytes with the parser `check` uses,
// refuses any error, a notice whose id is not its key, two notices in one file, and a picture a
// notice uses that the snapshot does not hold or that `probe` refuses. Merging two valid
// sources can give an invalid one (a notice keeps a picture the other side removed): this is
// where that is caught. Fails with the first problem and how many more there were.
Result<CheckedSnapshot> check_snapshot(const SourceSnapshot& snapshot, const AssetProbe& probe);

} // namespace hallboard::desk
