// `hallboard publish DIR --to URL --token-file F [--message M]` for a pulled folder, and
// `publish --withdraw ID --to URL ...`: per-notice changes to the server's desk.
#include "player/app/desk_command_support.h"
#include "content/desk/folder_sync.h"
#include "content/desk/pull_record.h"
#include "content/publish/admin_token.h"
#include "content/publish/upload_progress.h"

#include <cstdio>

namespace hallboard {

namespace {

int report_answer(const desk::PublishAnswer& answer, const std::string& url)
{
    if (!answer.published) {
        std::printf("nothing new was published: %s\n", answer.message.c_str());
        return exit_ok;
    }
    std::printf("published version %llu to %s\n", static_cast<unsigned long long>(answer.version), url.c_str());
    if (answer.record)
        std::printf("%s\n",
            notice_changes_line(answer.record->added, answer.record->changed, answer.record->withdrawn).c_str());
    return exit_ok;
}

int report_refusal(const desk::DeskProblem& problem, const std::string& url, const std::string& folder)
{
    if (problem.status == 409 && !problem.conflicts.empty()) {
        for (auto const& conflict : problem.conflicts)
            std::fputs(desk::format_conflict(conflict).c_str(), stdout);
        std::fprintf(stderr,
            "error: %zu conflict(s) with what others published since this folder's base; nothing was published.\n"
            "Run hallboard pull --from %s --token-file ... %s, settle each conflict (--take-server ID or --keep-mine "
            "ID), and publish again.\n",
            problem.conflicts.size(), url.c_str(), folder.empty() ? "DIR" : folder.c_str());
        return exit_failure;
    }
    say_desk_problem("publish", url, problem);
    return exit_failure;
}

enum class DeskPublish { None, Withdraw, Folder, Refused };

// Whether this publish goes to the server's desk: --withdraw ID, or a folder with a pull record.
DeskPublish desk_publish_kind(const CommandLine& command_line, const char* usage)
{
    bool withdraw = command_line.has("--withdraw");
    bool pulled = false;
    if (!withdraw && command_line.positional.size() == 1 && command_line.has("--to")) {
        auto record = desk::read_pull_record(command_line.positional.front());
        if (!record) {
            std::fprintf(stderr, "error: %s\n", record.error().c_str());
            return DeskPublish::Refused;
        }
        pulled = record->has_value();
    }
    if (!withdraw && !pulled)
        return DeskPublish::None;
    if (!command_line.has("--to") || (withdraw && !command_line.positional.empty()) || command_line.has("--out")
        || command_line.has("--rollback") || command_line.has("--dry-run") || command_line.has("--key")) {
        std::fputs(withdraw ? "error: --withdraw ID goes with --to URL --token-file FILE [--message TEXT] only\n"
                            : "error: this folder was made by hallboard pull: publish it with --to URL --token-file "
                              "FILE [--message TEXT] (the server signs; no --key, --out or --dry-run)\n",
            stderr);
        std::fputs(usage, stderr);
        return DeskPublish::Refused;
    }
    return withdraw ? DeskPublish::Withdraw : DeskPublish::Folder;
}

} // namespace

std::optional<int> publish_through_desk(const CommandLine& command_line, const char* usage)
{
    switch (desk_publish_kind(command_line, usage)) {
    case DeskPublish::None:
        return std::nullopt;
    case DeskPublish::Refused:
        return exit_invalid;
    case DeskPublish::Withdraw:
        return withdraw_on_desk(command_line);
    case DeskPublish::Folder:
        return publish_folder_to_desk(command_line);
    }
    return std::nullopt;
}

int publish_folder_to_desk(const CommandLine& command_line)
{
    auto target = read_desk_target(command_line, command_line.option("--to"));
    if (!target)
        return exit_invalid;
    std::filesystem::path folder = command_line.positional.front();
    desk::DeskClient client(target->url, target->token, target->author);
    AdminClient blobs(target->url, target->token);
    auto published = desk::publish_folder_change(
        client, blobs, folder, command_line.option("--message"), [](const std::string& path, std::uint64_t size) {
            std::fprintf(stderr, "uploading %s (%s)\n", path.c_str(), human_size(size).c_str());
        });
    if (!published) {
        std::fprintf(stderr, "error: %s\n", published.error().c_str());
        return exit_failure;
    }
    if (published->change.empty()) {
        std::printf("nothing to publish: %s is as version %llu, which it was pulled at\n", folder.c_str(),
            static_cast<unsigned long long>(published->change.base_version));
        return exit_ok;
    }
    if (!published->answer)
        return report_refusal(published->problem, target->url, folder.string());
    int status = report_answer(*published->answer, target->url);
    if (!published->record_moved && published->answer->published)
        std::printf("others published meanwhile; their changes are on the server: run hallboard pull to bring them "
                    "into %s\n",
            folder.c_str());
    return status;
}

bool refuse_rollback_on_desk(const CommandLine& command_line, std::uint64_t version)
{
    std::vector<std::string> warnings;
    auto token = load_admin_token(command_line.option("--token-file"), warnings);
    if (!token)
        return false; // the rollback itself reports the token file
    desk::DeskClient client(command_line.option("--to"), *token, "");
    desk::DeskProblem problem;
    // A desk answers /desk/source (200, or 409 when a whole-tree version is current); a server
    // without one answers 404; no answer at all is for the rollback to report.
    if (!client.source(problem) && (problem.status == 404 || problem.status == 0 || problem.status == 401))
        return false;
    std::fprintf(stderr,
        "error: %s runs the desk (serve --signing-key): use hallboard restore %llu --server %s --token-file %s, "
        "which keeps the history; a rollback would publish a version the desk holds no source for\n",
        client.base_url().c_str(), static_cast<unsigned long long>(version), client.base_url().c_str(),
        command_line.option("--token-file").c_str());
    return true;
}

int withdraw_on_desk(const CommandLine& command_line)
{
    auto target = read_desk_target(command_line, command_line.option("--to"));
    if (!target)
        return exit_invalid;
    desk::DeskClient client(target->url, target->token, target->author);
    desk::DeskProblem problem;
    auto current = client.source(problem);
    if (!current) {
        say_desk_problem("read the server's source", target->url, problem);
        return exit_failure;
    }
    auto id = command_line.option("--withdraw");
    auto change = desk::withdraw_change(*current, id, command_line.option("--message", "withdraw " + id));
    if (!change) {
        std::fprintf(stderr, "error: %s\n", change.error().c_str());
        return exit_invalid;
    }
    auto answer = client.send_change(*change, problem);
    if (!answer)
        return report_refusal(problem, target->url, "");
    return report_answer(*answer, target->url);
}

} // namespace hallboard
