// Frame composition: what changes each frame is drawn from cached textures only.
#include "player/screen/screen_compositor.h"

#include "player/layout/text_layout.h"
#include "player/log/log.h"

#include <algorithm>
#include <cmath>
#include <utility>

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
    release(m_upcoming);
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
    // Layouts are keyed by the notice's address, and a page prepared ahead came from the old
    // rotation; the page on screen keeps its own layout alive.
    m_layouts.clear();
    release(m_upcoming);
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

std::shared_ptr<const SlideLayout> ScreenCompositor::layout_for(const Notice& notice)
{
    if (auto it = m_layouts.find(&notice); it != m_layouts.end())
        return it->second;
    auto layout = std::make_shared<SlideLayout>(layout_notice(notice));
    for (auto const& problem : layout->problems)
        log_warning("notice '" + notice.id + "': " + problem);
    if (layout->pages.empty())
        layout = std::make_shared<SlideLayout>(layout_notice(m_fallback));
    m_layouts.emplace(&notice, layout);
    return layout;
}

bool ScreenCompositor::rasterised(const ShownPage& shown)
{
    auto const commands = shown.layout->pages[static_cast<size_t>(shown.page)].commands.size();
    return shown.preload_position >= commands && shown.drawn_commands >= commands;
}

bool ScreenCompositor::rasterise_page(ShownPage& shown, std::chrono::steady_clock::time_point deadline)
{
    if (rasterised(shown))
        return true;
    auto const& page = shown.layout->pages[static_cast<size_t>(shown.page)];
    // Images first, decoded on a thread of their own while frames go on, and before the slide
    // texture exists: a decoded picture is several MB for a moment, and would otherwise add to
    // the two slide textures alive at that point. In a hurry, drawing waits for them instead.
    bool const unhurried = deadline != std::chrono::steady_clock::time_point::max();
    while (unhurried && !shown.texture && shown.preload_position < page.commands.size()) {
        if (std::chrono::steady_clock::now() >= deadline)
            return false;
        if (auto const* image = std::get_if<ImageDraw>(&page.commands[shown.preload_position])) {
            if (!m_player.preload(*image))
                return false; // still decoding: look again next frame
        }
        ++shown.preload_position;
    }
    shown.preload_position = page.commands.size();
    if (!shown.texture) {
        auto width = static_cast<int>(m_geometry.slide.w);
        auto height = static_cast<int>(m_geometry.slide.h);
        // Opaque pixels (no alpha channel): fading such a texture in is a per-texture alpha
        // blend, which SDL's software blitter does with SIMD, whereas a texture with an alpha
        // channel and an alpha modulation takes SDL's generic per-pixel path (four times
        // slower). It is also the format of an X11 window surface, so a steady frame copies
        // it with a plain memcpy.
        shown.texture = SDL_CreateTexture(m_renderer, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_TARGET, width, height);
        if (!shown.texture) {
            log_error(std::string("cannot create a slide texture: ") + SDL_GetError());
            shown.drawn_commands = page.commands.size(); // done: the slide area shows the background
            return true;
        }
        SDL_Texture* previous_target = SDL_GetRenderTarget(m_renderer);
        SDL_SetRenderTarget(m_renderer, shown.texture);
        auto const& background = m_config.theme.background;
        SDL_SetRenderDrawColor(m_renderer, background.r, background.g, background.b, 255);
        SDL_RenderClear(m_renderer);
        SDL_SetRenderTarget(m_renderer, previous_target);
        // Opaque copies are a plain blit; blending is switched on only while fading in.
        SDL_SetTextureBlendMode(shown.texture, SDL_BLENDMODE_NONE);
    }
    SDL_Texture* previous_target = SDL_GetRenderTarget(m_renderer);
    SDL_SetRenderTarget(m_renderer, shown.texture);
    // Page text is drawn once: its textures would only push the header's out of the cache.
    while (shown.drawn_commands < page.commands.size() && std::chrono::steady_clock::now() < deadline)
        m_player.play(page.commands[shown.drawn_commands++], 0, 0, TextureReuse::DrawOnce);
    SDL_SetRenderTarget(m_renderer, previous_target);
    return rasterised(shown);
}

void ScreenCompositor::begin_page(ShownPage& shown, const FrameTime& time)
{
    auto const& page = shown.layout->pages[static_cast<size_t>(shown.page)];
    shown.started = time.seconds;
    auto duration = page_duration(*shown.notice, characters_on_page(page), m_duration_rules);
    shown.duration = std::chrono::duration<double>(duration).count();
}

ScreenCompositor::ShownPage ScreenCompositor::following_page(const FrameTime& time, CursorUse use)
{
    ShownPage next;
    if (m_current.notice && m_current.page + 1 < static_cast<int>(m_current.layout->pages.size())) {
        next.content = m_current.content;
        next.notice = m_current.notice;
        next.layout = m_current.layout;
        next.page = m_current.page + 1;
        return next;
    }
    const Notice* notice = nullptr;
    if (m_cursor)
        notice = use == CursorUse::Advance ? m_cursor->next(time.local) : m_cursor->peek(time.local);
    next.content = m_content;
    next.notice = notice ? notice : &m_fallback;
    return next;
}

bool ScreenCompositor::same_page(const ShownPage& a, const ShownPage& b)
{
    return a.notice == b.notice && a.page == b.page && a.content == b.content;
}

void ScreenCompositor::advance(const FrameTime& time, FrameReport& report)
{
    bool has_page = m_current.notice != nullptr;
    if (has_page && time.seconds - m_current.started < m_current.duration)
        return;

    using Steady = std::chrono::steady_clock;
    // A change before the last transition ended cuts it short. Its texture goes first, so that
    // at most two slide textures exist at any time.
    release(m_previous);
    ShownPage next = following_page(time, CursorUse::Advance);
    if (m_upcoming.notice && same_page(next, m_upcoming)) {
        // What was prepared is what the rotation really gives now (peeking ahead could not
        // know that a notice would expire or the content change in the meantime).
        next = std::exchange(m_upcoming, ShownPage {});
        report.prepared_ahead = next.texture && rasterised(next);
    } else {
        release(m_upcoming);
        if (!next.layout) {
            auto layout_started = Steady::now();
            next.layout = layout_for(*next.notice);
            report.layout_ms += std::chrono::duration<double, std::milli>(Steady::now() - layout_started).count();
        }
    }
    auto rasterise_started = Steady::now();
    rasterise_page(next, Steady::time_point::max());
    report.rasterise_ms += std::chrono::duration<double, std::milli>(Steady::now() - rasterise_started).count();
    begin_page(next, time);

    m_previous = std::exchange(m_current, std::move(next));
    bool animate = m_previous.texture && m_config.transition != Transition::Cut && m_config.transition_time.count() > 0;
    m_transition_start = animate ? time.seconds : -1;
    if (!animate)
        release(m_previous);

    report.slide_changed = true;
}

void ScreenCompositor::prepare_ahead(const FrameTime& time, FrameReport& report)
{
    // Not while a transition runs (that frame is the dearest, and a third slide texture would
    // be needed), and only in the page's last seconds, so the upcoming texture is rarely alive.
    if (!m_current.notice || m_previous.texture)
        return;
    if (m_current.duration - (time.seconds - m_current.started) > prepare_lead_seconds)
        return;
    using Steady = std::chrono::steady_clock;
    auto started = Steady::now();
    auto deadline = started + std::chrono::duration_cast<Steady::duration>(std::chrono::duration<double, std::milli>(prepare_budget_ms));
    if (!m_upcoming.notice) {
        m_upcoming = following_page(time, CursorUse::Peek);
        if (!m_upcoming.layout)
            m_upcoming.layout = layout_for(*m_upcoming.notice);
        report.layout_ms += std::chrono::duration<double, std::milli>(Steady::now() - started).count();
    }
    if (rasterised(m_upcoming))
        return;
    auto rasterise_started = Steady::now();
    rasterise_page(m_upcoming, deadline);
    report.rasterise_ms += std::chrono::duration<double, std::milli>(Steady::now() - rasterise_started).count();
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
        auto alpha = static_cast<Uint8>(std::round((fading ? eased : 1.0) * 255));
        // Fully transparent changes nothing; fully opaque is a plain copy. SDL's software
        // blitter has a fast path for blending an opaque texture at a partial alpha only: at
        // full alpha with blending on it takes a generic per-pixel path (30 ms a frame).
        SDL_SetTextureBlendMode(m_current.texture, alpha < 255 ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
        SDL_SetTextureAlphaMod(m_current.texture, alpha);
        if (alpha > 0)
            SDL_RenderCopy(m_renderer, m_current.texture, nullptr, &destination);
    } else {
        auto const& background = m_config.theme.background;
        SDL_SetRenderDrawColor(m_renderer, background.r, background.g, background.b, 255);
        SDL_RenderFillRect(m_renderer, &destination);
    }
}

void ScreenCompositor::draw_header(const FrameTime& time)
{
    if (time.seconds_of_day != m_clock_second)
        m_player.drop_unused(); // once a second: last second's clock text goes
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
    prepare_ahead(time, report);
    return report;
}

int ScreenCompositor::show_static(const Notice& notice, int page, const FrameTime& time)
{
    release(m_previous);
    release(m_current);
    release(m_upcoming);
    m_transition_start = -1;
    auto layout = std::make_shared<SlideLayout>(layout_notice(notice));
    int page_count = static_cast<int>(layout->pages.size());
    if (page_count == 0)
        return 0;
    m_current.content = m_content;
    m_current.notice = &notice;
    m_current.layout = std::move(layout);
    m_current.page = std::clamp(page, 0, page_count - 1);
    rasterise_page(m_current, std::chrono::steady_clock::time_point::max());
    begin_page(m_current, time);
    return page_count;
}

} // namespace hallboard
