// Frame composition: what changes each frame is drawn from cached textures only.
#include "player/screen/screen_compositor.h"

#include "player/layout/text_layout.h"
#include "player/log/log.h"

#include <algorithm>
#include <cmath>

namespace hallboard {

static int characters_on_page(const DisplayList& page)
{
    int count = 0;
    for (auto const& command : page.commands) {
        if (auto const* run = std::get_if<TextRun>(&command))
            count += count_characters(run->text);
    }
    return count;
}

ScreenCompositor::ScreenCompositor(SDL_Renderer* renderer, FontSet& fonts, const ScreenConfig& config, int width,
    int height)
    : m_renderer(renderer)
    , m_fonts(fonts)
    , m_config(config)
    , m_player(renderer, fonts)
    , m_fallback(make_fallback_notice(config.hall))
{
    m_geometry = compute_screen_geometry(static_cast<float>(width), static_cast<float>(height), config.theme);
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
}

void ScreenCompositor::release(ShownPage& shown)
{
    if (shown.texture)
        SDL_DestroyTexture(shown.texture);
    shown = ShownPage {};
}

void ScreenCompositor::set_content(std::shared_ptr<const ContentSource> content)
{
    m_content = std::move(content);
    m_cursor.reset();
    m_ticker_minute = -1;
    if (!m_content)
        return;
    m_cursor = std::make_unique<RotationCursor>(m_content->notices, m_config.tags);
    m_slide_context.asset_root = m_content->root.string();
    m_duration_rules = duration_rules(m_config.theme, m_content->channel, m_config.default_duration);
}

SlideLayout ScreenCompositor::layout_notice(const Notice& notice)
{
    auto layout = layout_slide(notice, m_slide_context);
    if (layout.pages.empty() && notice.kind != NoticeKind::Ticker)
        layout.problems.push_back("the layout produced no page");
    return layout;
}

SDL_Texture* ScreenCompositor::rasterise_page(const DisplayList& page)
{
    auto width = static_cast<int>(m_geometry.slide.w);
    auto height = static_cast<int>(m_geometry.slide.h);
    SDL_Texture* texture = SDL_CreateTexture(m_renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, width, height);
    if (!texture) {
        log_error(std::string("cannot create a slide texture: ") + SDL_GetError());
        return nullptr;
    }
    SDL_Texture* previous_target = SDL_GetRenderTarget(m_renderer);
    SDL_SetRenderTarget(m_renderer, texture);
    auto const& background = m_config.theme.background;
    SDL_SetRenderDrawColor(m_renderer, background.r, background.g, background.b, 255);
    SDL_RenderClear(m_renderer);
    m_player.play(page, 0, 0);
    SDL_SetRenderTarget(m_renderer, previous_target);
    // Opaque copies are a plain blit; blending is switched on only while fading in.
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_NONE);
    return texture;
}

void ScreenCompositor::begin_page(ShownPage& shown, const FrameTime& time)
{
    auto const& page = shown.layout->pages[static_cast<size_t>(shown.page)];
    shown.texture = rasterise_page(page);
    shown.started = time.seconds;
    auto duration = page_duration(*shown.notice, characters_on_page(page), m_duration_rules);
    shown.duration = std::chrono::duration<double>(duration).count();
}

void ScreenCompositor::advance(const FrameTime& time, FrameReport& report)
{
    bool has_page = m_current.notice != nullptr;
    if (has_page && time.seconds - m_current.started < m_current.duration)
        return;

    ShownPage next;
    if (has_page && m_current.page + 1 < static_cast<int>(m_current.layout->pages.size())) {
        next.content = m_current.content;
        next.notice = m_current.notice;
        next.layout = m_current.layout;
        next.page = m_current.page + 1;
    } else {
        const Notice* notice = m_cursor ? m_cursor->next(time.local) : nullptr;
        next.content = m_content;
        next.notice = notice ? notice : &m_fallback;
        auto layout = std::make_shared<SlideLayout>(layout_notice(*next.notice));
        for (auto const& problem : layout->problems)
            log_warning("notice '" + next.notice->id + "': " + problem);
        if (layout->pages.empty())
            layout = std::make_shared<SlideLayout>(layout_notice(m_fallback));
        next.layout = std::move(layout);
        next.page = 0;
    }

    begin_page(next, time);
    release(m_previous);
    m_previous = std::move(m_current);
    m_current = std::move(next);
    bool animate = m_previous.texture && m_config.transition != Transition::Cut && m_config.transition_time.count() > 0;
    m_transition_start = animate ? time.seconds : -1;
    if (!animate)
        release(m_previous);

    report.slide_changed = true;
}

void ScreenCompositor::draw_slide_area(const FrameTime& time)
{
    auto const& area = m_geometry.slide;
    SDL_Rect destination { static_cast<int>(area.x), static_cast<int>(area.y), static_cast<int>(area.w),
        static_cast<int>(area.h) };
    double transition_seconds = std::chrono::duration<double>(m_config.transition_time).count();
    double progress = 1;
    if (m_transition_start >= 0 && transition_seconds > 0)
        progress = std::clamp((time.seconds - m_transition_start) / transition_seconds, 0.0, 1.0);
    if (progress >= 1 && m_previous.texture) {
        release(m_previous);
        m_transition_start = -1;
    }
    double eased = progress * progress * (3 - 2 * progress); // smoothstep: no jolt at either end

    if (m_previous.texture && m_config.transition == Transition::Slide) {
        int shift = static_cast<int>(std::round(eased * area.w));
        SDL_Rect old_place = destination;
        old_place.x -= shift;
        SDL_Rect new_place = destination;
        new_place.x += destination.w - shift;
        SDL_RenderSetClipRect(m_renderer, &destination);
        SDL_RenderCopy(m_renderer, m_previous.texture, nullptr, &old_place);
        if (m_current.texture)
            SDL_RenderCopy(m_renderer, m_current.texture, nullptr, &new_place);
        SDL_RenderSetClipRect(m_renderer, nullptr);
        return;
    }
    if (m_previous.texture)
        SDL_RenderCopy(m_renderer, m_previous.texture, nullptr, &destination);
    if (m_current.texture) {
        bool fading = m_previous.texture != nullptr;
        SDL_SetTextureBlendMode(m_current.texture, fading ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
        SDL_SetTextureAlphaMod(m_current.texture, static_cast<Uint8>(std::round((fading ? eased : 1.0) * 255)));
        SDL_RenderCopy(m_renderer, m_current.texture, nullptr, &destination);
    } else {
        auto const& background = m_config.theme.background;
        SDL_SetRenderDrawColor(m_renderer, background.r, background.g, background.b, 255);
        SDL_RenderFillRect(m_renderer, &destination);
    }
}

void ScreenCompositor::draw_header(const FrameTime& time)
{
    if (!m_header_date || *m_header_date != time.local.date) {
        m_header = layout_header(m_geometry, m_config.theme, m_config.hall, time.local.date, m_fonts);
        m_header_date = time.local.date;
    }
    if (time.seconds_of_day != m_clock_second) {
        m_clock = layout_clock(m_header, m_config.theme, time.seconds_of_day, m_fonts);
        m_clock_second = time.seconds_of_day;
    }
    m_player.play(m_header.list, 0, 0);
    m_player.play(m_clock, 0, 0);
}

void ScreenCompositor::refresh_ticker(const FrameTime& time)
{
    int minute = static_cast<int>(days_from_civil(time.local.date) % 100000) * 1440 + time.local.minute_of_day;
    if (minute == m_ticker_minute)
        return;
    m_ticker_minute = minute;
    std::vector<std::string> messages;
    if (m_content)
        messages = ticker_messages(m_content->notices, time.local, m_config.tags);
    auto text = join_ticker_messages(messages);
    if (text == m_ticker_text && m_ticker.cycle_width > 0)
        return;
    m_ticker_text = std::move(text);
    m_ticker = measure_ticker(m_geometry, m_config.theme, m_ticker_text, m_fonts);
}

FrameReport ScreenCompositor::draw_frame(const FrameTime& time)
{
    FrameReport report;
    advance(time, report);
    refresh_ticker(time);

    // Header, slide area and ticker cover the whole frame: no clear needed.
    report.in_transition = m_previous.texture != nullptr;
    draw_slide_area(time);

    double remaining = m_current.duration > 0 ? 1.0 - (time.seconds - m_current.started) / m_current.duration : 0;
    m_player.play(layout_progress(m_geometry, m_config.theme, remaining), 0, 0);
    draw_header(time);

    double speed = m_config.theme.ticker_speed * m_geometry.unit; // pixels per second, not per frame
    auto const& bar = m_geometry.ticker;
    SDL_Rect clip { static_cast<int>(bar.x), static_cast<int>(bar.y), static_cast<int>(bar.w), static_cast<int>(bar.h) };
    SDL_RenderSetClipRect(m_renderer, &clip);
    m_player.play(layout_ticker(m_geometry, m_config.theme, m_ticker, m_ticker_text, time.seconds * speed), 0, 0);
    SDL_RenderSetClipRect(m_renderer, nullptr);

    if (m_current.notice) {
        report.notice_id = m_current.notice->id;
        report.page = m_current.page;
        report.page_count = static_cast<int>(m_current.layout->pages.size());
    }
    return report;
}

int ScreenCompositor::show_static(const Notice& notice, int page, const FrameTime& time)
{
    release(m_previous);
    release(m_current);
    m_transition_start = -1;
    auto layout = std::make_shared<SlideLayout>(layout_notice(notice));
    int page_count = static_cast<int>(layout->pages.size());
    if (page_count == 0)
        return 0;
    m_current.content = m_content;
    m_current.notice = &notice;
    m_current.layout = std::move(layout);
    m_current.page = std::clamp(page, 0, page_count - 1);
    begin_page(m_current, time);
    return page_count;
}

} // namespace hallboard
