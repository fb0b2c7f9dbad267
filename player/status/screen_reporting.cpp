// Proof of play and heartbeats of a playing screen: the render thread records, the sender reads.
#include "player/status/screen_reporting.h"

#include "content/publish/manifest.h"

namespace hallboard {

namespace {

SyncReport sync_report_of(const std::optional<sync::SyncStatus>& status)
{
    SyncReport report;
    if (!status || !status->last_attempt || !status->last_outcome)
        return report; // Never
    report.at = format_utc_timestamp(*status->last_attempt);
    if (*status->last_outcome == sync::CycleOutcome::Failed) {
        report.result = SyncResult::Failed;
        report.error = status->last_error.empty() ? "failed" : status->last_error;
    } else {
        report.result = SyncResult::Ok;
    }
    return report;
}

std::chrono::milliseconds shown_for(double since, double until)
{
    return std::chrono::milliseconds(static_cast<long long>(std::max(0.0, until - since) * 1000));
}

} // namespace

ScreenReporting::ScreenReporting(
    const ScreenConfig& config, const ContentFeed& feed, std::uint64_t version, ThumbnailSource thumbnail)
    : m_screen(config.id)
    , m_feed(feed)
    , m_hall(config.hall)
    , m_version(version)
{
    HeartbeatSenderOptions options;
    options.server = config.server;
    options.interval = config.heartbeat;
    m_sender = std::make_unique<HeartbeatSender>(
        options, [this] { return snapshot(); }, std::move(thumbnail));
    m_sender->start();
}

ScreenReporting::~ScreenReporting()
{
    if (m_sender)
        m_sender->stop();
}

void ScreenReporting::content_changed(std::uint64_t version)
{
    {
        std::lock_guard lock(m_mutex);
        m_version = version;
    }
    m_sender->send_now();
}

void ScreenReporting::hall_renamed(std::string hall)
{
    std::lock_guard lock(m_mutex);
    m_hall = std::move(hall);
}

void ScreenReporting::slide_shown(const std::string& notice_id, const LocalDateTime& local, double seconds)
{
    std::lock_guard lock(m_mutex);
    if (notice_id == m_notice)
        return; // the next page of the same notice: one showing
    if (!m_notice.empty())
        m_plays.record(m_notice_date, m_notice, shown_for(m_notice_since, seconds));
    m_notice = notice_id;
    m_notice_date = local.date;
    m_notice_since = seconds;
}

void ScreenReporting::stop(double seconds)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_notice.empty())
            m_plays.record(m_notice_date, m_notice, shown_for(m_notice_since, seconds));
        m_notice.clear();
    }
    m_sender->stop();
}

HeartbeatSnapshot ScreenReporting::snapshot() const
{
    HeartbeatSnapshot snapshot;
    snapshot.screen = m_screen;
    snapshot.sync = sync_report_of(m_feed.sync_status());
    snapshot.plays = m_plays.totals();
    std::lock_guard lock(m_mutex);
    snapshot.hall = m_hall;
    snapshot.version = m_version;
    if (!m_notice.empty())
        snapshot.current_notice = m_notice;
    return snapshot;
}

} // namespace hallboard
