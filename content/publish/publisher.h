// Turning a loaded, valid content source into a signed published tree (manifest.json,
// manifest.json.sig, blobs/<sha256>, versions/<N>/), written so that a crash at any moment
// leaves a tree that screens can still use.
#pragma once

#include "base/diagnostics.h"
#include "content/publish/manifest.h"
#include "content/model/notice.h"
#include "content/publish/publish_diff.h"
#include "content/publish/signing.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hallboard {

// The manifest of `source` as version `version`, with `blobs` describing its assets. Pure.
Manifest make_manifest(
    const ContentSource& source, std::vector<ManifestBlob> blobs, std::uint64_t version, std::string published_at);

// The sha256 and size of every asset the source's notices use, sorted by path, read from the
// source without writing anything. nullopt (reported) when one cannot be read or is too large.
std::optional<std::vector<ManifestBlob>> hash_source_assets(const ContentSource& source, Diagnostics& diagnostics);

// Exit-status classes: Refused is something the user must fix (another key's tree, a folder
// that is not a tree); Failed is the machine's fault (cannot write, disk full, locked).
enum class PublishOutcome { Published, Refused, Failed };

struct PublishResult {
    PublishOutcome outcome = PublishOutcome::Failed;
    Manifest manifest;                   // what was (or would be) published
    std::optional<Manifest> previous;    // the tree's manifest before, if it had one
    PublishDiff diff;                    // previous -> manifest
    std::vector<ManifestBlob> new_blobs; // assets whose blob the tree did not have yet
    int repaired_blobs = 0;              // damaged blobs rewritten
    int removed_temp_files = 0;          // leftovers of an interrupted publish, removed
};

// Publishes `source` into the tree at `root` (created if missing), signed with `key`, as one
// version higher than the highest the tree has had, stamped `now`. The steps, each durable
// (temp file, fsync, rename, fsync of the folder) before the next begins:
//   1. blobs/<sha256> for every asset (existing ones are kept; they are immutable),
//   2. versions/<N>/manifest.json and versions/<N>/manifest.json.sig,
//   3. manifest.json.sig, then manifest.json.
// A reader that fetches manifest.json first and its .sig second may see an old manifest with
// the new signature for a moment (it fails to verify and is retried, or the reader takes
// versions/<N>/manifest.json.sig), but never a new manifest with an old signature.
// Refused when the tree's manifest is not signed by `key`. Two publishes to one tree are
// serialised by a lock on the folder; the second fails at once.
PublishResult publish_to_folder(const ContentSource& source, const SecretKey& key, const std::filesystem::path& root,
    std::chrono::system_clock::time_point now, Diagnostics& diagnostics);

// What publish_to_folder would do, writing nothing: the manifest it would write, the diff and
// the blobs it would add. With `key`, the tree's signature is checked as a publish would
// (Refused when it is another key's); without, the current manifest is compared unverified.
PublishResult plan_publish(const ContentSource& source, const SecretKey* key, const std::filesystem::path& root,
    std::chrono::system_clock::time_point now, Diagnostics& diagnostics);

} // namespace hallboard
