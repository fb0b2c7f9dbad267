// The compositor on an offscreen canvas: slides change on time, the ticker moves at a constant
// speed, the clock ticks, and a broken notice set still gives a picture.
#include "player/render/offscreen.h"
#include "player/render/sdl_session.h"
#include "player/screen/screen_compositor.h"

#include <doctest/doctest.h>

#include <memory>
#include <optional>

using namespace hallboard;

namespace {

Notice text_notice(std::string id, std::string title, std::chrono::milliseconds duration)
{
    Notice notice;
    notice.id = std::move(id);
    notice.kind = NoticeKind::Notice;
    notice.title = std::move(title);
    notice.duration = duration;
    FreeText body;
    body.body = "因线路检修，2026年12月1日 08:00–18:00 停电。";
    notice.body = body;
    return notice;
}

Notice ticker_notice(std::string id, std::string text)
{
    Notice notice;
    notice.id = std::move(id);
    notice.kind = NoticeKind::Ticker;
    notice.body = TickerMessage { std::move(text) };
    return notice;
}

ScreenConfig small_screen()
{
    ScreenConfig config;
    config.id = "test-01";
    config.hall = "测试供电营业厅";
    config.theme = default_theme();
    config.transition = Transition::Fade;
    config.transition_time = std::chrono::milliseconds(500);
    return config;
}

// How many pixels in the row differ from the row's first pixel: a cheap "is there text" probe.
int busy_pixels(OffscreenCanvas& canvas, int y, int x_from, int x_to)
{
    Color first = canvas.pixel(x_from, y);
    int busy = 0;
    for (int x = x_from; x < x_to; ++x)
        busy += !(canvas.pixel(x, y) == first);
    return busy;
}

// What every case here draws on: a 960x540 offscreen canvas and a compositor with the test
// hall's config (which the compositor keeps a reference to).
struct SmallScreen {
    std::unique_ptr<SdlSession> session = SdlSession::start(SdlVideo::NotNeeded);
    std::unique_ptr<FontSet> fonts = FontSet::open(default_theme().font_families);
    ScreenConfig const config = small_screen();
    OffscreenCanvas canvas { 960, 540 };
    std::optional<ScreenCompositor> compositor;

    SmallScreen()
    {
        REQUIRE(session);
        REQUIRE(fonts);
        compositor.emplace(canvas.renderer(), *fonts, config, 960, 540);
    }
};

} // namespace

TEST_CASE("slides change when their time is up, with a transition in between")
{
    SmallScreen screen;
    auto& compositor = *screen.compositor;
    auto content = std::make_shared<ContentSource>();
    content->notices = { text_notice("first", "第一条", std::chrono::milliseconds(2000)),
        text_notice("second", "第二条", std::chrono::milliseconds(2000)) };
    compositor.set_content(content);

    ManualClock clock({ { 2026, 12, 1 }, 600 });
    auto report = compositor.draw_frame(clock.now());
    CHECK(report.slide_changed);
    CHECK(report.notice_id == "first");

    std::vector<std::string> changes;
    for (int frame = 0; frame < 60 * 5; ++frame) {
        clock.advance(1.0 / 60);
        report = compositor.draw_frame(clock.now());
        if (report.slide_changed)
            changes.push_back(report.notice_id);
    }
    // 5 s of 2 s slides: changes at 2 s and 4 s.
    CHECK(changes == std::vector<std::string> { "second", "first" });
}

TEST_CASE("the ticker scrolls at a constant speed in pixels per second, whatever the frame rate")
{
    SmallScreen screen;
    auto& compositor = *screen.compositor;
    auto content = std::make_shared<ContentSource>();
    content->notices = { text_notice("only", "通知", std::chrono::milliseconds(60000)),
        ticker_notice("welcome", "欢迎光临！办理业务请先取号。") };
    compositor.set_content(content);
    auto const& bar = compositor.geometry().ticker;
    int row = static_cast<int>(bar.y + bar.h / 2);

    // Right after start the text has not entered yet; a few seconds later it is on screen.
    ManualClock clock({ { 2026, 12, 1 }, 600 });
    compositor.draw_frame(clock.now());
    CHECK(busy_pixels(screen.canvas, row, 0, 960) == 0);
    clock.advance(3);
    compositor.draw_frame(clock.now());
    CHECK(busy_pixels(screen.canvas, row, 0, 960) > 0);

    // The same wall time reached in 30 fps or 60 fps steps gives the same picture.
    ManualClock fast({ { 2026, 12, 1 }, 600 }), slow({ { 2026, 12, 1 }, 600 });
    std::vector<Color> at_fast, at_slow;
    for (int i = 0; i < 120; ++i)
        fast.advance(1.0 / 60);
    for (int i = 0; i < 60; ++i)
        slow.advance(1.0 / 30);
    compositor.draw_frame(fast.now());
    for (int x = 0; x < 960; ++x)
        at_fast.push_back(screen.canvas.pixel(x, row));
    compositor.draw_frame(slow.now());
    for (int x = 0; x < 960; ++x)
        at_slow.push_back(screen.canvas.pixel(x, row));
    CHECK(at_fast == at_slow);
}

TEST_CASE("with nothing eligible the fallback slide shows the hall name instead of a black screen")
{
    SmallScreen screen;
    auto& compositor = *screen.compositor;
    auto content = std::make_shared<ContentSource>();
    auto expired = text_notice("old", "过期", std::chrono::milliseconds(2000));
    expired.valid_until = LocalDateTime { { 2020, 1, 1 }, 0 };
    content->notices = { expired };
    compositor.set_content(content);
    ManualClock clock({ { 2026, 12, 1 }, 600 });
    auto report = compositor.draw_frame(clock.now());
    CHECK(report.notice_id == "fallback");
    auto const& slide = compositor.geometry().slide;
    int text_rows = 0;
    for (int y = static_cast<int>(slide.y); y < static_cast<int>(slide.bottom()); y += 4)
        text_rows += busy_pixels(screen.canvas, y, 0, 960) > 0;
    CHECK(text_rows > 5);
}

TEST_CASE("the fallback slide gives way at once when the first content arrives")
{
    SmallScreen screen;
    auto& compositor = *screen.compositor;
    compositor.set_content(nullptr); // a screen fed by a server, before its first sync

    ManualClock clock({ { 2026, 12, 1 }, 600 });
    auto report = compositor.draw_frame(clock.now());
    CHECK(report.notice_id == "fallback");
    clock.advance(1.0);
    compositor.draw_frame(clock.now());

    auto content = std::make_shared<ContentSource>();
    content->notices = { text_notice("first", "第一条", std::chrono::milliseconds(20000)) };
    compositor.set_content(content);
    clock.advance(1.0 / 60);
    report = compositor.draw_frame(clock.now());
    CHECK(report.slide_changed);
    CHECK(report.notice_id == "first");

    SUBCASE("but not for content with nothing in it")
    {
        compositor.set_content(std::make_shared<ContentSource>());
        clock.advance(1.0 / 60);
        CHECK_FALSE(compositor.draw_frame(clock.now()).slide_changed);
    }
}

TEST_CASE("an urgent notice interrupts the slide on screen within a second of becoming valid")
{
    SmallScreen screen;
    auto& compositor = *screen.compositor;
    auto content = std::make_shared<ContentSource>();
    content->notices = { text_notice("long", "很长的一条", std::chrono::milliseconds(120000)),
        text_notice("urgent", "紧急停电通知", std::chrono::milliseconds(20000)) };
    content->notices[1].priority = Priority::Urgent;
    content->notices[1].valid_from = LocalDateTime { { 2026, 12, 1 }, 10 * 60 + 1 };
    compositor.set_content(content);

    ManualClock clock({ { 2026, 12, 1 }, 10 * 60 }); // 10:00, the urgent notice valid from 10:01
    CHECK(compositor.draw_frame(clock.now()).notice_id == "long");
    std::string shown_at_10_01;
    for (int frame = 0; frame < 70 * 60 && shown_at_10_01.empty(); ++frame) {
        clock.advance(1.0 / 60);
        auto report = compositor.draw_frame(clock.now());
        if (report.slide_changed)
            shown_at_10_01 = report.notice_id + " at " + std::to_string(clock.now().seconds_of_day);
    }
    CHECK(shown_at_10_01.starts_with("urgent at "));
    CHECK(clock.now().local.minute_of_day == 10 * 60 + 1);
    CHECK(clock.now().seconds_of_day <= 10 * 3600 + 61); // within a second of 10:01:00
}

TEST_CASE("a tariff that expires at midnight leaves the screen at midnight, for its successor")
{
    SmallScreen screen;
    auto& compositor = *screen.compositor;
    auto content = std::make_shared<ContentSource>();
    content->notices = { text_notice("tariff-2026", "2026年电价", std::chrono::milliseconds(60000)),
        text_notice("tariff-2027", "2027年电价", std::chrono::milliseconds(60000)) };
    content->notices[0].valid_until = LocalDateTime { { 2026, 12, 31 }, 23 * 60 + 59 };
    content->notices[1].valid_from = LocalDateTime { { 2027, 1, 1 }, 0 };
    compositor.set_content(content);

    ManualClock clock({ { 2026, 12, 31 }, 23 * 60 + 59 });
    clock.advance(30); // 23:59:30: a minute-long slide starts, due to end at 00:00:30
    CHECK(compositor.draw_frame(clock.now()).notice_id == "tariff-2026");
    std::string changed;
    int changed_at = -1;
    for (int frame = 0; frame < 10 * 60 && changed.empty(); ++frame) {
        clock.advance(0.1);
        auto report = compositor.draw_frame(clock.now());
        if (report.slide_changed) {
            changed = report.notice_id;
            changed_at = clock.now().seconds_of_day;
        }
    }
    CHECK(changed == "tariff-2027");
    CHECK(clock.now().local.date == Date { 2027, 1, 1 });
    CHECK(changed_at <= 1); // within a second of midnight, though its minute had not run out
}

TEST_CASE("a preview shows the notice asked for, even one not valid at the preview's time")
{
    SmallScreen screen;
    auto& compositor = *screen.compositor;
    auto content = std::make_shared<ContentSource>();
    content->notices = { text_notice("now", "现行电价", std::chrono::milliseconds(10000)),
        text_notice("next-year", "明年电价", std::chrono::milliseconds(10000)) };
    content->notices[1].valid_from = LocalDateTime { { 2027, 1, 1 }, 0 };
    compositor.set_content(content);
    ManualClock clock({ { 2026, 12, 1 }, 600 });
    compositor.show_static(content->notices[1], 0, clock.now());
    auto report = compositor.draw_frame(clock.now());
    CHECK(report.notice_id == "next-year");
    clock.advance(1);
    CHECK(compositor.draw_frame(clock.now()).notice_id == "next-year");
}
