// Counting the play loop's frames and writing its figures to the log.
#include "player/show/play_figures.h"

#include "base/log.h"
#include "player/render/texture_tally.h"
#include "player/screen/process_figures.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

namespace hallboard {

namespace {

using Milliseconds = std::chrono::duration<double, std::milli>;

std::string format(char const* pattern, double a, double b = 0, double c = 0, double d = 0)
{
    char line[256];
    std::snprintf(line, sizeof line, pattern, a, b, c, d);
    return line;
}

void log_first_frame()
{
    auto const wall = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    log_info(format("first frame on screen %.3f s after the process started (at %.3f since the epoch); PSS %.1f MiB",
        milliseconds_since_process_start() / 1000, wall, proportional_mebibytes()));
}

} // namespace

void PlayFigures::frame_shown(
    const FrameTime& time, const FrameReport& report, const FrameMoments& moments, const ScreenShow& show)
{
    ++m_frames;
    if (!report.damage.empty())
        ++m_presented;
    for (auto const& rect : report.damage)
        m_damaged_pixels += static_cast<long long>(rect.w) * rect.h;
    explain_if_late(report, moments);
    if (!m_summary_started)
        m_summary_started = time.seconds;
    if (time.seconds - *m_summary_started >= late_summary_seconds)
        log_late_summary(time.seconds);
    m_previous_ahead_ms = moments.ahead_ms;
    if (m_frames == 1)
        log_first_frame();
    // Twice a (possibly simulated) day, at midnight and at noon: what the process holds, to show
    // that a screen running for months does not grow. Noon is inside any hall's opening hours,
    // midnight usually outside.
    std::pair<Date, bool> const half_day { time.local.date, time.local.minute_of_day >= 12 * 60 };
    if (m_half_day != half_day) {
        if (m_half_day)
            log_held(time, show);
        m_half_day = half_day;
    }
    if (report.slide_changed)
        ++m_slides;
}

void PlayFigures::explain_if_late(const FrameReport& report, const FrameMoments& moments)
{
    auto const late_before = m_ticker.late_frames();
    m_ticker.frame_shown(moments.shown, report.ticker_moved);
    if (m_ticker.late_frames() == late_before)
        return;
    if (late_before >= explained_late_frames) {
        auto& late = m_late_since_summary;
        ++late.count;
        late.at_slide_change += report.slide_changed ? 1 : 0;
        late.in_transition += report.in_transition ? 1 : 0;
        late.worst_ms = std::max(late.worst_ms, Milliseconds(moments.shown - moments.deadline).count());
        return;
    }
    log_info(
        format("late ticker frame: woke %.1f ms after its deadline, drew for %.1f ms, presented in %.1f ms; "
               "the frame before worked ahead for %.1f ms",
            Milliseconds(moments.woke - moments.deadline).count(), Milliseconds(moments.drawn - moments.woke).count(),
            Milliseconds(moments.shown - moments.drawn).count(), m_previous_ahead_ms)
        + (report.slide_changed        ? " (slide change)"
                : report.in_transition ? " (transition)"
                                       : ""));
}

void PlayFigures::log_late_summary(double now_seconds)
{
    auto const& late = m_late_since_summary;
    if (late.count > 0)
        log_info("late ticker frames in the last " + format("%.0f s: ", now_seconds - m_summary_started.value_or(0))
            + std::to_string(late.count) + format(", worst %.1f ms after its deadline", late.worst_ms) + "; "
            + std::to_string(late.at_slide_change) + " at a slide change, " + std::to_string(late.in_transition)
            + " in a transition");
    m_late_since_summary = {};
    m_summary_started = now_seconds;
}

void PlayFigures::log_held(const FrameTime& time, const ScreenShow& show) const
{
    log_info("figures at " + format_date_time(time.local) + ": RSS " + format("%.1f MiB, ", resident_mebibytes())
        + "open files " + std::to_string(open_file_descriptors()) + ", threads " + std::to_string(thread_count())
        + ", textures " + std::to_string(live_textures())
        + format(" (%.1f MB held by the show)", static_cast<double>(show.texture_bytes()) / 1e6) + ", frames "
        + std::to_string(m_frames) + ", slides " + std::to_string(m_slides));
}

void PlayFigures::log_totals(double seconds) const
{
    log_info("frames: " + std::to_string(m_frames) + " drawn in " + format("%.1f", seconds) + " s, "
        + std::to_string(m_presented) + " presented, "
        + format(
            "%.1f", m_presented ? static_cast<double>(m_damaged_pixels) / static_cast<double>(m_presented) / 1000 : 0)
        + " kpixel each on average");
    auto const late_after_ms
        = std::chrono::duration_cast<std::chrono::milliseconds>(TickerSmoothness::late_after).count();
    log_info("ticker: " + std::to_string(m_ticker.frames()) + " frames in " + format("%.1f", m_ticker.moving_seconds())
        + " s, " + std::to_string(m_ticker.late_frames()) + " later than " + std::to_string(late_after_ms) + " ms ("
        + format("%.2f per 10 s), worst gap %.1f ms", m_ticker.late_per_10_seconds(), m_ticker.worst_gap_ms()));
}

} // namespace hallboard
