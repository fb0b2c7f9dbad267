// The scheduling cases a hall depends on, from notice files as admins write them: a tariff
// handing over to its successor at midnight, windows ending at midnight, nights that cross
// midnight on a given weekday, an urgent notice arriving, tags, high and urgent frequencies.
#include "schedule_test_support.h"

#include "content/model/source_loader.h"
#include "player/schedule/rotation.h"

#include <algorithm>
#include <set>

using namespace hallboard;
using test::at;

namespace {

// The fixture tests/app/render_schedule.sh renders too, so that `hallboard render --at` and
// these tests judge the same files.
ContentSource const& fixture()
{
    static ContentSource const source = [] {
        Diagnostics diagnostics;
        auto loaded = load_content_source(HALLBOARD_SOURCE_DIR "/tests/app/data/schedule-source", diagnostics);
        REQUIRE(loaded);
        REQUIRE(diagnostics.all().empty());
        return *loaded;
    }();
    return source;
}

std::vector<std::string> const hangzhou_lobby { "hangzhou", "lobby" };

// The notices of one cycle, each once, in the order of their first showing: what
// `hallboard render --at` writes, 01-<id>-1.png, 02-...
std::string shown(
    const std::vector<Notice>& notices, const char* now, const std::vector<std::string>& tags = hangzhou_lobby)
{
    std::string out;
    std::set<std::string> seen;
    for (auto const* notice : rotation_cycle(notices, at(now), tags)) {
        if (seen.insert(notice->id).second)
            out += (out.empty() ? "" : " ") + notice->id;
    }
    return out;
}

Notice parsed(const std::string& yaml)
{
    Diagnostics diagnostics;
    auto notice = parse_notice(yaml, "notices/n.yaml", {}, diagnostics);
    REQUIRE_MESSAGE(notice, yaml);
    return *notice;
}

// A notice with the given schedule lines (valid_from, days, hours ...) as an admin writes them.
Notice with_schedule(const std::string& lines)
{
    return parsed("id: n\nkind: notice\ntitle: 通知\n" + lines + "notice: {body: 正文}\n");
}

} // namespace

TEST_CASE("the fixture hall through a year's end: what a Hangzhou lobby screen rotates")
{
    struct Case {
        const char* now;
        const char* expected;
    };
    // 2026-12-31 is a Thursday, 2027-01-01 a Friday.
    Case const cases[] = {
        { "2026-11-30 17:00", "tariff-2026 hotlines lobby-only expired-outage" }, // its last minute
        { "2026-11-30 17:01", "tariff-2026 hotlines lobby-only" },
        { "2026-12-31 01:00", "tariff-2026 hotlines night-duty lobby-only" }, // Wednesday's night, not Thursday's
        { "2026-12-31 12:00", "tariff-2026 hotlines lobby-only" },
        { "2026-12-31 21:59", "tariff-2026 hotlines lobby-only" },
        { "2026-12-31 22:00", "tariff-2026 hotlines night-duty thursday-night-maintenance lobby-only" },
        { "2026-12-31 23:59", "tariff-2026 hotlines night-duty thursday-night-maintenance lobby-only" },
        { "2027-01-01 00:00", "tariff-2027 hotlines night-duty thursday-night-maintenance lobby-only" },
        { "2027-01-01 05:59", "tariff-2027 hotlines night-duty thursday-night-maintenance lobby-only" },
        { "2027-01-01 06:00", "tariff-2027 hotlines lobby-only" },
        { "2027-01-01 07:59", "tariff-2027 hotlines lobby-only" },
        { "2027-01-01 08:00", "urgent-outage tariff-2027 hotlines lobby-only" },
        { "2027-01-01 12:00", "urgent-outage tariff-2027 hotlines lobby-only" },
        { "2027-01-01 18:00", "urgent-outage tariff-2027 hotlines lobby-only" },
        { "2027-01-01 18:01", "tariff-2027 hotlines lobby-only" },
        { "2027-01-01 23:00", "tariff-2027 hotlines night-duty lobby-only" }, // Friday night: no maintenance
    };
    for (auto const& test_case : cases) {
        SUBCASE(test_case.now)
        {
            CHECK(shown(fixture().notices, test_case.now) == test_case.expected);
        }
    }
}

TEST_CASE("a tariff whose successor is valid from the next day switches at midnight, minute by minute")
{
    auto const& notices = fixture().notices;
    // Bare dates: valid_until is the whole day, valid_from its first minute.
    auto old_tariff = std::find_if(notices.begin(), notices.end(), [](auto const& n) { return n.id == "tariff-2026"; });
    auto new_tariff = std::find_if(notices.begin(), notices.end(), [](auto const& n) { return n.id == "tariff-2027"; });
    REQUIRE(old_tariff != notices.end());
    REQUIRE(new_tariff != notices.end());
    CHECK(old_tariff->valid_until == at("2026-12-31 23:59"));
    CHECK(new_tariff->valid_from == at("2027-01-01 00:00"));

    // From 22:00 to 02:00, never both tariffs and never neither: the old one up to 23:59, the
    // new one from 00:00, with nothing published in between.
    long const first_day = days_from_civil({ 2026, 12, 31 });
    for (int minute = 22 * 60; minute < 26 * 60; ++minute) {
        LocalDateTime now { civil_from_days(first_day + minute / 1440), minute % 1440 };
        CAPTURE(format_date_time(now));
        auto cycle = rotation_cycle(notices, now, hangzhou_lobby);
        bool has_old = std::find(cycle.begin(), cycle.end(), &*old_tariff) != cycle.end();
        bool has_new = std::find(cycle.begin(), cycle.end(), &*new_tariff) != cycle.end();
        CHECK(has_old == (minute < 24 * 60));
        CHECK(has_new == (minute >= 24 * 60));
    }
}

TEST_CASE("windows that end at midnight")
{
    struct Case {
        const char* name;
        const char* schedule;
        const char* now;
        bool expected;
    };
    Case const cases[] = {
        { "a bare valid_until date is inclusive: its last minute", "valid_until: 2026-12-31\n", "2026-12-31 23:59",
            true },
        { "a bare valid_until date is inclusive: gone at midnight", "valid_until: 2026-12-31\n", "2027-01-01 00:00",
            false },
        { "a bare valid_from date begins at midnight", "valid_from: 2027-01-01\n", "2027-01-01 00:00", true },
        { "a bare valid_from date: not the minute before", "valid_from: 2027-01-01\n", "2026-12-31 23:59", false },
        // A time is inclusive to the minute: 00:00 itself is still inside, so a successor from
        // 00:00 would share that minute. A bare date is how to write "until midnight".
        { "a timed valid_until at 00:00 includes the minute 00:00", "valid_until: 2027-01-01 00:00\n",
            "2027-01-01 00:00", true },
        { "a timed valid_until at 00:00 ends at 00:01", "valid_until: 2027-01-01 00:00\n", "2027-01-01 00:01", false },
        { "a timed valid_until at 23:59 ends at midnight", "valid_until: 2026-12-31 23:59\n", "2027-01-01 00:00",
            false },
        { "a one-day window, first minute", "valid_from: 2026-12-31\nvalid_until: 2026-12-31\n", "2026-12-31 00:00",
            true },
        { "a one-day window, last minute", "valid_from: 2026-12-31\nvalid_until: 2026-12-31\n", "2026-12-31 23:59",
            true },
        { "a one-day window, the next midnight", "valid_from: 2026-12-31\nvalid_until: 2026-12-31\n",
            "2027-01-01 00:00", false },
        { "a leap day's end", "valid_until: 2028-02-29\n", "2028-03-01 00:00", false },
        { "a leap day's last minute", "valid_until: 2028-02-29\n", "2028-02-29 23:59", true },
    };
    for (auto const& test_case : cases) {
        SUBCASE(test_case.name)
        {
            auto notice = with_schedule(test_case.schedule);
            CHECK(is_eligible(notice, at(test_case.now), {}) == test_case.expected);
        }
    }
}

TEST_CASE("24:00 ends an hour range but not a validity window")
{
    Diagnostics diagnostics;
    CHECK_FALSE(parse_notice("id: n\nkind: notice\ntitle: 通知\nvalid_until: 2026-12-31 24:00\nnotice: {body: 正文}\n",
        "notices/n.yaml", {}, diagnostics));
    REQUIRE(diagnostics.all().size() == 1);
    CHECK(diagnostics.all()[0].message.find("24:00") != std::string::npos);
}

TEST_CASE("days with hours past midnight: a night belongs to the day it starts on")
{
    struct Case {
        const char* name;
        const char* schedule;
        const char* now;
        bool expected;
    };
    // 2026-12-04 is a Friday, 2026-12-05 a Saturday, 2026-12-06 a Sunday, 2026-12-07 a Monday.
    Case const cases[] = {
        { "fri 22-06: Friday 21:59, not yet", "days: [fri]\nhours: \"22:00-06:00\"\n", "2026-12-04 21:59", false },
        { "fri 22-06: Friday 22:00", "days: [fri]\nhours: \"22:00-06:00\"\n", "2026-12-04 22:00", true },
        { "fri 22-06: Saturday 00:00", "days: [fri]\nhours: \"22:00-06:00\"\n", "2026-12-05 00:00", true },
        { "fri 22-06: shown on Saturday 01:00, Friday's night", "days: [fri]\nhours: \"22:00-06:00\"\n",
            "2026-12-05 01:00", true },
        { "fri 22-06: Saturday 05:59", "days: [fri]\nhours: \"22:00-06:00\"\n", "2026-12-05 05:59", true },
        { "fri 22-06: Saturday 06:00, over", "days: [fri]\nhours: \"22:00-06:00\"\n", "2026-12-05 06:00", false },
        { "fri 22-06: not on Friday 01:00, Thursday's night", "days: [fri]\nhours: \"22:00-06:00\"\n",
            "2026-12-04 01:00", false },
        { "fri 22-06: not on Saturday 23:00", "days: [fri]\nhours: \"22:00-06:00\"\n", "2026-12-05 23:00", false },
        { "fri 22-06: not on Friday noon", "days: [fri]\nhours: \"22:00-06:00\"\n", "2026-12-04 12:00", false },
        { "sun 22-06: Monday 01:00, across the week's end", "days: [sun]\nhours: \"22:00-06:00\"\n", "2026-12-07 01:00",
            true },
        { "sun 22-06: not Sunday 01:00", "days: [sun]\nhours: \"22:00-06:00\"\n", "2026-12-06 01:00", false },
        { "thu 22-06: New Year's Day 01:00, across the year", "days: [thu]\nhours: \"22:00-06:00\"\n",
            "2027-01-01 01:00", true },
        { "fri and sat nights: Sunday 01:00", "days: [fri, sat]\nhours: \"22:00-06:00\"\n", "2026-12-06 01:00", true },
        { "fri and sat nights: not Saturday noon", "days: [fri, sat]\nhours: \"22:00-06:00\"\n", "2026-12-05 12:00",
            false },
        // Written as two ranges, the morning part is a range of its own, on the day it falls on.
        { "fri 22-24 plus 00-06 as two ranges: not Saturday 01:00",
            "days: [fri]\nhours: \"22:00-24:00, 00:00-06:00\"\n", "2026-12-05 01:00", false },
        { "fri 22-24 plus 00-06 as two ranges: Friday 01:00", "days: [fri]\nhours: \"22:00-24:00, 00:00-06:00\"\n",
            "2026-12-04 01:00", true },
        { "fri 22-24: Friday 23:59", "days: [fri]\nhours: \"22:00-24:00\"\n", "2026-12-04 23:59", true },
        { "fri 22-24: not Saturday 00:00", "days: [fri]\nhours: \"22:00-24:00\"\n", "2026-12-05 00:00", false },
        // The validity window is absolute: it cuts a night in two.
        { "a night cut by a bare valid_until", "hours: \"22:00-06:00\"\nvalid_until: 2026-12-31\n", "2027-01-01 01:00",
            false },
        { "a night begun before a bare valid_from", "hours: \"22:00-06:00\"\nvalid_from: 2027-01-01\n",
            "2027-01-01 00:00", true },
        { "a night before a bare valid_from", "hours: \"22:00-06:00\"\nvalid_from: 2027-01-01\n", "2026-12-31 23:59",
            false },
    };
    for (auto const& test_case : cases) {
        SUBCASE(test_case.name)
        {
            auto notice = with_schedule(test_case.schedule);
            CHECK(is_eligible(notice, at(test_case.now), {}) == test_case.expected);
        }
    }
}

TEST_CASE("an urgent notice arriving: first in the cycle from its first minute, then every second slide")
{
    auto const& notices = fixture().notices;
    auto before = rotation_cycle(notices, at("2027-01-01 07:59"), hangzhou_lobby);
    CHECK(std::none_of(before.begin(), before.end(), [](auto const* n) { return n->priority == Priority::Urgent; }));
    CHECK(ticker_messages(notices, at("2027-01-01 07:59"), hangzhou_lobby)
        == std::vector<std::string> { "欢迎光临！办理业务请先取号。" });

    auto cycle = rotation_cycle(notices, at("2027-01-01 08:00"), hangzhou_lobby);
    REQUIRE(cycle.size() >= 2);
    for (size_t i = 0; i < cycle.size(); ++i) {
        CAPTURE(i);
        CHECK((cycle[i]->id == "urgent-outage") == (i % 2 == 0));
    }
    // Every slide of the regular cycle still appears.
    for (auto const* notice : before)
        CHECK(std::find(cycle.begin(), cycle.end(), notice) != cycle.end());
    // Its title runs in the ticker, after the ticker messages.
    CHECK(ticker_messages(notices, at("2027-01-01 08:00"), hangzhou_lobby)
        == std::vector<std::string> { "欢迎光临！办理业务请先取号。", "紧急停电通知" });
}

TEST_CASE("high notices twice as often as normal ones, with or without an urgent notice")
{
    auto const& notices = fixture().notices;
    for (const char* now : { "2027-01-01 07:00", "2027-01-01 12:00", "2026-12-31 23:00" }) {
        CAPTURE(now);
        auto cycle = rotation_cycle(notices, at(now), hangzhou_lobby);
        auto count = [&](const Notice& notice) { return std::count(cycle.begin(), cycle.end(), &notice); };
        long normal_count = 0;
        for (auto const& notice : notices) {
            if (notice.priority == Priority::Normal && notice.kind != NoticeKind::Ticker && count(notice) > 0) {
                normal_count = count(notice);
                break;
            }
        }
        REQUIRE(normal_count > 0);
        for (auto const& notice : notices) {
            if (count(notice) == 0 || notice.priority == Priority::Urgent)
                continue;
            CAPTURE(notice.id);
            CHECK(count(notice) == (notice.priority == Priority::High ? 2 : 1) * normal_count);
        }
    }
}

TEST_CASE("tags: which screens a notice reaches")
{
    struct Case {
        const char* name;
        std::vector<std::string> screen_tags;
        const char* expected; // at 2026-12-31 12:00
    };
    Case const cases[] = {
        { "a Hangzhou lobby screen: its case-insensitive 'Lobby' tag", { "hangzhou", "lobby" },
            "tariff-2026 hotlines lobby-only" },
        { "a Ningbo screen: the Ningbo notice, and the one tagged ningbo among others", { "ningbo" },
            "tariff-2026 hotlines ningbo-only lobby-only" },
        { "a screen without tags: only untagged notices", {}, "tariff-2026 hotlines" },
        { "a screen of another city", { "wenzhou", "portrait" }, "tariff-2026 hotlines" },
        { "a screen tag in capitals", { "NINGBO" }, "tariff-2026 hotlines ningbo-only lobby-only" },
    };
    for (auto const& test_case : cases) {
        SUBCASE(test_case.name)
        {
            CHECK(shown(fixture().notices, "2026-12-31 12:00", test_case.screen_tags) == test_case.expected);
        }
    }
}

TEST_CASE("tags from channel.yaml apply to notices without their own, and a notice's own tags replace them")
{
    ChannelDefaults channel;
    channel.tags = { "hangzhou" };
    Diagnostics diagnostics;
    auto inherits = parse_notice(
        "id: a\nkind: notice\ntitle: 通知\nnotice: {body: 正文}\n", "notices/a.yaml", channel, diagnostics);
    auto own = parse_notice("id: b\nkind: notice\ntitle: 通知\ntags: [ningbo]\nnotice: {body: 正文}\n",
        "notices/b.yaml", channel, diagnostics);
    auto everywhere = parse_notice(
        "id: c\nkind: notice\ntitle: 通知\ntags: []\nnotice: {body: 正文}\n", "notices/c.yaml", channel, diagnostics);
    REQUIRE(inherits);
    REQUIRE(own);
    REQUIRE(everywhere);
    auto const now = at("2026-12-01 10:00");
    CHECK(is_eligible(*inherits, now, { "hangzhou" }));
    CHECK_FALSE(is_eligible(*inherits, now, { "ningbo" }));
    CHECK(is_eligible(*own, now, { "ningbo" }));
    CHECK_FALSE(is_eligible(*own, now, { "hangzhou" }));
    CHECK(is_eligible(*everywhere, now, { "ningbo" }));
    CHECK(is_eligible(*everywhere, now, {}));
}
