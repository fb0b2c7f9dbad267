// The play loop's deadline from frame to frame: the frame grid while something moves, the next
// change while nothing does, the display's own pace under vsync, and a redraw brought forward.
#include "player/show/play_pacing.h"

#include <doctest/doctest.h>

using namespace hallboard;
using namespace std::chrono_literals;

TEST_CASE("the next deadline follows what the frame needs and who paces the presents")
{
    SteadyTime const start = std::chrono::steady_clock::now();
    PlayPacing pacing(50); // 20 ms a frame
    pacing.start(start);
    CHECK(pacing.deadline() == start);

    // Moving: one frame interval on.
    pacing.frame_done(FrameNeed::EveryFrame, Presents::AtOnce, start + 1s, start + 5ms);
    CHECK(pacing.deadline() == start + 20ms);

    // Still: asleep until the next change, rounded up to the grid.
    pacing.frame_done(FrameNeed::WhenChanged, Presents::AtOnce, start + 1005ms, start + 25ms);
    CHECK(pacing.deadline() == start + 1020ms);

    // A redraw needed at 300 ms: the first grid moment from then, sooner than the change.
    pacing.bring_forward(start + 301ms);
    CHECK(pacing.deadline() == start + 320ms);
    // ... and never later than it was.
    pacing.bring_forward(start + 900ms);
    CHECK(pacing.deadline() == start + 320ms);

    // Under vsync a moving frame is due at once: the present waited for the display already.
    pacing.frame_done(FrameNeed::EveryFrame, Presents::PacedByDisplay, start + 2s, start + 333ms);
    CHECK(pacing.deadline() == start + 333ms);
    // A still one sleeps until its change as without vsync.
    pacing.frame_done(FrameNeed::WhenChanged, Presents::PacedByDisplay, start + 2s, start + 340ms);
    CHECK(pacing.deadline() == start + 2s);
}
