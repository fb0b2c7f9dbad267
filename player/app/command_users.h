// The `users` command's parts, shared by its two files (command_users*.cpp).
#pragma once

#include "content/accounts/accounts.h"
#include "player/app/command_line.h"

#include <memory>
#include <string>
#include <vector>

namespace hallboard {

extern const char* const users_usage;

// The accounts of --tree DIR (printing the error and giving nullptr when they cannot be opened).
std::unique_ptr<Accounts> open_tree_accounts(const CommandLine& command_line);

// Writes one audit line for a console action: ok, or refused with `error`.
void record_console_action(
    Accounts& accounts, const std::string& action, const std::string& subject, const std::string& error = {});

int run_users_token(const std::vector<std::string>& arguments);
int run_users_revoke_token(const std::vector<std::string>& arguments);

} // namespace hallboard
