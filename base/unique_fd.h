// A move-only owner of a POSIX file descriptor: closed when the owner goes, so no path forgets.
#pragma once

#include <utility>

namespace hallboard {

// Holds -1 when empty. Not thread-safe; one owner at a time, as with std::unique_ptr.
class UniqueFd {
public:
    UniqueFd() = default;
    explicit UniqueFd(int fd)
        : m_fd(fd)
    {
    }
    UniqueFd(UniqueFd&& other) noexcept
        : m_fd(other.release())
    {
    }
    UniqueFd& operator=(UniqueFd&& other) noexcept
    {
        if (this != &other)
            reset(other.release());
        return *this;
    }
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;
    ~UniqueFd() { reset(); }

    int get() const { return m_fd; }
    bool valid() const { return m_fd >= 0; }
    explicit operator bool() const { return valid(); }

    // Gives the descriptor up without closing it; the caller owns it now.
    [[nodiscard]] int release() { return std::exchange(m_fd, -1); }
    // Closes the held descriptor (ignoring the result) and takes `fd`.
    void reset(int fd = -1);
    // Closes now and says whether ::close succeeded: on some file systems a write error is
    // only reported by close, so durable writes must check it. False when empty. The
    // descriptor is given up either way (retrying close after EINTR may close a reused fd).
    bool close();

private:
    int m_fd = -1;
};

} // namespace hallboard
