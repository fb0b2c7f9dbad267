// `hallboard publish SRC --key SECRET --out DIR [--dry-run]`: validates a content source like
// `check` and, when it is valid, publishes it as a signed static tree (or shows what would change).
#include "player/app/command_line.h"
#include "player/app/commands.h"

#include "content/key_files.h"
#include "content/publisher.h"

#include <cstdio>

namespace hallboard {

namespace {

constexpr char const* usage = "usage: hallboard publish SRC --key PREFIX.key --out DIR [--dry-run]\n";

void print_changes(const PublishResult& result)
{
    auto list = [](char const* label, const std::vector<NoticeChange>& changes) {
        for (auto const& change : changes)
            std::printf("  %-8s %s (%s)\n", label, change.id.c_str(), change.file.c_str());
    };
    list("added:", result.diff.added);
    list("changed:", result.diff.changed);
    list("removed:", result.diff.removed);
    if (result.diff.order_changed)
        std::printf("  the rotation order changed\n");
    if (result.diff.channel_changed)
        std::printf("  channel.yaml defaults changed\n");
    for (auto const& blob : result.new_blobs)
        std::printf("  new blob: %s (%llu bytes) as blobs/%s\n", blob.path.c_str(), static_cast<unsigned long long>(blob.size),
            blob.sha256.c_str());
}

std::string counts(const Manifest& manifest)
{
    int slides = 0, tickers = 0;
    for (auto const& notice : manifest.notices)
        (notice.kind == NoticeKind::Ticker ? tickers : slides)++;
    return std::to_string(slides) + " slide(s), " + std::to_string(tickers) + " ticker message(s), "
        + std::to_string(manifest.blobs.size()) + " picture(s)";
}

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

int run_publish(const std::vector<std::string>& arguments)
{
    auto command_line = parse_command_line(arguments, { { "--key", "--out", "--to", "--token-file" }, { "--dry-run" } });
    if (!command_line)
        return exit_invalid;
    if (command_line->has("--to") || command_line->has("--token-file")) {
        std::fprintf(stderr, "error: uploading to a server (--to URL --token-file F) is not available in this build yet\n"
                             "publish with --out DIR and copy DIR to the web server instead\n");
        return exit_invalid;
    }
    bool dry_run = command_line->has("--dry-run");
    if (command_line->positional.size() != 1 || !command_line->has("--out") || (!dry_run && !command_line->has("--key"))) {
        std::fputs(usage, stderr);
        return exit_invalid;
    }
    std::filesystem::path source_path = command_line->positional.front();
    std::filesystem::path out = command_line->option("--out");

    // Exactly what `hallboard check SRC` does; any error and nothing is published.
    Diagnostics diagnostics;
    auto source = load_content_source_as_given(source_path, diagnostics);
    report_diagnostics(diagnostics);
    if (!source || diagnostics.has_errors()) {
        std::fprintf(stderr, "%d error(s), %d warning(s): nothing %s\n", diagnostics.error_count(), diagnostics.warning_count(),
            dry_run ? "would be published" : "was published");
        return exit_invalid;
    }
    if (source->notices.empty())
        std::fprintf(stderr, "warning: %s holds no notices; screens will show only the hall's name\n", source_path.string().c_str());

    std::optional<SecretKey> key;
    if (command_line->has("--key")) {
        Diagnostics key_problems;
        key = read_secret_key_file(command_line->option("--key"), key_problems);
        if (report_diagnostics(key_problems))
            return exit_invalid;
    }

    auto now = std::chrono::system_clock::now();
    Diagnostics publish_problems;
    auto result = dry_run ? plan_publish(*source, key ? &*key : nullptr, out, now, publish_problems)
                          : publish_to_folder(*source, *key, out, now, publish_problems);
    report_diagnostics(publish_problems);
    if (result.outcome != PublishOutcome::Published) {
        std::fprintf(stderr, "nothing %s\n", dry_run ? "would be published" : "was published");
        return exit_status_of(result.outcome);
    }
    auto const& manifest = result.manifest;
    if (dry_run) {
        std::printf("dry run: would publish version %llu to %s: %s (nothing written)\n",
            static_cast<unsigned long long>(manifest.version), out.string().c_str(), counts(manifest).c_str());
        if (result.previous && !key)
            std::printf("  (compared with version %llu without checking its signature: no --key given)\n",
                static_cast<unsigned long long>(result.previous->version));
    } else {
        std::printf("published version %llu to %s: %s\n", static_cast<unsigned long long>(manifest.version),
            out.string().c_str(), counts(manifest).c_str());
    }
    print_changes(result);
    if (!result.diff.has_changes() && result.previous) {
        std::printf("no changes since version %llu\n", static_cast<unsigned long long>(result.previous->version));
    } else {
        std::printf("%s%zu added, %zu changed, %zu removed\n", dry_run ? "would be " : "", result.diff.added.size(),
            result.diff.changed.size(), result.diff.removed.size());
    }
    if (result.removed_temp_files > 0)
        std::printf("removed %d temporary file(s) left by an interrupted publish\n", result.removed_temp_files);
    return exit_ok;
}

} // namespace hallboard
