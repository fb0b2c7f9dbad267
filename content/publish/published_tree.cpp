// Reading a published tree back: its current version, who signed it, whether it is whole.
#include "content/publish/published_tree.h"

#include "base/durable_files.h"
#include "content/model/source_loader.h"

#include <algorithm>
#include <charconv>

namespace hallboard {

namespace fs = std::filesystem;

namespace {

// The largest N of the folders versions/<N>. Names that are not plain numbers are ignored.
std::uint64_t highest_version_folder(const TreePaths& tree)
{
    std::uint64_t highest = 0;
    std::error_code error;
    for (fs::directory_iterator it(tree.versions(), error), end; !error && it != end; it.increment(error)) {
        auto name = it->path().filename().string();
        std::uint64_t number = 0;
        auto [stop, problem] = std::from_chars(name.data(), name.data() + name.size(), number);
        if (problem == std::errc() && stop == name.data() + name.size() && name.front() != '0')
            highest = std::max(highest, number);
    }
    return highest;
}

// True when the folder holds nothing a publish would not have put there (dot files aside, such
// as our own temporary files), so that `--out` pointed at a wrong folder by mistake is refused.
bool holds_only_tree_files(const fs::path& root)
{
    std::error_code error;
    for (fs::directory_iterator it(root, error), end; !error && it != end; it.increment(error)) {
        auto name = it->path().filename().string();
        if (name != "blobs" && name != "versions" && name != "manifest.json.sig" && name.front() != '.')
            return false;
    }
    return !error;
}

bool signature_file_matches(std::string_view message, const fs::path& signature_file, const PublicKey& key)
{
    auto text = durable::read_file(signature_file, max_signature_file_bytes);
    if (!text || !*text)
        return false;
    auto signature = parse_signature(**text);
    return signature && verify_detached(message, *signature, key);
}

} // namespace

TreeState read_tree_state(const fs::path& root, const PublicKey* key, Diagnostics& diagnostics)
{
    TreeState state;
    TreePaths tree { root };
    SourceLocation at_root { root.string(), 0, 0 };
    std::error_code error;
    auto status = fs::status(root, error);
    if (status.type() == fs::file_type::not_found)
        return state;
    if (!fs::is_directory(status)) {
        diagnostics.error(
            at_root, "this is not a folder", "name a new or empty folder, or one that holds a published tree");
        state.problem = TreeProblem::NotATree;
        return state;
    }
    state.highest_version = highest_version_folder(tree);

    auto read = durable::read_file(tree.manifest(), max_manifest_bytes);
    std::optional<std::string> bytes = read ? std::move(*read) : std::nullopt;
    if (!bytes) {
        if (!read) {
            diagnostics.error({ tree.manifest().string(), 0, 0 }, read.error());
            state.problem = TreeProblem::CannotRead;
        } else if (!holds_only_tree_files(root)) {
            diagnostics.error(at_root,
                "this folder holds other files and is not a published tree (it has no manifest.json)",
                "publish into a new or empty folder");
            state.problem = TreeProblem::NotATree;
        }
        return state;
    }

    auto manifest = manifest_from_json(*bytes, tree.manifest().string(), diagnostics);
    if (!manifest) {
        diagnostics.error({ tree.manifest().string(), 0, 0 },
            "the published manifest cannot be read, so the next version number is unknown",
            "restore it from versions/<N>/, or move the folder away and publish into a new one");
        state.problem = TreeProblem::Damaged;
        return state;
    }
    state.highest_version = std::max(state.highest_version, manifest->version);
    if (state.highest_version >= max_manifest_version) {
        // A versions/<N>/ folder can name any number; the next version must stay JSON-safe.
        diagnostics.error(at_root,
            "this tree is at version " + std::to_string(state.highest_version)
                + ", the highest a manifest may carry (2^53 - 1); no later version can be published",
            "publish into a new folder");
        state.problem = TreeProblem::Damaged;
        return state;
    }
    if (key) {
        // The copy under versions/ is written before the top-level files, so it vouches for a
        // manifest.json whose own .sig was not yet replaced when a publish was interrupted.
        bool signed_by_key = signature_file_matches(*bytes, tree.signature(), *key)
            || signature_file_matches(*bytes, tree.version(manifest->version) / "manifest.json.sig", *key);
        if (!signed_by_key) {
            diagnostics.error({ tree.manifest().string(), 0, 0 },
                "this tree was not published with this key (manifest.json is not signed by it)",
                "publish with the key that made this tree, whose public key the screens have, or publish into a new "
                "folder");
            state.problem = TreeProblem::ForeignKey;
            return state;
        }
        state.current_verified = true;
    }
    state.current = std::move(manifest);
    return state;
}

std::optional<Manifest> verify_tree(const fs::path& root, const PublicKey& key, Diagnostics& diagnostics)
{
    TreePaths tree { root };
    auto bytes = durable::read_file(tree.manifest(), max_manifest_bytes);
    if (!bytes || !*bytes) {
        diagnostics.error({ tree.manifest().string(), 0, 0 }, bytes ? "missing" : bytes.error());
        return std::nullopt;
    }
    auto signature_text = durable::read_file(tree.signature(), max_signature_file_bytes);
    if (!signature_text || !*signature_text) {
        diagnostics.error({ tree.signature().string(), 0, 0 }, signature_text ? "missing" : signature_text.error());
        return std::nullopt;
    }
    auto signature = parse_signature(**signature_text);
    if (!signature) {
        diagnostics.error({ tree.signature().string(), 0, 0 }, "not one line of base64 holding a 64-byte signature");
        return std::nullopt;
    }
    if (!verify_detached(**bytes, *signature, key)) {
        diagnostics.error(
            { tree.signature().string(), 0, 0 }, "the signature does not match manifest.json and this public key");
        return std::nullopt;
    }
    auto manifest = manifest_from_json(**bytes, tree.manifest().string(), diagnostics);
    if (!manifest)
        return std::nullopt;
    bool whole = true;
    for (auto const& blob : manifest->blobs) {
        auto path = tree.blob(blob.sha256);
        auto digest = sha256_of_file(path, max_asset_bytes);
        if (!digest) {
            diagnostics.error({ path.string(), 0, 0 }, "blob of " + blob.path + ": " + digest.error());
            whole = false;
        } else if (digest->sha256 != blob.sha256 || digest->size != blob.size) {
            diagnostics.error({ path.string(), 0, 0 }, "blob of " + blob.path + " does not match its name (damaged)");
            whole = false;
        }
    }
    if (!whole)
        return std::nullopt;
    return manifest;
}

} // namespace hallboard
