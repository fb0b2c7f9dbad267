// A playing screen's content: local, or synced from a server and handed to the render thread.
#include "player/sync/content_feed.h"

#include "base/log.h"
#include "player/sync/content_sync.h"
#include "player/sync/sync_settings.h"
#include "player/sync/sync_thread.h"

#include <chrono>

namespace hallboard {

namespace {

// Long enough for a render thread busy preparing a slide; short enough that a screen whose
// render loop is stuck does not hold the sync (and the old blobs) for ever.
constexpr std::chrono::seconds hand_over_wait { 5 };

} // namespace

std::unique_ptr<ContentFeed> ContentFeed::local(std::shared_ptr<const ContentSource> content)
{
    std::unique_ptr<ContentFeed> feed(new ContentFeed);
    feed->m_initial = std::move(content);
    return feed;
}

Result<std::unique_ptr<ContentFeed>> ContentFeed::from_server(const ScreenConfig& config, std::function<void()> wake)
{
    auto settings = sync::sync_settings_from(config);
    if (!settings)
        return std::move(settings).take_error();
    auto opened = sync::ContentSync::open(std::move(*settings));
    if (!opened)
        return std::move(opened).take_error();
    auto content_sync = std::move(*opened);

    std::unique_ptr<ContentFeed> feed(new ContentFeed);
    feed->m_initial = content_sync->content();
    feed->m_initial_version = content_sync->version();
    feed->m_wake = std::move(wake);
    ContentFeed* raw = feed.get();
    feed->m_sync = std::make_unique<sync::SyncThread>(
        std::move(content_sync), [raw](std::shared_ptr<const ContentSource> content, std::uint64_t version) {
            raw->hand_over(std::move(content), version);
        });
    feed->m_sync->start();
    return feed;
}

ContentFeed::~ContentFeed()
{
    stop();
}

void ContentFeed::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_applied.notify_all();
    if (m_sync)
        m_sync->stop();
}

void ContentFeed::hand_over(std::shared_ptr<const ContentSource> content, std::uint64_t version)
{
    std::unique_lock lock(m_mutex);
    if (m_stopping)
        return;
    m_pending = std::move(content);
    m_pending_version = version;
    m_has_pending = true;
    if (m_wake)
        m_wake();
    bool applied = m_applied.wait_for(lock, hand_over_wait, [this] { return !m_has_pending || m_stopping; });
    if (!applied)
        log_warning("content: the screen did not take version " + std::to_string(version) + " within "
            + std::to_string(hand_over_wait.count()) + " s; it will when it can");
}

bool ContentFeed::apply_update(const std::function<void(std::shared_ptr<const ContentSource>, std::uint64_t)>& apply)
{
    std::shared_ptr<const ContentSource> content;
    std::uint64_t version = 0;
    {
        std::lock_guard lock(m_mutex);
        if (!m_has_pending)
            return false;
        content = m_pending;
        version = m_pending_version;
    }
    apply(std::move(content), version);
    {
        std::lock_guard lock(m_mutex);
        // A newer version may have been posted while `apply` ran: it stays pending.
        if (m_pending_version == version) {
            m_has_pending = false;
            m_pending.reset();
        }
    }
    m_applied.notify_all();
    return true;
}

std::optional<sync::SyncStatus> ContentFeed::sync_status() const
{
    if (!m_sync)
        return std::nullopt;
    return m_sync->status();
}

} // namespace hallboard
