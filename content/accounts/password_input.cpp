// Terminal input without echo (termios), or a line from a pipe.
#include "content/accounts/password_input.h"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <optional>

namespace hallboard {

namespace {

// Echo off while alive; the terminal's settings come back whatever happens.
class EchoOff {
public:
    EchoOff()
    {
        if (::tcgetattr(STDIN_FILENO, &m_saved) != 0)
            return;
        termios quiet = m_saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        quiet.c_lflag |= ECHONL;
        m_active = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~EchoOff()
    {
        if (m_active)
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    termios m_saved {};
    bool m_active = false;
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
