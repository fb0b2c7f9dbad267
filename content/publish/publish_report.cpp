// The lines `hallboard publish` prints about what changed, shared by --out, --to and --rollback.
#include "content/publish/publish_report.h"

#include <cstdio>

namespace hallboard {

std::string publish_counts(const Manifest& manifest)
{
    int slides = 0, tickers = 0;
    for (auto const& notice : manifest.notices)
        (notice.kind == NoticeKind::Ticker ? tickers : slides)++;
    return std::to_string(slides) + " slide(s), " + std::to_string(tickers) + " ticker message(s), "
        + std::to_string(manifest.blobs.size()) + " picture(s)";
}

void print_publish_changes(const PublishDiff& diff, const std::vector<ManifestBlob>& new_blobs)
{
    auto list = [](char const* label, const std::vector<NoticeChange>& changes) {
        for (auto const& change : changes)
            std::printf("  %-8s %s (%s)\n", label, change.id.c_str(), change.file.c_str());
    };
    list("added:", diff.added);
    list("changed:", diff.changed);
    list("removed:", diff.removed);
    if (diff.order_changed)
        std::printf("  the rotation order changed\n");
    if (diff.channel_changed)
        std::printf("  channel.yaml defaults changed\n");
    for (auto const& blob : new_blobs)
        std::printf("  new blob: %s (%llu bytes) as blobs/%s\n", blob.path.c_str(),
            static_cast<unsigned long long>(blob.size), blob.sha256.c_str());
}

void print_publish_summary(const PublishDiff& diff, const Manifest* previous, PublishRun run)
{
    if (!diff.has_changes() && previous) {
        std::printf("no changes since version %llu\n", static_cast<unsigned long long>(previous->version));
        return;
    }
    std::printf("%s%zu added, %zu changed, %zu removed\n", run == PublishRun::Dry ? "would be " : "", diff.added.size(),
        diff.changed.size(), diff.removed.size());
}

} // namespace hallboard
