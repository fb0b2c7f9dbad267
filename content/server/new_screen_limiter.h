// A bound on how fast one client address may introduce new screen ids to the server.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace hallboard {

struct NewScreenLimits {
    int per_minute = 20;               // new screen ids one address may introduce per minute, all at
                                       // once or spread out (a hall's screens started together)
    std::size_t max_addresses = 65536; // addresses remembered at once (memory bound, ~100 bytes each)
};

// A generic cell rate algorithm per address: each new id books 60/per_minute seconds, and an
// address may be booked at most a minute ahead. Heartbeats of known screens never come here.
// IPv6 addresses count by their /64 prefix, which one host is usually given whole.
//
// Not thread-safe: the screen registry calls it under its own mutex. Times are Unix seconds,
// passed in, so that tests control them.
class NewScreenLimiter {
public:
    explicit NewScreenLimiter(NewScreenLimits limits);

    // 0 when `address` may introduce one more screen id now (and books it); otherwise the
    // seconds to wait (at least 1), and nothing is booked.
    std::int64_t admit(std::string_view address, std::int64_t now);

    std::size_t remembered() const { return m_booked_until.size(); }

private:
    void forget_idle(double now);

    NewScreenLimits m_limits;
    std::unordered_map<std::string, double> m_booked_until; // address key -> Unix seconds
};

// The key an address is limited by: IPv4 as it is, IPv6 as its /64 prefix.
std::string address_key(std::string_view address);

} // namespace hallboard
