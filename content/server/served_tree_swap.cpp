// Publishing a manifest: check it, record it in versions/<N>/, then swap it in on disk and in memory.
#include "content/server/http_conditions.h"
#include "content/server/manifest_summary.h"
#include "content/server/served_tree.h"
#include "base/log.h"

#include <sys/stat.h>

#include <algorithm>

namespace hallboard {

namespace fs = std::filesystem;

namespace {

ManifestSwapResult refuse(ManifestSwapOutcome outcome, std::string message, uint64_t current)
{
    ManifestSwapResult result;
    result.outcome = outcome;
    result.message = std::move(message);
    result.current_version = current;
    return result;
}

} // namespace

ManifestSwapResult ServedTree::swap_manifest(
    std::string_view manifest, std::string_view signature_text, std::string_view if_match)
{
    // What can be judged from the request alone is judged before taking the lock.
    if (manifest.size() > m_limits.max_manifest_bytes)
        return refuse(ManifestSwapOutcome::Invalid,
            "manifest.json is larger than " + std::to_string(m_limits.max_manifest_bytes) + " bytes",
            snapshot()->version);
    auto signature_line = read_signature_line(signature_text);
    if (!signature_line)
        return refuse(
            ManifestSwapOutcome::Invalid, "Hallboard-Signature: " + signature_line.error(), snapshot()->version);
    auto summary = read_manifest_summary(manifest);
    if (!summary)
        return refuse(ManifestSwapOutcome::Invalid, summary.error(), snapshot()->version);

    std::lock_guard publishing(m_publish_mutex);
    auto current = snapshot();
    if (if_match.empty())
        return refuse(ManifestSwapOutcome::PreconditionRequired,
            "send If-Match: \"" + std::to_string(current->version) + "\" naming the version this publish replaces",
            current->version);
    if (!if_match_names_version(if_match, current->version, current->manifest_etag))
        return refuse(ManifestSwapOutcome::PreconditionFailed,
            "the server is at version " + std::to_string(current->version) + ", not the one in If-Match ("
                + std::string(if_match.substr(0, 100))
                + "): another publish came first; look at the versions and publish again",
            current->version);
    if (summary->version <= current->version)
        return refuse(ManifestSwapOutcome::NotNewer,
            "version " + std::to_string(summary->version) + " is not above the current version "
                + std::to_string(current->version)
                + " (screens never go back; a rollback is published under a new version)",
            current->version);

    ManifestSwapResult missing = refuse(ManifestSwapOutcome::MissingBlobs, {}, current->version);
    for (auto const& blob : summary->blobs) {
        struct stat status { };
        if (::stat(blob_path(blob.sha256).c_str(), &status) != 0 || !S_ISREG(status.st_mode)
            || static_cast<uint64_t>(status.st_size) != blob.size) {
            if (std::find(missing.missing.begin(), missing.missing.end(), blob.sha256) == missing.missing.end())
                missing.missing.push_back(blob.sha256);
        }
    }
    if (!missing.missing.empty()) {
        missing.message = std::to_string(missing.missing.size())
            + " blob(s) listed in the manifest are not on the server "
              "(or have another size): upload them first";
        return missing;
    }

    std::string signature = *signature_line + "\n";
    // 1. History first: versions/<N>/ is complete before anything visible changes. A folder
    //    above the current version is left from an interrupted publish; it was never served.
    auto folder = version_folder(summary->version);
    std::error_code code;
    fs::create_directories(folder, code);
    if (code)
        return refuse(
            ManifestSwapOutcome::IoError, "cannot create " + folder.string() + ": " + code.message(), current->version);
    auto written = durable::write_file(folder / "manifest.json.sig", signature);
    if (written)
        written = durable::write_file(folder / "manifest.json", manifest);
    if (!written)
        return refuse(ManifestSwapOutcome::IoError, written.error(), current->version);

    // 2. The top-level pair, for static servers sharing this tree: signature first, manifest
    //    last. The manifest's rename is the commit point; a crash in between is repaired by
    //    open(), which takes the signature from versions/<N>/.
    if (auto top = durable::write_file(m_root / "manifest.json.sig", signature); !top)
        return refuse(ManifestSwapOutcome::IoError, top.error(), current->version);
    if (auto top = durable::write_file(m_root / "manifest.json", manifest); !top) {
        if (!current->signature.empty())
            (void)durable::write_file(
                m_root / "manifest.json.sig", current->signature); // best effort: the old pair again
        return refuse(ManifestSwapOutcome::IoError, top.error(), current->version);
    }

    // 3. What this server answers: one pointer swap.
    set_snapshot(summary->version, std::string(manifest), signature);
    log_info("published version " + std::to_string(summary->version) + " (" + std::to_string(summary->blobs.size())
        + " blobs), replacing version " + std::to_string(current->version));
    ManifestSwapResult result;
    result.outcome = ManifestSwapOutcome::Published;
    result.message = "published version " + std::to_string(summary->version);
    result.current_version = summary->version;
    return result;
}

} // namespace hallboard
