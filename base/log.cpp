// Log lines to stderr (or an installed sink), serialised by a mutex.
#include "base/log.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace hallboard {

namespace {
std::mutex g_mutex;
LogSink g_sink;
LogLevel g_minimum = LogLevel::Info;

char const* level_name(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug:
        return "debug";
    case LogLevel::Info:
        return "info";
    case LogLevel::Warning:
        return "warning";
    case LogLevel::Error:
        return "error";
    }
    return "?";
}
} // namespace

void set_log_sink(LogSink sink)
{
    std::lock_guard lock(g_mutex);
    g_sink = std::move(sink);
}

void set_log_level(LogLevel minimum)
{
    std::lock_guard lock(g_mutex);
    g_minimum = minimum;
}

void log_message(LogLevel level, std::string_view message)
{
    std::lock_guard lock(g_mutex);
    if (level < g_minimum)
        return;
    if (g_sink) {
        g_sink(level, message);
        return;
    }
    auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm local {};
    localtime_r(&now, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", &local);
    std::fprintf(stderr, "%s %s: %.*s\n", stamp, level_name(level), static_cast<int>(message.size()), message.data());
}

} // namespace hallboard
