// The next page made ahead: what a slide change shows is exactly what laying the page out at
// the change would show, the rotation's real answer wins over what was prepared, and a fade
// runs from the old page to the new one.
#include "player/render/offscreen.h"
#include "player/render/sdl_session.h"
#include "player/screen/screen_compositor.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace hallboard;

namespace {

Notice text_notice(std::string id, std::string title, std::string body)
{
    Notice notice;
    notice.id = std::move(id);
    notice.kind = NoticeKind::Notice;
    notice.title = std::move(title);
    notice.duration = std::chrono::milliseconds(2000);
    FreeText text;
    text.body = std::move(body);
    notice.body = text;
    return notice;
}

std::shared_ptr<ContentSource> three_notices()
{
    auto content = std::make_shared<ContentSource>();
    content->notices = {
        text_notice("a", "第一条", "因线路检修，2026年12月1日 08:00–18:00 停电。"),
        text_notice("b", "第二条", "办理业务请先取号，留意叫号屏幕。"),
        text_notice("c", "第三条", "供电服务热线 95598（24 小时）"),
    };
    return content;
}

ScreenConfig screen_config(Transition transition)
{
    ScreenConfig config;
    config.id = "test-01";
    config.hall = "测试供电营业厅";
    config.theme = default_theme();
    config.transition = transition;
    config.transition_time = std::chrono::milliseconds(transition == Transition::Cut ? 0 : 500);
    return config;
}

// The slide area's pixels, without the progress bar (its length changes every frame).
std::vector<Color> slide_pixels(OffscreenCanvas& canvas, const ScreenGeometry& geometry)
{
    std::vector<Color> pixels;
    for (int y = static_cast<int>(geometry.slide.y); y < static_cast<int>(geometry.slide.bottom()); ++y) {
        if (y >= static_cast<int>(geometry.progress.y) && y < static_cast<int>(geometry.progress.bottom()))
            continue;
        for (int x = static_cast<int>(geometry.slide.x); x < static_cast<int>(geometry.slide.right()); ++x)
            pixels.push_back(canvas.pixel(x, y));
    }
    return pixels;
}

long differing(const std::vector<Color>& a, const std::vector<Color>& b)
{
    long count = 0;
    for (size_t i = 0; i < std::min(a.size(), b.size()); ++i)
        count += !(a[i] == b[i]);
    return count + static_cast<long>(std::max(a.size(), b.size()) - std::min(a.size(), b.size()));
}

struct Fixture {
    std::unique_ptr<SdlSession> session = SdlSession::start(SdlVideo::NotNeeded);
    std::unique_ptr<FontSet> fonts = FontSet::open(default_theme().font_families);
};

} // namespace

TEST_CASE("a slide change shows the page made ahead, exactly as if made at the change")
{
    Fixture fixture;
    REQUIRE(fixture.session);
    REQUIRE(fixture.fonts);
    auto config = screen_config(Transition::Cut);
    auto content = three_notices();
    OffscreenCanvas canvas(960, 540);
    ScreenCompositor compositor(canvas.renderer(), *fixture.fonts, config, 960, 540);
    compositor.set_content(content);

    ManualClock clock({ { 2026, 12, 1 }, 600 });
    auto first = compositor.draw_frame(clock.now());
    CHECK(first.notice_id == "a");
    CHECK_FALSE(first.prepared_ahead); // nothing was on screen to prepare during

    std::vector<std::string> shown;
    double work_ahead_ms = 0;
    for (int frame = 0; frame < 60 * 5; ++frame) {
        clock.advance(1.0 / 60);
        auto report = compositor.draw_frame(clock.now());
        if (!report.slide_changed) {
            work_ahead_ms += report.layout_ms + report.rasterise_ms;
            continue;
        }
        shown.push_back(report.notice_id);
        CHECK(report.prepared_ahead);
        CHECK(report.layout_ms == 0);

        // The same page laid out and rasterised on the spot, at the same moment.
        OffscreenCanvas reference(960, 540);
        ScreenCompositor fresh(reference.renderer(), *fixture.fonts, config, 960, 540);
        fresh.set_content(content);
        const Notice* notice = nullptr;
        for (auto const& candidate : content->notices)
            notice = candidate.id == report.notice_id ? &candidate : notice;
        REQUIRE(notice);
        fresh.show_static(*notice, 0, clock.now());
        fresh.draw_frame(clock.now());
        CAPTURE(report.notice_id);
        CHECK(differing(slide_pixels(canvas, compositor.geometry()), slide_pixels(reference, fresh.geometry())) == 0);
    }
    CHECK(shown == std::vector<std::string> { "b", "c" });
    CHECK(work_ahead_ms > 0);
}

TEST_CASE("what the rotation really gives at the change wins over what was prepared")
{
    Fixture fixture;
    REQUIRE(fixture.session);
    REQUIRE(fixture.fonts);
    auto config = screen_config(Transition::Cut);

    SUBCASE("a notice expiring between the preparation and the change is skipped")
    {
        auto content = three_notices();
        content->notices[1].valid_until = LocalDateTime { { 2026, 12, 1 }, 10 * 60 + 1 }; // b: until 10:01:59
        OffscreenCanvas canvas(960, 540);
        ScreenCompositor compositor(canvas.renderer(), *fixture.fonts, config, 960, 540);
        compositor.set_content(content);
        ManualClock clock({ { 2026, 12, 1 }, 10 * 60 + 1 });
        clock.advance(58); // a shows 10:01:58-10:02:00; b is prepared at 10:01:58.5
        CHECK(compositor.draw_frame(clock.now()).notice_id == "a");
        FrameReport change;
        bool worked_ahead = false;
        while (!change.slide_changed) {
            clock.advance(1.0 / 60);
            change = compositor.draw_frame(clock.now());
            worked_ahead |= !change.slide_changed && change.rasterise_ms > 0;
        }
        CHECK(worked_ahead);
        CHECK(change.notice_id == "c");
        CHECK_FALSE(change.prepared_ahead);
    }
    SUBCASE("new content replaces a page prepared from the old one")
    {
        auto content = three_notices();
        OffscreenCanvas canvas(960, 540);
        ScreenCompositor compositor(canvas.renderer(), *fixture.fonts, config, 960, 540);
        compositor.set_content(content);
        ManualClock clock({ { 2026, 12, 1 }, 600 });
        CHECK(compositor.draw_frame(clock.now()).notice_id == "a");
        for (int frame = 0; frame < 90; ++frame) { // 1.5 s: b is being prepared
            clock.advance(1.0 / 60);
            compositor.draw_frame(clock.now());
        }
        auto replacement = std::make_shared<ContentSource>();
        replacement->notices = { text_notice("z", "新内容", "内容已更新。") };
        compositor.set_content(replacement);
        FrameReport change;
        while (!change.slide_changed) {
            clock.advance(1.0 / 60);
            change = compositor.draw_frame(clock.now());
        }
        CHECK(change.notice_id == "z");
    }
}

TEST_CASE("a fade starts on the old page, blends, and ends exactly on the new one")
{
    Fixture fixture;
    REQUIRE(fixture.session);
    REQUIRE(fixture.fonts);
    auto config = screen_config(Transition::Fade);
    auto content = three_notices();
    OffscreenCanvas canvas(960, 540);
    ScreenCompositor compositor(canvas.renderer(), *fixture.fonts, config, 960, 540);
    compositor.set_content(content);
    auto const& geometry = compositor.geometry();

    ManualClock clock({ { 2026, 12, 1 }, 600 });
    compositor.draw_frame(clock.now());
    std::vector<Color> old_page;
    FrameReport report;
    while (!report.slide_changed) {
        old_page = slide_pixels(canvas, geometry);
        clock.advance(1.0 / 60);
        report = compositor.draw_frame(clock.now());
    }
    REQUIRE(report.notice_id == "b");
    // The first frame of the fade is all old page (the new one at alpha 0).
    CHECK(report.in_transition);
    CHECK(differing(slide_pixels(canvas, geometry), old_page) == 0);

    // Half way, every pixel lies between the old page's and the new page's.
    for (int frame = 0; frame < 15; ++frame) {
        clock.advance(1.0 / 60);
        compositor.draw_frame(clock.now());
    }
    auto middle = slide_pixels(canvas, geometry);
    for (int frame = 0; frame < 30; ++frame) {
        clock.advance(1.0 / 60);
        report = compositor.draw_frame(clock.now());
    }
    CHECK_FALSE(report.in_transition);
    auto new_page = slide_pixels(canvas, geometry);
    REQUIRE(middle.size() == new_page.size());
    long outside = 0;
    long blended = 0;
    for (size_t i = 0; i < middle.size(); ++i) {
        auto between
            = [](int value, int a, int b) { return value >= std::min(a, b) - 1 && value <= std::max(a, b) + 1; };
        outside += !(between(middle[i].r, old_page[i].r, new_page[i].r)
            && between(middle[i].g, old_page[i].g, new_page[i].g)
            && between(middle[i].b, old_page[i].b, new_page[i].b));
        blended += !(middle[i] == old_page[i]) && !(middle[i] == new_page[i]);
    }
    CHECK(outside == 0);
    CHECK(blended > 100);

    // After the fade: exactly the new page, as made on the spot.
    OffscreenCanvas reference(960, 540);
    ScreenCompositor fresh(reference.renderer(), *fixture.fonts, config, 960, 540);
    fresh.set_content(content);
    fresh.show_static(content->notices[1], 0, clock.now());
    fresh.draw_frame(clock.now());
    CHECK(differing(new_page, slide_pixels(reference, fresh.geometry())) == 0);
}

TEST_CASE("slide text does not pile up in the texture cache")
{
    Fixture fixture;
    REQUIRE(fixture.session);
    REQUIRE(fixture.fonts);
    auto config = screen_config(Transition::Fade);
    auto content = std::make_shared<ContentSource>();
    for (int i = 0; i < 8; ++i)
        content->notices.push_back(text_notice("n" + std::to_string(i), "第" + std::to_string(i) + "条通知",
            "第" + std::to_string(i) + "段正文：办理业务请先取号，留意叫号屏幕。供电服务热线 95598。"));
    OffscreenCanvas canvas(960, 540);
    ScreenCompositor compositor(canvas.renderer(), *fixture.fonts, config, 960, 540);
    compositor.set_content(content);
    ManualClock clock({ { 2026, 12, 1 }, 600 });
    compositor.draw_frame(clock.now());
    size_t most = 0;
    size_t after_first_slide = 0;
    int changes = 0;
    for (int frame = 0; frame < 60 * 16; ++frame) {
        clock.advance(1.0 / 60);
        changes += compositor.draw_frame(clock.now()).slide_changed;
        if (frame == 60)
            after_first_slide = compositor.cached_texture_bytes();
        most = std::max(most, compositor.cached_texture_bytes());
    }
    CHECK(changes >= 7);
    REQUIRE(after_first_slide > 0); // header, clock and ticker are cached
    // Every frame's texts (header, a clock second or two) and nothing of the eight slides.
    CHECK(most <= after_first_slide * 2);
}
