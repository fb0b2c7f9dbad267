// The one error type of fallible functions: a value, or a message saying what went wrong.
// Errors travel as values inside the modules and are reported once at the top (the command
// prints one "error: ..." line), as SerenityOS's ErrorOr<T> does. Not std::expected: clang 14,
// which builds the fuzzers, cannot compile libstdc++'s <expected>.
// One failure per call; a file with many problems at once (content, configs) reports them
// through Diagnostics (base/diagnostics.h) instead. "Absent" that is not a failure (a file
// that may not exist yet) is Result<std::optional<T>>, as in durable::read_file.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace hallboard {

// Why something failed, in words for the person who reads the log or the terminal.
struct Error {
    std::string message;
};

// Spelt `return fail("cannot open " + path);` so that failure reads like a return.
inline Error fail(std::string message)
{
    return Error { std::move(message) };
}

// A T, or an Error. Test with `if (!result)`, then read `result.error()` or `*result`.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    {
    }
    Result(Error error)
        : m_state(std::in_place_index<1>, std::move(error))
    {
    }

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    // Only on success (checked by std::get: a misuse throws instead of reading garbage).
    T& value() & { return std::get<0>(m_state); }
    const T& value() const& { return std::get<0>(m_state); }
    T&& value() && { return std::get<0>(std::move(m_state)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T&& operator*() && { return std::move(*this).value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    // Only on failure.
    const std::string& error() const { return std::get<1>(m_state).message; }
    // Passes the failure on to a caller returning another Result type.
    Error take_error() && { return std::get<1>(std::move(m_state)); }

private:
    std::variant<T, Error> m_state;
};

// Success without a value.
struct Ok { };

template <>
class [[nodiscard]] Result<void> {
public:
    Result(Ok) { }
    Result(Error error)
        : m_error(std::move(error))
    {
    }

    bool ok() const { return !m_error; }
    explicit operator bool() const { return ok(); }
    const std::string& error() const { return m_error->message; }
    Error take_error() && { return std::move(*m_error); }

private:
    std::optional<Error> m_error;
};

} // namespace hallboard
