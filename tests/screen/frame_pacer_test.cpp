// Frame deadlines on a fixed grid, sleeping until the next change, skipping rather than
// rushing after a stall; and the count of ticker frames that came late.
#include "player/screen/frame_pacer.h"

#include <doctest/doctest.h>

#include <utility>
#include <vector>

using namespace hallboard;
using namespace std::chrono_literals;

namespace {

SteadyTime const start = SteadyTime {} + 1000s;

// Milliseconds since start, as a time point (fractions allowed).
SteadyTime at(double milliseconds)
{
    return start + std::chrono::duration_cast<SteadyDuration>(std::chrono::duration<double, std::milli>(milliseconds));
}

double ms_since_start(SteadyTime time)
{
    return std::chrono::duration<double, std::milli>(time - start).count();
}

} // namespace

TEST_CASE("deadlines fall on the grid")
{
    FramePacer pacer(60, start);
    double const frame = 1000.0 / 60;
    struct Case {
        char const* name;
        double drawn_for; // ms
        bool animating;
        double next_change; // ms
        double now;         // ms
        double expected;    // ms
    };
    Case const cases[] = {
        { "moving: the next frame", 10 * frame, true, 0, 10 * frame + 3, 11 * frame },
        { "still: the change's frame", 10 * frame, false, 495, 10 * frame + 3, 30 * frame },
        { "still, change between two frames: the frame after it", 10 * frame, false, 20.5 * frame, 10 * frame + 1,
            21 * frame },
        { "still, change already due: the next frame, not this one again", 10 * frame, false, 5 * frame, 10 * frame + 1,
            11 * frame },
        { "a little late: drawn at once, for its own deadline", 10 * frame, true, 0, 11 * frame + 6, 11 * frame },
        { "far behind: skip to the first deadline after now", 10 * frame, true, 0, 14.2 * frame, 15 * frame },
        { "a long sleep is not cut short", 10 * frame, false, 2990, 10 * frame + 2, 180 * frame },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            auto next = pacer.next_deadline(at(c.drawn_for), c.animating, at(c.next_change), at(c.now));
            CHECK(ms_since_start(next) == doctest::Approx(c.expected).epsilon(1e-6));
        }
    }
}

TEST_CASE("grid_at_or_after rounds up to a whole frame")
{
    FramePacer pacer(50, start);
    CHECK(pacer.interval() == 20ms);
    CHECK(ms_since_start(pacer.grid_at_or_after(at(0))) == 0);
    CHECK(ms_since_start(pacer.grid_at_or_after(at(-50))) == 0);
    CHECK(ms_since_start(pacer.grid_at_or_after(at(20))) == doctest::Approx(20));
    CHECK(ms_since_start(pacer.grid_at_or_after(at(20.001))) == doctest::Approx(40));
    CHECK(ms_since_start(pacer.grid_at_or_after(at(959))) == doctest::Approx(960));
}

TEST_CASE("late ticker frames are gaps over 25 ms between frames that moved it")
{
    struct Case {
        char const* name;
        std::vector<std::pair<double, bool>> frames; // ms, ticker moved
        std::uint64_t counted;
        std::uint64_t late;
        double worst;
    };
    Case const cases[] = {
        { "steady 60 fps", { { 0, true }, { 16.7, true }, { 33.4, true }, { 50.1, true } }, 3, 0, 16.7 },
        { "one frame missed", { { 0, true }, { 16.7, true }, { 50.1, true }, { 66.8, true } }, 3, 1, 33.4 },
        { "exactly 25 ms is not late", { { 0, true }, { 25, true } }, 1, 0, 25 },
        { "a still frame in between breaks the run", { { 0, true }, { 16.7, false }, { 100, true }, { 116.7, true } },
            1, 0, 16.7 },
        { "the first frame has nothing to be late after", { { 500, true } }, 0, 0, 0 },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            TickerSmoothness smoothness;
            for (auto const& [ms, moved] : c.frames)
                smoothness.frame_shown(at(ms), moved);
            CHECK(smoothness.frames() == c.counted);
            CHECK(smoothness.late_frames() == c.late);
            CHECK(smoothness.worst_gap_ms() == doctest::Approx(c.worst).epsilon(1e-3));
        }
    }
    SUBCASE("per 10 seconds")
    {
        TickerSmoothness smoothness;
        double t = 0;
        for (int i = 0; i < 1200; ++i) { // 20 s at 60 fps with two stalls
            t += (i == 300 || i == 900) ? 40 : 1000.0 / 60;
            smoothness.frame_shown(at(t), true);
        }
        CHECK(smoothness.late_frames() == 2);
        CHECK(smoothness.late_per_10_seconds() == doctest::Approx(1).epsilon(0.01));
    }
}
