// Shared by the desk commands.
#include "player/app/desk_command_support.h"

#include "base/terminal_text.h"
#include "content/desk/version_record.h"
#include "content/publish/admin_token.h"

#include <cstdio>
#include <cstdlib>

namespace hallboard {

std::optional<DeskTarget> read_desk_target(const CommandLine& command_line, const std::string& url)
{
    if (url.empty() || !command_line.has("--token-file")) {
        std::fputs("error: give the server (--from/--to/--server URL) and --token-file FILE, the admin token file "
                   "hallboard serve was started with\n",
            stderr);
        return std::nullopt;
    }
    std::vector<std::string> warnings;
    auto token = load_admin_token(command_line.option("--token-file"), warnings);
    if (!token) {
        std::fprintf(stderr, "error: %s\n", token.error().c_str());
        return std::nullopt;
    }
    for (auto const& warning : warnings)
        std::fprintf(stderr, "warning: %s\n", warning.c_str());
    DeskTarget target { url, *token, command_line.option("--author") };
    if (!target.author.empty() && !desk::is_author_name(target.author)) {
        std::fputs("error: --author: give a plain name (letters, digits, . _ - @, or Chinese characters)\n", stderr);
        return std::nullopt;
    }
    if (target.author.empty()) {
        char const* user = std::getenv("USER");
        if (user && desk::is_author_name(user))
            target.author = user;
    }
    return target;
}

void say_desk_problem(const std::string& doing, const std::string& url, const desk::DeskProblem& problem)
{
    if (problem.status == 0)
        std::fprintf(
            stderr, "error: cannot %s: cannot reach %s: %s\n", doing.c_str(), url.c_str(), problem.message.c_str());
    else if (problem.status == 401)
        std::fprintf(stderr,
            "error: cannot %s: the server at %s refused the token (HTTP 401); use the token file hallboard serve "
            "was started with\n",
            doing.c_str(), url.c_str());
    else
        std::fprintf(stderr, "error: cannot %s at %s: HTTP %d: %s\n", doing.c_str(), url.c_str(), problem.status,
            problem.message.c_str());
}

std::string notice_changes_line(const std::vector<std::string>& added, const std::vector<std::string>& changed,
    const std::vector<std::string>& withdrawn)
{
    std::string line;
    auto append = [&](const std::vector<std::string>& ids, const char* mark) {
        for (auto const& id : ids)
            line += (line.empty() ? "" : " ") + std::string(mark) + escape_terminal_text(id);
    };
    append(added, "+");
    append(changed, "~");
    append(withdrawn, "-");
    return line.empty() ? "(no notice changed)" : line;
}

} // namespace hallboard
