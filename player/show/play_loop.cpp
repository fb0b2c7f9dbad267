// The frame loop of `hallboard play`.
#include "player/show/play_loop.h"

#include "base/log.h"
#include "player/render/thumbnail.h"
#include "player/show/slide_announcements.h"

#include <string>
#include <utility>

namespace hallboard {

PlayLoop::PlayLoop(PlayParts parts, PlayOptions options)
    : m_parts(parts)
    , m_options(std::move(options))
    , m_config_reload(parts.show.config(), m_options.pinned_source)
    , m_pacing(m_options.frames_per_second)
{
}

PlayEnd PlayLoop::run()
{
    m_parts.clock.start_at(m_parts.waiting.now());
    m_pacing.start(m_parts.clock.start());
    while (m_running) {
        wait_for_deadline();
        if (!m_running)
            break;
        draw_frame();
    }
    finish();
    return m_restart ? PlayEnd::Restart : PlayEnd::Stopped;
}

// Sleeps until the deadline, handling events meanwhile; any event that leaves the screen
// needing a full redraw (new content, a lost surface) brings the deadline forward.
void PlayLoop::wait_for_deadline()
{
    for (;;) {
        SDL_Event event;
        while (m_running && SDL_PollEvent(&event))
            handle(event);
        if (m_running)
            check_config();
        answer_thumbnail_request();
        if (!m_running)
            return;
        auto const now = m_parts.waiting.now();
        if (m_parts.show.needs_everything())
            m_pacing.bring_forward(now);
        if (now >= m_pacing.deadline())
            return;
        if (auto woken_by = m_parts.waiting.wait(now, m_pacing.deadline()))
            handle(*woken_by);
    }
}

void PlayLoop::handle(const SDL_Event& event)
{
    if (PlayEvents::is_quit(event))
        m_running = false;
    switch (m_parts.output.handle_event(event)) {
    case OutputEvent::RedrawEverything:
        m_parts.show.redraw_everything();
        break;
    case OutputEvent::TexturesLost:
        m_parts.show.textures_lost();
        break;
    case OutputEvent::Nothing:
        break;
    }
    // A new version from the sync thread: the wait then ends at once (needs_everything).
    if (m_parts.events.is_new_content(event))
        show_new_content(m_parts.updates, m_parts.show, m_parts.reporting);
}

void PlayLoop::check_config()
{
    auto step = m_config_reload.poll(m_parts.waiting.now(), m_parts.show.config());
    switch (step.action) {
    case ConfigAction::Nothing:
        break;
    case ConfigAction::Restart:
        m_restart = true;
        m_running = false;
        break;
    case ConfigAction::ApplyLive:
        if (m_parts.reporting && step.config->hall != m_parts.show.config().hall)
            m_parts.reporting->hall_renamed(step.config->hall);
        m_parts.show.set_config(std::move(step.config));
        break;
    }
}

// Only this thread may read the screen, so a request from the heartbeat sender's thread is
// answered here, between frames. The target holds the last frame (the window surface, or the
// GPU path's frame texture).
void PlayLoop::answer_thumbnail_request()
{
    if (!m_parts.thumbnails.pending())
        return;
    std::string problem;
    auto picture
        = capture_thumbnail_png(m_parts.output.renderer(), thumbnail_longer_side, max_thumbnail_bytes, &problem);
    if (!picture)
        log_warning("thumbnail: cannot read the screen: " + problem);
    m_parts.thumbnails.fulfil(std::move(picture));
}

void PlayLoop::draw_frame()
{
    auto& show = m_parts.show;
    auto& waiting = m_parts.waiting;
    FrameMoments moments;
    moments.deadline = m_pacing.deadline();
    FrameTime const time = m_parts.clock.at(moments.deadline);
    moments.woke = waiting.now();
    bool const whole = m_options.redraw == Redraw::Everything || show.needs_everything();
    auto frame = show.draw_frame(time, whole ? Redraw::Everything : Redraw::Changes, AheadWork::AfterPresent);
    moments.drawn = waiting.now();
    m_parts.output.present(frame.report.damage);
    moments.shown = waiting.now();
    show.work_ahead(time, frame);
    moments.ahead_ms = std::chrono::duration<double, std::milli>(waiting.now() - moments.shown).count();

    m_figures.frame_shown(time, frame.report, moments, show);
    bool const first = m_figures.frames() == 1;
    if (first)
        m_parts.output.measure_vsync();
    announce_frame(frame, time, show.config(), first ? FirstFrame::Yes : FirstFrame::No, m_parts.reporting);
    if (m_options.exit_after && time.seconds >= *m_options.exit_after)
        m_running = false;

    auto const& report = frame.report;
    bool const every_frame = report.animating || m_options.redraw == Redraw::Everything;
    m_pacing.frame_done(every_frame ? FrameNeed::EveryFrame : FrameNeed::WhenChanged,
        m_parts.output.vsync() ? Presents::PacedByDisplay : Presents::AtOnce,
        m_parts.clock.moment_of(report.next_change), waiting.now());
}

void PlayLoop::finish()
{
    auto& clock = m_parts.clock;
    m_parts.thumbnails.shut_down();
    if (m_parts.reporting)
        m_parts.reporting->stop(clock.at(m_parts.waiting.now()).seconds);
    m_parts.updates.stop();
    m_figures.log_held(clock.at(m_parts.waiting.now()), m_parts.show);
    m_figures.log_totals(std::chrono::duration<double>(m_parts.waiting.now() - clock.start()).count());
    log_info(m_restart ? "stopped, to start again" : "stopped");
}

} // namespace hallboard
