// When the play loop draws its next frame: the frame pacer's grid, the display's vsync, and a
// screen that needs redrawing at once.
#pragma once

#include "player/screen/frame_pacer.h"

#include <optional>

namespace hallboard {

enum class FrameNeed {
    WhenChanged, // the picture next changes at a known moment: sleep until then
    EveryFrame,  // something moves every frame (or every frame is drawn whole)
};

enum class Presents {
    AtOnce,         // a present returns at once (software path, no vsync)
    PacedByDisplay, // a present waits for the display's refresh (vsync): it paces moving frames
};

class PlayPacing {
public:
    explicit PlayPacing(double frames_per_second);

    // The first frame is due at `start`.
    void start(SteadyTime start);
    SteadyTime deadline() const { return m_deadline; }

    // The screen must be drawn whole (new content, a lost surface): the next frame is due at
    // the first grid moment from `now` on, if that is sooner.
    void bring_forward(SteadyTime now);

    // A frame due at deadline() is on screen at `now`; `next_change`: when its picture next
    // changes by itself (used with FrameNeed::WhenChanged, as the off-hours sleep is). Whether
    // presents wait for the display is known only once the first frame is shown.
    void frame_done(FrameNeed need, Presents presents, SteadyTime next_change, SteadyTime now);

private:
    double m_frames_per_second;
    std::optional<FramePacer> m_pacer; // made at start()
    SteadyTime m_deadline {};
};

} // namespace hallboard
