// The player's log: one line per event, to stderr by default; tests install a recording sink.
// Safe to call from any thread.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace hallboard {

enum class LogLevel { Debug, Info, Warning, Error };

using LogSink = std::function<void(LogLevel, std::string_view message)>;

// Replaces where log lines go; an empty sink restores the default (stderr, with a timestamp).
void set_log_sink(LogSink sink);
void set_log_level(LogLevel minimum); // default: Info

void log_message(LogLevel level, std::string_view message);
inline void log_debug(std::string_view message)
{
    log_message(LogLevel::Debug, message);
}
inline void log_info(std::string_view message)
{
    log_message(LogLevel::Info, message);
}
inline void log_warning(std::string_view message)
{
    log_message(LogLevel::Warning, message);
}
inline void log_error(std::string_view message)
{
    log_message(LogLevel::Error, message);
}

} // namespace hallboard
