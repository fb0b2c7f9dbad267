// Reading a published tree (manifest.json, manifest.json.sig, blobs/, versions/) back: what it holds,
// whether its signature is good, whether every blob it needs is there.
#pragma once

#include "base/diagnostics.h"
#include "content/publish/manifest.h"
#include "content/publish/signing.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace hallboard {

inline constexpr size_t max_signature_file_bytes = 1024; // one line of 88 characters

// The names inside a tree.
struct TreePaths {
    std::filesystem::path root;
    std::filesystem::path manifest() const { return root / "manifest.json"; }
    std::filesystem::path signature() const { return root / "manifest.json.sig"; }
    std::filesystem::path blobs() const { return root / "blobs"; }
    std::filesystem::path blob(const std::string& sha256) const { return blobs() / sha256; }
    std::filesystem::path versions() const { return root / "versions"; }
    std::filesystem::path version(std::uint64_t number) const { return versions() / std::to_string(number); }
};

enum class TreeProblem {
    None,
    NotATree,   // the folder holds other things and no manifest: not ours to write into
    ForeignKey, // manifest.json is not signed by the expected key
    Damaged,    // manifest.json (or its signature) cannot be read or parsed
    CannotRead, // an I/O error
};

struct TreeState {
    TreeProblem problem = TreeProblem::None;
    std::optional<Manifest> current;   // the top-level manifest, when there is one
    bool current_verified = false;     // its signature was checked against the expected key
    std::uint64_t highest_version = 0; // max of the current version and every versions/<N>
};

// Reads the tree at `root` (which may not exist yet: an empty state). With `key`, the current
// manifest must be signed by it: either by manifest.json.sig or, when a publish was interrupted
// between writing the two top-level files, by versions/<N>/manifest.json.sig of its own version.
// Problems are reported to `diagnostics` and named in the result.
TreeState read_tree_state(const std::filesystem::path& root, const PublicKey* key, Diagnostics& diagnostics);

// Checks a whole tree as a screen would: manifest.json verifies against `key` with
// manifest.json.sig, parses strictly, and every blob it lists exists with the right size and
// sha256. Returns the manifest when all of that holds; reports every problem otherwise.
std::optional<Manifest> verify_tree(const std::filesystem::path& root, const PublicKey& key, Diagnostics& diagnostics);

} // namespace hallboard
