// The program's exit statuses, shared by every command and the modules that carry one out.
#pragma once

namespace hallboard {

enum ExitStatus : int {
    exit_ok = 0,
    exit_failure = 1, // something went wrong at run time (no display, cannot write a file …)
    exit_invalid = 2, // invalid input or usage: the user has something to fix
    // `play` only: the screen config changed in a way only a fresh start applies; main starts
    // the program again in place (same PID, same arguments). Never the process's exit status.
    exit_restart = 75,
};

} // namespace hallboard
