// The sqlite3 wrapper: connections, statements and transactions with errors as values.
#include "base/sqlite/sqlite_database.h"

#include <sqlite3.h>

#include "base/unique_fd.h"

#include <fcntl.h>

#include <cerrno>
#include <cstring>

#include <utility>

namespace hallboard::sqlite {

Statement::Statement(sqlite3* database, sqlite3_stmt* statement)
    : m_database(database)
    , m_statement(statement)
{
}

Statement::~Statement()
{
    sqlite3_finalize(m_statement);
}

Statement::Statement(Statement&& other) noexcept
    : m_database(std::exchange(other.m_database, nullptr))
    , m_statement(std::exchange(other.m_statement, nullptr))
{
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_statement);
        m_database = std::exchange(other.m_database, nullptr);
        m_statement = std::exchange(other.m_statement, nullptr);
    }
    return *this;
}

Statement& Statement::bind(int index, std::string_view text)
{
    sqlite3_bind_text64(m_statement, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    return *this;
}

Statement& Statement::bind(int index, std::int64_t number)
{
    sqlite3_bind_int64(m_statement, index, number);
    return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes)
{
    sqlite3_bind_blob64(m_statement, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind_null(int index)
{
    sqlite3_bind_null(m_statement, index);
    return *this;
}

Statement::Step Statement::step()
{
    switch (sqlite3_step(m_statement)) {
    case SQLITE_ROW:
        return Step::Row;
    case SQLITE_DONE:
        return Step::Done;
    default:
        return Step::Error;
    }
}

void Statement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

std::int64_t Statement::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

std::string Statement::text(int column) const
{
    // Blobs and text alike: sqlite3_column_blob gives the bytes, _bytes their count (after it).
    auto const* data = static_cast<const char*>(sqlite3_column_blob(m_statement, column));
    auto size = sqlite3_column_bytes(m_statement, column);
    return data ? std::string(data, static_cast<size_t>(size)) : std::string();
}

bool Statement::is_null(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

Database::Database(sqlite3* handle)
    : m_handle(handle)
{
}

Database::~Database()
{
    sqlite3_close_v2(m_handle);
}

Result<std::unique_ptr<Database>> Database::open(const std::filesystem::path& file, NewFile new_file)
{
    // Created private before SQLite sees it.
    if (new_file == NewFile::OwnerOnly
        && !UniqueFd(::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600)))
        return fail("cannot open " + file.string() + ": " + std::strerror(errno));
    sqlite3* handle = nullptr;
    // The caller serialises every use behind one mutex, so SQLite's own thread locking is not
    // needed; its file locking between processes still applies.
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(file.c_str(), &handle, flags, nullptr) != SQLITE_OK) {
        Error error = fail("cannot open " + file.string() + ": " + (handle ? sqlite3_errmsg(handle) : "out of memory"));
        sqlite3_close_v2(handle);
        return error;
    }
    sqlite3_extended_result_codes(handle, 1);
    // Two processes may write at the same moment (the server and the `users` command on the
    // accounts): wait for the other's transaction instead of failing with "database is locked".
    sqlite3_busy_timeout(handle, 5000);
    return std::unique_ptr<Database>(new Database(handle));
}

bool Database::execute(std::string_view sql)
{
    std::string text(sql);
    return sqlite3_exec(m_handle, text.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
}

Statement Database::prepare(std::string_view sql)
{
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v3(
            m_handle, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &statement, nullptr)
        != SQLITE_OK)
        return {};
    return Statement(m_handle, statement);
}

std::optional<std::int64_t> Database::query_integer(std::string_view sql)
{
    auto statement = prepare(sql);
    if (!statement || statement.step() != Statement::Step::Row || statement.is_null(0))
        return std::nullopt;
    return statement.integer(0);
}

std::string Database::query_text(std::string_view sql)
{
    auto statement = prepare(sql);
    if (!statement || statement.step() != Statement::Step::Row)
        return {};
    return statement.text(0);
}

std::int64_t Database::changes() const
{
    return sqlite3_changes64(m_handle);
}

std::string Database::last_error() const
{
    return sqlite3_errmsg(m_handle);
}

Transaction::Transaction(Database& database)
    : m_database(database)
{
    m_begun = m_database.execute("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (m_begun && !m_done)
        m_database.execute("ROLLBACK");
}

bool Transaction::commit()
{
    if (!m_begun || m_done)
        return false;
    m_done = m_database.execute("COMMIT");
    return m_done;
}

} // namespace hallboard::sqlite
