// parse_utc_timestamp on years a client may send but system_clock cannot hold (found by fuzz_server).
#include "content/heartbeat/heartbeat.h"

#include <doctest/doctest.h>

#include <chrono>

using namespace hallboard;

TEST_CASE("UTC timestamps: years outside 1970-2199 are refused, not overflowed")
{
    // Before the fix, 1014 overflowed the conversion to nanoseconds (UBSan: signed integer
    // overflow) and gave a time point centuries away from the year written.
    for (auto text : { "1014-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2200-01-01T00:00:00Z",
             "9999-12-31T23:59:59Z" }) {
        CAPTURE(text);
        CHECK_FALSE(parse_utc_timestamp(text));
    }
    auto first = parse_utc_timestamp("1970-01-01T00:00:00Z");
    REQUIRE(first);
    CHECK(first->time_since_epoch().count() == 0);
    auto last = parse_utc_timestamp("2199-12-31T23:59:59Z");
    REQUIRE(last);
    // 2200-01-01 is day 84006 after 1970-01-01.
    CHECK(std::chrono::duration_cast<std::chrono::seconds>(last->time_since_epoch()).count() == 84006LL * 86400 - 1);
    // The difference of any two readable timestamps fits too (the server subtracts them).
    auto span = *last - *first;
    CHECK(span > std::chrono::system_clock::duration::zero());
}
