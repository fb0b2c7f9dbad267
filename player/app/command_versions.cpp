// `hallboard versions --server URL --token-file F [--limit N] [--before N]`: the desk's history;
// `hallboard restore N --server URL --token-file F [--message M]`: a new version equal to N.
#include "player/app/command_line.h"
#include "player/app/commands.h"
#include "player/app/desk_command_support.h"
#include "base/terminal_text.h"
#include "content/publish/publish_arguments.h"

#include <cstdio>

namespace hallboard {

namespace {

void print_record(const desk::VersionRecord& record)
{
    std::string kind = record.kind == desk::VersionKind::Restore
        ? "restore of " + std::to_string(record.restored_from.value_or(0))
        : std::string(desk::kind_name(record.kind));
    std::printf("%llu  %s  %s  %s  \"%s\"  %s\n", static_cast<unsigned long long>(record.version),
        record.published_at.c_str(), escape_terminal_text(record.author).c_str(), kind.c_str(),
        escape_terminal_text(record.message).c_str(),
        notice_changes_line(record.added, record.changed, record.withdrawn).c_str());
}

} // namespace

int run_versions(const std::vector<std::string>& arguments)
{
    auto command_line
        = parse_command_line(arguments, { { "--server", "--token-file", "--limit", "--before", "--author" }, {} });
    if (!command_line)
        return exit_invalid;
    auto limit = parse_version_number(command_line->option("--limit", "20"));
    auto before = command_line->has("--before") ? parse_version_number(command_line->option("--before"))
                                                : std::optional<std::uint64_t>(0);
    if (!command_line->positional.empty() || !limit || !before) {
        std::fputs("usage: hallboard versions --server URL --token-file FILE [--limit N] [--before N]\n", stderr);
        return exit_invalid;
    }
    auto target = read_desk_target(*command_line, command_line->option("--server"));
    if (!target)
        return exit_invalid;
    desk::DeskClient client(target->url, target->token, target->author);
    desk::DeskProblem problem;
    auto page = client.versions(*before, *limit, problem);
    if (!page) {
        say_desk_problem("list the versions", target->url, problem);
        return exit_failure;
    }
    std::printf("current version: %llu\n", static_cast<unsigned long long>(page->current));
    for (auto const& entry : page->versions) {
        if (entry.record)
            print_record(*entry.record);
        else
            std::printf("%llu  (published as a whole signed tree; the desk holds no source)\n",
                static_cast<unsigned long long>(entry.version));
    }
    if (page->next_before)
        std::printf(
            "older: hallboard versions ... --before %llu\n", static_cast<unsigned long long>(*page->next_before));
    return exit_ok;
}

int run_restore(const std::vector<std::string>& arguments)
{
    auto command_line = parse_command_line(arguments, { { "--server", "--token-file", "--message", "--author" }, {} });
    if (!command_line)
        return exit_invalid;
    auto version
        = command_line->positional.size() == 1 ? parse_version_number(command_line->positional.front()) : std::nullopt;
    if (!version) {
        std::fputs("usage: hallboard restore N --server URL --token-file FILE [--message TEXT]\n", stderr);
        return exit_invalid;
    }
    auto target = read_desk_target(*command_line, command_line->option("--server"));
    if (!target)
        return exit_invalid;
    desk::DeskClient client(target->url, target->token, target->author);
    desk::DeskProblem problem;
    auto message = command_line->option("--message", "restore version " + std::to_string(*version));
    auto answer = client.restore(*version, message, problem);
    if (!answer) {
        say_desk_problem("restore version " + std::to_string(*version), target->url, problem);
        return exit_failure;
    }
    if (!answer->published) {
        std::printf("nothing to restore: %s\n", answer->message.c_str());
        return exit_ok;
    }
    std::printf("restored version %llu as version %llu on %s\n", static_cast<unsigned long long>(*version),
        static_cast<unsigned long long>(answer->version), target->url.c_str());
    if (answer->record)
        std::printf("%s\n",
            notice_changes_line(answer->record->added, answer->record->changed, answer->record->withdrawn).c_str());
    return exit_ok;
}

} // namespace hallboard
