// A thin RAII layer over sqlite3: one connection, prepared statements, errors as values. Used by
// the server's screen registry and the desk's accounts.
#pragma once

#include "base/result.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace hallboard::sqlite {

// A prepared statement; reset after each use by whoever stepped it. Not thread-safe (neither
// is the connection it belongs to: callers serialise).
class Statement {
public:
    Statement() = default;
    Statement(sqlite3* database, sqlite3_stmt* statement);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    explicit operator bool() const { return m_statement != nullptr; }

    // Parameters are 1-based, as in SQL's ?1, ?2 …
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::int64_t number);
    Statement& bind_blob(int index, std::string_view bytes);
    Statement& bind_null(int index);

    enum class Step { Row, Done, Error };
    Step step();
    // Clears bindings and rewinds, ready for the next use.
    void reset();

    std::int64_t integer(int column) const; // 0-based columns
    std::string text(int column) const;     // "" for NULL
    bool is_null(int column) const;

private:
    sqlite3* m_database = nullptr;
    sqlite3_stmt* m_statement = nullptr;
};

// Resets a statement at scope exit, whatever path the code takes.
class StatementUse {
public:
    explicit StatementUse(Statement& statement)
        : m_statement(statement)
    {
    }
    ~StatementUse() { m_statement.reset(); }
    StatementUse(const StatementUse&) = delete;
    StatementUse& operator=(const StatementUse&) = delete;
    Statement* operator->() { return &m_statement; }

private:
    Statement& m_statement;
};

class Database {
public:
    // Who may read a database file that open() creates; an existing file keeps its mode (its
    // owner chose it). SQLite gives the -wal and -shm files the database file's mode.
    enum class NewFile {
        UmaskMode, // as any file the process creates
        OwnerOnly, // 0600: the file holds secrets (password hashes)
    };
    // Opens (creating if needed) the database file.
    static Result<std::unique_ptr<Database>> open(const std::filesystem::path& file, NewFile new_file);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Runs one or more statements that return no rows of interest; false with last_error() set.
    bool execute(std::string_view sql);
    // Prepares a statement kept for the life of the connection; an empty Statement on failure.
    Statement prepare(std::string_view sql);
    // The first column of the first row of a query, when it is an integer.
    std::optional<std::int64_t> query_integer(std::string_view sql);
    std::string query_text(std::string_view sql);

    std::int64_t changes() const; // rows changed by the last statement
    std::string last_error() const;

private:
    explicit Database(sqlite3* handle);
    sqlite3* m_handle = nullptr;
};

// Runs `BEGIN IMMEDIATE` now and `ROLLBACK` at scope exit unless commit() succeeded.
class Transaction {
public:
    explicit Transaction(Database& database);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    bool begun() const { return m_begun; }
    bool commit();

private:
    Database& m_database;
    bool m_begun = false;
    bool m_done = false;
};

} // namespace hallboard::sqlite
