// The compositor's slide pages: following the rotation, laying pages out and rasterising them
// (ahead of time when it can), and keeping or letting go of their textures.
#include "player/screen/screen_compositor.h"

#include "player/layout/text_layout.h"
#include "base/log.h"
#include "player/render/sdl_handles.h"

#include <algorithm>
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

void ScreenCompositor::release(ShownPage& shown)
{
    shown = ShownPage {}; // its textures go with it
}

size_t ScreenCompositor::slide_texture_bytes() const
{
    size_t const page = static_cast<size_t>(m_geometry.slide.w) * static_cast<size_t>(m_geometry.slide.h) * 4;
    return page * ((m_current.texture != nullptr) + (m_previous.texture != nullptr) + (m_upcoming.texture != nullptr));
}

// The progress bar's place inside a page texture.
SDL_Rect ScreenCompositor::progress_in_page() const
{
    auto const& bar = m_regions.progress;
    return { bar.x - m_regions.slide.x, bar.y - m_regions.slide.y, bar.w, bar.h };
}

void ScreenCompositor::release_shown_texture(const FrameTime& time)
{
    // Only a page fully on the target, with no transition drawing from it, and not in its last
    // seconds (when it is read back for the transition out).
    if (m_slide_memory != SlideMemory::ReleaseOnceShown || !m_current.texture || m_current.released
        || m_previous.texture || m_shown.page != m_current.serial || !rasterised(m_current)
        || m_current.duration - (time.seconds - m_current.started) <= prepare_lead_seconds)
        return;
    SDL_Rect const strip = progress_in_page();
    UniqueTexture underlay(
        SDL_CreateTexture(m_renderer, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_TARGET, strip.w, strip.h));
    if (!underlay)
        return; // keep the page then
    SDL_SetTextureBlendMode(underlay.get(), SDL_BLENDMODE_NONE);
    SDL_Texture* previous_target = SDL_GetRenderTarget(m_renderer);
    SDL_SetRenderTarget(m_renderer, underlay.get());
    SDL_SetTextureBlendMode(m_current.texture.get(), SDL_BLENDMODE_NONE);
    SDL_SetTextureAlphaMod(m_current.texture.get(), 255);
    SDL_RenderCopy(m_renderer, m_current.texture.get(), &strip, nullptr);
    SDL_SetRenderTarget(m_renderer, previous_target);
    m_current.texture.reset();
    m_current.underlay = std::move(underlay);
    m_current.released = true;
    m_current.captured_rows = 0;
    m_slide_on_target = true;
}

bool ScreenCompositor::transitions_animate() const
{
    return m_config.transition != Transition::Cut && m_config.transition_time.count() > 0;
}

bool ScreenCompositor::capture_rows(ShownPage& shown, std::chrono::steady_clock::time_point deadline)
{
    auto const& slide = m_regions.slide;
    if (!shown.texture) {
        shown.texture = UniqueTexture(
            SDL_CreateTexture(m_renderer, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_STREAMING, slide.w, slide.h));
        shown.captured_rows = 0;
        if (!shown.texture)
            return false;
        SDL_SetTextureBlendMode(shown.texture.get(), SDL_BLENDMODE_NONE);
    }
    // A band at a time: about 256 KB, a fraction of a millisecond.
    int const band = std::max(1, (256 * 1024) / std::max(1, slide.w * 4));
    while (shown.captured_rows < slide.h) {
        if (std::chrono::steady_clock::now() >= deadline)
            return false;
        int const rows = std::min(band, slide.h - shown.captured_rows);
        SDL_Rect const in_page { 0, shown.captured_rows, slide.w, rows };
        SDL_Rect const on_target { slide.x, slide.y + shown.captured_rows, slide.w, rows };
        void* pixels = nullptr;
        int pitch = 0;
        if (SDL_LockTexture(shown.texture.get(), &in_page, &pixels, &pitch) != 0)
            return false;
        bool const read = SDL_RenderReadPixels(m_renderer, &on_target, SDL_PIXELFORMAT_RGB888, pixels, pitch) == 0;
        SDL_UnlockTexture(shown.texture.get());
        if (!read)
            return false;
        shown.captured_rows += rows;
    }
    // The progress bar is drawn over the page on the target: what is under it comes from the
    // underlay, read from that texture.
    SDL_Rect const bar = progress_in_page();
    void* pixels = nullptr;
    int pitch = 0;
    if (SDL_LockTexture(shown.texture.get(), &bar, &pixels, &pitch) != 0)
        return false;
    SDL_Texture* previous_target = SDL_GetRenderTarget(m_renderer);
    SDL_SetRenderTarget(m_renderer, shown.underlay.get());
    bool const read = SDL_RenderReadPixels(m_renderer, nullptr, SDL_PIXELFORMAT_RGB888, pixels, pitch) == 0;
    SDL_SetRenderTarget(m_renderer, previous_target);
    SDL_UnlockTexture(shown.texture.get());
    if (!read)
        return false;
    shown.released = false;
    return true;
}

void ScreenCompositor::restore_texture(ShownPage& shown)
{
    if (!shown.released)
        return;
    if (m_slide_on_target && shown.underlay && capture_rows(shown, std::chrono::steady_clock::time_point::max()))
        return;
    // The target lost it (or reading failed): rasterise the page again (tens of milliseconds, and rare).
    shown.texture.reset();
    shown.captured_rows = 0;
    shown.drawn_commands = 0;
    shown.released = false;
    rasterise_page(shown, std::chrono::steady_clock::time_point::max());
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
        shown.texture = UniqueTexture(
            SDL_CreateTexture(m_renderer, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_TARGET, width, height));
        if (!shown.texture) {
            log_error(std::string("cannot create a slide texture: ") + SDL_GetError());
            shown.drawn_commands = page.commands.size(); // done: the slide area shows the background
            return true;
        }
        SDL_Texture* previous_target = SDL_GetRenderTarget(m_renderer);
        SDL_SetRenderTarget(m_renderer, shown.texture.get());
        auto const& background = m_config.theme.background;
        SDL_SetRenderDrawColor(m_renderer, background.r, background.g, background.b, 255);
        SDL_RenderClear(m_renderer);
        SDL_SetRenderTarget(m_renderer, previous_target);
        // Opaque copies are a plain blit; blending is switched on only while fading in.
        SDL_SetTextureBlendMode(shown.texture.get(), SDL_BLENDMODE_NONE);
    }
    SDL_Texture* previous_target = SDL_GetRenderTarget(m_renderer);
    SDL_SetRenderTarget(m_renderer, shown.texture.get());
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
    shown.serial = ++m_page_serial;
    auto duration = page_duration(*shown.notice, characters_on_page(page), m_duration_rules);
    shown.duration = std::chrono::duration<double>(duration).count();
}

ScreenCompositor::ShownPage ScreenCompositor::following_page(const FrameTime& time, CursorUse use)
{
    ShownPage next;
    if (!m_cut_short && m_current.notice && m_current.page + 1 < static_cast<int>(m_current.layout->pages.size())) {
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
    // An urgent notice interrupts the slide on screen as soon as it becomes valid (at most a
    // frame after the minute it starts), unless an urgent notice is already showing.
    if (has_page && m_cursor && m_cursor->urgent_arrived(time.local)
        && m_current.notice->priority != Priority::Urgent) {
        log_info("an urgent notice became valid: interrupting '" + m_current.notice->id + "'");
        m_cursor->restart();
        m_current.duration = 0;
        m_cut_short = true;
        release(m_upcoming);
    }
    // A notice that stops being eligible (expired at midnight, out of its hours) leaves the
    // screen at once: a tariff's successor takes over at the minute it becomes valid.
    if (has_page && !m_current.pinned && m_current.notice != &m_fallback && m_current_checked_minute != time.local) {
        m_current_checked_minute = time.local;
        if (!is_eligible(*m_current.notice, time.local, m_config.tags)) {
            log_info("'" + m_current.notice->id + "' is no longer valid: it leaves the screen");
            m_current.duration = 0;
            m_cut_short = true;
            release(m_upcoming);
        }
    }
    if (has_page && time.seconds - m_current.started < m_current.duration)
        return;

    using Steady = std::chrono::steady_clock;
    // A change before the last transition ended cuts it short. Its texture goes first, so that
    // at most two slide textures exist at any time.
    release(m_previous);
    ShownPage next = following_page(time, CursorUse::Advance);
    m_cut_short = false;
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

    bool const transitions = transitions_animate();
    if (transitions && m_current.released)
        restore_texture(m_current); // the page leaving is drawn in the transition
    m_previous = std::exchange(m_current, std::move(next));
    bool animate = m_previous.texture && transitions;
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
    auto deadline = started
        + std::chrono::duration_cast<Steady::duration>(std::chrono::duration<double, std::milli>(prepare_budget_ms));
    if (!m_upcoming.notice) {
        m_upcoming = following_page(time, CursorUse::Peek);
        if (!m_upcoming.layout)
            m_upcoming.layout = layout_for(*m_upcoming.notice);
        report.layout_ms += std::chrono::duration<double, std::milli>(Steady::now() - started).count();
    }
    if (!rasterised(m_upcoming)) {
        auto rasterise_started = Steady::now();
        rasterise_page(m_upcoming, deadline);
        report.rasterise_ms += std::chrono::duration<double, std::milli>(Steady::now() - rasterise_started).count();
    }
    // A page let go once shown is read back from the target for its transition out, a band at
    // a time now rather than all at once at the change (28 MB at 4K).
    if (m_current.released && transitions_animate() && m_slide_on_target && m_current.underlay)
        capture_rows(m_current, deadline);
}

void ScreenCompositor::textures_lost()
{
    // The page on screen is made again from its layout; a transition ends; what was prepared
    // ahead is prepared again.
    release(m_previous);
    m_transition_start = -1;
    release(m_upcoming);
    m_current.underlay.reset();
    if (m_current.texture || m_current.released) {
        m_current.texture.reset();
        m_current.drawn_commands = 0;
        m_current.released = false;
        rasterise_page(m_current, std::chrono::steady_clock::time_point::max());
    }
    m_slide_on_target = false;
    m_player.clear();
    m_strip_built = false;
    m_shown.drawn = false;
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
    m_current.pinned = true;
    rasterise_page(m_current, std::chrono::steady_clock::time_point::max());
    begin_page(m_current, time);
    m_shown.drawn = false;
    return page_count;
}

} // namespace hallboard
