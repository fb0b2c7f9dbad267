// Shared fixtures for the render tests: one SDL session and font set per process, a log
// recorder, scratch files, and pixel helpers.
#pragma once

#include "base/log.h"
#include "player/render/font_set.h"
#include "player/render/offscreen.h"
#include "player/render/sdl_handles.h"
#include "player/render/sdl_session.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <unistd.h>

namespace hallboard::test {

// Offscreen rendering needs no video subsystem; starting without it also proves that.
inline SdlSession& session()
{
    static std::unique_ptr<SdlSession> s = SdlSession::start(SdlVideo::NotNeeded);
    REQUIRE(s);
    return *s;
}

inline FontSet& fonts()
{
    session();
    static std::unique_ptr<FontSet> set = FontSet::open({ "Noto Sans CJK SC" });
    REQUIRE(set);
    return *set;
}

struct LogLine {
    LogLevel level;
    std::string message;
};

// Captures log lines for the life of the object.
class LogRecorder {
public:
    LogRecorder()
    {
        set_log_sink([this](LogLevel level, std::string_view message) {
            std::lock_guard lock(m_mutex);
            m_lines.push_back(LogLine { level, std::string(message) });
        });
    }
    ~LogRecorder() { set_log_sink({}); }
    LogRecorder(const LogRecorder&) = delete;
    LogRecorder& operator=(const LogRecorder&) = delete;

    int count(LogLevel level, std::string_view containing) const
    {
        std::lock_guard lock(m_mutex);
        int n = 0;
        for (LogLine const& line : m_lines)
            n += line.level == level && line.message.find(containing) != std::string::npos;
        return n;
    }

private:
    mutable std::mutex m_mutex;
    std::vector<LogLine> m_lines;
};

// A fresh folder under the system temp dir, removed at the end of the test.
class ScratchDir {
public:
    ScratchDir()
    {
        static int counter = 0;
        m_path = std::filesystem::temp_directory_path()
            / ("hallboard-render-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::create_directories(m_path);
    }
    ~ScratchDir()
    {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }
    std::filesystem::path const& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

inline bool near_color(Color a, Color b, int tolerance = 8)
{
    auto close = [&](int x, int y) { return std::abs(x - y) <= tolerance; };
    return close(a.r, b.r) && close(a.g, b.g) && close(a.b, b.b) && close(a.a, b.a);
}

// Pixels in [x0, x1) x [y0, y1) that differ from `background`.
inline int count_not(OffscreenCanvas& canvas, int x0, int y0, int x1, int y1, Color background)
{
    int n = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x)
            n += !near_color(canvas.pixel(x, y), background, 2);
    return n;
}

} // namespace hallboard::test

namespace doctest {
template <>
struct StringMaker<hallboard::Color> {
    static String convert(const hallboard::Color& c)
    {
        return ("rgba(" + std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b) + ","
            + std::to_string(c.a) + ")")
            .c_str();
    }
};
} // namespace doctest
