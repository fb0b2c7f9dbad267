// `hallboard users add|list|disable|enable|passwd`: the desk's accounts, managed on the server
// machine by whoever may write its tree (docs/desk.md §7). The logic is content/accounts.
#include "player/app/command_users.h"
#include "player/app/commands.h"

#include "base/terminal_text.h"
#include "content/accounts/account_console.h"
#include "content/accounts/account_names.h"
#include "content/accounts/password_input.h"

#include <cstdio>

namespace hallboard {

std::unique_ptr<Accounts> open_tree_accounts(const CommandLine& command_line)
{
    auto accounts = Accounts::open(command_line.option("--tree"));
    if (!accounts) {
        std::fprintf(stderr, "error: %s\n", escape_terminal_text(accounts.error()).c_str());
        return nullptr;
    }
    return std::move(*accounts);
}

void record_console_action(
    Accounts& accounts, const std::string& action, const std::string& subject, const std::string& error)
{
    accounts.record({ unix_now(), console_user(), action, subject, error.empty() ? "ok" : refused(error),
        std::string(console_address) });
}

namespace {

int refuse(Accounts& accounts, const std::string& action, const std::string& subject, const std::string& error,
    int status = exit_invalid)
{
    record_console_action(accounts, action, subject, error);
    std::fprintf(stderr, "error: %s\n", escape_terminal_text(error).c_str());
    return status;
}

int add_user(const CommandLine& command_line, const std::string& name)
{
    auto role = parse_role(command_line.option("--role"));
    if (!role) {
        std::fprintf(stderr, "error: --role must be drafter, reviewer or admin\n%s", users_usage);
        return exit_invalid;
    }
    auto display_name = command_line.option("--display-name", name);
    for (auto checked : { check_user_name(name), check_display_name(display_name) }) {
        if (!checked) {
            std::fprintf(stderr, "error: %s\n", checked.error().c_str());
            return exit_invalid;
        }
    }
    auto accounts = open_tree_accounts(command_line);
    if (!accounts)
        return exit_failure;
    auto subject = "user " + name;
    if (accounts->users().find_user(name))
        return refuse(*accounts, "user_add", subject, "there is already a user named '" + name + "'");
    auto password = read_password("password for " + name + ": ", PasswordEntry::Confirmed);
    if (!password)
        return refuse(*accounts, "user_add", subject, password.error());
    auto user = accounts->users().add_user(name, display_name, *role, *password, unix_now());
    if (!user)
        return refuse(*accounts, "user_add", subject, user.error());
    record_console_action(*accounts, "user_add", subject + " (" + std::string(role_name(*role)) + ")");
    std::printf("added %s (%s, %s)\n", user->name.c_str(), escape_terminal_text(user->display_name).c_str(),
        std::string(role_name(user->role)).c_str());
    return exit_ok;
}

int list_users(const CommandLine& command_line)
{
    auto accounts = open_tree_accounts(command_line);
    if (!accounts)
        return exit_failure;
    auto users = accounts->users().list_users();
    if (!users) {
        std::fprintf(stderr, "error: %s\n", users.error().c_str());
        return exit_failure;
    }
    if (users->empty())
        std::printf("no users yet (hallboard users add NAME --role admin --tree DIR)\n");
    else
        std::fputs(format_user_table(*users).c_str(), stdout);
    return exit_ok;
}

int set_disabled(const CommandLine& command_line, const std::string& name, bool disabled)
{
    auto accounts = open_tree_accounts(command_line);
    if (!accounts)
        return exit_failure;
    auto action = disabled ? "user_disable" : "user_enable";
    auto changed = accounts->users().set_disabled(name, disabled, unix_now());
    if (!changed)
        return refuse(*accounts, action, "user " + name, changed.error());
    record_console_action(*accounts, action, "user " + name);
    std::printf("%s %s%s\n", disabled ? "disabled" : "enabled", name.c_str(),
        disabled ? ": their logins and tokens are refused from now on" : "");
    return exit_ok;
}

int change_password(const CommandLine& command_line, const std::string& name)
{
    auto accounts = open_tree_accounts(command_line);
    if (!accounts)
        return exit_failure;
    if (auto user = accounts->users().find_user(name); !user)
        return refuse(*accounts, "user_passwd", "user " + name, user.error());
    auto password = read_password("new password for " + name + ": ", PasswordEntry::Confirmed);
    if (!password)
        return refuse(*accounts, "user_passwd", "user " + name, password.error());
    auto changed = accounts->users().set_password(name, *password, unix_now());
    if (!changed)
        return refuse(*accounts, "user_passwd", "user " + name, changed.error());
    record_console_action(*accounts, "user_passwd", "user " + name);
    std::printf("changed the password of %s\n", name.c_str());
    return exit_ok;
}

} // namespace

int run_users(const std::vector<std::string>& arguments)
{
    auto verb = arguments.empty() ? std::string() : arguments[0];
    std::vector<std::string> rest(arguments.begin() + (arguments.empty() ? 0 : 1), arguments.end());
    if (verb == "token")
        return run_users_token(rest);
    if (verb == "revoke-token")
        return run_users_revoke_token(rest);
    auto command_line = parse_command_line(rest, { { "--tree", "--role", "--display-name" }, {} });
    if (!command_line)
        return exit_invalid;
    auto const& positional = command_line->positional;
    bool named = verb == "add" || verb == "disable" || verb == "enable" || verb == "passwd";
    if (command_line->option("--tree").empty() || (named && positional.size() != 1)
        || (!named && (verb != "list" || !positional.empty()))) {
        std::fputs(users_usage, stderr);
        return exit_invalid;
    }
    if (verb == "list")
        return list_users(*command_line);
    if (verb == "add")
        return add_user(*command_line, positional[0]);
    if (verb == "passwd")
        return change_password(*command_line, positional[0]);
    return set_disabled(*command_line, positional[0], verb == "disable");
}

} // namespace hallboard
