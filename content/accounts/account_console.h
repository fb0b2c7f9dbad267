// What the `users` and `audit` commands need beyond the stores: who acts at the server's
// console, token files, and the user table as printed.
#pragma once

#include "base/result.h"
#include "content/accounts/user_store.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hallboard {

// The audit log's user for the CLI on the server machine: "console:<login name>" (the
// effective user's name, or its uid when it has none).
std::string console_user();

inline constexpr std::string_view console_address = "local";

// Writes the token into a new file of mode 0600 (refused when `file` exists: a token file is
// never overwritten, as key files are not), fsynced with its folder. The file loads like the
// admin token (publish's --token-file).
Result<void> write_token_file(const std::filesystem::path& file, std::string_view token);

// Reads the one token a token file holds (trimmed; the file need not be private for this).
Result<std::string> read_token_file(const std::filesystem::path& file);

// NAME  DISPLAY NAME  ROLE  STATE  TOKENS  CHANGED (UTC): every text cell escaped.
std::string format_user_table(const std::vector<User>& users);

// "2026-12-01" as Unix seconds at 00:00 UTC; nullopt when not a date.
std::optional<std::int64_t> parse_utc_date(std::string_view text);

std::int64_t unix_now();

} // namespace hallboard
