// `hallboard audit --tree DIR [--since DATE] [--user NAME]`: the desk's audit log, oldest first,
// with every field escaped for the terminal (content/accounts/audit_log.h).
#include "player/app/command_line.h"
#include "player/app/commands.h"

#include "base/terminal_text.h"
#include "content/accounts/account_console.h"
#include "content/accounts/audit_log.h"

#include <cstdio>

namespace hallboard {

int run_audit(const std::vector<std::string>& arguments)
{
    auto command_line = parse_command_line(arguments, { { "--tree", "--since", "--user" }, {} });
    if (!command_line)
        return exit_invalid;
    if (!command_line->positional.empty() || command_line->option("--tree").empty()) {
        std::fprintf(stderr, "usage: hallboard audit --tree DIR [--since YYYY-MM-DD] [--user NAME]\n");
        return exit_invalid;
    }
    AuditFilter filter;
    if (command_line->has("--since")) {
        filter.since = parse_utc_date(command_line->option("--since"));
        if (!filter.since) {
            std::fprintf(stderr, "error: --since wants a date like 2026-12-01 (UTC), not '%s'\n",
                escape_terminal_text(command_line->option("--since")).c_str());
            return exit_invalid;
        }
    }
    if (command_line->has("--user"))
        filter.user = command_line->option("--user");
    std::filesystem::path tree = command_line->option("--tree");
    std::error_code error;
    if (!std::filesystem::is_directory(tree, error)) {
        std::fprintf(stderr, "error: no such folder: %s\n", escape_terminal_text(tree.string()).c_str());
        return exit_invalid;
    }
    auto reading = read_audit_log(audit_log_path(tree));
    if (!reading) {
        std::fprintf(stderr, "error: %s\n", escape_terminal_text(reading.error()).c_str());
        return exit_failure;
    }
    for (auto const& problem : reading->problems)
        std::fprintf(stderr, "warning: %s: %s (skipped)\n", audit_log_path(tree).c_str(), problem.c_str());
    if (reading->torn_last_line)
        std::fprintf(stderr,
            "warning: %s: the last line is cut short (a write interrupted by a power loss?); skipped\n",
            audit_log_path(tree).c_str());
    auto entries = filter_audit(reading->entries, filter);
    if (entries.empty()) {
        std::printf("no audit entries%s\n", reading->entries.empty() ? " yet" : " match");
        return exit_ok;
    }
    std::fputs(format_audit_table(entries).c_str(), stdout);
    return exit_ok;
}

} // namespace hallboard
