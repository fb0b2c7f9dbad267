// The play loop in a window on the dummy video driver, on simulated time: the waiting seam
// advances a steady time of its own instead of sleeping, so minutes of a screen's life run in
// a moment. Each test schedules what happens meanwhile (new content, an edited config, a quit
// key) and checks what the screen did through the loop's figures and its log.
#include "temp_folder.h"

#include "base/log.h"
#include "player/render/sdl_session.h"
#include "player/show/play_loop.h"
#include "player/show/show_setup.h"

#include <doctest/doctest.h>

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

using namespace hallboard;
using namespace std::chrono_literals;

namespace {

// Every log line, in order.
class LogLines {
public:
    LogLines()
    {
        set_log_sink([this](LogLevel, std::string_view message) {
            std::lock_guard lock(m_mutex);
            m_lines.emplace_back(message);
        });
    }
    ~LogLines() { set_log_sink({}); }
    LogLines(const LogLines&) = delete;
    LogLines& operator=(const LogLines&) = delete;

    // The index of the first line containing `text` at or after `from`; -1: none.
    int find(std::string_view text, int from = 0) const
    {
        std::lock_guard lock(m_mutex);
        for (size_t i = static_cast<size_t>(from); i < m_lines.size(); ++i)
            if (m_lines[i].find(text) != std::string::npos)
                return static_cast<int>(i);
        return -1;
    }
    int count(std::string_view text) const
    {
        std::lock_guard lock(m_mutex);
        int n = 0;
        for (auto const& line : m_lines)
            n += line.find(text) != std::string::npos;
        return n;
    }

private:
    mutable std::mutex m_mutex;
    std::vector<std::string> m_lines;
};

// Simulated steady time: a wait moves the time to its end (a slice at most, as the real one does
// on a driver that cannot block) and runs what was scheduled up to then.
class SimulatedWaiting final : public LoopWaiting {
public:
    SimulatedWaiting()
        : m_start(std::chrono::steady_clock::now())
        , m_now(m_start)
    {
    }

    Time now() override { return m_now; }
    std::optional<SDL_Event> wait(Time now, Time until) override
    {
        m_now = std::min(until, now + SdlWaiting::polling_driver_slice);
        while (!m_actions.empty() && m_actions.begin()->first <= m_now - m_start) {
            auto action = std::move(m_actions.begin()->second);
            m_actions.erase(m_actions.begin());
            action();
        }
        return std::nullopt;
    }

    // Runs `action` once the time is `after` past the start.
    void at(std::chrono::steady_clock::duration after, std::function<void()> action)
    {
        m_actions.emplace(after, std::move(action));
    }
    double seconds_elapsed() const { return std::chrono::duration<double>(m_now - m_start).count(); }

private:
    Time m_start;
    Time m_now;
    std::multimap<std::chrono::steady_clock::duration, std::function<void()>> m_actions;
};

// New versions handed over by the test, as the sync thread would.
class HandedUpdates final : public ContentUpdates {
public:
    void hand(std::shared_ptr<const ContentSource> content, std::uint64_t version)
    {
        m_pending = std::move(content);
        m_version = version;
    }
    bool apply_update(const Apply& apply) override
    {
        if (!m_pending)
            return false;
        apply(std::move(m_pending), m_version);
        m_pending = nullptr;
        return true;
    }
    void stop() override { stopped = true; }
    bool stopped = false;

private:
    std::shared_ptr<const ContentSource> m_pending;
    std::uint64_t m_version = 0;
};

std::shared_ptr<const ContentSource> content_of(std::string id)
{
    Notice notice;
    notice.id = std::move(id);
    notice.kind = NoticeKind::Notice;
    notice.title = "营业时间调整";
    notice.duration = 10s;
    FreeText body;
    body.body = "本厅营业时间为每日 07:30–18:30。";
    notice.body = body;
    auto content = std::make_shared<ContentSource>();
    content->notices = { notice };
    return content;
}

std::string screen_yaml(std::string_view hall, std::string_view display = "")
{
    return "screen:\n  id: loop-01\n  hall: " + std::string(hall) + "\ndisplay:\n  fullscreen: false\n  size: 320x200\n"
        + std::string(display) + "content:\n  source: content\n";
}

// A screen config in a temp folder, a window for it, and the loop's parts around them, starting
// at `start` (wall time) and stopping after `exit_after` show seconds.
struct Screen {
    explicit Screen(LocalDateTime start, double exit_after, std::string_view display = "")
        : clock(start, 1)
    {
        SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT); // nothing left over from another test
        folder.write("screen.yaml", screen_yaml("城西营业厅", display));
        Diagnostics diagnostics;
        auto loaded = load_screen_config(folder / "screen.yaml", diagnostics);
        INFO(diagnostics.format_all());
        REQUIRE(loaded);
        config = *loaded;
        auto opened = open_hall_fonts(config);
        REQUIRE(opened);
        fonts = std::move(*opened);
        output = ScreenOutput::open(output_options_for(config, RendererSetting::Software));
        REQUIRE(output);
        show.emplace(output->renderer(), *fonts, std::make_shared<const ScreenConfig>(config), output->width(),
            output->height());
        show->set_frame_rate(60, TickerPositions::WholePixels);
        show->set_content(content_of("first"));
        options.exit_after = exit_after;
    }

    PlayEnd run()
    {
        PlayLoop loop({ *output, *show, clock, waiting, events, updates, thumbnails, nullptr }, options);
        auto end = loop.run();
        figures = loop.figures();
        return end;
    }

    test::TempFolder folder;
    ScreenConfig config;
    std::unique_ptr<FontSet> fonts;
    std::unique_ptr<ScreenOutput> output;
    std::optional<ScreenShow> show;
    AcceleratedClock clock;
    SimulatedWaiting waiting;
    PlayEvents events;
    HandedUpdates updates;
    ThumbnailExchange thumbnails;
    PlayOptions options;
    PlayFigures figures;
};

LocalDateTime const morning { { 2026, 12, 1 }, 10 * 60 }; // 10:00, a Tuesday

std::unique_ptr<SdlSession> video()
{
    auto session = SdlSession::start(SdlVideo::Required);
    if (!session)
        MESSAGE("no video driver available; set SDL_VIDEODRIVER=dummy");
    return session;
}

void push_key(SDL_Keycode key)
{
    SDL_Event event {};
    event.type = SDL_KEYDOWN;
    event.key.keysym.sym = key;
    SDL_PushEvent(&event);
}

} // namespace

TEST_CASE("the loop draws every frame of a moving ticker and stops after --exit-after, on simulated time")
{
    auto session = video();
    if (!session)
        return;
    LogLines log;
    Screen screen(morning, 5);
    CHECK(screen.run() == PlayEnd::Stopped);
    // Nothing scrolls (no ticker text): frames come when the picture changes by itself, the
    // clock each second and the progress bar by the pixel, never faster than it moves.
    CHECK(screen.figures.frames() >= 5);
    CHECK(screen.figures.frames() <= 5 * ScreenCompositor::progress_updates_per_second + 2);
    CHECK(screen.figures.presented() == screen.figures.frames());
    CHECK(screen.figures.slides() == 1);
    CHECK(screen.waiting.seconds_elapsed() == doctest::Approx(5).epsilon(0.01));
    CHECK(log.count("showing 'first' page 1/1") == 1);
    CHECK(log.count("first frame on screen") == 1);
    CHECK(log.count("later than 25 ms") == 1); // the threshold named by TickerSmoothness::late_after
    CHECK(log.find("stopped") >= 0);
    CHECK(screen.updates.stopped);
}

TEST_CASE("a quit event stops the loop: the window closed, SIGTERM (SDL_QUIT), Esc or Q")
{
    auto session = video();
    if (!session)
        return;
    std::vector<std::function<void()>> const quits = {
        [] {
            SDL_Event event {};
            event.type = SDL_QUIT;
            SDL_PushEvent(&event);
        },
        [] { push_key(SDLK_ESCAPE); },
        [] { push_key(SDLK_q); },
    };
    for (size_t i = 0; i < quits.size(); ++i) {
        CAPTURE(i);
        LogLines log;
        Screen screen(morning, 60);
        screen.waiting.at(2s, quits[i]);
        CHECK(screen.run() == PlayEnd::Stopped);
        CHECK(screen.waiting.seconds_elapsed() == doctest::Approx(2).epsilon(0.05));
        CHECK(log.count("stopped") == 1);
    }
}

TEST_CASE("a new content version shows at the next slide change, not in the middle of a slide")
{
    auto session = video();
    if (!session)
        return;
    LogLines log;
    Screen screen(morning, 15);
    screen.waiting.at(2s, [&] {
        screen.updates.hand(content_of("second"), 2);
        screen.events.new_content_wake()();
    });
    screen.run();
    int const taken = log.find("content: showing version 2");
    REQUIRE(taken >= 0);
    int const first = log.find("showing 'first' page 1/1");
    int const second = log.find("showing 'second' page 1/1");
    CHECK(first >= 0);
    CHECK(first < taken);
    CHECK(second > taken); // the slide on screen finished first
    CHECK(log.count("showing 'first'") == 1);
    CHECK(screen.figures.slides() == 2);
}

TEST_CASE("an edited config applies live; one that changes a setting made at start restarts the player")
{
    auto session = video();
    if (!session)
        return;
    SUBCASE("a new hall name: applied live")
    {
        LogLines log;
        Screen screen(morning, 10);
        screen.waiting.at(1s, [&] { screen.folder.write("screen.yaml", screen_yaml("城东供电营业厅")); });
        CHECK(screen.run() == PlayEnd::Stopped);
        CHECK(log.count("config: applied screen.hall") == 1);
        CHECK(screen.show->config().hall == "城东供电营业厅");
        CHECK(screen.figures.slides() == 2); // the show starts over with the new config
    }
    SUBCASE("a new window size: the player restarts in place")
    {
        LogLines log;
        Screen screen(morning, 10);
        screen.waiting.at(1s, [&] {
            auto text = screen_yaml("城西营业厅");
            text.replace(text.find("320x200"), 7, "640x400");
            screen.folder.write("screen.yaml", text);
        });
        CHECK(screen.run() == PlayEnd::Restart);
        CHECK(log.count("display.size changed; restarting the player in place") == 1);
        CHECK(log.count("stopped, to start again") == 1);
        CHECK(screen.waiting.seconds_elapsed() < 10);
    }
    SUBCASE("a broken edit: the config in force stays")
    {
        LogLines log;
        Screen screen(morning, 10);
        screen.waiting.at(1s, [&] { screen.folder.write("screen.yaml", "screen:\n  id: loop-01\n  hal: typo\n"); });
        CHECK(screen.run() == PlayEnd::Stopped);
        CHECK(log.count("the edited file is not used") == 1);
        CHECK(screen.show->config().hall == "城西营业厅");
    }
}

TEST_CASE("outside the opening hours the screen is drawn once and the loop sleeps until it comes on")
{
    auto session = video();
    if (!session)
        return;
    for (std::string const off_hours : { "blank", "clock" }) {
        CAPTURE(off_hours);
        // 18:29, closing at 18:30; the loop runs on until 18:39.
        std::string const hours = "  on_hours: \"07:30-18:30\"\n  off_hours: " + off_hours + "\n";
        LocalDateTime const before_closing { { 2026, 12, 1 }, 18 * 60 + 29 };
        Screen until_closing(before_closing, 60, hours); // its last frame is the first one off
        until_closing.run();
        LogLines log;
        Screen screen(before_closing, 10 * 60, hours);
        CHECK(screen.run() == PlayEnd::Stopped);
        bool const clock = off_hours == "clock";
        CHECK(log.count(clock ? "opening hours: screen off at 2026-12-01 18:30 (dimmed clock)"
                              : "opening hours: screen off at 2026-12-01 18:30 (blank)")
            == 1);
        // Off, one frame a minute: the clock's next minute, or a blank screen's wake-up to notice
        // a wall clock set forwards or back. Nine minutes off: ten frames at most, plus two for
        // the minute before closing, whose frame count varies a little between the two runs on a
        // loaded machine (seen once at 891 against 889; the cause was not traced).
        CHECK(screen.figures.frames() > until_closing.figures.frames());
        CHECK(screen.figures.frames() <= until_closing.figures.frames() + 10 + 2);
        CHECK(screen.figures.presented() <= until_closing.figures.presented() + (clock ? 10 : 0) + 2);
    }
}

TEST_CASE("before the opening hours the screen is off, and the first slide shows when they begin")
{
    auto session = video();
    if (!session)
        return;
    LogLines log;
    Screen screen({ { 2026, 12, 1 }, 7 * 60 + 29 }, 90, "  on_hours: \"07:30-18:30\"\n");
    CHECK(screen.run() == PlayEnd::Stopped);
    int const off = log.find("opening hours: screen off at 2026-12-01 07:29 (blank)");
    int const on = log.find("opening hours: screen on at 2026-12-01 07:30");
    CHECK(off >= 0);
    CHECK(on > off);
    CHECK(log.find("showing 'first' page 1/1") > on);
}
