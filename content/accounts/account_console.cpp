// The console's side of accounts: token files, the acting user, the user table.
#include "content/accounts/account_console.h"

#include "base/durable_files.h"
#include "base/local_time.h"
#include "base/terminal_text.h"
#include "base/text_table.h"
#include "base/unique_fd.h"
#include "content/accounts/audit_log.h"

#include <fcntl.h>
#include <pwd.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

namespace hallboard {

std::string console_user()
{
    auto uid = ::geteuid();
    passwd entry {};
    passwd* found = nullptr;
    char buffer[4096];
    if (::getpwuid_r(uid, &entry, buffer, sizeof buffer, &found) == 0 && found && found->pw_name)
        return "console:" + std::string(found->pw_name);
    return "console:uid " + std::to_string(uid);
}

Result<void> write_token_file(const std::filesystem::path& file, std::string_view token)
{
    UniqueFd fd(::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (!fd) {
        if (errno == EEXIST)
            return fail(file.string() + " already exists; a token file is never overwritten");
        return fail("cannot create " + file.string() + ": " + std::strerror(errno));
    }
    auto line = std::string(token) + "\n";
    bool written = ::write(fd.get(), line.data(), line.size()) == static_cast<ssize_t>(line.size())
        && ::fsync(fd.get()) == 0 && fd.close();
    if (!written) {
        auto reason = std::string(std::strerror(errno));
        std::error_code ignored;
        std::filesystem::remove(file, ignored);
        return fail("cannot write " + file.string() + ": " + reason);
    }
    auto folder = file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
    return durable::sync_folder(folder);
}

Result<std::string> read_token_file(const std::filesystem::path& file)
{
    auto text = durable::read_file(file, 4096);
    if (!text)
        return std::move(text).take_error();
    if (!*text)
        return fail("token file " + file.string() + " does not exist");
    std::string_view token = **text;
    auto first = token.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return fail("token file " + file.string() + " is empty");
    auto last = token.find_last_not_of(" \t\r\n");
    return std::string(token.substr(first, last - first + 1));
}

std::string format_user_table(const std::vector<User>& users)
{
    TextTable table({ "NAME", "DISPLAY NAME", "ROLE", "STATE", "TOKENS", "CHANGED (UTC)" });
    for (auto const& user : users)
        table.add_row({ escape_terminal_text(user.name), escape_terminal_text(user.display_name),
            std::string(role_name(user.role)), user.disabled ? "disabled" : "active",
            std::to_string(user.active_tokens), audit_time_text(user.changed) });
    return table.format();
}

std::optional<std::int64_t> parse_utc_date(std::string_view text)
{
    auto date = parse_date(text);
    if (!date)
        return std::nullopt;
    return std::int64_t { days_from_civil(*date) } * 86400;
}

std::int64_t unix_now()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace hallboard
