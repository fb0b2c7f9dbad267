// Terminal input without echo (termios), or a line from a pipe.
#include "content/accounts/password_input.h"

#include <termios.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <iostream>
#include <optional>

namespace hallboard {

namespace {

// The terminal's settings before echo was turned off, for the signal handler.
termios saved_terminal {};
volatile std::sig_atomic_t echo_is_off = 0;

// Ctrl-C at the prompt would otherwise leave the shell without echo: restore, then die of the
// signal as before (the default action, re-raised).
extern "C" void restore_echo_and_reraise(int signal_number)
{
    if (echo_is_off)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_terminal);
    std::signal(signal_number, SIG_DFL);
    std::raise(signal_number);
}

// Echo off while alive; the terminal's settings come back on every path, signals included.
class EchoOff {
public:
    EchoOff()
    {
        if (::tcgetattr(STDIN_FILENO, &saved_terminal) != 0)
            return;
        m_previous_int = std::signal(SIGINT, restore_echo_and_reraise);
        m_previous_term = std::signal(SIGTERM, restore_echo_and_reraise);
        termios quiet = saved_terminal;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        quiet.c_lflag |= ECHONL;
        echo_is_off = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~EchoOff()
    {
        if (echo_is_off)
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_terminal);
        echo_is_off = 0;
        if (m_previous_int != SIG_ERR) {
            std::signal(SIGINT, m_previous_int);
            std::signal(SIGTERM, m_previous_term);
        }
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    void (*m_previous_int)(int) = SIG_ERR;
    void (*m_previous_term)(int) = SIG_ERR;
};

std::optional<std::string> read_line()
{
    std::string line;
    if (!std::getline(std::cin, line))
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

std::optional<std::string> prompt_without_echo(std::string_view prompt)
{
    std::fprintf(stderr, "%.*s", static_cast<int>(prompt.size()), prompt.data());
    std::fflush(stderr);
    EchoOff quiet;
    return read_line();
}

} // namespace

Result<std::string> read_password(std::string_view prompt, PasswordEntry entry)
{
    if (!::isatty(STDIN_FILENO)) {
        auto line = read_line();
        if (!line || line->empty())
            return fail("no password on standard input (give it as one line)");
        return *line;
    }
    auto first = prompt_without_echo(prompt);
    if (!first || first->empty())
        return fail("no password given");
    if (entry == PasswordEntry::Confirmed) {
        auto second = prompt_without_echo("again: ");
        if (!second || *second != *first)
            return fail("the two passwords differ; nothing was changed");
    }
    return *first;
}

} // namespace hallboard
