// Clocks: how far into the wall-clock second a moment is (so the loop can sleep until the clock
// next ticks), and a frame's time taken at its deadline rather than when it was drawn.
#include "player/screen/local_clock.h"

#include <doctest/doctest.h>

using namespace hallboard;
using namespace std::chrono_literals;

TEST_CASE("the manual clock says how far into the second it is")
{
    struct Case {
        double advance; // seconds after 23:59:58
        int seconds_of_day;
        double fraction;
        int day;
    };
    Case const cases[] = {
        { 0, 86398, 0, 1 }, { 0.25, 86398, 0.25, 1 }, { 1.5, 86399, 0.5, 1 },
        { 2.75, 0, 0.75, 2 }, // past midnight: the next day
    };
    for (auto const& c : cases) {
        CAPTURE(c.advance);
        ManualClock clock({ { 2026, 12, 1 }, 23 * 60 + 59 });
        clock.advance(58 + c.advance);
        auto const now = clock.now();
        CHECK(now.seconds_of_day == c.seconds_of_day);
        CHECK(now.second_fraction == doctest::Approx(c.fraction).epsilon(1e-9));
        CHECK(now.local.date.day == c.day);
    }
}

TEST_CASE("a system clock frame takes the time of its deadline")
{
    SystemClock clock;
    auto const start = clock.start();
    auto const later = clock.at(start + 1500ms);
    CHECK(later.seconds == doctest::Approx(1.5));
    auto const sooner = clock.at(start + 200ms);
    CHECK(sooner.seconds == doctest::Approx(0.2));
    // The wall clock moves with it: 1.3 s apart is one or two second boundaries, and the
    // fraction moves by 0.3 (modulo 1).
    int const ticks = (later.seconds_of_day - sooner.seconds_of_day + 86400) % 86400;
    CHECK((ticks == 1 || ticks == 2));
    double const moved = later.second_fraction - sooner.second_fraction;
    CHECK((moved == doctest::Approx(0.3).epsilon(0.01) || moved == doctest::Approx(-0.7).epsilon(0.01)));
    CHECK(later.second_fraction >= 0);
    CHECK(later.second_fraction < 1);
}

TEST_CASE("an accelerated clock runs the simulated wall clock and the show faster, and maps back")
{
    AcceleratedClock clock({ { 2026, 12, 31 }, 23 * 60 + 59 }, 600);
    auto const start = clock.start();
    auto const at_start = clock.at(start);
    CHECK(at_start.local.date == Date { 2026, 12, 31 });
    CHECK(at_start.seconds_of_day == 23 * 3600 + 59 * 60);
    // 0.5 real seconds are 300 simulated ones: past midnight into the new year.
    auto const later = clock.at(start + 500ms);
    CHECK(later.seconds == doctest::Approx(300));
    CHECK(later.local.date == Date { 2027, 1, 1 });
    CHECK(later.seconds_of_day == 4 * 60);
    // A change due at show second 600 is one real second after the start.
    CHECK(std::chrono::duration<double>(clock.moment_of(600) - start).count() == doctest::Approx(1.0));
    CHECK(clock.speed() == 600);
}

TEST_CASE("a system clock maps show seconds back to steady moments")
{
    SystemClock clock;
    CHECK(std::chrono::duration<double>(clock.moment_of(2.5) - clock.start()).count() == doctest::Approx(2.5));
    CHECK(clock.speed() == 1);
}
