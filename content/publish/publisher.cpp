// Publishing: assets into blobs/, the manifest signed, everything written durably and in an order
// that keeps the tree usable if the machine stops at any point.
#include "content/publish/publisher.h"

#include "base/durable_files.h"
#include "base/unique_fd.h"
#include "content/publish/published_tree.h"
#include "content/model/source_loader.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <set>
#include <unistd.h>

namespace hallboard {

namespace fs = std::filesystem;

namespace {

// Every asset path the notices use, sorted, each once.
std::vector<std::string> used_asset_paths(const ContentSource& source)
{
    std::set<std::string> paths;
    for (auto const& notice : source.notices) {
        for (auto const& path : assets_used_by(notice))
            paths.insert(path);
    }
    return { paths.begin(), paths.end() };
}

// Reads `file` in chunks, handing each to `each`; at most max_asset_bytes. Returns the size.
template <typename Each>
Result<std::uint64_t> stream_file(const fs::path& file, Each each)
{
    UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd)
        return fail("cannot open " + file.string() + ": " + std::strerror(errno));
    std::uint64_t size = 0;
    std::array<char, 64 * 1024> buffer {};
    for (;;) {
        ssize_t got = ::read(fd.get(), buffer.data(), buffer.size());
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return fail("cannot read " + file.string() + ": " + std::strerror(errno));
        if (got == 0)
            break;
        size += static_cast<std::uint64_t>(got);
        if (size > max_asset_bytes)
            return fail(file.string() + " is larger than " + std::to_string(max_asset_bytes) + " bytes");
        if (auto handed = each(std::string_view(buffer.data(), static_cast<size_t>(got))); !handed)
            return std::move(handed).take_error();
    }
    return size;
}

enum class BlobFate { Written, AlreadyThere, Repaired };

// Copies one asset into blobs/, hashing the bytes as they are copied so that the blob's name is
// the hash of exactly the bytes it holds, whatever happens to the source file meanwhile.
Result<BlobFate> store_blob(const fs::path& file, const TreePaths& tree, ManifestBlob& blob)
{
    auto staged = durable::StagedFile::create(tree.blobs());
    if (!staged)
        return std::move(staged).take_error();
    Sha256Hasher hasher;
    auto size = stream_file(file, [&](std::string_view chunk) {
        hasher.update(chunk);
        return staged->write(chunk);
    });
    if (!size)
        return std::move(size).take_error();
    blob.size = *size;
    blob.sha256 = hasher.finish_hex();
    auto target = tree.blob(blob.sha256);
    std::error_code exists_error;
    if (fs::exists(target, exists_error)) {
        // Blobs are immutable: an intact one is kept and the copy dropped. One whose bytes no
        // longer match its name is damaged; every screen would refuse it, so it is replaced.
        auto digest = sha256_of_file(target, max_asset_bytes);
        if (digest && digest->sha256 == blob.sha256 && digest->size == blob.size)
            return BlobFate::AlreadyThere;
        if (auto committed = staged->commit(target, durable::FolderSync::Later); !committed)
            return std::move(committed).take_error();
        return BlobFate::Repaired;
    }
    if (auto committed = staged->commit(target, durable::FolderSync::Later); !committed)
        return std::move(committed).take_error();
    return BlobFate::Written;
}

bool make_folder(const fs::path& folder, Diagnostics& diagnostics)
{
    std::error_code error;
    fs::create_directories(folder, error);
    if (error || !fs::is_directory(folder, error)) {
        diagnostics.error(
            { folder.string(), 0, 0 }, "cannot create this folder" + (error ? ": " + error.message() : std::string()));
        return false;
    }
    return true;
}

PublishOutcome outcome_of(TreeProblem problem)
{
    return problem == TreeProblem::CannotRead ? PublishOutcome::Failed : PublishOutcome::Refused;
}

void fill_diff(PublishResult& result, const TreeState& state)
{
    result.previous = state.current;
    result.diff = diff_manifests(result.previous ? &*result.previous : nullptr, result.manifest);
}

} // namespace

Manifest make_manifest(
    const ContentSource& source, std::vector<ManifestBlob> blobs, std::uint64_t version, std::string published_at)
{
    Manifest manifest;
    manifest.version = version;
    manifest.published_at = std::move(published_at);
    manifest.channel = source.channel;
    manifest.calendar = source.calendar;
    manifest.notices = source.notices;
    std::sort(blobs.begin(), blobs.end(), [](auto const& a, auto const& b) { return a.path < b.path; });
    manifest.blobs = std::move(blobs);
    return manifest;
}

std::optional<std::vector<ManifestBlob>> hash_source_assets(const ContentSource& source, Diagnostics& diagnostics)
{
    std::vector<ManifestBlob> blobs;
    bool ok = true;
    for (auto const& path : used_asset_paths(source)) {
        auto digest = sha256_of_file(source.root / path, max_asset_bytes);
        if (!digest) {
            diagnostics.error({ path, 0, 0 }, digest.error());
            ok = false;
            continue;
        }
        blobs.push_back({ path, digest->sha256, digest->size });
    }
    if (!ok)
        return std::nullopt;
    return blobs;
}

PublishResult plan_publish(const ContentSource& source, const SecretKey* key, const fs::path& root,
    std::chrono::system_clock::time_point now, Diagnostics& diagnostics)
{
    PublishResult result;
    std::optional<PublicKey> public_key;
    if (key)
        public_key = key->public_key();
    auto state = read_tree_state(root, public_key ? &*public_key : nullptr, diagnostics);
    if (state.problem != TreeProblem::None) {
        result.outcome = outcome_of(state.problem);
        return result;
    }
    auto blobs = hash_source_assets(source, diagnostics);
    if (!blobs)
        return result;
    result.manifest = make_manifest(source, std::move(*blobs), state.highest_version + 1, format_utc_timestamp(now));
    fill_diff(result, state);
    TreePaths tree { root };
    std::set<std::string> seen;
    for (auto const& blob : result.manifest.blobs) {
        std::error_code error;
        if (seen.insert(blob.sha256).second && !fs::exists(tree.blob(blob.sha256), error))
            result.new_blobs.push_back(blob);
    }
    result.outcome = PublishOutcome::Published;
    return result;
}

PublishResult publish_to_folder(const ContentSource& source, const SecretKey& key, const fs::path& root,
    std::chrono::system_clock::time_point now, Diagnostics& diagnostics)
{
    PublishResult result;
    TreePaths tree { root };
    auto fail = [&](const fs::path& where, const std::string& message) {
        diagnostics.error({ where.string(), 0, 0 }, message);
        result.outcome = PublishOutcome::Failed;
        return result;
    };
    if (!sodium_ready())
        return fail(root, "the cryptography library (libsodium) cannot start");

    // The folder must exist to be locked; the check that it is a tree (or empty) follows under the lock.
    std::error_code status_error;
    if (!fs::exists(root, status_error) && !make_folder(root, diagnostics)) {
        result.outcome = PublishOutcome::Failed;
        return result;
    }
    if (!fs::is_directory(root, status_error)) {
        read_tree_state(root, nullptr, diagnostics); // says what it is instead
        result.outcome = PublishOutcome::Refused;
        return result;
    }
    auto lock = durable::FolderLock::acquire(root);
    if (!lock && lock.error().find("another process") != std::string::npos) {
        // `hallboard serve` holds its tree's lock for as long as it runs (one writer per tree);
        // its screens database under state/ tells a served tree from another publish.
        std::error_code served_error;
        bool served = fs::exists(root / "state" / "screens.sqlite", served_error);
        diagnostics.error({ root.string(), 0, 0 },
            served ? "this tree is being served by 'hallboard serve', which holds it while it runs"
                   : "this tree is in use by another process: another publish, or 'hallboard serve' serving it",
            "publish through the server instead: hallboard publish SRC --key KEY --to http://HOST:PORT --token-file "
            "TOKEN");
        result.outcome = PublishOutcome::Failed;
        return result;
    }
    if (!lock)
        return fail(root, lock.error());
    auto public_key = key.public_key();
    auto state = read_tree_state(root, &public_key, diagnostics);
    if (state.problem != TreeProblem::None) {
        result.outcome = outcome_of(state.problem);
        return result;
    }
    std::uint64_t version = state.highest_version + 1;

    // Leftovers of an interrupted publish: only our temp files, and only where publish writes.
    result.removed_temp_files = durable::remove_temp_files(root) + durable::remove_temp_files(tree.blobs())
        + durable::remove_temp_files(tree.versions()) + durable::remove_temp_files(tree.version(state.highest_version));
    if (!make_folder(tree.blobs(), diagnostics) || !make_folder(tree.versions(), diagnostics)) {
        result.outcome = PublishOutcome::Failed;
        return result;
    }
    if (auto synced = durable::sync_folder(root); !synced)
        return fail(root, synced.error());

    // 1. Blobs, durable before any manifest names them.
    std::vector<ManifestBlob> blobs;
    std::set<std::string> counted;
    for (auto const& path : used_asset_paths(source)) {
        ManifestBlob blob { path, {}, 0 };
        auto fate = store_blob(source.root / path, tree, blob);
        if (!fate)
            return fail(path, fate.error());
        if (*fate == BlobFate::Repaired) {
            diagnostics.warning(
                { tree.blob(blob.sha256).string(), 0, 0 }, "this blob was damaged and has been rewritten");
            ++result.repaired_blobs;
        }
        if (*fate != BlobFate::AlreadyThere && counted.insert(blob.sha256).second)
            result.new_blobs.push_back(blob);
        blobs.push_back(std::move(blob));
    }
    if (auto synced = durable::sync_folder(tree.blobs()); !synced)
        return fail(tree.blobs(), synced.error());

    result.manifest = make_manifest(source, std::move(blobs), version, format_utc_timestamp(now));
    fill_diff(result, state);
    auto bytes = manifest_to_json(result.manifest);
    // A manifest that does not read back would be refused by every screen: better not to publish it.
    Diagnostics read_back;
    if (!manifest_from_json(bytes, "the new manifest", read_back)) {
        for (auto const& problem : read_back.all())
            diagnostics.error(problem.where, problem.message, problem.hint);
        return fail(tree.manifest(), "the new manifest does not read back; nothing was published (this is a bug)");
    }
    auto signature = sign_detached(bytes, key);
    if (!verify_detached(bytes, signature, public_key))
        return fail(tree.signature(), "the new signature does not verify; nothing was published");
    auto signature_line = signature_text(signature) + "\n";

    // 2. The version's own copy, complete before the top level changes: it is the record for
    // rollback and vouches for manifest.json if step 3 is interrupted.
    auto version_folder = tree.version(version);
    if (!make_folder(version_folder, diagnostics)) {
        result.outcome = PublishOutcome::Failed;
        return result;
    }
    auto written = durable::write_file(version_folder / "manifest.json", bytes);
    if (written)
        written = durable::write_file(version_folder / "manifest.json.sig", signature_line);
    if (written)
        written = durable::sync_folder(tree.versions());
    if (!written)
        return fail(version_folder, written.error());

    // 3. Signature first, then the manifest: see publisher.h for what a reader can observe.
    written = durable::write_file(tree.signature(), signature_line);
    if (written)
        written = durable::write_file(tree.manifest(), bytes);
    if (!written)
        return fail(root, written.error());
    result.outcome = PublishOutcome::Published;
    return result;
}

} // namespace hallboard
