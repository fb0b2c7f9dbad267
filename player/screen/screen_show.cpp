// The rotation inside opening hours, black or a dimmed clock outside them.
#include "player/screen/screen_show.h"

#include "player/layout/off_hours_layout.h"
#include "player/schedule/opening_hours.h"

#include <algorithm>

namespace hallboard {

namespace {

// The dimmed clock's texts are drawn once a minute and not kept (TextureReuse::DrawOnce).
constexpr size_t off_hours_cache_budget = 1024u * 1024u;

} // namespace

ScreenShow::ScreenShow(
    SDL_Renderer* renderer, FontSet& fonts, std::shared_ptr<const ScreenConfig> config, int width, int height)
    : m_renderer(renderer)
    , m_fonts(fonts)
    , m_config(std::move(config))
    , m_width(width)
    , m_height(height)
    , m_off_player(renderer, fonts, off_hours_cache_budget)
{
    make_compositor();
}

ScreenShow::~ScreenShow() = default;

void ScreenShow::set_frame_rate(double frames_per_second, TickerPositions positions)
{
    m_frames_per_second = frames_per_second;
    m_positions = positions;
    if (m_compositor)
        m_compositor->set_frame_rate(frames_per_second, positions);
}

void ScreenShow::set_slide_memory(SlideMemory memory)
{
    m_slide_memory = memory;
    if (m_compositor)
        m_compositor->set_slide_memory(memory);
}

void ScreenShow::set_content(std::shared_ptr<const ContentSource> content)
{
    m_content = std::move(content);
    if (m_compositor)
        m_compositor->set_content(m_content);
}

void ScreenShow::set_config(std::shared_ptr<const ScreenConfig> config)
{
    // The compositor holds a reference to the config: it goes first.
    m_compositor.reset();
    m_config = std::move(config);
    m_off_minute_drawn = -1;
    // Whether the screen is on under the new hours is decided at the next frame; a new
    // compositor draws everything.
    if (m_was_on.value_or(true))
        make_compositor();
}

void ScreenShow::make_compositor()
{
    m_compositor = std::make_unique<ScreenCompositor>(m_renderer, m_fonts, *m_config, m_width, m_height);
    if (m_frames_per_second > 0)
        m_compositor->set_frame_rate(m_frames_per_second, m_positions);
    m_compositor->set_slide_memory(m_slide_memory);
    m_compositor->set_content(m_content);
}

ShowFrame ScreenShow::draw_frame(const FrameTime& time, Redraw redraw, AheadWork ahead)
{
    bool const on = screen_is_on(m_config->on_hours, calendar(), time.local.date, time.seconds_of_day);
    bool const switched = m_was_on != on;
    m_was_on = on;
    if (!on) {
        m_compositor.reset(); // the night holds no slide textures
        ShowFrame frame = draw_off_hours(time, switched ? Redraw::Everything : redraw);
        frame.switched = switched;
        return frame;
    }
    if (!m_compositor) {
        m_off_minute_drawn = -1;
        make_compositor();
        redraw = Redraw::Everything;
    }
    ShowFrame frame;
    frame.switched = switched;
    frame.report = m_compositor->draw_frame(time, redraw, ahead);
    return frame;
}

void ScreenShow::work_ahead(const FrameTime& time, ShowFrame& frame)
{
    if (frame.screen_on && m_compositor)
        m_compositor->work_ahead(time, frame.report);
}

ShowFrame ScreenShow::draw_off_hours(const FrameTime& time, Redraw redraw)
{
    ShowFrame frame;
    frame.screen_on = false;
    bool const clock = m_config->off_hours == OffHours::DimmedClock;
    int const minute = clock ? time.local.minute_of_day : 0; // a blank screen never changes
    if (redraw == Redraw::Everything || m_off_minute_drawn != minute) {
        SDL_SetRenderDrawBlendMode(m_renderer, SDL_BLENDMODE_NONE);
        SDL_SetRenderDrawColor(m_renderer, 0, 0, 0, 255);
        SDL_RenderFillRect(m_renderer, nullptr);
        if (clock)
            m_off_player.play(
                layout_off_hours_clock(static_cast<float>(m_width), static_cast<float>(m_height), time.local, m_fonts),
                0, 0, TextureReuse::DrawOnce); // the time is new every minute: nothing to keep
        frame.report.damage.push_back({ 0, 0, m_width, m_height });
        m_off_minute_drawn = minute;
    }
    // Sleep until the screen comes on, the clock's next minute, or a minute at most.
    double wait = longest_off_sleep_seconds;
    if (auto until_on = seconds_until_switch(m_config->on_hours, calendar(), time.local.date, time.seconds_of_day))
        wait = std::min(wait, *until_on - time.second_fraction);
    if (clock)
        wait = std::min(wait, 60 - (time.seconds_of_day % 60) - time.second_fraction);
    frame.report.next_change = time.seconds + std::max(wait, 0.001);
    return frame;
}

const HolidayCalendar& ScreenShow::calendar() const
{
    static HolidayCalendar const none;
    return m_content ? m_content->calendar : none;
}

void ScreenShow::redraw_everything()
{
    m_off_minute_drawn = -1;
    if (m_compositor)
        m_compositor->redraw_everything();
}

void ScreenShow::textures_lost()
{
    m_off_minute_drawn = -1;
    if (m_compositor)
        m_compositor->textures_lost();
}

bool ScreenShow::needs_everything() const
{
    if (!m_was_on)
        return true; // nothing drawn yet
    if (m_compositor)
        return m_compositor->needs_everything();
    return *m_was_on || m_off_minute_drawn < 0;
}

double ScreenShow::ticker_pixels_per_second() const
{
    return m_compositor ? m_compositor->ticker_pixels_per_second() : 0;
}

size_t ScreenShow::texture_bytes() const
{
    if (!m_compositor)
        return 0;
    return m_compositor->cached_texture_bytes() + m_compositor->slide_texture_bytes()
        + m_compositor->ticker_strip_bytes();
}

} // namespace hallboard
