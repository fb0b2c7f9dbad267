// Composes the hall screen each frame: header with clock, the current slide (rasterised once
// per page into a texture), transitions, the progress bar and the scrolling ticker (a strip
// rendered once). The page after the current one is laid out and rasterised ahead, a few
// milliseconds a frame during the current page's last seconds, so that the frame of a slide
// change only swaps textures. It keeps track of what the target shows, so that a frame can
// draw only what changed and say when the picture next changes by itself.
// Called from the render thread only; owns every texture it creates.
#pragma once

#include "content/model/notice.h"
#include "player/config/screen_config.h"
#include "player/layout/frame_layout.h"
#include "player/layout/slide_layout.h"
#include "player/render/display_list_player.h"
#include "player/render/font_set.h"
#include "player/render/sdl_handles.h"
#include "player/schedule/rotation.h"
#include "player/screen/frame_damage.h"
#include "player/screen/local_clock.h"
#include "player/screen/rotation_cursor.h"
#include "player/screen/ticker_strip.h"

#include <SDL.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace hallboard {

struct FrameReport {
    bool slide_changed = false; // this frame showed a new page for the first time
    bool in_transition = false; // the old page was still fading or sliding out
    std::string notice_id;
    int page = 0; // 0-based
    int page_count = 0;
    // Where this frame's time went besides drawing (for `hallboard bench`), in milliseconds.
    double layout_ms = 0;        // laying out notices (text measuring included)
    double rasterise_ms = 0;     // drawing slide pages into their textures
    bool prepared_ahead = false; // slide_changed, and the new page had been made ahead

    // What this frame drew, in the composed frame's pixels: present these. Empty: the target
    // already showed this frame.
    std::vector<SDL_Rect> damage;
    bool ticker_moved = false; // the ticker is part of the damage because it scrolled
    // Something moves every frame (the ticker, a transition) or work is under way that needs
    // frames (preparing the next page): draw the next frame at the frame rate.
    bool animating = false;
    // Otherwise the picture next changes by itself at this FrameTime::seconds (the clock's next
    // second, the progress bar's next pixel, the page's end); sleeping until then loses nothing.
    double next_change = 0;
};

enum class Redraw {
    Everything, // the whole frame (previews, golden images, a target that lost its pixels)
    Changes,    // only what differs from the frame this compositor drew last into the same target
};

// Whether the page on screen keeps its texture. A 1920x1080 page is 7 MB (28 MB at 4K); once
// it is on a target that keeps its pixels (a window surface), the texture is needed again only
// for the next transition, when the page can be read back from the target.
enum class SlideMemory {
    Keep,             // offscreen canvases, GPU targets (reading back from a GPU is slow)
    ReleaseOnceShown, // the software path: the window surface holds the page
};

// When the next page is laid out and rasterised ahead (a few milliseconds in a page's last
// seconds): within draw_frame(), or after the frame is on screen (work_ahead()), so that the
// work never delays a frame.
enum class AheadWork {
    InFrame,
    AfterPresent,
};

class ScreenCompositor {
public:
    ScreenCompositor(SDL_Renderer* renderer, FontSet& fonts, const ScreenConfig& config, int width, int height);
    ~ScreenCompositor();
    ScreenCompositor(const ScreenCompositor&) = delete;
    ScreenCompositor& operator=(const ScreenCompositor&) = delete;

    // New content takes effect at the next slide change; the slide on screen finishes first.
    // The next frame redraws the whole screen (the ticker's and the header's text may change).
    void set_content(std::shared_ptr<const ContentSource> content);

    // Draws the frame for `time` into the renderer's current target: all of it, or only what
    // differs from the last frame drawn (the target must still hold that frame).
    FrameReport draw_frame(
        const FrameTime& time, Redraw redraw = Redraw::Everything, AheadWork ahead = AheadWork::InFrame);
    // With AheadWork::AfterPresent: the work ahead for the frame `report` came from, once it is
    // on screen. Completes the report (layout_ms, rasterise_ms, animating, next_change).
    void work_ahead(const FrameTime& time, FrameReport& report);

    // The target lost what was drawn on it (a new window surface): the next frame draws all.
    void redraw_everything()
    {
        m_shown.drawn = false;
        m_slide_on_target = false;
    }
    // Render-target textures lost their pixels (SDL_RENDER_TARGETS_RESET): slide pages and
    // the ticker strip are made again, and the next frame draws all.
    void textures_lost();
    bool needs_everything() const { return !m_shown.drawn; }

    // How the frame loop runs, so that the ticker moves evenly. With whole-pixel positions (the
    // software renderer) its speed is rounded to a whole number of pixels a frame at
    // `frames_per_second`, so every frame moves it by the same amount; with sub-pixel positions
    // it moves at exactly the theme's speed. Default: the theme's speed, at whole pixels.
    void set_frame_rate(double frames_per_second, TickerPositions positions);
    double ticker_pixels_per_second() const; // the speed the ticker really moves at
    void set_slide_memory(SlideMemory memory) { m_slide_memory = memory; }
    // Bytes of slide textures alive now (pages on screen, leaving, or made ahead).
    size_t slide_texture_bytes() const;

    // Makes `notice` page `page` the slide on screen, without a transition and with its full
    // time remaining (for previews). Returns the notice's page count.
    int show_static(const Notice& notice, int page, const FrameTime& time);

    // Lays out `notice` at this screen's slide size (no drawing), for fit checks.
    SlideLayout layout_notice(const Notice& notice);

    const ScreenGeometry& geometry() const { return m_geometry; }
    const FrameRegions& regions() const { return m_regions; }
    size_t cached_texture_bytes() const { return m_player.cached_bytes(); }
    size_t ticker_strip_bytes() const { return m_strip.bytes(); }

    // How long before a page's end the next one starts being prepared, and how much of a
    // frame may go to it: at 60 fps a frame has 16.7 ms, drawing takes about 3.
    static constexpr double prepare_lead_seconds = 1.5;
    static constexpr double prepare_budget_ms = 4;
    // The progress bar moves by whole pixels, at most this often when nothing else moves.
    static constexpr double progress_updates_per_second = 15;

private:
    struct ShownPage {
        std::shared_ptr<const ContentSource> content; // keeps the notice alive while it shows
        const Notice* notice = nullptr;
        std::shared_ptr<const SlideLayout> layout;
        int page = 0;
        double started = 0;  // FrameTime::seconds when it appeared
        double duration = 0; // seconds
        UniqueTexture texture;
        size_t drawn_commands = 0;   // how much of the page is rasterised into the texture
        size_t preload_position = 0; // how far images have been decoded before the texture exists
        std::uint64_t serial = 0;    // set when it starts showing: tells pages apart for damage
        // SlideMemory::ReleaseOnceShown: the texture was let go once the page was on the target;
        // `underlay` keeps the strip of it under the progress bar, which still changes.
        bool released = false;
        UniqueTexture underlay;
        int captured_rows = 0; // released: how much has been read back into `texture` again
        bool pinned = false;   // put up by show_static: a preview stays whatever the rules say
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
    void update_transition(const FrameTime& time);
    void update_header(const FrameTime& time);
    void refresh_ticker(const FrameTime& time);
    double ticker_first_x(const FrameTime& time) const;
    int progress_width(const FrameTime& time) const;
    FrameState state_at(const FrameTime& time) const;
    void draw_region(const PixelRect& region, const FrameTime& time);
    void draw_slide_area();
    void schedule(const FrameTime& time, FrameReport& report) const;
    void release(ShownPage& shown);
    void release_shown_texture(const FrameTime& time);
    void restore_texture(ShownPage& shown);
    // Reads `shown` back from the target into its texture until `deadline`; true when complete.
    bool capture_rows(ShownPage& shown, std::chrono::steady_clock::time_point deadline);
    bool transitions_animate() const;
    SDL_Rect progress_in_page() const;

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
    ShownPage m_previous; // fading out during a transition
    ShownPage m_upcoming; // the page expected next, laid out and rasterised ahead
    double m_transition_start = -1;
    double m_transition_eased = 1; // how far the running transition is, 0 to 1
    std::uint64_t m_page_serial = 0;
    // Layouts depend only on the notice and the screen, so each is made once per content.
    std::unordered_map<const Notice*, std::shared_ptr<const SlideLayout>> m_layouts;

    std::optional<Date> m_header_date;
    HeaderLayout m_header;
    int m_clock_second = -1;
    DisplayList m_clock;

    std::string m_ticker_text;
    TickerLayout m_ticker;
    int m_ticker_minute = -1; // ticker messages are re-evaluated once a minute
    TickerStrip m_strip;
    bool m_strip_built = false;
    bool m_cut_short = false; // the slide on screen was interrupted: its remaining pages are skipped
    std::optional<LocalDateTime> m_current_checked_minute; // when the notice on screen was last found eligible
    std::uint64_t m_ticker_serial = 0;
    double m_frames_per_second = 0; // 0: no frame rate to round the ticker's speed to
    TickerPositions m_positions = TickerPositions::WholePixels;

    SlideMemory m_slide_memory = SlideMemory::Keep;
    bool m_slide_on_target = false; // the released page's pixels are on the target (not lost since)

    FrameRegions m_regions;
    FrameState m_shown; // what the target shows: the last frame drawn
};

} // namespace hallboard
