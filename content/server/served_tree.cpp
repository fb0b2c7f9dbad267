// Opening the served tree: lock, clean up, load the current manifest, repair an interrupted publish.
#include "content/server/served_tree.h"

#include "content/server/http_conditions.h"
#include "content/server/manifest_summary.h"
#include "content/publish/signing.h"
#include "base/log.h"

#include <sys/stat.h>

#include <algorithm>
#include <ctime>

namespace hallboard {

namespace fs = std::filesystem;

namespace {

// Canonical decimal only ("7", not "07" or "+7"), so one version has one folder name.
std::optional<uint64_t> parse_version_name(const std::string& name)
{
    if (name.empty() || name.size() > 19 || name[0] == '0')
        return std::nullopt;
    uint64_t value = 0;
    for (char c : name) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + static_cast<uint64_t>(c - '0');
    }
    return value;
}

std::string utc_stamp(const fs::path& file)
{
    struct stat status { };
    if (::stat(file.c_str(), &status) != 0)
        return {};
    std::tm utc {};
    gmtime_r(&status.st_mtime, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

} // namespace

ServedTree::ServedTree(fs::path root, TreeLimits limits, durable::FolderLock lock)
    : m_root(std::move(root))
    , m_limits(limits)
    , m_lock(std::move(lock))
{
}

Result<std::unique_ptr<ServedTree>> ServedTree::open(const fs::path& root, TreeLimits limits)
{
    std::error_code code;
    if (!fs::is_directory(root, code))
        return fail(
            root.string() + " is not a folder (give the folder `hallboard publish --out` wrote, or an empty one)");
    auto lock = durable::FolderLock::acquire(root);
    if (!lock)
        return fail("cannot serve " + root.string() + ": " + lock.error()
            + " (another `hallboard serve` or `hallboard publish --out` holds it)");
    for (auto const* sub : { "blobs", "versions" }) {
        fs::create_directory(root / sub, code);
        if (code || !fs::is_directory(root / sub))
            return fail("cannot create " + (root / sub).string() + (code ? ": " + code.message() : ""));
    }
    std::unique_ptr<ServedTree> tree(new ServedTree(root, limits, std::move(*lock)));

    int stale = durable::remove_temp_files(root) + durable::remove_temp_files(root / "blobs");
    for (auto const& entry : fs::directory_iterator(root / "versions", code))
        stale += durable::remove_temp_files(entry.path());
    if (stale > 0)
        log_warning("removed " + std::to_string(stale) + " temporary file(s) left by an interrupted write");

    if (auto loaded = tree->load_current(); !loaded)
        return std::move(loaded).take_error();
    return tree;
}

// The file's bytes, or nullopt when it is missing or unreadable (the caller repairs either).
static std::optional<std::string> read_if_readable(const fs::path& file, size_t max_bytes)
{
    auto bytes = durable::read_file(file, max_bytes);
    return bytes ? std::move(*bytes) : std::nullopt;
}

Result<void> ServedTree::load_current()
{
    auto top_manifest = m_root / "manifest.json";
    auto top_signature = m_root / "manifest.json.sig";
    auto read = durable::read_file(top_manifest, m_limits.max_manifest_bytes);
    if (!read)
        return std::move(read).take_error();
    auto& manifest = *read;
    if (!manifest) {
        log_info("nothing is published in " + m_root.string() + " yet; waiting for a publish");
        set_snapshot(0, {}, {});
        return Ok {};
    }
    auto summary = read_manifest_summary(*manifest);
    if (!summary)
        return fail(top_manifest.string() + ": " + summary.error());
    auto folder = version_folder(summary->version);
    auto history_manifest = read_if_readable(folder / "manifest.json", m_limits.max_manifest_bytes);
    auto history_signature = read_if_readable(folder / "manifest.json.sig", 4096);
    auto top_signature_text = read_if_readable(top_signature, 4096);

    // The top-level manifest.json is the commit point. Its own signature is in versions/<N>/
    // whenever that folder holds the same manifest: the top-level .sig may already be the next
    // version's when a publish stopped between its two renames. Signatures are compared in
    // their canonical form, so a missing final newline is not taken for damage.
    auto canonical = [](const std::optional<std::string>& text) -> std::optional<std::string> {
        if (!text)
            return std::nullopt;
        auto line = read_signature_line(*text);
        return line ? std::optional(*line + "\n") : std::nullopt;
    };
    auto history_line = canonical(history_signature);
    auto top_line = canonical(top_signature_text);
    bool history_matches = history_manifest && *history_manifest == *manifest;
    std::string signature;
    if (history_matches && history_line)
        signature = *history_line;
    else if (top_line)
        signature = *top_line;
    else
        log_warning(top_signature.string() + " is missing or not a signature; screens will refuse version "
            + std::to_string(summary->version) + " until it is published again");

    if (!history_matches || (!signature.empty() && history_line != signature)) {
        // Keep the history complete, so this version can be listed and rolled back to.
        std::error_code code;
        fs::create_directories(folder, code);
        auto written = durable::write_file(folder / "manifest.json", *manifest);
        if (written && !signature.empty())
            written = durable::write_file(folder / "manifest.json.sig", signature);
        if (!written)
            log_warning("cannot record version " + std::to_string(summary->version) + " in " + folder.string() + ": "
                + written.error());
    }
    if (!signature.empty() && top_line != signature) {
        if (auto written = durable::write_file(top_signature, signature))
            log_warning("repaired " + top_signature.string() + " after an interrupted publish: it now matches version "
                + std::to_string(summary->version));
        else
            log_warning("cannot repair " + top_signature.string() + ": " + written.error());
    }
    set_snapshot(summary->version, std::move(*manifest), std::move(signature));
    log_info("serving version " + std::to_string(summary->version) + " from " + m_root.string());
    return Ok {};
}

void ServedTree::set_snapshot(uint64_t version, std::string manifest, std::string signature)
{
    auto next = std::make_shared<ManifestSnapshot>();
    next->version = version;
    if (version > 0)
        next->manifest_etag = manifest_etag(version, sha256_hex_of(manifest));
    if (!signature.empty())
        next->signature_etag = content_etag(sha256_hex_of(signature));
    next->manifest = std::move(manifest);
    next->signature = std::move(signature);
    std::lock_guard lock(m_snapshot_mutex);
    m_snapshot = std::move(next);
}

std::shared_ptr<const ManifestSnapshot> ServedTree::snapshot() const
{
    std::lock_guard lock(m_snapshot_mutex);
    return m_snapshot;
}

fs::path ServedTree::blob_path(std::string_view sha256) const
{
    return m_root / "blobs" / std::string(sha256);
}

fs::path ServedTree::version_folder(uint64_t version) const
{
    return m_root / "versions" / std::to_string(version);
}

std::vector<std::string> ServedTree::missing_blobs(const std::vector<std::string>& hashes) const
{
    std::vector<std::string> missing;
    for (auto const& hash : hashes) {
        struct stat status { };
        // lstat: a symlink is not a stored blob (the public route refuses to serve one).
        if (::lstat(blob_path(hash).c_str(), &status) != 0 || !S_ISREG(status.st_mode))
            missing.push_back(hash);
    }
    return missing;
}

Result<BlobUpload> ServedTree::begin_blob_upload(const std::string& sha256) const
{
    auto target = blob_path(sha256);
    struct stat status { };
    if (::stat(target.c_str(), &status) == 0)
        return BlobUpload(target, sha256, m_limits.max_blob_bytes, std::nullopt);
    auto staged = durable::StagedFile::create(target.parent_path());
    if (!staged)
        return std::move(staged).take_error();
    return BlobUpload(target, sha256, m_limits.max_blob_bytes, std::move(*staged));
}

std::vector<VersionEntry> ServedTree::versions() const
{
    uint64_t current = snapshot()->version;
    std::vector<VersionEntry> entries;
    std::error_code code;
    for (auto const& folder : fs::directory_iterator(m_root / "versions", code)) {
        auto number = parse_version_name(folder.path().filename().string());
        if (!number || *number > current)
            continue; // an unfinished publish's folder is not history
        auto manifest = read_if_readable(folder.path() / "manifest.json", m_limits.max_manifest_bytes);
        if (!manifest)
            continue;
        VersionEntry entry;
        entry.version = *number;
        entry.manifest_bytes = manifest->size();
        if (auto summary = read_manifest_summary(*manifest)) {
            entry.blob_count = summary->blobs.size();
            for (auto const& blob : summary->blobs)
                entry.blob_bytes += blob.size;
        }
        entry.stored_at = utc_stamp(folder.path() / "manifest.json");
        entry.has_signature = fs::exists(folder.path() / "manifest.json.sig", code);
        entries.push_back(std::move(entry));
    }
    std::sort(entries.begin(), entries.end(), [](auto const& a, auto const& b) { return a.version < b.version; });
    return entries;
}

std::optional<std::string> ServedTree::read_version(uint64_t version, VersionFile which) const
{
    if (version == 0 || version > snapshot()->version)
        return std::nullopt;
    auto folder = version_folder(version);
    auto file = folder / (which == VersionFile::Manifest ? "manifest.json" : "manifest.json.sig");
    // The server writes these itself as regular files in real folders; a symlink planted there,
    // in place of the file or of its folder, must not be followed out of the tree (the read
    // below would follow it, and lstat of the file alone follows a linked folder).
    struct stat status { };
    if (::lstat(folder.c_str(), &status) != 0 || !S_ISDIR(status.st_mode))
        return std::nullopt;
    if (::lstat(file.c_str(), &status) != 0 || !S_ISREG(status.st_mode))
        return std::nullopt;
    return read_if_readable(file, which == VersionFile::Manifest ? m_limits.max_manifest_bytes : 4096);
}

} // namespace hallboard
