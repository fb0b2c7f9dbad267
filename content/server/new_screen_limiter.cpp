// The per-address rate of new screen ids: one booking time per address, forgotten when idle.
#include "content/server/new_screen_limiter.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace hallboard {

namespace {

constexpr double window_s = 60;

}

std::string address_key(std::string_view address)
{
    std::string text(address);
    in6_addr ip6 {};
    if (text.find(':') == std::string::npos || ::inet_pton(AF_INET6, text.c_str(), &ip6) != 1)
        return text;
    std::memset(ip6.s6_addr + 8, 0, 8);
    char prefix[INET6_ADDRSTRLEN] = {};
    ::inet_ntop(AF_INET6, &ip6, prefix, sizeof prefix);
    return std::string(prefix) + "/64";
}

NewScreenLimiter::NewScreenLimiter(NewScreenLimits limits)
    : m_limits(limits)
{
    m_limits.per_minute = std::max(1, m_limits.per_minute);
    m_limits.max_addresses = std::max<std::size_t>(1, m_limits.max_addresses);
}

std::int64_t NewScreenLimiter::admit(std::string_view address, std::int64_t now_s)
{
    auto now = static_cast<double>(now_s);
    double const cost = window_s / m_limits.per_minute;
    auto key = address_key(address);
    auto found = m_booked_until.find(key);
    double booked = found == m_booked_until.end() ? now : std::max(found->second, now);
    // Never booked more than a window ahead, unless the clock was set back: start afresh then,
    // rather than lock the address out for as long as the clock jumped.
    if (booked > now + window_s)
        booked = now;
    if (booked + cost > now + window_s + 1e-9)
        return std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(booked + cost - window_s - now)));
    if (found == m_booked_until.end() && m_booked_until.size() >= m_limits.max_addresses) {
        forget_idle(now);
        // Still full: that many addresses each introduced a screen within the last minute. Wait
        // for one to go idle rather than let the table grow without bound.
        if (m_booked_until.size() >= m_limits.max_addresses)
            return static_cast<std::int64_t>(std::ceil(cost));
    }
    m_booked_until[key] = booked + cost;
    return 0;
}

// An address whose bookings all lie in the past is no different from one never seen.
void NewScreenLimiter::forget_idle(double now)
{
    std::erase_if(m_booked_until, [now](const auto& entry) { return entry.second <= now; });
}

} // namespace hallboard
