// `hallboard pull --from URL --token-file F DIR [--take-server ID,...] [--keep-mine ID,...]`: the
// server's current source into DIR, merged with DIR's local edits; conflicts shown, nothing lost.
#include "player/app/command_line.h"
#include "player/app/commands.h"
#include "player/app/desk_command_support.h"
#include "content/desk/folder_sync.h"

#include <cstdio>
#include <sstream>

namespace hallboard {

namespace {

constexpr char const* usage
    = "usage: hallboard pull --from URL --token-file FILE DIR [--take-server ID,...] [--keep-mine ID,...]\n";

// "a,b" -> each name settled to `side`.
void add_resolutions(const std::string& list, desk::Side side, desk::Resolutions& resolutions)
{
    std::istringstream names(list);
    for (std::string name; std::getline(names, name, ',');) {
        if (!name.empty())
            resolutions[name] = side;
    }
}

} // namespace

int run_pull(const std::vector<std::string>& arguments)
{
    auto command_line = parse_command_line(
        arguments, { { "--from", "--token-file", "--take-server", "--keep-mine", "--author" }, {} });
    if (!command_line)
        return exit_invalid;
    if (command_line->positional.size() != 1 || !command_line->has("--from")) {
        std::fputs(usage, stderr);
        return exit_invalid;
    }
    auto target = read_desk_target(*command_line, command_line->option("--from"));
    if (!target)
        return exit_invalid;
    desk::Resolutions resolutions;
    add_resolutions(command_line->option("--take-server"), desk::Side::Theirs, resolutions);
    add_resolutions(command_line->option("--keep-mine"), desk::Side::Ours, resolutions);

    std::filesystem::path folder = command_line->positional.front();
    desk::DeskClient client(target->url, target->token, target->author);
    auto pulled = desk::pull_into_folder(client, folder, resolutions);
    if (!pulled) {
        std::fprintf(stderr, "error: %s\n", pulled.error().c_str());
        return exit_failure;
    }
    if (!pulled->plan.conflicts.empty()) {
        for (auto const& conflict : pulled->plan.conflicts)
            std::fputs(desk::format_conflict(conflict).c_str(), stdout);
        std::fprintf(stderr,
            "error: %zu conflict(s) between version %llu on %s and the edits in %s; nothing was written.\n"
            "Settle each with --take-server ID (drop the edit here) or --keep-mine ID (keep it; the next publish "
            "replaces the server's), then pull again.\n",
            pulled->plan.conflicts.size(), static_cast<unsigned long long>(pulled->version), target->url.c_str(),
            folder.c_str());
        return exit_failure;
    }
    if (pulled->previous_version == 0)
        std::printf("pulled version %llu from %s into %s: %zu notice(s)\n",
            static_cast<unsigned long long>(pulled->version), target->url.c_str(), folder.c_str(),
            pulled->plan.merged.notices.size());
    else
        std::printf("pulled version %llu (was %llu) from %s into %s: %s\n",
            static_cast<unsigned long long>(pulled->version), static_cast<unsigned long long>(pulled->previous_version),
            target->url.c_str(), folder.c_str(),
            notice_changes_line(pulled->added, pulled->changed, pulled->withdrawn).c_str());
    if (!pulled->plan.kept_local_edits.empty())
        std::printf("local edits kept (not yet published): %s\n",
            notice_changes_line({}, pulled->plan.kept_local_edits, {}).c_str());
    return exit_ok;
}

} // namespace hallboard
