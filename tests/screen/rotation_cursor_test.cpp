// The rotation cursor and the manual clock: pure stepping logic, no window.
#include "player/screen/local_clock.h"
#include "player/screen/rotation_cursor.h"

#include <doctest/doctest.h>

using namespace hallboard;

namespace {

Notice make_notice(std::string id, NoticeKind kind = NoticeKind::Notice)
{
    Notice notice;
    notice.id = std::move(id);
    notice.kind = kind;
    notice.title = "标题";
    if (kind == NoticeKind::Ticker)
        notice.body = TickerMessage { "滚动" };
    else
        notice.body = FreeText {};
    return notice;
}

LocalDateTime at(int year, int month, int day, int hour, int minute)
{
    return { { year, month, day }, hour * 60 + minute };
}

} // namespace

TEST_CASE("the cursor walks the cycle in order and starts again")
{
    std::vector<Notice> notices { make_notice("a"), make_notice("t", NoticeKind::Ticker), make_notice("b") };
    RotationCursor cursor(notices, {});
    auto now = at(2026, 12, 1, 10, 0);
    std::vector<std::string> shown;
    for (int i = 0; i < 5; ++i)
        shown.push_back(cursor.next(now)->id);
    CHECK(shown == std::vector<std::string> { "a", "b", "a", "b", "a" });
}

TEST_CASE("a notice that expires mid-cycle is skipped")
{
    std::vector<Notice> notices { make_notice("a"), make_notice("b"), make_notice("c") };
    notices[1].valid_until = at(2026, 12, 1, 10, 30);
    RotationCursor cursor(notices, {});
    CHECK(cursor.next(at(2026, 12, 1, 10, 29))->id == "a");
    CHECK(cursor.next(at(2026, 12, 1, 10, 31))->id == "c");
    CHECK(cursor.next(at(2026, 12, 1, 10, 32))->id == "a");
}

TEST_CASE("peek tells what next will give without moving the cursor")
{
    std::vector<Notice> notices { make_notice("a"), make_notice("b"), make_notice("c") };
    notices[2].valid_until = at(2026, 12, 1, 10, 30);
    struct Row {
        LocalDateTime now;
        char const* expected; // nullptr: nothing eligible
    };
    // The same walk with peek before every next: a full cycle, c expiring, a new cycle.
    Row const rows[] = {
        { at(2026, 12, 1, 10, 0), "a" },
        { at(2026, 12, 1, 10, 1), "b" },
        { at(2026, 12, 1, 10, 31), "a" }, // c expired: skipped, and the next cycle starts
        { at(2026, 12, 1, 10, 32), "b" },
        { at(2026, 12, 1, 10, 33), "a" },
    };
    RotationCursor cursor(notices, {});
    for (Row const& row : rows) {
        CAPTURE(row.expected);
        const Notice* peeked = cursor.peek(row.now);
        CHECK(cursor.peek(row.now) == peeked); // peeking twice changes nothing
        const Notice* next = cursor.next(row.now);
        CHECK(peeked == next);
        REQUIRE(next);
        CHECK(next->id == row.expected);
    }
    notices[0].tags = notices[1].tags = notices[2].tags = { "shanghai" };
    RotationCursor elsewhere(notices, { "beijing" });
    CHECK(elsewhere.peek(at(2026, 12, 1, 10, 0)) == nullptr);
}

TEST_CASE("nothing eligible gives nullptr, and the fallback slide names the hall")
{
    std::vector<Notice> notices { make_notice("a") };
    notices[0].tags = { "beijing" };
    RotationCursor cursor(notices, { "hangzhou" });
    CHECK(cursor.next(at(2026, 12, 1, 10, 0)) == nullptr);
    auto fallback = make_fallback_notice("城西供电营业厅");
    CHECK(fallback.title == "城西供电营业厅");
    CHECK(std::holds_alternative<FreeText>(fallback.body));
}

TEST_CASE("the manual clock carries over midnight into the next day")
{
    ManualClock clock(at(2026, 12, 31, 23, 59));
    clock.advance(59.5);
    CHECK(clock.now().local == at(2026, 12, 31, 23, 59));
    CHECK(clock.now().seconds_of_day == 23 * 3600 + 59 * 60 + 59);
    clock.advance(1);
    CHECK(clock.now().local == at(2027, 1, 1, 0, 0));
    CHECK(clock.now().seconds_of_day == 0);
    CHECK(clock.now().seconds == doctest::Approx(60.5));
}

TEST_CASE("an urgent notice arriving is noticed once, and a restart puts it first")
{
    std::vector<Notice> notices { make_notice("a"), make_notice("b"), make_notice("u") };
    notices[2].priority = Priority::Urgent;
    notices[2].valid_from = at(2026, 12, 1, 10, 5);
    RotationCursor cursor(notices, {});
    CHECK(cursor.next(at(2026, 12, 1, 10, 0))->id == "a");
    CHECK_FALSE(cursor.urgent_arrived(at(2026, 12, 1, 10, 0)));
    CHECK_FALSE(cursor.urgent_arrived(at(2026, 12, 1, 10, 4)));
    CHECK(cursor.urgent_arrived(at(2026, 12, 1, 10, 5)));
    CHECK_FALSE(cursor.urgent_arrived(at(2026, 12, 1, 10, 5))); // once
    CHECK_FALSE(cursor.urgent_arrived(at(2026, 12, 1, 10, 6))); // still the same one
    cursor.restart();
    CHECK(cursor.next(at(2026, 12, 1, 10, 6))->id == "u");

    SUBCASE("a cycle made while it is valid already knows it")
    {
        RotationCursor later(notices, {});
        CHECK(later.next(at(2026, 12, 1, 11, 0))->id == "u");
        CHECK_FALSE(later.urgent_arrived(at(2026, 12, 1, 11, 0)));
    }
    SUBCASE("an urgent ticker message is not a slide to interrupt for")
    {
        std::vector<Notice> tickers { make_notice("a"), make_notice("t", NoticeKind::Ticker) };
        tickers[1].priority = Priority::Urgent;
        tickers[1].valid_from = at(2026, 12, 1, 10, 5);
        RotationCursor with_ticker(tickers, {});
        with_ticker.next(at(2026, 12, 1, 10, 0));
        CHECK_FALSE(with_ticker.urgent_arrived(at(2026, 12, 1, 10, 5)));
    }
}
