// `hallboard publish SRC --key SECRET (--out DIR | --to URL --token-file F) [--dry-run]` and
// `publish --rollback N --to URL`: validates a content source like `check` and, when it is valid,
// publishes it as a signed static tree or to a server (or shows what would change).
#include "player/app/command_line.h"
#include "player/app/commands.h"
#include "player/app/desk_command_support.h"
#include "content/model/source_loader.h"
#include "content/publish/key_files.h"
#include "content/publish/publish_arguments.h"
#include "content/publish/publish_folder.h"
#include "content/publish/publish_remote.h"

#include <cstdio>

namespace hallboard {

namespace {

constexpr char const* usage
    = "usage: hallboard publish SRC --key PREFIX.key --out DIR [--dry-run]\n"
      "       hallboard publish SRC --key PREFIX.key --to URL --token-file FILE [--dry-run] [--limit-rate RATE]\n"
      "       hallboard publish --rollback N --key PREFIX.key --to URL --token-file FILE [--dry-run]\n"
      "       hallboard publish DIR --to URL --token-file FILE [--message TEXT]   (DIR made by hallboard pull)\n"
      "       hallboard publish --withdraw ID --to URL --token-file FILE [--message TEXT]\n";

// Whether the options name one way of publishing, completely; explains otherwise.
bool usage_is_complete(const CommandLine& command_line)
{
    bool dry_run = command_line.has("--dry-run");
    bool to = command_line.has("--to");
    bool needs_key = !dry_run || command_line.has("--rollback");
    if (command_line.has("--out") && to) {
        std::fputs("error: give --out DIR or --to URL, not both\n", stderr);
        return false;
    }
    if (command_line.has("--rollback") && !to) {
        std::fputs(
            "error: --rollback works with --to URL; to go back to earlier content in a folder, publish that content "
            "again (docs/publishing.md, section 5)\n",
            stderr);
        return false;
    }
    if (!to && (command_line.has("--token-file") || command_line.has("--limit-rate"))) {
        std::fputs("error: --token-file and --limit-rate go with --to URL\n", stderr);
        return false;
    }
    // Name the one thing missing; the usage alone leaves the admin to find it.
    if (to && !command_line.has("--token-file")) {
        std::fputs("error: --to URL needs --token-file FILE: the admin token file the server was started with "
                   "(hallboard serve ... --token-file F)\n",
            stderr);
        return false;
    }
    if (needs_key && !command_line.has("--key")) {
        std::fputs("error: publishing needs --key PREFIX.key, the secret key that signs the content (make one with "
                   "hallboard keygen --out PREFIX)\n",
            stderr);
        return false;
    }
    size_t sources = command_line.has("--rollback") ? 0 : 1;
    return command_line.positional.size() == sources && (to || command_line.has("--out"))
        && (!to || command_line.has("--token-file")) && (!needs_key || command_line.has("--key"));
}

} // namespace

int run_publish(const std::vector<std::string>& arguments)
{
    auto command_line = parse_command_line(arguments,
        { { "--key", "--out", "--to", "--token-file", "--rollback", "--limit-rate", "--message", "--withdraw",
              "--author" },
            { "--dry-run" } });
    if (!command_line)
        return exit_invalid;
    // The desk (docs/desk.md): a withdrawal, or a folder made by `hallboard pull`, sends a change.
    if (auto status = publish_through_desk(*command_line, usage))
        return *status;
    if (command_line->has("--message") || command_line->has("--author")) {
        std::fputs("error: --message and --author go with a folder made by hallboard pull, or --withdraw\n", stderr);
        return exit_invalid;
    }
    if (!usage_is_complete(*command_line)) {
        std::fputs(usage, stderr);
        return exit_invalid;
    }
    bool dry_run = command_line->has("--dry-run");
    auto run = dry_run ? PublishRun::Dry : PublishRun::Real;

    RemoteTarget target;
    target.url = command_line->option("--to");
    target.token_file = command_line->option("--token-file");
    target.key_file = command_line->option("--key");
    if (command_line->has("--limit-rate")) {
        auto rate = parse_upload_rate(command_line->option("--limit-rate"));
        if (!rate) {
            std::fprintf(stderr, "error: --limit-rate '%s': give bytes per second, like 200k or 2M\n",
                command_line->option("--limit-rate").c_str());
            return exit_invalid;
        }
        target.upload_rate_limit = *rate;
    }
    std::optional<std::uint64_t> rollback_version;
    if (command_line->has("--rollback")) {
        rollback_version = parse_version_number(command_line->option("--rollback"));
        if (!rollback_version) {
            std::fprintf(stderr,
                "error: --rollback '%s': give the version number to go back to (see GET /admin/versions)\n",
                command_line->option("--rollback").c_str());
            return exit_invalid;
        }
    }

    std::optional<SecretKey> key;
    if (command_line->has("--key")) {
        Diagnostics key_problems;
        key = read_secret_key_file(command_line->option("--key"), key_problems);
        if (report_diagnostics(key_problems))
            return exit_invalid;
    }
    if (rollback_version) {
        if (refuse_rollback_on_desk(*command_line, *rollback_version))
            return exit_invalid;
        return rollback_on_server(*rollback_version, *key, target, run);
    }

    std::filesystem::path source_path = command_line->positional.front();
    // Exactly what `hallboard check SRC` does; any error and nothing is published.
    Diagnostics diagnostics;
    auto source = load_content_source_as_given(source_path, diagnostics);
    report_diagnostics(diagnostics);
    if (!source || diagnostics.has_errors()) {
        std::fprintf(stderr, "%d error(s), %d warning(s): nothing %s\n", diagnostics.error_count(),
            diagnostics.warning_count(), dry_run ? "would be published" : "was published");
        return exit_invalid;
    }
    if (source->notices.empty())
        std::fprintf(stderr, "warning: %s holds no notices; screens will show only the hall's name\n",
            source_path.string().c_str());

    if (command_line->has("--to"))
        return publish_to_server(*source, key ? &*key : nullptr, target, run);
    return publish_into_folder(*source, key ? &*key : nullptr, command_line->option("--out"), run);
}

} // namespace hallboard
