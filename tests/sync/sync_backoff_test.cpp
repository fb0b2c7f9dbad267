// Backoff delays, with the jitter injected.
#include "sync_test_support.h"

#include "player/sync/sync_backoff.h"

namespace hallboard {

using namespace sync;
using std::chrono::milliseconds;
using namespace std::chrono_literals;

TEST_CASE("backoff doubles from 2 s up to max(poll, 5 min), with equal jitter")
{
    struct Row {
        int failures;
        milliseconds poll;
        double random;
        milliseconds expected;
    };
    for (auto const& row : std::vector<Row> {
             { 1, 30s, 0.0, 1000ms },                                                        // step 2 s: [1 s, 2 s)
             { 1, 30s, 0.5, 1500ms }, { 1, 30s, 0.999999, 1999ms }, { 1, 30s, 1.0, 1999ms }, // clamped below the step
             { 2, 30s, 0.0, 2000ms },                                                        // step 4 s
             { 3, 30s, 0.0, 4000ms },                                                        // step 8 s
             { 3, 30s, 0.25, 5000ms }, { 8, 30s, 0.0, 128000ms },                            // step 256 s
             { 9, 30s, 0.0, 150000ms },                                                      // step capped at 300 s
             { 9, 30s, 0.5, 225000ms }, { 50, 30s, 0.0, 150000ms },
             { 1000000, 30s, 0.0, 150000ms }, // no overflow however long the outage
             { 12, 10min, 0.0, 300000ms },    // a poll above 5 min is the ceiling
             { 20, 10min, 0.5, 450000ms }, { 1, 10min, 0.0, 1000ms }, { 3, 30s, -3.0, 4000ms }, // clamped
         }) {
        CAPTURE(row.failures);
        CAPTURE(row.poll.count());
        CAPTURE(row.random);
        CHECK(backoff_delay(row.failures, row.poll, row.random) == row.expected);
    }
}

TEST_CASE("the delay is the poll after a success and grows with consecutive failures")
{
    std::vector<double> draws { 0.0, 0.0, 0.0, 0.5, 0.0 };
    size_t next = 0;
    Backoff backoff(30s, [&] { return draws[next++ % draws.size()]; });
    CHECK(backoff.after_success() == 30s);
    CHECK(backoff.after_failure() == 1000ms);
    CHECK(backoff.after_failure() == 2000ms);
    CHECK(backoff.after_failure() == 4000ms);
    CHECK(backoff.failures() == 3);
    CHECK(backoff.after_success() == 30s);
    CHECK(backoff.failures() == 0);
    CHECK(backoff.after_failure() == 1500ms); // starts again at the first step
}

TEST_CASE("the system's random numbers are in [0, 1) and spread")
{
    auto random = system_unit_random();
    double low = 1.0;
    double high = 0.0;
    for (int i = 0; i < 1000; ++i) {
        double value = random();
        REQUIRE(value >= 0.0);
        REQUIRE(value < 1.0);
        low = std::min(low, value);
        high = std::max(high, value);
    }
    CHECK(low < 0.1);
    CHECK(high > 0.9);
}

} // namespace hallboard
