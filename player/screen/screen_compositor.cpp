// Frame composition: what changed since the last frame, drawn from cached textures only, and
// when the picture next changes. (Slide pages themselves: screen_compositor_pages.cpp.)
#include "player/screen/screen_compositor.h"

#include "base/log.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace hallboard {

// Edge by edge, as DisplayListPlayer snaps rectangles.
static PixelRect pixel_rect(const Rect& rect)
{
    int const x0 = static_cast<int>(std::lround(rect.x));
    int const y0 = static_cast<int>(std::lround(rect.y));
    return { x0, y0, static_cast<int>(std::lround(rect.right())) - x0,
        static_cast<int>(std::lround(rect.bottom())) - y0 };
}

static SDL_Rect sdl_rect(const PixelRect& rect)
{
    return { rect.x, rect.y, rect.w, rect.h };
}

ScreenCompositor::ScreenCompositor(
    SDL_Renderer* renderer, FontSet& fonts, const ScreenConfig& config, int width, int height)
    : m_renderer(renderer)
    , m_fonts(fonts)
    , m_config(config)
    , m_player(renderer, fonts)
    , m_fallback(make_fallback_notice(config.hall))
    , m_strip(renderer, m_player)
{
    m_geometry = compute_screen_geometry(static_cast<float>(width), static_cast<float>(height), config.theme);
    m_regions.screen = { 0, 0, width, height };
    m_regions.header = pixel_rect(m_geometry.header);
    m_regions.slide = pixel_rect(m_geometry.slide);
    m_regions.progress = pixel_rect(m_geometry.progress);
    m_regions.ticker = pixel_rect(m_geometry.ticker);
    m_regions.clock = m_regions.header; // until the header is laid out
    m_slide_context.width = m_geometry.slide.w;
    m_slide_context.height = m_geometry.slide.h;
    m_slide_context.unit = m_geometry.unit;
    m_slide_context.theme = &config.theme;
    m_slide_context.measurer = &fonts;
    m_duration_rules = duration_rules(config.theme, ChannelDefaults {}, config.default_duration);
}

ScreenCompositor::~ScreenCompositor()
{
    release(m_current);
    release(m_previous);
    release(m_upcoming);
}

void ScreenCompositor::set_content(std::shared_ptr<const ContentSource> content)
{
    m_content = std::move(content);
    m_cursor.reset();
    m_ticker_minute = -1;
    m_shown.drawn = false;
    // Layouts are keyed by the notice's address, and a page prepared ahead came from the old
    // rotation; the page on screen keeps its own layout alive.
    m_layouts.clear();
    release(m_upcoming);
    if (!m_content)
        return;
    // The hall-name slide only stands in for missing content: when content arrives (a screen's
    // first sync), it gives way at the next frame instead of playing out its time.
    if (m_current.notice == &m_fallback && !m_content->notices.empty())
        m_current.duration = 0;
    m_cursor = std::make_unique<RotationCursor>(m_content->notices, m_config.tags);
    m_slide_context.asset_root = m_content->root.string();
    m_duration_rules = duration_rules(m_config.theme, m_content->channel, m_config.default_duration);
}

void ScreenCompositor::update_transition(const FrameTime& time)
{
    double transition_seconds = std::chrono::duration<double>(m_config.transition_time).count();
    double progress = 1;
    if (m_transition_start >= 0 && transition_seconds > 0)
        progress = std::clamp((time.seconds - m_transition_start) / transition_seconds, 0.0, 1.0);
    if (progress >= 1 && m_previous.texture) {
        release(m_previous);
        m_transition_start = -1;
    }
    m_transition_eased = progress * progress * (3 - 2 * progress); // smoothstep: no jolt at either end
}

void ScreenCompositor::draw_slide_area()
{
    auto const& area = m_geometry.slide;
    SDL_Rect destination { static_cast<int>(area.x), static_cast<int>(area.y), static_cast<int>(area.w),
        static_cast<int>(area.h) };
    double const eased = m_transition_eased;

    if (m_previous.texture && m_config.transition == Transition::Slide) {
        int shift = static_cast<int>(std::round(eased * area.w));
        SDL_Rect old_place = destination;
        old_place.x -= shift;
        SDL_Rect new_place = destination;
        new_place.x += destination.w - shift;
        // Both stay inside the slide area: the caller's clip rectangle is within it.
        SDL_RenderCopy(m_renderer, m_previous.texture.get(), nullptr, &old_place);
        if (m_current.texture)
            SDL_RenderCopy(m_renderer, m_current.texture.get(), nullptr, &new_place);
        return;
    }
    if (m_current.released) {
        // The page is on the target already: only the strip under the progress bar is drawn.
        if (m_current.underlay) {
            SDL_Rect const bar = sdl_rect(m_regions.progress);
            SDL_RenderCopy(m_renderer, m_current.underlay.get(), nullptr, &bar);
        }
        return;
    }
    if (m_previous.texture)
        SDL_RenderCopy(m_renderer, m_previous.texture.get(), nullptr, &destination);
    if (m_current.texture) {
        bool fading = m_previous.texture != nullptr;
        auto alpha = static_cast<Uint8>(std::round((fading ? eased : 1.0) * 255));
        // Fully transparent changes nothing; fully opaque is a plain copy. SDL's software
        // blitter has a fast path for blending an opaque texture at a partial alpha only: at
        // full alpha with blending on it takes a generic per-pixel path (30 ms a frame).
        SDL_SetTextureBlendMode(m_current.texture.get(), alpha < 255 ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
        SDL_SetTextureAlphaMod(m_current.texture.get(), alpha);
        if (alpha > 0)
            SDL_RenderCopy(m_renderer, m_current.texture.get(), nullptr, &destination);
    } else {
        auto const& background = m_config.theme.background;
        SDL_SetRenderDrawBlendMode(m_renderer, SDL_BLENDMODE_NONE);
        SDL_SetRenderDrawColor(m_renderer, background.r, background.g, background.b, 255);
        SDL_RenderFillRect(m_renderer, &destination);
    }
}

void ScreenCompositor::update_header(const FrameTime& time)
{
    if (time.seconds_of_day != m_clock_second)
        m_player.drop_unused(); // once a second: last second's clock text goes
    if (!m_header_date || *m_header_date != time.local.date) {
        m_header = layout_header(m_geometry, m_config.theme, m_config.hall, time.local.date, m_fonts);
        m_header_date = time.local.date;
        // The clock's text is right-aligned in its box; glyphs may reach a little past it.
        auto const& box = m_header.clock_box;
        float const slack = static_cast<float>(m_header.clock_font.pixel_size) * 0.25f;
        m_regions.clock = intersection(
            pixel_rect({ box.x - slack, m_geometry.header.y, box.w + 2 * slack, box.h }), m_regions.header);
    }
    if (time.seconds_of_day != m_clock_second) {
        m_clock = layout_clock(m_header, m_config.theme, time.seconds_of_day, m_fonts);
        m_clock_second = time.seconds_of_day;
    }
}

void ScreenCompositor::refresh_ticker(const FrameTime& time)
{
    int minute = static_cast<int>(days_from_civil(time.local.date) % 100000) * 1440 + time.local.minute_of_day;
    if (minute == m_ticker_minute && m_strip_built)
        return;
    m_ticker_minute = minute;
    std::vector<std::string> messages;
    if (m_content)
        messages = ticker_messages(m_content->notices, time.local, m_config.tags);
    auto text = join_ticker_messages(messages);
    if (text == m_ticker_text && m_strip_built)
        return;
    m_ticker_text = std::move(text);
    m_ticker = measure_ticker(m_geometry, m_config.theme, m_ticker_text, m_fonts);
    m_strip.build(m_geometry, m_config.theme, m_ticker, m_ticker_text, m_positions);
    m_strip_built = true;
    ++m_ticker_serial;
}

void ScreenCompositor::set_frame_rate(double frames_per_second, TickerPositions positions)
{
    m_frames_per_second = frames_per_second;
    if (positions != m_positions)
        m_strip_built = false; // the strip's filtering depends on it
    m_positions = positions;
    m_shown.drawn = false;
}

double ScreenCompositor::ticker_pixels_per_second() const
{
    double speed = m_config.theme.ticker_speed * m_geometry.unit; // pixels per second, not per frame
    if (m_frames_per_second > 0 && m_positions == TickerPositions::WholePixels)
        speed = std::max(1.0, std::round(speed / m_frames_per_second)) * m_frames_per_second;
    return speed;
}

double ScreenCompositor::ticker_first_x(const FrameTime& time) const
{
    if (!m_strip.has_text())
        return 0;
    double offset = time.seconds * ticker_pixels_per_second();
    if (m_frames_per_second > 0 && m_positions == TickerPositions::WholePixels) {
        // Whole frames on the loop's grid, so every frame moves the text by the same pixels.
        double const step = ticker_pixels_per_second() / m_frames_per_second;
        offset = step * std::round(time.seconds * m_frames_per_second);
    }
    return static_cast<double>(m_geometry.width) - offset;
}

int ScreenCompositor::progress_width(const FrameTime& time) const
{
    double remaining = m_current.duration > 0 ? 1.0 - (time.seconds - m_current.started) / m_current.duration : 0;
    double fraction = std::clamp(remaining, 0.0, 1.0);
    // As layout_progress rounds it.
    return static_cast<int>(std::round(fraction * m_geometry.progress.w));
}

FrameState ScreenCompositor::state_at(const FrameTime& time) const
{
    FrameState state;
    state.drawn = true;
    state.header_day = m_header_date ? days_from_civil(*m_header_date) : 0;
    state.clock_second = m_clock_second;
    state.page = m_current.serial;
    if (m_previous.texture) {
        state.leaving = m_previous.serial;
        state.transition_step = static_cast<int>(std::round(m_transition_eased * 1000));
    }
    state.progress_width = progress_width(time);
    state.ticker_text = m_ticker_serial;
    double first_x = ticker_first_x(time);
    state.ticker_position = m_positions == TickerPositions::WholePixels ? std::round(first_x) : first_x;
    return state;
}

void ScreenCompositor::draw_region(const PixelRect& region, const FrameTime& time)
{
    // The slide textures and the ticker strip are opaque, and so is the header's background in
    // any sensible theme. A translucent one is drawn on black, so that what is drawn does not
    // depend on what was there before (it would otherwise darken with every redraw).
    if (auto part = intersection(region, m_regions.header); !part.empty() && m_config.theme.header_background.a < 255) {
        SDL_Rect const under = sdl_rect(part);
        SDL_SetRenderDrawBlendMode(m_renderer, SDL_BLENDMODE_NONE);
        SDL_SetRenderDrawColor(m_renderer, 0, 0, 0, 255);
        SDL_RenderFillRect(m_renderer, &under);
    }

    if (auto part = intersection(region, m_regions.slide); !part.empty()) {
        SDL_Rect const clip = sdl_rect(part);
        SDL_RenderSetClipRect(m_renderer, &clip);
        draw_slide_area();
        if (overlaps(part, m_regions.progress)) {
            double remaining
                = m_current.duration > 0 ? 1.0 - (time.seconds - m_current.started) / m_current.duration : 0;
            m_player.play(layout_progress(m_geometry, m_config.theme, remaining), 0, 0);
        }
    }
    if (auto part = intersection(region, m_regions.header); !part.empty()) {
        SDL_Rect const clip = sdl_rect(part);
        SDL_RenderSetClipRect(m_renderer, &clip);
        m_player.play(m_header.list, 0, 0);
        if (overlaps(part, m_regions.clock))
            m_player.play(m_clock, 0, 0);
    }
    if (auto part = intersection(region, m_regions.ticker); !part.empty()) {
        SDL_Rect const clip = sdl_rect(part);
        SDL_RenderSetClipRect(m_renderer, &clip);
        m_strip.draw(ticker_first_x(time));
    }
    SDL_RenderSetClipRect(m_renderer, nullptr);
}

void ScreenCompositor::schedule(const FrameTime& time, FrameReport& report) const
{
    bool const ticker_moves = m_strip.has_text();
    bool const transition = m_previous.texture != nullptr;
    double const page_end = m_current.started + m_current.duration;
    double const lead_start = page_end - prepare_lead_seconds;
    bool const capturing = m_current.released && transitions_animate() && m_slide_on_target;
    bool const preparing = m_current.notice && time.seconds >= lead_start
        && (!(m_upcoming.notice && m_upcoming.layout && rasterised(m_upcoming)) || capturing);
    report.animating = ticker_moves || transition || preparing;

    double next = page_end;
    if (time.seconds < lead_start)
        next = std::min(next, lead_start);
    // A little after the wall clock's next second, so that the frame then reads the new one.
    next = std::min(next, time.seconds + (1 - time.second_fraction) + 0.002);
    // The progress bar's next pixel: when its rounded width drops by one. A fast bar (a short
    // page on a wide screen) would otherwise wake the loop 60 times a second for a thin line;
    // with nothing else moving it is redrawn at most progress_updates_per_second times.
    int const width = progress_width(time);
    if (width > 0 && m_current.duration > 0 && m_geometry.progress.w > 0) {
        double const fraction = (width - 0.5) / static_cast<double>(m_geometry.progress.w);
        // A millisecond past the exact moment, where the rounding has surely gone down.
        double const next_pixel = m_current.started + m_current.duration * (1 - fraction) + 0.001;
        next = std::min(next, std::max(next_pixel, time.seconds + 1 / progress_updates_per_second));
    }
    report.next_change = std::max(next, time.seconds);
}

FrameReport ScreenCompositor::draw_frame(const FrameTime& time, Redraw redraw, AheadWork ahead)
{
    FrameReport report;
    advance(time, report);
    refresh_ticker(time);
    update_transition(time);
    update_header(time);
    report.in_transition = m_previous.texture != nullptr;

    FrameState next = state_at(time);
    std::vector<PixelRect> damage = redraw == Redraw::Everything ? std::vector<PixelRect> { m_regions.screen }
                                                                 : damaged_rects(m_shown, next, m_regions);
    if (m_current.released && !m_slide_on_target) {
        for (auto const& region : damage) {
            if (overlaps(region, m_regions.slide)) {
                restore_texture(m_current);
                break;
            }
        }
    }
    for (auto const& region : damage) {
        draw_region(region, time);
        report.damage.push_back(sdl_rect(region));
        report.ticker_moved |= overlaps(region, m_regions.ticker) && m_strip.has_text()
            && next.ticker_position != m_shown.ticker_position;
    }
    m_shown = next;
    release_shown_texture(time);

    if (m_current.notice) {
        report.notice_id = m_current.notice->id;
        report.page = m_current.page;
        report.page_count = static_cast<int>(m_current.layout->pages.size());
    }
    if (ahead == AheadWork::InFrame)
        work_ahead(time, report);
    return report;
}

void ScreenCompositor::work_ahead(const FrameTime& time, FrameReport& report)
{
    prepare_ahead(time, report);
    schedule(time, report);
}

} // namespace hallboard
