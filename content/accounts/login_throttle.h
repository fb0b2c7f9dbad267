// Slowing down password guessing: failures counted per user name and per client address.
// Pure: the time is passed in, so tests step it by hand.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace hallboard {

struct ThrottlePolicy {
    std::size_t max_failures = 5;      // failures within the window before logins are refused
    std::int64_t window_seconds = 900; // 15 minutes
    std::size_t max_keys = 10000;      // names + addresses remembered; the oldest go first
};

// Not thread-safe: the caller serialises (the server holds it behind the accounts' mutex).
class LoginThrottle {
public:
    explicit LoginThrottle(ThrottlePolicy policy = {})
        : m_policy(policy)
    {
    }

    // Seconds to wait before `name` may try again from `address`, or nullopt when a try is
    // allowed now. Asked before the password is even looked at, so refused tries cost nothing.
    std::optional<std::int64_t> wait_before_try(std::string_view name, std::string_view address, std::int64_t now);

    void record_failure(std::string_view name, std::string_view address, std::int64_t now);
    // A right password clears the name's failures, not the address's: otherwise one known
    // account would let an address reset its count while guessing others.
    void record_success(std::string_view name, std::int64_t now);

private:
    using Failures = std::deque<std::int64_t>; // times, oldest first
    std::optional<std::int64_t> wait_for(const std::string& key, std::int64_t now);
    void forget_old(Failures& failures, std::int64_t now) const;
    void limit_keys();

    ThrottlePolicy m_policy;
    std::map<std::string, Failures> m_failures; // "name:alice" / "addr:10.0.0.3"
};

} // namespace hallboard
