// The rotation cycle (order, high twice, urgent every second slide) and the ticker's messages.
#include "schedule_test_support.h"

#include "player/schedule/rotation.h"

#include <algorithm>

using namespace hallboard;
using test::at;

namespace {

// "a", "h:x" (high), "u:x" (urgent), "t:x" (ticker) -> notices with those ids.
std::vector<Notice> notices_from(std::initializer_list<const char*> specs)
{
    std::vector<Notice> notices;
    for (std::string spec : specs) {
        if (spec.starts_with("h:"))
            notices.push_back(test::slide(spec.substr(2), Priority::High));
        else if (spec.starts_with("u:"))
            notices.push_back(test::slide(spec.substr(2), Priority::Urgent));
        else if (spec.starts_with("t:"))
            notices.push_back(test::ticker(spec.substr(2), "ticker " + spec.substr(2)));
        else
            notices.push_back(test::slide(spec));
    }
    return notices;
}

std::string ids(const std::vector<const Notice*>& cycle)
{
    std::string out;
    for (auto const* notice : cycle)
        out += (out.empty() ? "" : " ") + notice->id;
    return out;
}

} // namespace

TEST_CASE("rotation order")
{
    struct Case {
        std::initializer_list<const char*> notices;
        const char* expected;
    };
    Case const cases[] = {
        { {}, "" },
        { { "a", "b", "c" }, "a b c" },
        { { "a", "t:x", "b" }, "a b" }, // tickers are not slides
        { { "t:x" }, "" },
        // high: a second showing about half a cycle later
        { { "h:h" }, "h" },
        { { "h:h", "a" }, "h a h" },
        { { "h:h", "a", "b" }, "h a h b" },
        { { "a", "h:h", "b", "c" }, "a h b c h" },
        { { "h:h1", "h:h2", "a", "b" }, "h1 h2 a h1 b h2" },
        { { "a", "b", "c", "d", "h:h" }, "a b h c d h" },
        // urgent: first, then every second slide, several taking turns
        { { "u:u" }, "u" },
        { { "a", "u:u", "b" }, "u a u b" },
        { { "u:u1", "u:u2", "a" }, "u1 a u2 a" },
        { { "u:u1", "a", "u:u2", "b", "c" }, "u1 a u2 b u1 c" },
        { { "a", "h:h", "u:u", "b" }, "u a u h u b u h" },
        { { "t:x", "u:u", "t:y" }, "u" },
    };
    for (auto const& test_case : cases) {
        SUBCASE(test_case.expected)
        {
            auto notices = notices_from(test_case.notices);
            auto cycle = rotation_cycle(notices, at("2026-12-01 10:00"), {});
            CHECK(ids(cycle) == test_case.expected);
            for (auto const* notice : cycle) // pointers into the caller's notices
                CHECK((notice >= notices.data() && notice < notices.data() + notices.size()));
        }
    }
}

TEST_CASE("a high notice shows twice and never back to back, whatever its place")
{
    for (int count = 3; count <= 12; ++count) {
        for (int high = 0; high < count; ++high) {
            CAPTURE(count);
            CAPTURE(high);
            std::vector<Notice> notices;
            for (int i = 0; i < count; ++i)
                notices.push_back(test::slide("n" + std::to_string(i), i == high ? Priority::High : Priority::Normal));
            auto cycle = rotation_cycle(notices, at("2026-12-01 10:00"), {});
            REQUIRE(cycle.size() == static_cast<size_t>(count + 1));
            std::vector<size_t> places;
            for (size_t i = 0; i < cycle.size(); ++i) {
                if (cycle[i] == &notices[static_cast<size_t>(high)])
                    places.push_back(i);
            }
            REQUIRE(places.size() == 2);
            // The cycle repeats, so the distance is measured both ways round.
            size_t forward = places[1] - places[0];
            size_t backward = cycle.size() - forward;
            CHECK(std::min(forward, backward) >= 2);
            CHECK(std::min(forward, backward) >= cycle.size() / 2 - 1); // about half a cycle apart
            // Every other notice exactly once.
            for (int i = 0; i < count; ++i) {
                if (i != high)
                    CHECK(std::count(cycle.begin(), cycle.end(), &notices[static_cast<size_t>(i)]) == 1);
            }
        }
    }
}

TEST_CASE("urgent notices take every second slide")
{
    auto notices = notices_from({ "a", "u:u1", "h:h", "b", "c", "u:u2", "d" });
    auto cycle = rotation_cycle(notices, at("2026-12-01 10:00"), {});
    REQUIRE(cycle.size() % 2 == 0);
    for (size_t i = 0; i < cycle.size(); ++i) {
        CAPTURE(i);
        CHECK((cycle[i]->priority == Priority::Urgent) == (i % 2 == 0));
    }
    // Each urgent as often as the other, and every slide at least once.
    CHECK(std::count_if(cycle.begin(), cycle.end(), [](auto const* n) { return n->id == "u1"; })
        == std::count_if(cycle.begin(), cycle.end(), [](auto const* n) { return n->id == "u2"; }));
    for (auto const& notice : notices)
        CHECK(std::find(cycle.begin(), cycle.end(), &notice) != cycle.end());
}

TEST_CASE("the cycle holds only what is eligible now, here")
{
    auto notices = notices_from({ "a", "u:expired", "b", "h:night", "c" });
    notices[1].valid_until = at("2026-11-30 23:59");
    notices[3].hours = test::hours({ "22:00-06:00" });
    notices[4].tags = { "ningbo" };
    CHECK(ids(rotation_cycle(notices, at("2026-12-01 10:00"), { "hangzhou" })) == "a b");
    CHECK(ids(rotation_cycle(notices, at("2026-12-01 23:00"), { "ningbo" })) == "a night b night c");
    CHECK(ids(rotation_cycle(notices, at("2026-11-30 10:00"), {})) == "expired a expired b");
}

TEST_CASE("ticker messages: ticker texts, then urgent titles")
{
    auto notices = notices_from({ "t:welcome", "a", "u:outage", "t:late", "u:storm" });
    notices[3].valid_from = at("2026-12-02 00:00");
    notices[4].tags = { "ningbo" };
    notices.push_back(test::ticker("urgent-ticker", "urgent ticker text", Priority::Urgent));

    auto messages = ticker_messages(notices, at("2026-12-01 10:00"), { "hangzhou" });
    CHECK(messages == std::vector<std::string> { "ticker welcome", "urgent ticker text", "title of outage" });

    auto tomorrow = ticker_messages(notices, at("2026-12-02 10:00"), { "ningbo" });
    CHECK(tomorrow
        == std::vector<std::string> {
            "ticker welcome", "ticker late", "urgent ticker text", "title of outage", "title of storm" });

    CHECK(ticker_messages(notices_from({ "a", "h:b" }), at("2026-12-01 10:00"), {}).empty());
}
