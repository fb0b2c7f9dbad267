// Log lines and proof-of-play calls for a frame that changed what the screen shows.
#include "player/show/slide_announcements.h"

#include "base/log.h"
#include "player/screen/rotation_cursor.h"

#include <string>

namespace hallboard {

void announce_frame(const ShowFrame& frame, const FrameTime& time, const ScreenConfig& config, FirstFrame first,
    ScreenReporting* reporting)
{
    if (frame.switched && !frame.screen_on) {
        log_info("opening hours: screen off at " + format_date_time(time.local) + " ("
            + (config.off_hours == OffHours::DimmedClock ? "dimmed clock" : "blank") + ")");
        if (reporting)
            reporting->slide_shown({}, time.local, time.seconds);
    } else if (frame.switched && first == FirstFrame::No) {
        log_info("opening hours: screen on at " + format_date_time(time.local));
    }
    auto const& report = frame.report;
    if (!report.slide_changed)
        return;
    log_info("showing '" + report.notice_id + "' page " + std::to_string(report.page + 1) + "/"
        + std::to_string(report.page_count));
    if (reporting)
        reporting->slide_shown(
            report.notice_id == fallback_notice_id ? std::string() : report.notice_id, time.local, time.seconds);
}

} // namespace hallboard
