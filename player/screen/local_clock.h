// Wall-clock time in the screen's time zone, and a clock interface so that the player,
// `render --at` and the benchmark can all run on a time they choose.
#pragma once

#include "base/local_time.h"

#include <chrono>
#include <optional>
#include <string>

namespace hallboard {

struct FrameTime {
    double seconds = 0;         // monotonic seconds since the show started: drives animation
    LocalDateTime local;        // wall time in the screen's zone: drives the clock and eligibility
    int seconds_of_day = 0;     // wall time with seconds, for the clock
    double second_fraction = 0; // how far into the wall-clock second, 0 to 1: when the clock next ticks
};

class Clock {
public:
    virtual ~Clock() = default;
    virtual FrameTime now() = 0;
};

// The clock of a running show: maps moments of the steady clock to the time a frame shows,
// and show seconds back to steady moments (when the frame loop should wake for a change).
class ShowClock : public Clock {
public:
    FrameTime now() override { return at(std::chrono::steady_clock::now()); }
    // The time a frame due at `moment` shows (frames show the moment of their deadline, not of
    // the instant they were drawn, so that motion keeps an even pace).
    virtual FrameTime at(std::chrono::steady_clock::time_point moment) const = 0;
    // The steady moment at which the show reaches FrameTime::seconds == `seconds`.
    virtual std::chrono::steady_clock::time_point moment_of(double seconds) const = 0;
    // How many show seconds pass in one real second (1 but for simulations).
    virtual double speed() const { return 1; }
    std::chrono::steady_clock::time_point start() const { return m_start; }
    // The show starts now (second 0, and the simulated clock's start time, are now).
    void start_now() { start_at(std::chrono::steady_clock::now()); }
    // The show starts at `moment`: the play loop passes the steady time it was given, so that a
    // test driving it on simulated steady time gets frame times from the same time line.
    void start_at(std::chrono::steady_clock::time_point moment) { m_start = moment; }

protected:
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
};

// Reads the real clocks. The zone is the process's (set with use_time_zone).
class SystemClock final : public ShowClock {
public:
    FrameTime at(std::chrono::steady_clock::time_point moment) const override;
    std::chrono::steady_clock::time_point moment_of(double seconds) const override;
};

// A simulated wall clock that starts at `start` and runs `speed` times faster than real time,
// animation included: for running a week of a screen's life in minutes (`play --clock-speed`).
class AcceleratedClock final : public ShowClock {
public:
    AcceleratedClock(LocalDateTime start, double speed);
    FrameTime at(std::chrono::steady_clock::time_point moment) const override;
    std::chrono::steady_clock::time_point moment_of(double seconds) const override;
    double speed() const override { return m_speed; }

private:
    LocalDateTime m_start_local;
    double m_speed;
};

// A clock the caller moves by hand: for previews at a given moment and for benchmarks.
class ManualClock final : public Clock {
public:
    explicit ManualClock(LocalDateTime start);
    FrameTime now() override { return m_now; }
    void advance(double seconds);

private:
    FrameTime m_now;
    LocalDateTime m_start;
};

// The wall time `seconds` after `start` (what a ManualClock shows after advancing that far).
FrameTime time_after(const LocalDateTime& start, double seconds);

// Makes the process's local time the given IANA zone ("Asia/Shanghai"); empty keeps the system's.
void use_time_zone(const std::string& zone);

// The local wall time now.
FrameTime local_time_now();

} // namespace hallboard
