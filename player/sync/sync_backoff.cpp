// Exponential backoff with equal jitter.
#include "player/sync/sync_backoff.h"

#include <algorithm>
#include <memory>
#include <random>

namespace hallboard::sync {

using std::chrono::milliseconds;

UnitRandom system_unit_random()
{
    auto engine = std::make_shared<std::mt19937_64>(std::random_device {}());
    return [engine] { return std::uniform_real_distribution<double>(0.0, 1.0)(*engine); };
}

milliseconds backoff_delay(int failures, milliseconds poll, double unit_random)
{
    auto ceiling = std::max(poll, backoff_least_ceiling);
    auto step = backoff_first_step;
    for (int i = 1; i < failures && step < ceiling; ++i)
        step *= 2;
    step = std::min(step, ceiling);
    double jitter = std::clamp(unit_random, 0.0, 1.0);
    auto half = step.count() / 2;
    auto extra = static_cast<milliseconds::rep>(jitter * static_cast<double>(step.count() - half));
    return milliseconds(half + std::min(extra, step.count() - half - 1));
}

Backoff::Backoff(milliseconds poll, UnitRandom random)
    : m_poll(poll)
    , m_random(random ? std::move(random) : system_unit_random())
{
}

milliseconds Backoff::after_success()
{
    m_failures = 0;
    return m_poll;
}

milliseconds Backoff::after_failure()
{
    ++m_failures;
    return backoff_delay(m_failures, m_poll, m_random());
}

} // namespace hallboard::sync
