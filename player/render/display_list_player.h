// Plays a DisplayList back onto an SDL_Renderer, caching text, image and corner textures.
#pragma once

#include "player/layout/display_list.h"
#include "player/render/sdl_handles.h"

#include <SDL.h>

#include <cstddef>
#include <future>
#include <list>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace hallboard {

class FontSet;

// Whether the text textures made while drawing a list are worth keeping. The header, clock
// and ticker are drawn every frame from the same texts (Keep); a slide page is drawn once,
// into its own texture, so its text textures would only fill the cache (DrawOnce). Images are
// cached either way (and let go by drop_unused() like text); preload() decodes them ahead.
enum class TextureReuse {
    Keep,
    DrawOnce,
};

// Works with any SDL_Renderer: a window's (accelerated or software) or a software renderer
// on a surface (OffscreenCanvas). Owns the textures it creates, so destroy the player before
// its renderer. Not thread-safe: use from the render thread only.
class DisplayListPlayer {
public:
    // What is drawn every frame (header, clock, a long ticker) fits many times over; slide
    // pages do not go through the cache (TextureReuse::DrawOnce).
    static constexpr std::size_t default_cache_budget = 16u * 1024u * 1024u; // bytes

    DisplayListPlayer(SDL_Renderer* renderer, FontSet& fonts, std::size_t cache_budget_bytes = default_cache_budget);
    ~DisplayListPlayer();

    DisplayListPlayer(const DisplayListPlayer&) = delete;
    DisplayListPlayer& operator=(const DisplayListPlayer&) = delete;

    // Draws every command translated by (offset_x, offset_y). Respects the renderer's current
    // clip rectangle; leaves the renderer's draw colour and blend mode changed. With DrawOnce,
    // text not already cached is drawn from a texture destroyed right after.
    void play(const DisplayList& list, float offset_x = 0, float offset_y = 0, TextureReuse reuse = TextureReuse::Keep);
    void play(
        const DrawCommand& command, float offset_x = 0, float offset_y = 0, TextureReuse reuse = TextureReuse::Keep);

    // Makes `image` ready to draw as play() would draw it, without drawing: decoding and
    // resampling (tens of milliseconds, and the decoded picture's memory for a moment) run on
    // a thread of their own. Returns false while that is under way (call again, e.g. next
    // frame), true once the image is cached (or known broken, or not drawable). A preloaded
    // image stays cached until it is drawn; play() waits for a decoding still under way.
    bool preload(const ImageDraw& image, float offset_x = 0, float offset_y = 0);

    // Bytes of texture memory held by the cache (4 bytes a pixel); stays at or under the budget
    // except while one single texture is larger than the whole budget.
    std::size_t cached_bytes() const { return m_cached_bytes; }
    std::size_t cache_budget() const { return m_budget; }
    void set_cache_budget(std::size_t bytes);
    std::size_t cached_textures() const { return m_entries.size(); }
    // Overrides the texture size limit the renderer reports (0: none); text runs wider than
    // the limit are drawn in pieces. For tests, and for drivers that misreport their limit.
    void set_max_texture_width(int pixels) { m_max_texture_width = pixels; }

    // Drops every cached texture (e.g. after a content update replaced images on disk).
    void clear();
    // Drops the textures not drawn since the previous call (but preloaded images not drawn
    // yet): called once a second, it keeps what every frame draws and lets go of the last
    // second's clock text, and of a slide's pictures, at once rather than when the budget
    // fills up.
    void drop_unused();

    // Refused image dimensions: a larger file draws the placeholder instead.
    static constexpr int max_image_side = 8192;
    static constexpr long long max_image_pixels = 64ll * 1024 * 1024;

private:
    struct Entry {
        std::string key;
        UniqueTexture texture;
        int width = 0, height = 0;
        int origin_x = 0; // text: the pen position inside the texture (a left overhang moves it right)
        int origin_y = 0; // text: how far a glyph taller than the ascent pushed the baseline down
        std::size_t bytes = 0;
        unsigned generation = 0;    // m_generation when last drawn
        bool awaiting_draw = false; // preloaded and not drawn yet: drop_unused() leaves it
    };
    // An image decoded and resampled to the size drawn, off the render thread.
    struct DecodedImage {
        UniqueSurface pixels; // null: `problem` says why
        std::string problem;
    };
    static DecodedImage decode_image(const ImageDraw& image, SDL_Rect box);
    std::optional<Entry> image_texture(const ImageDraw& image, DecodedImage decoded, std::string key);
    static std::string image_key(const ImageDraw& image, SDL_Rect box);
    using EntryList = std::list<Entry>;

    void draw_fill(const FillRect&, float dx, float dy);
    void draw_text(const TextRun&, float dx, float dy, TextureReuse reuse);
    void draw_image(const ImageDraw&, float dx, float dy);
    Entry* cached_image(const ImageDraw& image, SDL_Rect box);
    void draw_line(const LineDraw&, float dx, float dy);
    void draw_placeholder(SDL_Rect box);
    void draw_text_piece(
        std::string_view text, FontSpec font, Color color, float x, float top, int depth, TextureReuse reuse);

    Entry* find(const std::string& key);
    Entry* insert(Entry entry);
    void evict_to(std::size_t budget);
    SDL_Texture* corner_texture(int radius);
    void warn_once(const std::string& path, const std::string& problem);
    std::optional<Entry> make_text_entry(std::string_view text, FontSpec font, std::string key);

    SDL_Renderer* m_renderer = nullptr;
    FontSet& m_fonts;
    std::size_t m_budget = default_cache_budget;
    std::size_t m_cached_bytes = 0;
    unsigned m_generation = 0;
    int m_max_texture_width = 0; // 0: no limit reported by the renderer
    int m_max_texture_height = 0;
    EntryList m_lru; // most recently used first
    std::unordered_map<std::string, EntryList::iterator> m_entries;
    std::unordered_set<std::string> m_broken_images;                       // not retried until clear()
    std::unordered_set<std::string> m_warned_paths;                        // one warning per path for the player's life
    std::unordered_map<std::string, std::future<DecodedImage>> m_decoding; // preloads under way, by cache key
};

} // namespace hallboard
