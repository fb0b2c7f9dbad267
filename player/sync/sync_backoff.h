// How long a screen waits before its next poll: the poll interval, or a growing, jittered backoff after failures.
#pragma once

#include <chrono>
#include <functional>

namespace hallboard::sync {

inline constexpr std::chrono::milliseconds backoff_first_step { 2000 };      // the first retry comes after 1-2 s
inline constexpr std::chrono::milliseconds backoff_least_ceiling { 300000 }; // steps stop growing at max(poll, 5 min)

// A number in [0, 1); injected so that tests choose the jitter.
using UnitRandom = std::function<double()>;
UnitRandom system_unit_random(); // seeded from std::random_device

// The delay after `failures` consecutive failed cycles (1 for the first): the step doubles from
// backoff_first_step each time, up to max(poll, backoff_least_ceiling), and the delay is drawn
// with "equal jitter" from [step/2, step): never shorter than half a step, so a fleet of screens
// does not hammer a server that has just come back, and spread so that they do not all return at
// once. `unit_random` outside [0, 1) is clamped.
std::chrono::milliseconds backoff_delay(int failures, std::chrono::milliseconds poll, double unit_random);

// The delay before the next cycle: `poll` after a success, backoff_delay after a failure.
class Backoff {
public:
    Backoff(std::chrono::milliseconds poll, UnitRandom random);
    std::chrono::milliseconds after_success();
    std::chrono::milliseconds after_failure();
    int failures() const { return m_failures; }

private:
    std::chrono::milliseconds m_poll;
    UnitRandom m_random;
    int m_failures = 0;
};

} // namespace hallboard::sync
