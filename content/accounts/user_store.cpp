// Users and tokens in SQLite: statements prepared per call (nothing here is hot), errors as values.
#include "content/accounts/user_store.h"

#include "content/accounts/account_names.h"
#include "base/sqlite/sqlite_database.h"
#include "content/accounts/credentials.h"

namespace hallboard {

using sqlite::Statement;

namespace {

constexpr std::string_view schema = R"(
PRAGMA journal_mode = WAL;
CREATE TABLE IF NOT EXISTS users (
    name TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    created INTEGER NOT NULL,
    changed INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user TEXT NOT NULL REFERENCES users(name),
    digest TEXT NOT NULL UNIQUE,
    created INTEGER NOT NULL,
    revoked INTEGER
);
)";

constexpr std::string_view user_columns
    = "name, display_name, role, disabled, created, changed, "
      "(SELECT count(*) FROM tokens WHERE tokens.user = users.name AND revoked IS NULL)";

User user_from_row(const Statement& row)
{
    User user;
    user.name = row.text(0);
    user.display_name = row.text(1);
    user.role = parse_role(row.text(2)).value_or(Role::Drafter);
    user.disabled = row.integer(3) != 0;
    user.created = row.integer(4);
    user.changed = row.integer(5);
    user.active_tokens = row.integer(6);
    return user;
}

Error unknown_user(std::string_view name)
{
    return fail("no user named '" + std::string(name) + "' (hallboard users list shows them)");
}

} // namespace

std::filesystem::path accounts_database_path(const std::filesystem::path& tree)
{
    return tree / "state" / "accounts.sqlite";
}

UserStore::UserStore(std::unique_ptr<sqlite::Database> database)
    : m_database(std::move(database))
{
}

UserStore::~UserStore() = default;

Result<std::unique_ptr<UserStore>> UserStore::open(const std::filesystem::path& file)
{
    auto database = sqlite::Database::open(file, sqlite::Database::NewFile::OwnerOnly);
    if (!database)
        return std::move(database).take_error();
    if (!(*database)->execute(schema))
        return fail("cannot set up the users in " + file.string() + ": " + (*database)->last_error());
    return std::unique_ptr<UserStore>(new UserStore(std::move(*database)));
}

Result<User> UserStore::find_user_locked(std::string_view name)
{
    auto statement = m_database->prepare("SELECT " + std::string(user_columns) + " FROM users WHERE name = ?1");
    if (!statement)
        return fail("cannot read users: " + m_database->last_error());
    statement.bind(1, name);
    auto step = statement.step();
    if (step == Statement::Step::Error)
        return fail("cannot read users: " + m_database->last_error());
    if (step == Statement::Step::Done)
        return unknown_user(name);
    return user_from_row(statement);
}

Result<User> UserStore::find_user(std::string_view name)
{
    std::lock_guard lock(m_mutex);
    return find_user_locked(name);
}

Result<User> UserStore::add_user(
    std::string_view name, std::string_view display_name, Role role, std::string_view password, std::int64_t now)
{
    if (auto checked = check_user_name(name); !checked)
        return std::move(checked).take_error();
    std::string shown(display_name.empty() ? name : display_name);
    if (auto checked = check_display_name(shown); !checked)
        return std::move(checked).take_error();
    if (auto checked = check_new_password(password); !checked)
        return std::move(checked).take_error();
    auto hash = hash_password(password); // slow on purpose: outside the lock
    if (!hash)
        return std::move(hash).take_error();

    std::lock_guard lock(m_mutex);
    auto statement = m_database->prepare("INSERT INTO users (name, display_name, role, password_hash, disabled, "
                                         "created, changed) VALUES (?1, ?2, ?3, ?4, 0, ?5, ?5)");
    if (!statement)
        return fail("cannot add the user: " + m_database->last_error());
    statement.bind(1, name).bind(2, shown).bind(3, role_name(role)).bind(4, *hash).bind(5, now);
    if (statement.step() != Statement::Step::Done) {
        if (find_user_locked(name))
            return fail("there is already a user named '" + std::string(name) + "'");
        return fail("cannot add the user: " + m_database->last_error());
    }
    return find_user_locked(name);
}

Result<std::vector<User>> UserStore::list_users()
{
    std::lock_guard lock(m_mutex);
    auto statement = m_database->prepare("SELECT " + std::string(user_columns) + " FROM users ORDER BY name");
    if (!statement)
        return fail("cannot read users: " + m_database->last_error());
    std::vector<User> users;
    for (;;) {
        auto step = statement.step();
        if (step == Statement::Step::Done)
            return users;
        if (step == Statement::Step::Error)
            return fail("cannot read users: " + m_database->last_error());
        users.push_back(user_from_row(statement));
    }
}

Result<void> UserStore::set_disabled(std::string_view name, bool disabled, std::int64_t now)
{
    std::lock_guard lock(m_mutex);
    auto statement = m_database->prepare("UPDATE users SET disabled = ?2, changed = ?3 WHERE name = ?1");
    statement.bind(1, name).bind(2, std::int64_t { disabled ? 1 : 0 }).bind(3, now);
    if (statement.step() != Statement::Step::Done)
        return fail("cannot change the user: " + m_database->last_error());
    if (m_database->changes() == 0)
        return unknown_user(name);
    return Ok {};
}

Result<void> UserStore::set_role(std::string_view name, Role role, std::int64_t now)
{
    std::lock_guard lock(m_mutex);
    auto statement = m_database->prepare("UPDATE users SET role = ?2, changed = ?3 WHERE name = ?1");
    statement.bind(1, name).bind(2, role_name(role)).bind(3, now);
    if (statement.step() != Statement::Step::Done)
        return fail("cannot change the user: " + m_database->last_error());
    if (m_database->changes() == 0)
        return unknown_user(name);
    return Ok {};
}

Result<void> UserStore::set_password(std::string_view name, std::string_view password, std::int64_t now)
{
    if (auto checked = check_new_password(password); !checked)
        return std::move(checked).take_error();
    auto hash = hash_password(password);
    if (!hash)
        return std::move(hash).take_error();
    std::lock_guard lock(m_mutex);
    auto statement = m_database->prepare("UPDATE users SET password_hash = ?2, changed = ?3 WHERE name = ?1");
    statement.bind(1, name).bind(2, *hash).bind(3, now);
    if (statement.step() != Statement::Step::Done)
        return fail("cannot change the password: " + m_database->last_error());
    if (m_database->changes() == 0)
        return unknown_user(name);
    return Ok {};
}

Result<User> UserStore::verify_password(std::string_view name, std::string_view password)
{
    std::string stored_hash;
    Result<User> user = fail("");
    {
        std::lock_guard lock(m_mutex);
        user = find_user_locked(name);
        if (user) {
            auto statement = m_database->prepare("SELECT password_hash FROM users WHERE name = ?1");
            statement.bind(1, name);
            if (statement.step() == Statement::Step::Row)
                stored_hash = statement.text(0);
        }
    }
    // Argon2 outside the lock; the same work whether or not the name exists.
    bool matches = stored_hash.empty() ? password_matches_nobody(password) : password_matches(stored_hash, password);
    if (!user || !matches)
        return fail("wrong user name or password");
    if (user->disabled)
        return fail("user '" + user->name + "' is disabled");
    return user;
}

Result<IssuedToken> UserStore::issue_token(std::string_view name, std::int64_t now)
{
    std::lock_guard lock(m_mutex);
    auto user = find_user_locked(name);
    if (!user)
        return std::move(user).take_error();
    if (user->disabled)
        return fail("user '" + user->name + "' is disabled; enable them before giving them a token");
    IssuedToken issued { 0, user->name, make_api_token() };
    auto statement = m_database->prepare("INSERT INTO tokens (user, digest, created) VALUES (?1, ?2, ?3)");
    statement.bind(1, name).bind(2, api_token_digest(issued.secret)).bind(3, now);
    if (statement.step() != Statement::Step::Done)
        return fail("cannot store the token: " + m_database->last_error());
    issued.id = m_database->query_integer("SELECT last_insert_rowid()").value_or(0);
    return issued;
}

Result<User> UserStore::authenticate_token(std::string_view token)
{
    auto digest = api_token_digest(token);
    std::lock_guard lock(m_mutex);
    auto statement = m_database->prepare("SELECT id, user, revoked FROM tokens WHERE digest = ?1");
    statement.bind(1, digest);
    auto step = statement.step();
    if (step == Statement::Step::Error)
        return fail("cannot read tokens: " + m_database->last_error());
    if (step == Statement::Step::Done)
        return fail("unknown token");
    auto id = statement.integer(0);
    auto name = statement.text(1);
    if (!statement.is_null(2))
        return fail("token " + std::to_string(id) + " of '" + name + "' was revoked");
    auto user = find_user_locked(name);
    if (!user)
        return std::move(user).take_error();
    if (user->disabled)
        return fail("token " + std::to_string(id) + " belongs to '" + name + "', who is disabled");
    return user;
}

Result<std::int64_t> UserStore::revoke_token(std::int64_t id, std::int64_t now)
{
    std::lock_guard lock(m_mutex);
    auto statement = m_database->prepare("UPDATE tokens SET revoked = ?2 WHERE id = ?1 AND revoked IS NULL");
    statement.bind(1, id).bind(2, now);
    if (statement.step() != Statement::Step::Done)
        return fail("cannot revoke: " + m_database->last_error());
    auto changed = m_database->changes();
    if (changed == 0 && !m_database->query_integer("SELECT 1 FROM tokens WHERE id = " + std::to_string(id)))
        return fail("there is no token " + std::to_string(id));
    return changed;
}

Result<std::int64_t> UserStore::revoke_token_secret(std::string_view token, std::int64_t now)
{
    std::lock_guard lock(m_mutex);
    auto statement = m_database->prepare("UPDATE tokens SET revoked = ?2 WHERE digest = ?1 AND revoked IS NULL");
    statement.bind(1, api_token_digest(token)).bind(2, now);
    if (statement.step() != Statement::Step::Done)
        return fail("cannot revoke: " + m_database->last_error());
    return m_database->changes();
}

Result<std::int64_t> UserStore::revoke_tokens_of(std::string_view name, std::int64_t now)
{
    std::lock_guard lock(m_mutex);
    if (auto user = find_user_locked(name); !user)
        return std::move(user).take_error();
    auto statement = m_database->prepare("UPDATE tokens SET revoked = ?2 WHERE user = ?1 AND revoked IS NULL");
    statement.bind(1, name).bind(2, now);
    if (statement.step() != Statement::Step::Done)
        return fail("cannot revoke: " + m_database->last_error());
    return m_database->changes();
}

} // namespace hallboard
