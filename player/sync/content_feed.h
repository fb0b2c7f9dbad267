// Where a playing screen's content comes from: a local source folder, or a server that the
// sync thread keeps the screen's cache in step with.
#pragma once

#include "base/result.h"
#include "content/model/notice.h"
#include "player/config/screen_config.h"
#include "player/sync/sync_status.h"

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace hallboard {

namespace sync {
class SyncThread;
}

// Created and used on the render thread; the sync thread only calls its private handler.
// A new version is handed over in two steps so that nothing on screen loses its pictures: the
// sync thread posts it and wakes the render loop (through the `wake` callback it was given), then
// waits until the render thread has applied it (apply_update) before the sync deletes the
// previous version's blobs; it waits at most a few seconds, so a stuck screen cannot stop sync.
class ContentFeed {
public:
    // A feed of one local content source that never changes.
    static std::unique_ptr<ContentFeed> local(std::shared_ptr<const ContentSource> content);
    // A feed from config.server: opens (and locks) the cache at config.cache and takes the
    // cached content at once, with no network call, then starts the sync thread. `wake` is
    // called on the sync thread when a new version waits for apply_update (the player pushes an
    // event to its render loop). Fails (one line) when the settings are unusable or the cache
    // is in use or cannot be made.
    static Result<std::unique_ptr<ContentFeed>> from_server(const ScreenConfig& config, std::function<void()> wake);
    ~ContentFeed();
    ContentFeed(const ContentFeed&) = delete;
    ContentFeed& operator=(const ContentFeed&) = delete;

    // What to play at start: the local source, or the cached version (nullptr: none yet).
    std::shared_ptr<const ContentSource> initial() const { return m_initial; }
    std::uint64_t initial_version() const { return m_initial_version; }

    // Passes a waiting new version to `apply` (on the calling, render thread), then lets the
    // sync go on. Returns whether there was one.
    bool apply_update(const std::function<void(std::shared_ptr<const ContentSource>, std::uint64_t version)>& apply);

    // The sync's state for status reports; nullopt for a local feed.
    std::optional<sync::SyncStatus> sync_status() const;

    // Stops the sync thread (within ~100 ms); also done by the destructor.
    void stop();

private:
    ContentFeed() = default;
    void hand_over(std::shared_ptr<const ContentSource> content, std::uint64_t version); // on the sync thread

    std::shared_ptr<const ContentSource> m_initial;
    std::uint64_t m_initial_version = 0;
    std::function<void()> m_wake; // empty for a local feed

    std::mutex m_mutex;
    std::condition_variable m_applied;
    std::shared_ptr<const ContentSource> m_pending; // guarded by m_mutex
    std::uint64_t m_pending_version = 0;            // guarded by m_mutex
    bool m_has_pending = false;                     // guarded by m_mutex
    bool m_stopping = false;                        // guarded by m_mutex
    std::unique_ptr<sync::SyncThread> m_sync;
};

} // namespace hallboard
