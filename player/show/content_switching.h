// New content versions reaching the screen while it plays: where they come from, and handing
// them to the show (and to the server's reports).
#pragma once

#include "base/result.h"
#include "content/model/notice.h"
#include "player/screen/screen_show.h"
#include "player/status/screen_reporting.h"
#include "player/sync/content_feed.h"

#include <cstdint>
#include <functional>
#include <memory>

namespace hallboard {

// The source of new versions, as the play loop sees it: a ContentFeed in the player, a hand in
// tests. Render thread only.
class ContentUpdates {
public:
    using Apply = std::function<void(std::shared_ptr<const ContentSource>, std::uint64_t version)>;
    virtual ~ContentUpdates() = default;
    // Passes a waiting new version to `apply`; returns whether there was one.
    virtual bool apply_update(const Apply& apply) = 0;
    // The loop ends: no more versions are wanted.
    virtual void stop() = 0;
};

// A ContentFeed (which must outlive it) as the loop's source of new versions.
class FeedUpdates final : public ContentUpdates {
public:
    explicit FeedUpdates(ContentFeed& feed)
        : m_feed(feed)
    {
    }
    bool apply_update(const Apply& apply) override { return m_feed.apply_update(apply); }
    void stop() override { m_feed.stop(); }

private:
    ContentFeed& m_feed;
};

// The feed of a playing screen: its local source when it has one (`local` non-null), else a
// server that the sync thread follows, calling `wake` when a new version waits.
Result<std::unique_ptr<ContentFeed>> open_content_feed(
    const ScreenConfig& config, std::shared_ptr<const ContentSource> local, std::function<void()> wake);

// Shows a waiting version: the show takes it at its next slide change, and the server hears of
// it at once. `reporting` may be null (nobody to report to).
void show_new_content(ContentUpdates& updates, ScreenShow& show, ScreenReporting* reporting);

} // namespace hallboard
