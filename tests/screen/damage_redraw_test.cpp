// Drawing only the damaged rectangles gives, frame after frame, the very pixels a full redraw
// of the same moment gives: through clock ticks, the progress bar, the scrolling ticker, slide
// changes with fade and slide transitions, and new content mid-run. And a frame with nothing
// moving draws nothing and says when the next change is.
#include "player/render/offscreen.h"
#include "player/render/sdl_session.h"
#include "player/screen/screen_compositor.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>

using namespace hallboard;

namespace {

Notice text_notice(std::string id, std::string title, std::string body)
{
    Notice notice;
    notice.id = std::move(id);
    notice.kind = NoticeKind::Notice;
    notice.title = std::move(title);
    notice.duration = std::chrono::milliseconds(3000);
    FreeText text;
    text.body = std::move(body);
    notice.body = text;
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

std::shared_ptr<ContentSource> content(bool with_ticker, std::string ticker_text = "欢迎光临！办理业务请先取号。")
{
    auto source = std::make_shared<ContentSource>();
    source->notices = {
        text_notice("a", "第一条", "因线路检修，2026年12月1日 08:00–18:00 停电。"),
        text_notice("b", "第二条", "办理业务请先取号，留意叫号屏幕。"),
    };
    if (with_ticker)
        source->notices.push_back(ticker_notice("t", std::move(ticker_text)));
    return source;
}

ScreenConfig screen_config(Transition transition)
{
    ScreenConfig config;
    config.id = "test-01";
    config.hall = "测试供电营业厅";
    config.theme = default_theme();
    config.transition = transition;
    config.transition_time = std::chrono::milliseconds(400);
    return config;
}

// Rows of the canvas that differ (the whole surface, byte for byte).
int differing_rows(OffscreenCanvas& a, OffscreenCanvas& b)
{
    SDL_Surface* sa = a.surface();
    SDL_Surface* sb = b.surface();
    int rows = 0;
    for (int y = 0; y < sa->h; ++y)
        rows += std::memcmp(static_cast<Uint8*>(sa->pixels) + y * sa->pitch,
                    static_cast<Uint8*>(sb->pixels) + y * sb->pitch, static_cast<size_t>(sa->w) * 4)
            != 0;
    return rows;
}

long long area(const std::vector<SDL_Rect>& rects)
{
    long long total = 0;
    for (auto const& rect : rects)
        total += static_cast<long long>(rect.w) * rect.h;
    return total;
}

struct Fixture {
    std::unique_ptr<SdlSession> session = SdlSession::start(SdlVideo::NotNeeded);
    std::unique_ptr<FontSet> fonts = FontSet::open(default_theme().font_families);
};

} // namespace

TEST_CASE("a frame of only the damaged rectangles equals a full redraw of the same moment")
{
    Fixture fixture;
    REQUIRE(fixture.session);
    REQUIRE(fixture.fonts);
    struct Variant {
        Transition transition;
        SlideMemory memory; // of the compositor drawing only changes; the reference keeps its pages
    };
    Variant const variants[] = {
        { Transition::Fade, SlideMemory::Keep },
        { Transition::Slide, SlideMemory::Keep },
        { Transition::Cut, SlideMemory::Keep },
        // Pages let go once on the target, read back from it for the next transition.
        { Transition::Fade, SlideMemory::ReleaseOnceShown },
        { Transition::Slide, SlideMemory::ReleaseOnceShown },
        { Transition::Cut, SlideMemory::ReleaseOnceShown },
    };
    for (auto const& variant : variants) {
        // Not a structured binding: CAPTURE's lambda cannot capture bindings under clang 14.
        Transition const transition = variant.transition;
        SlideMemory const memory = variant.memory;
        CAPTURE(static_cast<int>(transition));
        CAPTURE(static_cast<int>(memory));
        auto config = screen_config(transition);
        int const width = 640;
        int const height = 360;
        // Both like a window surface: opaque pixels.
        OffscreenCanvas partial(width, height, CanvasPixels::Rgb888);
        OffscreenCanvas full(width, height, CanvasPixels::Rgb888);
        ScreenCompositor changes(partial.renderer(), *fixture.fonts, config, width, height);
        ScreenCompositor everything(full.renderer(), *fixture.fonts, config, width, height);
        for (ScreenCompositor* compositor : { &changes, &everything }) {
            compositor->set_frame_rate(60, TickerPositions::WholePixels);
            compositor->set_content(content(true));
        }
        changes.set_slide_memory(memory);
        size_t most_slide_bytes = 0;
        int frames_without_page_texture = 0;

        // 10:00:59.5, so the clock's minute and the ticker's once-a-minute check both turn.
        ManualClock clock({ { 2026, 12, 1 }, 600 });
        clock.advance(59.5);
        int mismatched_frames = 0;
        int slide_changes = 0;
        int transition_frames = 0;
        long long steady_area = 0;
        int steady_frames = 0;
        long long const screen_area = static_cast<long long>(width) * height;
        for (int frame = 0; frame < 60 * 8; ++frame) {
            if (frame == 200) {
                // New content mid-run (as the sync thread's hook does): the whole screen again.
                changes.set_content(content(true, "新的滚动消息：营业时间调整。"));
                everything.set_content(content(true, "新的滚动消息：营业时间调整。"));
                CHECK(changes.needs_everything());
            }
            auto report = changes.draw_frame(clock.now(), Redraw::Changes);
            auto reference = everything.draw_frame(clock.now(), Redraw::Everything);
            CHECK(report.notice_id == reference.notice_id);
            if (frame == 0 || frame == 200)
                CHECK(area(report.damage) == screen_area);
            most_slide_bytes = std::max(most_slide_bytes, changes.slide_texture_bytes());
            frames_without_page_texture += changes.slide_texture_bytes() == 0;
            slide_changes += report.slide_changed;
            transition_frames += report.in_transition;
            if (!report.slide_changed && !report.in_transition && frame != 0 && frame != 200) {
                steady_area += area(report.damage);
                ++steady_frames;
            }
            int rows = differing_rows(partial, full);
            if (rows) {
                ++mismatched_frames;
                if (mismatched_frames <= 3)
                    MESSAGE("frame " << frame << ": " << rows << " rows differ");
            }
            clock.advance(1.0 / 60);
        }
        CHECK(mismatched_frames == 0);
        // Never more than two pages at once (a transition); with ReleaseOnceShown, most of the
        // time none.
        size_t const page_bytes = static_cast<size_t>(changes.geometry().slide.w * changes.geometry().slide.h) * 4;
        CHECK(most_slide_bytes <= 2 * page_bytes);
        if (memory == SlideMemory::ReleaseOnceShown)
            CHECK(frames_without_page_texture > 100);
        else
            CHECK(frames_without_page_texture == 0);
        CHECK(slide_changes >= 3);
        if (transition != Transition::Cut)
            CHECK(transition_frames > 20);
        // Between changes a frame redraws the ticker, the progress bar's end and, once a second,
        // the clock: a small part of the screen.
        REQUIRE(steady_frames > 100);
        CHECK(static_cast<double>(steady_area) / steady_frames < 0.15 * static_cast<double>(screen_area));
    }
}

TEST_CASE("with nothing moving a frame draws nothing and names the next change")
{
    Fixture fixture;
    REQUIRE(fixture.fonts);
    auto config = screen_config(Transition::Fade);
    OffscreenCanvas canvas(640, 360, CanvasPixels::Rgb888);
    auto with_pages_of = [](std::chrono::milliseconds duration) {
        auto source = content(false);
        for (auto& notice : source->notices)
            notice.duration = duration;
        return source;
    };
    struct Case {
        char const* name;
        std::chrono::milliseconds page;
        double start;        // seconds into 10:00
        double next_change;  // seconds after the frame
        int bar_pixels_lost; // at that change
    };
    double const at_most = 1 / ScreenCompositor::progress_updates_per_second;
    Case const cases[] = {
        // 640 px in 120 s: a pixel every 188 ms (the first after half that: the width is
        // rounded), sooner than the clock's next second.
        { "slow bar: its next pixel", std::chrono::seconds(120), 0.25, 120.0 / 640 / 2 + 0.001, 1 },
        // 640 px in 20 s: a pixel every 31 ms, but redrawn at most 15 times a second.
        { "fast bar: no more often than 15 times a second", std::chrono::seconds(20), 0.25, at_most, 2 },
        // 640 px in 20 min: the clock ticks first.
        { "still bar: the clock's next second", std::chrono::minutes(20), 30.25, 0.75 + 0.002, 0 },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            ScreenCompositor compositor(canvas.renderer(), *fixture.fonts, config, 640, 360);
            compositor.set_frame_rate(60, TickerPositions::WholePixels);
            compositor.set_content(with_pages_of(c.page));
            ManualClock clock({ { 2026, 12, 1 }, 600 });
            clock.advance(c.start);
            double const started = clock.now().seconds;
            auto first = compositor.draw_frame(clock.now(), Redraw::Changes);
            CHECK_FALSE(first.damage.empty());
            // No ticker and no transition: nothing moves every frame.
            CHECK_FALSE(first.animating);
            CHECK(first.next_change - started == doctest::Approx(c.next_change).epsilon(0.02).scale(0));

            // Drawn again at the same moment: nothing to draw.
            auto again = compositor.draw_frame(clock.now(), Redraw::Changes);
            CHECK(again.damage.empty());
            CHECK_FALSE(again.ticker_moved);

            // At the change it named, the bar is shorter by a pixel or two (that is all that is
            // drawn), or the clock ticked.
            clock.advance(first.next_change - clock.now().seconds);
            auto at_change = compositor.draw_frame(clock.now(), Redraw::Changes);
            REQUIRE(at_change.damage.size() == 1);
            if (c.bar_pixels_lost > 0) {
                CHECK(at_change.damage[0].w == c.bar_pixels_lost);
                CHECK(at_change.damage[0].h == compositor.regions().progress.h);
            } else {
                auto const& clock_box = compositor.regions().clock;
                CHECK(at_change.damage[0].x == clock_box.x);
                CHECK(at_change.damage[0].w == clock_box.w);
            }
        }
    }
}

TEST_CASE("the ticker moves the same whole number of pixels every frame")
{
    Fixture fixture;
    REQUIRE(fixture.fonts);
    auto config = screen_config(Transition::Cut);
    config.theme.ticker_speed = 0.4; // 144 px/s on a 360 px tall screen: 2.4 px a frame at 60 fps
    OffscreenCanvas canvas(640, 360, CanvasPixels::Rgb888);
    ScreenCompositor compositor(canvas.renderer(), *fixture.fonts, config, 640, 360);
    compositor.set_frame_rate(60, TickerPositions::WholePixels);
    auto source = content(true, "欢迎光临！办理业务请先取号。欢迎光临！办理业务请先取号。");
    for (auto& notice : source->notices)
        notice.duration = std::chrono::minutes(5);
    compositor.set_content(source);
    CHECK(compositor.ticker_pixels_per_second() == doctest::Approx(120)); // 2 px a frame

    auto const& bar = compositor.geometry().ticker;
    int const row = static_cast<int>(bar.y + bar.h / 2);
    auto row_pixels = [&] {
        std::vector<Color> pixels;
        for (int x = 0; x < 640; ++x)
            pixels.push_back(canvas.pixel(x, row));
        return pixels;
    };
    // The shift that best matches one frame's row to the next one's.
    auto shift_between = [](const std::vector<Color>& before, const std::vector<Color>& after) {
        int best = -1;
        int best_mismatch = 1 << 30;
        for (int shift = 0; shift <= 8; ++shift) {
            int mismatch = 0;
            for (size_t x = 0; x + static_cast<size_t>(shift) < before.size(); ++x)
                mismatch += !(after[x] == before[x + static_cast<size_t>(shift)]);
            if (mismatch < best_mismatch) {
                best_mismatch = mismatch;
                best = shift;
            }
        }
        return best;
    };
    ManualClock clock({ { 2026, 12, 1 }, 600 });
    clock.advance(4); // the text well in view
    compositor.draw_frame(clock.now(), Redraw::Changes);
    auto previous = row_pixels();
    int uneven = 0;
    for (int frame = 0; frame < 60; ++frame) {
        clock.advance(1.0 / 60);
        auto report = compositor.draw_frame(clock.now(), Redraw::Changes);
        CHECK(report.ticker_moved);
        CHECK(report.animating);
        auto current = row_pixels();
        uneven += shift_between(previous, current) != 2;
        previous = std::move(current);
    }
    CHECK(uneven == 0);
}
