// Opening hours on an offscreen canvas: the rotation inside them; black or a dimmed clock
// outside, drawn once (a minute) and then nothing until the screen comes on again on time.
#include "player/layout/off_hours_layout.h"
#include "player/render/offscreen.h"
#include "player/render/sdl_session.h"
#include "player/render/texture_tally.h"
#include "player/screen/screen_show.h"

#include <doctest/doctest.h>

using namespace hallboard;

namespace {

Notice text_notice(std::string id)
{
    Notice notice;
    notice.id = std::move(id);
    notice.kind = NoticeKind::Notice;
    notice.title = "营业时间调整";
    notice.duration = std::chrono::milliseconds(10000);
    FreeText body;
    body.body = "本厅营业时间为每日 07:30–18:30。";
    notice.body = body;
    return notice;
}

std::shared_ptr<ScreenConfig> hall_config(OffHours off_hours)
{
    auto config = std::make_shared<ScreenConfig>();
    config->id = "test-01";
    config->hall = "测试供电营业厅";
    config->theme = default_theme();
    config->on_hours = WeeklyHours::every_day({ *parse_time_range("07:30-18:30") });
    config->off_hours = off_hours;
    return config;
}

// Pixels brighter than black in the canvas, sampling every 4th pixel of every 4th row.
int lit_pixels(OffscreenCanvas& canvas)
{
    int lit = 0;
    for (int y = 0; y < canvas.height(); y += 4)
        for (int x = 0; x < canvas.width(); x += 4) {
            auto pixel = canvas.pixel(x, y);
            lit += pixel.r + pixel.g + pixel.b > 0;
        }
    return lit;
}

} // namespace

TEST_CASE("outside the opening hours the screen is blank or a dimmed clock, and comes on again on time")
{
    auto session = SdlSession::start(SdlVideo::NotNeeded);
    REQUIRE(session);
    auto fonts = FontSet::open(default_theme().font_families);
    REQUIRE(fonts);
    auto content = std::make_shared<ContentSource>();
    content->notices = { text_notice("hours") };

    for (auto off_hours : { OffHours::Blank, OffHours::DimmedClock }) {
        bool const clock = off_hours == OffHours::DimmedClock;
        CAPTURE(clock);
        OffscreenCanvas canvas(960, 540);
        long const textures_at_start = live_textures();
        ScreenShow show(canvas.renderer(), *fonts, hall_config(off_hours), 960, 540);
        show.set_content(content);
        ManualClock time({ { 2026, 11, 23 }, 18 * 60 + 29 }); // 18:29:00

        auto frame = show.draw_frame(time.now(), Redraw::Everything, AheadWork::InFrame);
        CHECK(frame.screen_on);
        CHECK(frame.switched);
        CHECK(frame.report.notice_id == "hours");
        CHECK(lit_pixels(canvas) > 1000);
        long const textures_on = live_textures() - textures_at_start;
        CHECK(textures_on > 0);

        time.advance(60); // 18:30:00: closed
        frame = show.draw_frame(time.now(), Redraw::Changes, AheadWork::InFrame);
        CHECK_FALSE(frame.screen_on);
        CHECK(frame.switched);
        REQUIRE(frame.report.damage.size() == 1);
        CHECK(frame.report.damage[0].w == 960);
        CHECK(frame.report.notice_id.empty());
        int const lit = lit_pixels(canvas);
        if (clock) {
            CHECK(lit > 50);
            CHECK(lit < 960 * 540 / 16 / 10); // a few digits, not a slide
            // Dim: no pixel brighter than the clock's colour.
            for (int y = 0; y < 540; y += 2)
                for (int x = 0; x < 960; x += 2)
                    REQUIRE(canvas.pixel(x, y).g <= off_hours_time_color.g);
            CHECK(frame.report.next_change == doctest::Approx(60 + 60)); // the next minute
        } else {
            CHECK(lit == 0);
            CHECK(frame.report.next_change == doctest::Approx(60 + ScreenShow::longest_off_sleep_seconds));
        }
        CHECK_FALSE(frame.report.animating);
        // The slide textures went with the compositor.
        CHECK(live_textures() - textures_at_start < textures_on);

        // Within the minute nothing is drawn.
        time.advance(30);
        frame = show.draw_frame(time.now(), Redraw::Changes, AheadWork::InFrame);
        CHECK(frame.report.damage.empty());
        CHECK_FALSE(frame.switched);

        // At 07:29:30 the wake-up is due at 07:30 sharp.
        time.advance(13 * 3600 - 60); // from 18:30:30 to 07:29:30 the next day
        frame = show.draw_frame(time.now(), Redraw::Changes, AheadWork::InFrame);
        CHECK_FALSE(frame.screen_on);
        CHECK(frame.report.next_change == doctest::Approx(time.now().seconds + 30));
        CHECK(frame.report.damage.empty() != clock); // the clock drew its new minute

        time.advance(30); // 07:30:00
        frame = show.draw_frame(time.now(), Redraw::Changes, AheadWork::InFrame);
        CHECK(frame.screen_on);
        CHECK(frame.switched);
        CHECK(frame.report.notice_id == "hours");
        CHECK(lit_pixels(canvas) > 1000);
    }
}

TEST_CASE("a new config starts the show over with its hall name and hours")
{
    auto session = SdlSession::start(SdlVideo::NotNeeded);
    REQUIRE(session);
    auto fonts = FontSet::open(default_theme().font_families);
    REQUIRE(fonts);
    OffscreenCanvas canvas(960, 540);
    ScreenShow show(canvas.renderer(), *fonts, hall_config(OffHours::Blank), 960, 540);
    auto content = std::make_shared<ContentSource>();
    content->notices = { text_notice("hours") };
    show.set_content(content);
    ManualClock time({ { 2026, 11, 23 }, 19 * 60 }); // 19:00: closed
    auto frame = show.draw_frame(time.now(), Redraw::Everything, AheadWork::InFrame);
    CHECK_FALSE(frame.screen_on);

    auto longer = hall_config(OffHours::Blank);
    longer->on_hours = WeeklyHours::every_day({ *parse_time_range("07:30-21:00") });
    longer->hall = "新名字供电营业厅";
    show.set_config(longer);
    CHECK(show.config().hall == "新名字供电营业厅");
    CHECK(show.needs_everything());
    time.advance(1);
    frame = show.draw_frame(time.now(), Redraw::Changes, AheadWork::InFrame);
    CHECK(frame.screen_on);
    CHECK(frame.switched);
    CHECK(frame.report.notice_id == "hours");

    // A config applied while the screen is on keeps it on: no switch, a fresh first slide.
    show.set_config(hall_config(OffHours::Blank));
    time.advance(1);
    CHECK(show.needs_everything());
    frame = show.draw_frame(time.now(), Redraw::Everything, AheadWork::InFrame);
    CHECK(frame.screen_on == false); // 19:00:02 is outside 07:30-18:30 again
    CHECK(frame.switched);
    CHECK(show.texture_bytes() == 0);
}
