// Real and manual clocks.
#include "player/screen/local_clock.h"

#include <cmath>
#include <cstdlib>
#include <ctime>

namespace hallboard {

void use_time_zone(const std::string& zone)
{
    if (zone.empty())
        return;
    setenv("TZ", zone.c_str(), 1);
    tzset();
}

static FrameTime local_time_at(std::chrono::system_clock::time_point moment)
{
    auto const since_epoch = moment.time_since_epoch();
    auto const whole = std::chrono::floor<std::chrono::seconds>(since_epoch);
    std::time_t const now = static_cast<std::time_t>(whole.count());
    // Converting costs glibc a parse of the zone's rule text on every call; frames come 60 times
    // a second and the answer changes once.
    thread_local std::time_t cached_second = -1;
    thread_local std::string cached_zone;
    thread_local FrameTime cached;
    char const* zone = std::getenv("TZ");
    if (now != cached_second || cached_zone != (zone ? zone : "")) {
        std::tm local {};
        localtime_r(&now, &local);
        cached = FrameTime {};
        cached.local.date = { local.tm_year + 1900, local.tm_mon + 1, local.tm_mday };
        cached.local.minute_of_day = local.tm_hour * 60 + local.tm_min;
        cached.seconds_of_day = cached.local.minute_of_day * 60 + local.tm_sec;
        cached_second = now;
        cached_zone = zone ? zone : "";
    }
    FrameTime time = cached;
    time.second_fraction = std::chrono::duration<double>(since_epoch - whole).count();
    return time;
}

FrameTime local_time_now()
{
    return local_time_at(std::chrono::system_clock::now());
}

FrameTime SystemClock::at(std::chrono::steady_clock::time_point moment) const
{
    // The wall clock at `moment`, reckoned from now: the two clocks are read one after the other.
    auto const steady_now = std::chrono::steady_clock::now();
    auto const wall_now = std::chrono::system_clock::now();
    auto const wall = wall_now + std::chrono::duration_cast<std::chrono::system_clock::duration>(moment - steady_now);
    FrameTime time = local_time_at(wall);
    time.seconds = std::chrono::duration<double>(moment - m_start).count();
    return time;
}

std::chrono::steady_clock::time_point SystemClock::moment_of(double seconds) const
{
    return m_start
        + std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds));
}

AcceleratedClock::AcceleratedClock(LocalDateTime start, double speed)
    : m_start_local(start)
    , m_speed(speed)
{
}

FrameTime AcceleratedClock::at(std::chrono::steady_clock::time_point moment) const
{
    return time_after(m_start_local, std::chrono::duration<double>(moment - m_start).count() * m_speed);
}

std::chrono::steady_clock::time_point AcceleratedClock::moment_of(double seconds) const
{
    return m_start
        + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
            std::chrono::duration<double>(seconds / m_speed));
}

FrameTime time_after(const LocalDateTime& start, double seconds)
{
    FrameTime time;
    time.seconds = seconds;
    double const total = start.minute_of_day * 60.0 + seconds;
    long const day_offset = static_cast<long>(std::floor(total / 86400));
    double const within_day = total - static_cast<double>(day_offset) * 86400;
    int const second_of_day = static_cast<int>(within_day);
    time.second_fraction = within_day - second_of_day;
    time.local.date = civil_from_days(days_from_civil(start.date) + day_offset);
    time.seconds_of_day = second_of_day;
    time.local.minute_of_day = second_of_day / 60;
    return time;
}

ManualClock::ManualClock(LocalDateTime start)
    : m_now(time_after(start, 0))
    , m_start(start)
{
}

void ManualClock::advance(double seconds)
{
    m_now = time_after(m_start, m_now.seconds + seconds);
}

} // namespace hallboard
