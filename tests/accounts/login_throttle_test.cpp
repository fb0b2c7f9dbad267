// The login throttle with a hand-stepped clock.
#include "content/accounts/login_throttle.h"

#include <doctest/doctest.h>

using namespace hallboard;

TEST_CASE("throttle: five failures for one name refuse the sixth try for 15 minutes")
{
    LoginThrottle throttle;
    std::int64_t t = 1000;
    for (int i = 0; i < 5; ++i) {
        CHECK_FALSE(throttle.wait_before_try("alice", "10.0.0.1", t));
        throttle.record_failure("alice", "10.0.0.1", t);
        t += 10;
    }
    // From another address too: the name is what is being guessed.
    auto wait = throttle.wait_before_try("alice", "10.0.0.2", t);
    REQUIRE(wait);
    CHECK(*wait == 1000 + 900 - t);
    CHECK_FALSE(throttle.wait_before_try("bob", "10.0.0.2", t));
    // The first failure leaves the window: one more try.
    CHECK(throttle.wait_before_try("alice", "10.0.0.2", 1899));
    CHECK_FALSE(throttle.wait_before_try("alice", "10.0.0.2", 1900));
}

TEST_CASE("throttle: five failures from one address refuse every name from it")
{
    LoginThrottle throttle;
    const char* names[] = { "a", "b", "c", "d", "e" };
    for (auto name : names)
        throttle.record_failure(name, "192.0.2.9", 5000);
    auto wait = throttle.wait_before_try("f", "192.0.2.9", 5001);
    REQUIRE(wait);
    CHECK(*wait == 899);
    CHECK_FALSE(throttle.wait_before_try("f", "192.0.2.10", 5001));
}

TEST_CASE("throttle: a right password clears the name's failures, not the address's")
{
    LoginThrottle throttle;
    for (int i = 0; i < 4; ++i)
        throttle.record_failure("alice", "10.0.0.1", 100);
    throttle.record_success("alice", 101);
    throttle.record_failure("alice", "10.0.0.1", 102);
    CHECK_FALSE(throttle.wait_before_try("alice", "10.0.0.3", 103)); // name: one failure since
    CHECK(throttle.wait_before_try("carol", "10.0.0.1", 103));       // address: five
}

TEST_CASE("throttle: the policy is a parameter, and memory stays bounded")
{
    LoginThrottle throttle(ThrottlePolicy { 2, 60, 3 });
    throttle.record_failure("x", "1", 0);
    CHECK_FALSE(throttle.wait_before_try("x", "1", 1));
    throttle.record_failure("x", "1", 1);
    CHECK(throttle.wait_before_try("x", "1", 2) == 58);
    CHECK_FALSE(throttle.wait_before_try("x", "1", 60));

    // Three keys at most: the oldest are forgotten, even within their window.
    LoginThrottle small(ThrottlePolicy { 2, 10000, 3 });
    small.record_failure("x", "1", 100);
    small.record_failure("x", "1", 101);
    CHECK(small.wait_before_try("x", "9", 102));
    small.record_failure("y", "2", 200);
    small.record_failure("z", "3", 300);
    CHECK_FALSE(small.wait_before_try("x", "9", 301));
    CHECK(small.wait_before_try("q", "3", 301) == std::nullopt); // one failure from "3" only
}
