// What a playing screen tells its server: which notice it shows, for how long (proof of play),
// its content version and its last sync, sent as a heartbeat every interval.
#pragma once

#include "base/local_time.h"
#include "player/sync/content_feed.h"
#include "player/config/screen_config.h"
#include "player/status/heartbeat_sender.h"
#include "player/status/play_counter.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace hallboard {

// Created on the render thread, which calls content_changed() and slide_shown(); the heartbeat
// sender reads the state from its own thread. Only for screens fed by a server: a screen with
// a local content source has nobody to report to.
class ScreenReporting {
public:
    // Starts the heartbeat sender for config.server; `feed` must outlive this object.
    // `thumbnail` makes the picture an admin asks for (called on the sender's thread).
    ScreenReporting(
        const ScreenConfig& config, const ContentFeed& feed, std::uint64_t version, ThumbnailSource thumbnail);
    ~ScreenReporting();
    ScreenReporting(const ScreenReporting&) = delete;
    ScreenReporting& operator=(const ScreenReporting&) = delete;

    // A new content version is on screen: reported at once rather than at the next interval.
    void content_changed(std::uint64_t version);
    // screen.hall was changed in a reloaded config: heartbeats carry the new name.
    void hall_renamed(std::string hall);
    // The slide on screen is now `notice_id` (empty: the fallback slide), since `local` wall time
    // and `seconds` of the show's monotonic time. The previous notice's showing is counted.
    // Outside the opening hours the screen is blank: pass an empty id.
    void slide_shown(const std::string& notice_id, const LocalDateTime& local, double seconds);
    // Counts the showing in progress and stops the sender (within ~100 ms).
    void stop(double seconds);

private:
    HeartbeatSnapshot snapshot() const; // on the sender's thread

    const std::string m_screen; // screen.id: a reload that changes it restarts the player
    const ContentFeed& m_feed;
    PlayCounter m_plays;

    mutable std::mutex m_mutex;
    std::string m_hall;          // guarded by m_mutex
    std::uint64_t m_version = 0; // guarded by m_mutex
    std::string m_notice;        // guarded by m_mutex; empty: fallback slide
    Date m_notice_date;          // local date the current showing began
    double m_notice_since = 0;   // monotonic seconds when it began
    std::unique_ptr<HeartbeatSender> m_sender;
};

} // namespace hallboard
