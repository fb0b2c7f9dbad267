// UniqueFd: closes on scope exit and reset, moves ownership, gives it up on release.
#include "base/unique_fd.h"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <unistd.h>

using hallboard::UniqueFd;

namespace {

bool is_open(int fd)
{
    return ::fcntl(fd, F_GETFD) != -1;
}

int open_null()
{
    int fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    REQUIRE(fd >= 0);
    return fd;
}

} // namespace

TEST_CASE("unique fd: closes the descriptor when it goes out of scope")
{
    int raw = -1;
    {
        UniqueFd fd(open_null());
        raw = fd.get();
        CHECK(fd.valid());
        CHECK(static_cast<bool>(fd));
        CHECK(is_open(raw));
    }
    CHECK_FALSE(is_open(raw));
}

TEST_CASE("unique fd: an empty one is invalid and closing it fails")
{
    UniqueFd fd;
    CHECK_FALSE(fd.valid());
    CHECK_FALSE(fd);
    CHECK(fd.get() == -1);
    CHECK_FALSE(fd.close());
    CHECK_FALSE(UniqueFd(-1).valid());
}

TEST_CASE("unique fd: a move hands the descriptor over and leaves the source empty")
{
    UniqueFd first(open_null());
    int raw = first.get();
    UniqueFd second(std::move(first));
    CHECK_FALSE(first.valid());
    CHECK(second.get() == raw);

    UniqueFd third(open_null());
    int other = third.get();
    third = std::move(second); // the descriptor third held is closed
    CHECK_FALSE(is_open(other));
    CHECK(third.get() == raw);
    CHECK(is_open(raw));
    third.reset();
    CHECK_FALSE(is_open(raw));
}

TEST_CASE("unique fd: release gives the descriptor up without closing it")
{
    UniqueFd fd(open_null());
    int raw = fd.release();
    CHECK_FALSE(fd.valid());
    CHECK(is_open(raw));
    UniqueFd again(raw); // owned again, so the test does not leak it
}

TEST_CASE("unique fd: close reports success once and empties the owner")
{
    UniqueFd fd(open_null());
    int raw = fd.get();
    CHECK(fd.close());
    CHECK_FALSE(fd.valid());
    CHECK_FALSE(is_open(raw));
    CHECK_FALSE(fd.close());
}
