// `hallboard users token` and `users revoke-token`: API tokens for the CLI and scripts. A token
// belongs to one user and carries their role; it is written once to a private file and only
// its digest is kept (content/accounts/user_store.h).
#include "player/app/command_users.h"

#include "base/terminal_text.h"
#include "content/accounts/account_console.h"

#include <cstdio>
#include <cstdlib>

namespace hallboard {

namespace {

int fail_with(const std::string& message, int status)
{
    std::fprintf(stderr, "error: %s\n", escape_terminal_text(message).c_str());
    return status;
}

} // namespace

int run_users_token(const std::vector<std::string>& arguments)
{
    auto command_line = parse_command_line(arguments, { { "--tree", "--out" }, {} });
    if (!command_line)
        return exit_invalid;
    if (command_line->positional.size() != 1 || command_line->option("--tree").empty()
        || command_line->option("--out").empty()) {
        std::fputs(users_usage, stderr);
        return exit_invalid;
    }
    auto const& name = command_line->positional[0];
    std::filesystem::path out = command_line->option("--out");
    std::error_code error;
    if (std::filesystem::exists(out, error) || std::filesystem::is_symlink(out, error))
        return fail_with(out.string() + " already exists; a token file is never overwritten", exit_invalid);
    auto accounts = open_tree_accounts(*command_line);
    if (!accounts)
        return exit_failure;
    auto issued = accounts->users().issue_token(name, unix_now());
    if (!issued) {
        record_console_action(*accounts, "token_issue", "user " + name, issued.error());
        return fail_with(issued.error(), exit_invalid);
    }
    auto subject = "token " + std::to_string(issued->id) + " of " + name;
    if (auto written = write_token_file(out, issued->secret); !written) {
        // A token nobody holds must not stay valid.
        (void)accounts->users().revoke_token(issued->id, unix_now());
        record_console_action(*accounts, "token_issue", subject, written.error());
        return fail_with(written.error(), exit_failure);
    }
    record_console_action(*accounts, "token_issue", subject);
    std::printf("wrote %s to %s (only its owner can read it; the token is shown nowhere else)\n"
                "use it as: hallboard publish ... --token-file %s\n",
        subject.c_str(), out.c_str(), out.c_str());
    return exit_ok;
}

int run_users_revoke_token(const std::vector<std::string>& arguments)
{
    auto command_line = parse_command_line(arguments, { { "--tree", "--id", "--token-file" }, { "--all" } });
    if (!command_line)
        return exit_invalid;
    auto const& positional = command_line->positional;
    int ways = command_line->has("--id") + command_line->has("--token-file") + command_line->has("--all");
    bool all_of_user = command_line->has("--all") && positional.size() == 1;
    if (command_line->option("--tree").empty() || ways != 1 || (command_line->has("--all") && !all_of_user)
        || (!command_line->has("--all") && !positional.empty())) {
        std::fputs(users_usage, stderr);
        return exit_invalid;
    }
    std::optional<std::int64_t> id;
    if (command_line->has("--id")) {
        char* end = nullptr;
        auto text = command_line->option("--id");
        auto number = std::strtoll(text.c_str(), &end, 10);
        if (text.empty() || *end != '\0' || number <= 0)
            return fail_with("--id needs a token number (as `users token` printed it)", exit_invalid);
        id = number;
    }
    std::string secret;
    if (command_line->has("--token-file")) {
        auto token = read_token_file(command_line->option("--token-file"));
        if (!token)
            return fail_with(token.error(), exit_invalid);
        secret = *token;
    }
    auto accounts = open_tree_accounts(*command_line);
    if (!accounts)
        return exit_failure;
    auto now = unix_now();
    std::string subject = id ? "token " + std::to_string(*id)
        : all_of_user        ? "tokens of " + positional[0]
                             : "token of file " + command_line->option("--token-file");
    auto revoked = id ? accounts->users().revoke_token(*id, now)
        : all_of_user ? accounts->users().revoke_tokens_of(positional[0], now)
                      : accounts->users().revoke_token_secret(secret, now);
    if (!revoked) {
        record_console_action(*accounts, "token_revoke", subject, revoked.error());
        return fail_with(revoked.error(), exit_invalid);
    }
    record_console_action(*accounts, "token_revoke", subject + " (" + std::to_string(*revoked) + " revoked)");
    std::printf("revoked %lld token(s)%s\n", static_cast<long long>(*revoked),
        *revoked == 0 ? ": none was valid" : "; they are refused from now on");
    return exit_ok;
}

} // namespace hallboard
