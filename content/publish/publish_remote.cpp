// Publishing and rolling back through the admin API: build against the server's current version,
// upload what it lacks, swap on condition; every refusal explained in one line.
#include "content/publish/publish_remote.h"

#include "content/publish/publisher.h"
#include "content/publish/admin_token.h"
#include "content/publish/admin_client.h"
#include "base/exit_status.h"
#include "content/publish/upload_progress.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace hallboard {

namespace {

// The server's current version, as the new manifest will replace it.
struct Baseline {
    std::uint64_t version = 0;
    std::vector<std::uint64_t> versions;
    std::optional<Manifest> manifest; // none before the first publish
};

// A signed manifest ready to send.
struct SignedBytes {
    std::string bytes;
    std::string signature_line;
};

void say_error(const std::string& message)
{
    std::fprintf(stderr, "error: %s\n", message.c_str());
}

class Session {
public:
    Session(const RemoteTarget& target, const SecretKey* key)
        : m_target(target)
        , m_key(key)
    {
    }

    // Reads the token; false (reported) when the file is unusable.
    bool open()
    {
        std::vector<std::string> warnings;
        auto token = load_admin_token(m_target.token_file, warnings);
        for (auto const& warning : warnings)
            std::fprintf(stderr, "warning: %s\n", warning.c_str());
        if (!token) {
            say_error(token.error());
            return false;
        }
        m_client.emplace(m_target.url, *token);
        m_client->set_upload_rate_limit(m_target.upload_rate_limit);
        return true;
    }

    AdminClient& client() { return *m_client; }

    // Explains a failed request; gives the exit status.
    int report(const std::string& doing, const AdminProblem& problem)
    {
        if (problem.status == 0) {
            say_error("cannot reach " + m_target.url + ": " + problem.message);
        } else if (problem.status == 401) {
            say_error("the server at " + m_target.url + " refused the token in " + m_target.token_file.string()
                + " (HTTP 401); use the token file `hallboard serve` was started with");
        } else if (problem.status == 404 && doing.starts_with("ask")) {
            say_error("cannot " + doing + " at " + m_target.url
                + ": it has no admin API (HTTP 404); give the address of a "
                  "`hallboard serve` server (a static web server is published to with --out)");
        } else {
            say_error("cannot " + doing + " at " + m_target.url + ": HTTP " + std::to_string(problem.status) + ": "
                + problem.message);
        }
        return exit_failure;
    }

    // The server's versions and its current manifest, checked against the key (when there is one).
    std::optional<Baseline> baseline(int& status)
    {
        AdminProblem problem;
        auto versions = m_client->versions(problem);
        if (!versions) {
            status = report("ask for the versions", problem);
            return std::nullopt;
        }
        Baseline baseline;
        baseline.version = versions->current;
        baseline.versions = versions->versions;
        if (baseline.version == 0)
            return baseline;
        auto stored = stored_version(baseline.version, status);
        if (!stored)
            return std::nullopt;
        baseline.manifest = std::move(stored);
        return baseline;
    }

    // A committed version from the server, its signature checked against the key, parsed strictly.
    std::optional<Manifest> stored_version(std::uint64_t version, int& status)
    {
        AdminProblem problem;
        auto stored = m_client->stored_manifest(version, problem);
        if (!stored) {
            status = report("fetch version " + std::to_string(version), problem);
            return std::nullopt;
        }
        if (m_key) {
            auto signature = parse_signature(stored->signature_line);
            if (!signature || !verify_detached(stored->bytes, *signature, m_key->public_key())) {
                say_error("version " + std::to_string(version) + " on " + m_target.url + " is not signed by this key ("
                    + m_target.key_file.string()
                    + "): its screens trust another key; publish to that server with its key");
                status = exit_invalid;
                return std::nullopt;
            }
        }
        Diagnostics diagnostics;
        auto manifest
            = manifest_from_json(stored->bytes, "version " + std::to_string(version) + " on the server", diagnostics);
        if (!manifest) {
            report_diagnostics(diagnostics);
            status = exit_failure;
            return std::nullopt;
        }
        return manifest;
    }

    // The canonical bytes and their signature; nullopt (reported) if they would not be accepted.
    std::optional<SignedBytes> sign(const Manifest& manifest)
    {
        auto bytes = manifest_to_json(manifest);
        Diagnostics read_back;
        if (!manifest_from_json(bytes, "the new manifest", read_back)) {
            report_diagnostics(read_back);
            say_error("the new manifest does not read back (this is a bug)");
            return std::nullopt;
        }
        auto signature = sign_detached(bytes, *m_key);
        if (!verify_detached(bytes, signature, m_key->public_key())) {
            say_error("the new signature does not verify");
            return std::nullopt;
        }
        return SignedBytes { std::move(bytes), signature_text(signature) + "\n" };
    }

    // The swap, on condition that the server is still at `replaces`.
    int swap(const SignedBytes& signed_bytes, std::uint64_t replaces)
    {
        AdminProblem problem;
        if (m_client->put_manifest(signed_bytes.bytes, signed_bytes.signature_line, replaces, problem))
            return exit_ok;
        if (problem.status == 412 || problem.status == 409) {
            auto now_at = problem.current_version > replaces ? "version " + std::to_string(problem.current_version)
                                                             : std::string("another version");
            say_error("someone published " + now_at
                + " while this publish was being prepared (it was built against version " + std::to_string(replaces)
                + "); nothing was changed; run publish again");
            return exit_failure;
        }
        if (problem.status == 422 && !problem.missing.empty()) {
            std::string list;
            for (auto const& sha256 : problem.missing)
                list += (list.empty() ? "" : ", ") + sha256.substr(0, 12) + "…";
            say_error("the server lacks " + std::to_string(problem.missing.size()) + " blob(s) the manifest needs ("
                + list + "); nothing was changed");
            return exit_failure;
        }
        return report("publish the manifest", problem);
    }

private:
    const RemoteTarget& m_target;
    const SecretKey* m_key;
    std::optional<AdminClient> m_client;
};

std::string version_text(std::uint64_t version)
{
    return std::to_string(version);
}

} // namespace

int publish_to_server(const ContentSource& source, const SecretKey* key, const RemoteTarget& target, PublishRun run)
{
    Session session(target, key);
    if (!session.open())
        return exit_invalid;
    int status = exit_failure;
    auto baseline = session.baseline(status);
    if (!baseline)
        return status;

    if (baseline->version >= max_manifest_version) {
        say_error(target.url + " is at version " + std::to_string(baseline->version)
            + ", the highest a manifest may carry (2^53 - 1); no later version can be published");
        return exit_failure;
    }
    Diagnostics asset_problems;
    auto blobs = hash_source_assets(source, asset_problems);
    if (report_diagnostics(asset_problems) || !blobs)
        return exit_failure;
    auto manifest = make_manifest(
        source, std::move(*blobs), baseline->version + 1, format_utc_timestamp(std::chrono::system_clock::now()));
    const Manifest* previous = baseline->manifest ? &*baseline->manifest : nullptr;
    auto diff = diff_manifests(previous, manifest);

    // Each blob once, under the first path that uses it.
    std::vector<std::string> hashes;
    std::map<std::string, const ManifestBlob*> by_hash;
    for (auto const& blob : manifest.blobs) {
        if (by_hash.emplace(blob.sha256, &blob).second)
            hashes.push_back(blob.sha256);
    }
    AdminProblem problem;
    auto missing = session.client().missing_blobs(hashes, problem);
    if (!missing)
        return session.report("ask which blobs are missing", problem);
    std::vector<ManifestBlob> uploads;
    for (auto const& sha256 : *missing) {
        auto found = by_hash.find(sha256);
        if (found != by_hash.end())
            uploads.push_back(*found->second);
    }

    auto const version = manifest.version;
    if (run == PublishRun::Dry) {
        std::printf("dry run: would publish version %s to %s: %s (nothing uploaded)\n", version_text(version).c_str(),
            target.url.c_str(), publish_counts(manifest).c_str());
        if (previous && !key)
            std::printf("  (compared with version %s without checking its signature: no --key given)\n",
                version_text(previous->version).c_str());
        print_publish_changes(diff, uploads);
        print_publish_summary(diff, previous, run);
        return exit_ok;
    }

    auto signed_bytes = session.sign(manifest);
    if (!signed_bytes)
        return exit_failure;

    UploadProgress progress(stderr);
    for (auto const& blob : uploads) {
        progress.start(blob.path, blob.size);
        bool stored = session.client().put_blob(
            blob.sha256, source.root / blob.path,
            [&](std::uint64_t done, std::uint64_t total) { progress.update(done, total); }, problem);
        progress.finish();
        if (stored)
            continue;
        if (problem.status == 422) {
            say_error(blob.path
                + " changed while it was being published (the server received other bytes than were hashed); "
                  "nothing was changed; run publish again");
            return exit_failure;
        }
        return session.report("upload " + blob.path, problem);
    }

    status = session.swap(*signed_bytes, baseline->version);
    if (status != exit_ok)
        return status;
    std::printf("published version %s to %s: %s\n", version_text(version).c_str(), target.url.c_str(),
        publish_counts(manifest).c_str());
    print_publish_changes(diff, uploads);
    print_publish_summary(diff, previous, run);
    return exit_ok;
}

int rollback_on_server(std::uint64_t version, const SecretKey& key, const RemoteTarget& target, PublishRun run)
{
    Session session(target, &key);
    if (!session.open())
        return exit_invalid;
    int status = exit_failure;
    auto baseline = session.baseline(status);
    if (!baseline)
        return status;

    auto const current = baseline->version;
    bool committed
        = std::find(baseline->versions.begin(), baseline->versions.end(), version) != baseline->versions.end();
    if (version > current || !committed) {
        std::string have = current == 0 ? "nothing has been published there yet"
            : baseline->versions.empty()
            ? "it is at version " + version_text(current)
            : "it has versions " + version_text(baseline->versions.front()) + " to " + version_text(current);
        say_error(target.url + " has no version " + version_text(version) + " (" + have + ")");
        return exit_invalid;
    }
    if (version == current) {
        say_error(
            "version " + version_text(version) + " is the current version on " + target.url + "; nothing to roll back");
        return exit_invalid;
    }
    if (current >= max_manifest_version) {
        say_error(target.url + " is at version " + std::to_string(current)
            + ", the highest a manifest may carry (2^53 - 1); no later version can be published");
        return exit_failure;
    }
    auto old = session.stored_version(version, status);
    if (!old)
        return status;

    // The old content under a new, higher version: screens never move to a lower one.
    Manifest manifest = *old;
    manifest.version = current + 1;
    manifest.published_at = format_utc_timestamp(std::chrono::system_clock::now());
    auto diff = diff_manifests(&*baseline->manifest, manifest);

    if (run == PublishRun::Dry) {
        std::printf("dry run: would roll back: version %s would hold the content of version %s: %s (nothing changed)\n",
            version_text(manifest.version).c_str(), version_text(version).c_str(), publish_counts(manifest).c_str());
        print_publish_changes(diff, {});
        print_publish_summary(diff, &*baseline->manifest, run);
        return exit_ok;
    }
    auto signed_bytes = session.sign(manifest);
    if (!signed_bytes)
        return exit_failure;
    status = session.swap(*signed_bytes, current);
    if (status != exit_ok)
        return status;
    std::printf("rolled back: version %s now holds the content of version %s: %s\n",
        version_text(manifest.version).c_str(), version_text(version).c_str(), publish_counts(manifest).c_str());
    print_publish_changes(diff, {});
    print_publish_summary(diff, &*baseline->manifest, run);
    return exit_ok;
}

} // namespace hallboard
