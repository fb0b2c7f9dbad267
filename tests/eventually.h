// Waiting in a test for something another thread or process does (shared by the suites).
#pragma once

#include <chrono>
#include <thread>

namespace hallboard::test {

// Polls `condition` every `every` for up to `limit`; true as soon as it holds.
template <typename Condition>
bool eventually(Condition condition, std::chrono::milliseconds limit = std::chrono::milliseconds(5000),
    std::chrono::milliseconds every = std::chrono::milliseconds(10))
{
    auto until = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < until) {
        if (condition())
            return true;
        std::this_thread::sleep_for(every);
    }
    return condition();
}

} // namespace hallboard::test
