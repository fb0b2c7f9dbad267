// Opening a playing screen's content feed and applying the versions it hands over.
#include "player/show/content_switching.h"

#include "base/log.h"

#include <string>
#include <utility>

namespace hallboard {

Result<std::unique_ptr<ContentFeed>> open_content_feed(
    const ScreenConfig& config, std::shared_ptr<const ContentSource> local, std::function<void()> wake)
{
    if (local)
        return ContentFeed::local(std::move(local));
    return ContentFeed::from_server(config, std::move(wake));
}

void show_new_content(ContentUpdates& updates, ScreenShow& show, ScreenReporting* reporting)
{
    updates.apply_update([&](std::shared_ptr<const ContentSource> content, std::uint64_t version) {
        show.set_content(std::move(content));
        log_info("content: showing version " + std::to_string(version));
        if (reporting)
            reporting->content_changed(version);
    });
}

} // namespace hallboard
