// Composes the hall screen each frame: header with clock, the current slide (rasterised once
// per page into a texture), transitions, the progress bar and the scrolling ticker. The page
// after the current one is laid out and rasterised ahead, a few milliseconds a frame during
// the current page's last seconds, so that the frame of a slide change only swaps textures.
// Called from the render thread only; owns every texture it creates.
#pragma once

#include "content/notice.h"
#include "player/config/screen_config.h"
#include "player/layout/frame_layout.h"
#include "player/layout/slide_layout.h"
#include "player/render/display_list_player.h"
#include "player/render/font_set.h"
#include "player/schedule/rotation.h"
#include "player/screen/local_clock.h"
#include "player/screen/rotation_cursor.h"

#include <SDL.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

namespace hallboard {

struct FrameReport {
    bool slide_changed = false; // this frame showed a new page for the first time
    bool in_transition = false; // the old page was still fading or sliding out
    std::string notice_id;
    int page = 0;               // 0-based
    int page_count = 0;
    // Where this frame's time went besides drawing (for `hallboard bench`), in milliseconds.
    double layout_ms = 0;       // laying out notices (text measuring included)
    double rasterise_ms = 0;    // drawing slide pages into their textures
    bool prepared_ahead = false; // slide_changed, and the new page had been made ahead
};

class ScreenCompositor {
public:
    ScreenCompositor(SDL_Renderer* renderer, FontSet& fonts, const ScreenConfig& config, int width, int height);
    ~ScreenCompositor();
    ScreenCompositor(const ScreenCompositor&) = delete;
    ScreenCompositor& operator=(const ScreenCompositor&) = delete;

    // New content takes effect at the next slide change; the slide on screen finishes first.
    void set_content(std::shared_ptr<const ContentSource> content);

    // Draws the whole frame for `time` into the renderer's current target.
    FrameReport draw_frame(const FrameTime& time);

    // Makes `notice` page `page` the slide on screen, without a transition and with its full
    // time remaining (for previews). Returns the notice's page count.
    int show_static(const Notice& notice, int page, const FrameTime& time);

    // Lays out `notice` at this screen's slide size (no drawing), for fit checks.
    SlideLayout layout_notice(const Notice& notice);

    const ScreenGeometry& geometry() const { return m_geometry; }
    size_t cached_texture_bytes() const { return m_player.cached_bytes(); }

    // How long before a page's end the next one starts being prepared, and how much of a
    // frame may go to it: at 60 fps a frame has 16.7 ms, drawing takes about 3.
    static constexpr double prepare_lead_seconds = 1.5;
    static constexpr double prepare_budget_ms = 4;

private:
    struct ShownPage {
        std::shared_ptr<const ContentSource> content; // keeps the notice alive while it shows
        const Notice* notice = nullptr;
        std::shared_ptr<const SlideLayout> layout;
        int page = 0;
        double started = 0;  // FrameTime::seconds when it appeared
        double duration = 0; // seconds
        SDL_Texture* texture = nullptr;
        size_t drawn_commands = 0;    // how much of the page is rasterised into the texture
        size_t preload_position = 0;  // how far images have been decoded before the texture exists
    };
    enum class CursorUse {
        Advance, // the change is happening: move the rotation on
        Peek,    // preparing ahead: leave the rotation where it is
    };

    void advance(const FrameTime& time, FrameReport& report);
    ShownPage following_page(const FrameTime& time, CursorUse use);
    static bool same_page(const ShownPage& a, const ShownPage& b);
    std::shared_ptr<const SlideLayout> layout_for(const Notice& notice);
    void prepare_ahead(const FrameTime& time, FrameReport& report);
    // Rasterises what is left of `shown`'s page until `deadline`; true when it is complete.
    bool rasterise_page(ShownPage& shown, std::chrono::steady_clock::time_point deadline);
    static bool rasterised(const ShownPage& shown);
    void begin_page(ShownPage& shown, const FrameTime& time);
    void draw_slide_area(const FrameTime& time);
    void draw_header(const FrameTime& time);
    void refresh_ticker(const FrameTime& time);
    void release(ShownPage& shown);

    SDL_Renderer* m_renderer;
    FontSet& m_fonts;
    const ScreenConfig& m_config;
    DisplayListPlayer m_player;
    ScreenGeometry m_geometry;
    SlideContext m_slide_context;
    DurationRules m_duration_rules;

    std::shared_ptr<const ContentSource> m_content;
    std::unique_ptr<RotationCursor> m_cursor;
    Notice m_fallback;

    ShownPage m_current;
    ShownPage m_previous;         // fading out during a transition
    ShownPage m_upcoming;         // the page expected next, laid out and rasterised ahead
    double m_transition_start = -1;
    // Layouts depend only on the notice and the screen, so each is made once per content.
    std::unordered_map<const Notice*, std::shared_ptr<const SlideLayout>> m_layouts;

    std::optional<Date> m_header_date;
    HeaderLayout m_header;
    int m_clock_second = -1;
    DisplayList m_clock;

    std::string m_ticker_text;
    TickerLayout m_ticker;
    int m_ticker_minute = -1;     // ticker messages are re-evaluated once a minute
};

} // namespace hallboard
