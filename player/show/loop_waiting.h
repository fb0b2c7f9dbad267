// How the play loop reads the time and sleeps between frames: the seam that lets a test run the
// loop on simulated time, with no sleeping at all.
#pragma once

#include <SDL.h>

#include <chrono>
#include <optional>

namespace hallboard {

// Called by the play loop on the render thread only.
class LoopWaiting {
public:
    using Time = std::chrono::steady_clock::time_point;
    virtual ~LoopWaiting() = default;

    virtual Time now() = 0;
    // Sleeps from `now` towards `until`, or less: the loop calls again until the time is reached,
    // handling events and looking at the config files between calls. Returns an event that
    // ended the sleep early, for the loop to handle.
    virtual std::optional<SDL_Event> wait(Time now, Time until) = 0;
};

// The real clock and SDL's event queue.
class SdlWaiting final : public LoopWaiting {
public:
    // Reads which video driver SDL runs on: SDL must have started video.
    SdlWaiting();

    Time now() override { return std::chrono::steady_clock::now(); }
    std::optional<SDL_Event> wait(Time now, Time until) override;

    // SDL's offscreen and dummy drivers (tests, headless runs) cannot wait for an event:
    // SDL_WaitEventTimeout polls them every millisecond, 3 % of a core for a screen at rest. On
    // them the loop sleeps in slices this long instead; an event from another thread waits a
    // slice at most.
    static constexpr std::chrono::milliseconds polling_driver_slice { 50 };
    // Below this much time left, the loop sleeps to the deadline itself rather than wait for an
    // event: an event wait's timeout is whole milliseconds, too coarse for the last one.
    static constexpr std::chrono::milliseconds precise_sleep_below { 2 };

private:
    bool m_driver_waits; // the driver can block until an event arrives
};

} // namespace hallboard
