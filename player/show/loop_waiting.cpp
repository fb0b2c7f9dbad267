// Sleeping until a frame's deadline on SDL: blocked in the event wait where the driver can, in
// slices where it cannot.
#include "player/show/loop_waiting.h"

#include "player/config/config_watcher.h"

#include <algorithm>
#include <string_view>
#include <thread>

namespace hallboard {

namespace {

// The drivers whose event wait is a busy poll (see SdlWaiting::polling_driver_slice). SDL has
// no way to ask a driver whether it can block, so they are known by name.
bool driver_can_block(std::string_view driver)
{
    return driver != "offscreen" && driver != "dummy";
}

} // namespace

SdlWaiting::SdlWaiting()
    : m_driver_waits(driver_can_block(SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : ""))
{
}

std::optional<SDL_Event> SdlWaiting::wait(Time now, Time until)
{
    using std::chrono::milliseconds;
    // Whole milliseconds, rounded down as the event wait's timeout is; one is kept back so
    // that the precise sleep below ends on time.
    auto const remaining = std::chrono::duration_cast<milliseconds>(until - now);
    if (remaining < precise_sleep_below) {
        std::this_thread::sleep_until(until); // the last millisecond, precisely
        return std::nullopt;
    }
    auto const budget = remaining - milliseconds(1);
    if (!m_driver_waits) {
        std::this_thread::sleep_for(std::min(budget, polling_driver_slice));
        return std::nullopt;
    }
    // Blocks in poll() on the X connection: no CPU while waiting, and any event (from the X
    // server, SDL_PushEvent from another thread, a signal) wakes it. At least every check
    // interval it wakes for the loop to look at the config files.
    auto const config_check = std::chrono::duration_cast<milliseconds>(ConfigWatcher::check_interval);
    SDL_Event event;
    if (SDL_WaitEventTimeout(&event, static_cast<int>(std::min(budget, config_check).count())))
        return event;
    return std::nullopt;
}

} // namespace hallboard
