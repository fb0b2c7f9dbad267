// The desk's users and their API tokens, in SQLite (<tree>/state/accounts.sqlite).
#pragma once

#include "base/result.h"
#include "content/accounts/roles.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace hallboard {

namespace sqlite {
class Database;
}

struct User {
    std::string name; // check_user_name
    std::string display_name;
    Role role = Role::Drafter;
    bool disabled = false;
    std::int64_t created = 0; // Unix seconds
    std::int64_t changed = 0;
    std::int64_t active_tokens = 0; // tokens not revoked
};

// A token as made: the secret is here once, for the caller to hand over; only its digest is kept.
struct IssuedToken {
    std::int64_t id = 0;
    std::string user;
    std::string secret;
};

// The accounts file's path inside a served tree: <tree>/state/accounts.sqlite (state/ is never
// served, as for screens.sqlite).
std::filesystem::path accounts_database_path(const std::filesystem::path& tree);

// Thread-safe: every call takes the store's mutex (password hashing happens outside it, so a
// slow Argon2 does not hold up token checks). Other processes (`hallboard users` while the
// server runs) see each committed change.
class UserStore {
public:
    // Opens or creates the file and its tables; the folder must exist.
    static Result<std::unique_ptr<UserStore>> open(const std::filesystem::path& file);
    ~UserStore();
    UserStore(const UserStore&) = delete;
    UserStore& operator=(const UserStore&) = delete;

    // Refused when a name, display name or password is invalid, or the name is taken.
    // An empty display name means the user name.
    Result<User> add_user(
        std::string_view name, std::string_view display_name, Role role, std::string_view password, std::int64_t now);
    Result<std::vector<User>> list_users();
    Result<User> find_user(std::string_view name); // refused when unknown
    // Disabling also ends what the user can do with their tokens (authenticate_token refuses).
    Result<void> set_disabled(std::string_view name, bool disabled, std::int64_t now);
    Result<void> set_password(std::string_view name, std::string_view password, std::int64_t now);
    Result<void> set_role(std::string_view name, Role role, std::int64_t now);

    // The user, when the password is theirs and they are not disabled. One refusal for an
    // unknown name and a wrong password ("wrong user name or password"), with the same cost
    // (a decoy hash is verified), so names cannot be probed. Throttling is the caller's
    // (LoginThrottle), before calling this.
    Result<User> verify_password(std::string_view name, std::string_view password);

    Result<IssuedToken> issue_token(std::string_view name, std::int64_t now);
    // The user the bearer token belongs to. Refused when the token is unknown, revoked, or its
    // user disabled; the message says which (it never repeats the token).
    Result<User> authenticate_token(std::string_view token);
    // Revoking returns how many tokens were revoked now (0 when already revoked).
    Result<std::int64_t> revoke_token(std::int64_t id, std::int64_t now);
    Result<std::int64_t> revoke_token_secret(std::string_view token, std::int64_t now);
    Result<std::int64_t> revoke_tokens_of(std::string_view name, std::int64_t now);

private:
    explicit UserStore(std::unique_ptr<sqlite::Database> database);
    Result<User> find_user_locked(std::string_view name);

    std::mutex m_mutex;
    std::unique_ptr<sqlite::Database> m_database;
};

} // namespace hallboard
