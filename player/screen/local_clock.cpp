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

FrameTime local_time_now()
{
    std::time_t now = std::time(nullptr);
    std::tm local {};
    localtime_r(&now, &local);
    FrameTime time;
    time.local.date = { local.tm_year + 1900, local.tm_mon + 1, local.tm_mday };
    time.local.minute_of_day = local.tm_hour * 60 + local.tm_min;
    time.seconds_of_day = time.local.minute_of_day * 60 + local.tm_sec;
    return time;
}

SystemClock::SystemClock()
    : m_start(std::chrono::steady_clock::now())
{
}

FrameTime SystemClock::now()
{
    FrameTime time = local_time_now();
    time.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    return time;
}

ManualClock::ManualClock(LocalDateTime start)
{
    m_now.local = start;
    m_now.seconds_of_day = start.minute_of_day * 60;
    m_start_seconds_of_day = m_now.seconds_of_day;
    m_start_day = days_from_civil(start.date);
}

void ManualClock::advance(double seconds)
{
    m_now.seconds += seconds;
    double total = m_start_seconds_of_day + m_now.seconds;
    long day_offset = static_cast<long>(std::floor(total / 86400));
    int second_of_day = static_cast<int>(total - static_cast<double>(day_offset) * 86400);
    m_now.local.date = civil_from_days(m_start_day + day_offset);
    m_now.seconds_of_day = second_of_day;
    m_now.local.minute_of_day = second_of_day / 60;
}

} // namespace hallboard
