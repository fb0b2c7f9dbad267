// Reading a password for the `users` commands: from the terminal without echo, or one line of
// standard input when it is not a terminal (scripts, tests).
#pragma once

#include "base/result.h"

#include <string>
#include <string_view>

namespace hallboard {

enum class PasswordEntry { Once, Confirmed }; // Confirmed: a terminal user types it twice

// Prompts on stderr when stdin is a terminal, with echo off (restored on every path, Ctrl-C and
// SIGTERM included). From a pipe, reads one line without its line ending. Refused when nothing
// was read or the two entries differ.
Result<std::string> read_password(std::string_view prompt, PasswordEntry entry);

} // namespace hallboard
