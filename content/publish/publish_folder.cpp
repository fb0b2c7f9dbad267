// Publishing into a folder, with what `hallboard publish` prints about it.
#include "content/publish/publish_folder.h"

#include "base/exit_status.h"
#include "content/publish/publisher.h"

#include <chrono>
#include <cstdio>

namespace hallboard {

namespace {

int exit_status_of(PublishOutcome outcome)
{
    switch (outcome) {
    case PublishOutcome::Published:
        return exit_ok;
    case PublishOutcome::Refused:
        return exit_invalid;
    case PublishOutcome::Failed:
        return exit_failure;
    }
    return exit_failure;
}

} // namespace

int publish_into_folder(
    const ContentSource& source, const SecretKey* key, const std::filesystem::path& out, PublishRun run)
{
    bool const dry_run = run == PublishRun::Dry;
    auto now = std::chrono::system_clock::now();
    Diagnostics publish_problems;
    auto result = dry_run ? plan_publish(source, key, out, now, publish_problems)
                          : publish_to_folder(source, *key, out, now, publish_problems);
    report_diagnostics(publish_problems);
    if (result.outcome != PublishOutcome::Published) {
        std::fprintf(stderr, "nothing %s\n", dry_run ? "would be published" : "was published");
        return exit_status_of(result.outcome);
    }
    auto const& manifest = result.manifest;
    if (dry_run) {
        std::printf("dry run: would publish version %llu to %s: %s (nothing written)\n",
            static_cast<unsigned long long>(manifest.version), out.string().c_str(), publish_counts(manifest).c_str());
        if (result.previous && !key)
            std::printf("  (compared with version %llu without checking its signature: no --key given)\n",
                static_cast<unsigned long long>(result.previous->version));
    } else {
        std::printf("published version %llu to %s: %s\n", static_cast<unsigned long long>(manifest.version),
            out.string().c_str(), publish_counts(manifest).c_str());
    }
    print_publish_changes(result.diff, result.new_blobs);
    print_publish_summary(result.diff, result.previous ? &*result.previous : nullptr, run);
    if (result.removed_temp_files > 0)
        std::printf("removed %d temporary file(s) left by an interrupted publish\n", result.removed_temp_files);
    return exit_ok;
}

} // namespace hallboard
