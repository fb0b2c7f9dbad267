// Checks of names and new passwords, with messages that say what to change.
#include "content/accounts/account_names.h"

#include "base/terminal_text.h"
#include "base/utf8.h"

#include <string>

namespace hallboard {

Result<void> check_user_name(std::string_view name)
{
    if (name.empty())
        return fail("a user name cannot be empty");
    if (name.size() > max_user_name_bytes)
        return fail("user name is " + std::to_string(name.size()) + " characters long; at most "
            + std::to_string(max_user_name_bytes) + " are allowed");
    for (size_t i = 0; i < name.size(); ++i) {
        char c = name[i];
        bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
        if (!allowed)
            return fail("user name '" + escape_terminal_text(name) + "' has '"
                + escape_terminal_text(name.substr(i, decode_utf8(name, i).length)) + "' at position "
                + std::to_string(i + 1) + "; use lowercase letters a-z, digits, '.', '-' and '_' (the display name "
                + "may be Chinese)");
    }
    return Ok {};
}

Result<void> check_display_name(std::string_view display_name)
{
    if (!is_valid_utf8(display_name))
        return fail("display name is not valid UTF-8 text");
    if (display_name.size() > max_display_name_bytes)
        return fail("display name is " + std::to_string(display_name.size()) + " bytes long; at most "
            + std::to_string(max_display_name_bytes) + " are allowed (about 40 Chinese characters)");
    if (!is_terminal_safe(display_name))
        return fail("display name '" + escape_terminal_text(display_name) + "' holds control characters");
    bool only_space = true;
    for (size_t i = 0; i < display_name.size();) {
        auto decoded = decode_utf8(display_name, i);
        only_space = only_space && is_whitespace(decoded.code_point);
        i += decoded.length;
    }
    if (only_space)
        return fail("display name cannot be empty or only white space");
    return Ok {};
}

Result<void> check_new_password(std::string_view password)
{
    if (!is_valid_utf8(password))
        return fail("the password is not valid UTF-8 text");
    if (password.size() > max_password_bytes)
        return fail("the password is longer than " + std::to_string(max_password_bytes) + " bytes");
    size_t characters = 0;
    for (size_t i = 0; i < password.size(); i += decode_utf8(password, i).length)
        ++characters;
    if (characters < min_password_length)
        return fail("the password has " + std::to_string(characters) + (characters == 1 ? " character" : " characters")
            + "; at least " + std::to_string(min_password_length) + " are needed");
    return Ok {};
}

} // namespace hallboard
