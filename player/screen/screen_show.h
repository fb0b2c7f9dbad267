// What the screen shows at each moment: the rotation inside display.on_hours; outside them a
// black screen or a dimmed clock. Owns the compositor: it is let go when the screen goes off
// (the night holds no slide textures) and made again when it comes on (each morning starts
// with the first slide) or when a new screen config is applied. Render thread only.
#pragma once

#include "player/config/screen_config.h"
#include "player/render/display_list_player.h"
#include "player/render/font_set.h"
#include "player/screen/screen_compositor.h"

#include <SDL.h>

#include <memory>
#include <optional>

namespace hallboard {

struct ShowFrame {
    FrameReport report;    // the compositor's report; off hours: damage and next_change only
    bool screen_on = true; // inside display.on_hours
    bool switched = false; // this frame is the first of an on or off period
};

class ScreenShow {
public:
    ScreenShow(
        SDL_Renderer* renderer, FontSet& fonts, std::shared_ptr<const ScreenConfig> config, int width, int height);
    ~ScreenShow();
    ScreenShow(const ScreenShow&) = delete;
    ScreenShow& operator=(const ScreenShow&) = delete;

    // Settings the compositor is made with, each time it is made.
    void set_frame_rate(double frames_per_second, TickerPositions positions);
    void set_slide_memory(SlideMemory memory);

    // New content, passed on to the compositor (and kept for the next one).
    void set_content(std::shared_ptr<const ContentSource> content);
    // A new screen config (hall, tags, theme, on_hours, rotation): the next frame starts over
    // with a compositor made for it, at the first slide. The screen's size stays.
    void set_config(std::shared_ptr<const ScreenConfig> config);
    const ScreenConfig& config() const { return *m_config; }

    ShowFrame draw_frame(const FrameTime& time, Redraw redraw, AheadWork ahead);
    void work_ahead(const FrameTime& time, ShowFrame& frame);

    void redraw_everything();
    void textures_lost();
    bool needs_everything() const;

    // What the ticker really moves at (see ScreenCompositor); 0 while the screen is off.
    double ticker_pixels_per_second() const;
    // Bytes of textures the compositor holds (cache, slides, ticker); 0 while the screen is off.
    size_t texture_bytes() const;

    // Outside the opening hours the frame loop is woken at least this often (show seconds), so
    // that a wall clock set forwards or back (NTP, an admin) is noticed within a minute.
    static constexpr double longest_off_sleep_seconds = 60;

private:
    void make_compositor();
    ShowFrame draw_off_hours(const FrameTime& time, Redraw redraw);
    const HolidayCalendar& calendar() const; // the content's; none before content arrives

    SDL_Renderer* m_renderer;
    FontSet& m_fonts;
    std::shared_ptr<const ScreenConfig> m_config;
    int m_width;
    int m_height;
    std::shared_ptr<const ContentSource> m_content;
    double m_frames_per_second = 0;
    TickerPositions m_positions = TickerPositions::WholePixels;
    SlideMemory m_slide_memory = SlideMemory::Keep;

    std::unique_ptr<ScreenCompositor> m_compositor; // null while the screen is off
    DisplayListPlayer m_off_player;                 // draws the dimmed clock
    std::optional<bool> m_was_on;                   // nothing drawn yet: neither
    int m_off_minute_drawn = -1;                    // the minute the off-hours picture shows; -1: none on the target
};

} // namespace hallboard
