// The `users` command's parts, shared by its two files (command_users*.cpp).
#pragma once

#include "content/accounts/accounts.h"
#include "player/app/command_line.h"

#include <memory>
#include <string>
#include <vector>

namespace hallboard {

inline constexpr const char* users_usage
    = "usage: hallboard users add NAME --role drafter|reviewer|admin --tree DIR [--display-name TEXT]\n"
      "       hallboard users list --tree DIR\n"
      "       hallboard users disable|enable NAME --tree DIR\n"
      "       hallboard users passwd NAME --tree DIR\n"
      "       hallboard users token NAME --out FILE --tree DIR\n"
      "       hallboard users revoke-token --tree DIR (--id N | --token-file FILE | NAME --all)\n"
      "passwords (10 characters or more) are read from the terminal without echo, or as one line\n"
      "from standard input when it is not a terminal\n";

// The accounts of --tree DIR (printing the error and giving nullptr when they cannot be opened).
std::unique_ptr<Accounts> open_tree_accounts(const CommandLine& command_line);

// Writes one audit line for a console action: ok, or refused with `error`.
void record_console_action(
    Accounts& accounts, const std::string& action, const std::string& subject, const std::string& error = {});

int run_users_token(const std::vector<std::string>& arguments);
int run_users_revoke_token(const std::vector<std::string>& arguments);

} // namespace hallboard
