// Wall-clock time in the screen's time zone, and a clock interface so that the player,
// `render --at` and the benchmark can all run on a time they choose.
#pragma once

#include "content/local_time.h"

#include <chrono>
#include <optional>
#include <string>

namespace hallboard {

struct FrameTime {
    double seconds = 0;     // monotonic seconds since the show started: drives animation
    LocalDateTime local;    // wall time in the screen's zone: drives the clock and eligibility
    int seconds_of_day = 0; // wall time with seconds, for the clock
    double second_fraction = 0; // how far into the wall-clock second, 0 to 1: when the clock next ticks
};

class Clock {
public:
    virtual ~Clock() = default;
    virtual FrameTime now() = 0;
};

// Reads the real clocks. The zone is the process's (set with use_time_zone).
class SystemClock final : public Clock {
public:
    SystemClock();
    FrameTime now() override;
    // The time a frame due at `moment` shows (frames show the moment of their deadline, not of
    // the instant they were drawn, so that motion keeps an even pace).
    FrameTime at(std::chrono::steady_clock::time_point moment) const;
    std::chrono::steady_clock::time_point start() const { return m_start; }

private:
    std::chrono::steady_clock::time_point m_start;
};

// A clock the caller moves by hand: for previews at a given moment and for benchmarks.
class ManualClock final : public Clock {
public:
    explicit ManualClock(LocalDateTime start);
    FrameTime now() override { return m_now; }
    void advance(double seconds);

private:
    FrameTime m_now;
    double m_start_seconds_of_day = 0;
    long m_start_day = 0;
};

// Makes the process's local time the given IANA zone ("Asia/Shanghai"); empty keeps the system's.
void use_time_zone(const std::string& zone);

// The local wall time now.
FrameTime local_time_now();

} // namespace hallboard
