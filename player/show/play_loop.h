// The hall screen's frame loop: sleeps until the next frame is due (woken early by any event),
// draws only what changed, presents it, and between frames takes new content, applies config
// edits, answers thumbnail requests and keeps the figures. Frames are due on a fixed grid of
// deadlines and show the moment of their deadline; outside the opening hours the screen is
// drawn once and the loop sleeps until it comes on.
#pragma once

#include "player/render/screen_output.h"
#include "player/screen/local_clock.h"
#include "player/screen/screen_show.h"
#include "player/show/config_reload.h"
#include "player/show/content_switching.h"
#include "player/show/loop_waiting.h"
#include "player/show/play_events.h"
#include "player/show/play_figures.h"
#include "player/show/play_pacing.h"
#include "player/status/screen_reporting.h"
#include "player/status/thumbnail_exchange.h"

#include <filesystem>
#include <optional>

namespace hallboard {

// What the loop works with. It owns none of them; all must outlive it.
struct PlayParts {
    ScreenOutput& output; // the window; the show composes with its renderer
    ScreenShow& show;
    ShowClock& clock;     // started by run(), at waiting.now()
    LoopWaiting& waiting; // the time and the sleeping: SdlWaiting, or a test's
    const PlayEvents& events;
    ContentUpdates& updates;
    ThumbnailExchange& thumbnails;
    ScreenReporting* reporting = nullptr; // null: nobody to report to
};

struct PlayOptions {
    double frames_per_second = 60;
    Redraw redraw = Redraw::Changes;                    // Everything: --full-redraw, every frame drawn whole
    std::optional<double> exit_after;                   // show seconds after which the loop ends (--exit-after)
    std::optional<std::filesystem::path> pinned_source; // --source: stays in force over an edited config's
};

enum class PlayEnd {
    Stopped, // a quit key, the window closed, SIGTERM, or --exit-after
    Restart, // an edited config changed a setting made at start: start again in place
};

// Render (main) thread only.
class PlayLoop {
public:
    PlayLoop(PlayParts parts, PlayOptions options);

    // Plays until stopped; then shuts the thumbnail exchange, the reports and the feed down
    // and logs the figures.
    PlayEnd run();

    const PlayFigures& figures() const { return m_figures; }

    // How long the heartbeat sender waits for the render thread's thumbnail; a frame being
    // drawn takes milliseconds, so this is only reached when the loop is stuck.
    static constexpr std::chrono::seconds thumbnail_wait { 3 };
    static constexpr int thumbnail_longer_side = 480; // pixels: enough to tell which slide and whether it looks right

private:
    void wait_for_deadline();
    void handle(const SDL_Event& event);
    void check_config();
    void answer_thumbnail_request();
    void draw_frame();
    void finish();

    PlayParts m_parts;
    PlayOptions m_options;
    ConfigReload m_config_reload;
    PlayPacing m_pacing;
    PlayFigures m_figures;
    bool m_running = true;
    bool m_restart = false;
};

} // namespace hallboard
