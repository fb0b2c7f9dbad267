// The login throttle: a sliding window of failure times per key.
#include "content/accounts/login_throttle.h"

#include <algorithm>

namespace hallboard {

namespace {

std::string name_key(std::string_view name)
{
    return "name:" + std::string(name);
}

std::string address_key(std::string_view address)
{
    return "addr:" + std::string(address);
}

} // namespace

void LoginThrottle::forget_old(Failures& failures, std::int64_t now) const
{
    while (!failures.empty() && failures.front() + m_policy.window_seconds <= now)
        failures.pop_front();
}

std::optional<std::int64_t> LoginThrottle::wait_for(const std::string& key, std::int64_t now)
{
    auto found = m_failures.find(key);
    if (found == m_failures.end())
        return std::nullopt;
    forget_old(found->second, now);
    if (found->second.empty()) {
        m_failures.erase(found);
        return std::nullopt;
    }
    auto const& failures = found->second;
    if (failures.size() < m_policy.max_failures)
        return std::nullopt;
    // Allowed again once so many have left the window that fewer than the maximum remain.
    auto oldest_counted = failures[failures.size() - m_policy.max_failures];
    return std::max<std::int64_t>(1, oldest_counted + m_policy.window_seconds - now);
}

std::optional<std::int64_t> LoginThrottle::wait_before_try(
    std::string_view name, std::string_view address, std::int64_t now)
{
    auto by_name = wait_for(name_key(name), now);
    auto by_address = wait_for(address_key(address), now);
    if (by_name && by_address)
        return std::max(*by_name, *by_address);
    return by_name ? by_name : by_address;
}

void LoginThrottle::record_failure(std::string_view name, std::string_view address, std::int64_t now)
{
    for (auto const& key : { name_key(name), address_key(address) }) {
        auto& failures = m_failures[key];
        forget_old(failures, now);
        failures.push_back(now);
        // Only the last max_failures times decide anything; keep no more.
        while (failures.size() > m_policy.max_failures)
            failures.pop_front();
    }
    limit_keys();
}

void LoginThrottle::record_success(std::string_view name, std::int64_t)
{
    m_failures.erase(name_key(name));
}

void LoginThrottle::limit_keys()
{
    // Many addresses or invented names must not grow memory without end: drop the keys whose
    // latest failure is oldest. Linear, but only when the bound is crossed.
    while (m_failures.size() > m_policy.max_keys) {
        auto oldest = std::min_element(m_failures.begin(), m_failures.end(),
            [](auto const& a, auto const& b) { return a.second.back() < b.second.back(); });
        m_failures.erase(oldest);
    }
}

} // namespace hallboard
