// DisplayListPlayer: draw-command playback and the byte-bounded LRU texture cache.
#include "player/render/display_list_player.h"

#include "base/log.h"
#include "base/utf8.h"
#include "player/render/exif_orientation.h"
#include "player/render/font_set.h"
#include "player/render/image_fit.h"
#include "player/render/image_probe.h"
#include "player/render/image_scale.h"
#include "player/render/shapes.h"
#include "player/render/sdl_handles.h"

#include <SDL_image.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <system_error>
#include <type_traits>

namespace hallboard {

namespace {

int snap(float value)
{
    return static_cast<int>(std::lround(value));
}

// Rectangles snap edge by edge, so abutting boxes in the display list stay abutting on screen.
SDL_Rect snap_rect(Rect rect, float dx, float dy)
{
    int const x0 = snap(rect.x + dx);
    int const y0 = snap(rect.y + dy);
    return SDL_Rect { x0, y0, snap(rect.right() + dx) - x0, snap(rect.bottom() + dy) - y0 };
}

std::string text_key(std::string_view text, FontSpec font)
{
    std::string key = font.weight == FontWeight::Bold ? "tb" : "tr";
    key += std::to_string(font.pixel_size);
    key += '|';
    key += text;
    return key;
}

// Calls f with each code point of UTF-8 text (an invalid byte as U+FFFD, as base/utf8 decodes it).
template <typename F>
void for_each_code_point(std::string_view utf8, F f)
{
    for (std::size_t offset = 0; offset < utf8.size();) {
        auto const decoded = decode_utf8(utf8, offset);
        f(static_cast<Uint32>(decoded.code_point));
        offset += decoded.length;
    }
}

Uint32 first_code_point(std::string_view utf8)
{
    return utf8.empty() ? 0 : static_cast<Uint32>(decode_utf8(utf8, 0).code_point);
}

constexpr Color placeholder_fill { 0xDD, 0xE0, 0xE4, 0xFF };
constexpr Color placeholder_line { 0x8C, 0x93, 0x9C, 0xFF };

} // namespace

DisplayListPlayer::DisplayListPlayer(SDL_Renderer* renderer, FontSet& fonts, std::size_t cache_budget_bytes)
    : m_renderer(renderer)
    , m_fonts(fonts)
    , m_budget(cache_budget_bytes)
{
    SDL_RendererInfo info {};
    if (m_renderer && SDL_GetRendererInfo(m_renderer, &info) == 0) {
        m_max_texture_width = info.max_texture_width;
        m_max_texture_height = info.max_texture_height;
    }
}

DisplayListPlayer::~DisplayListPlayer()
{
    clear();
}

void DisplayListPlayer::clear()
{
    for (auto& [key, decoding] : m_decoding)
        decoding.wait(); // a preload under way; what it decoded is freed with it
    m_decoding.clear();
    m_lru.clear();
    m_entries.clear();
    m_broken_images.clear();
    m_cached_bytes = 0;
}

void DisplayListPlayer::set_cache_budget(std::size_t bytes)
{
    m_budget = bytes;
    evict_to(m_budget);
}

void DisplayListPlayer::drop_unused()
{
    for (auto it = m_lru.begin(); it != m_lru.end();) {
        if (it->generation == m_generation || it->awaiting_draw) {
            ++it;
            continue;
        }
        m_cached_bytes -= it->bytes;
        m_entries.erase(it->key);
        it = m_lru.erase(it);
    }
    ++m_generation;
}

DisplayListPlayer::Entry* DisplayListPlayer::find(const std::string& key)
{
    auto it = m_entries.find(key);
    if (it == m_entries.end())
        return nullptr;
    m_lru.splice(m_lru.begin(), m_lru, it->second);
    it->second->generation = m_generation;
    return &*it->second;
}

DisplayListPlayer::Entry* DisplayListPlayer::insert(Entry entry)
{
    entry.bytes = static_cast<std::size_t>(entry.width) * static_cast<std::size_t>(entry.height) * 4;
    entry.generation = m_generation;
    m_cached_bytes += entry.bytes;
    m_lru.push_front(std::move(entry));
    m_entries[m_lru.front().key] = m_lru.begin();
    evict_to(m_budget);
    return &m_lru.front();
}

void DisplayListPlayer::evict_to(std::size_t budget)
{
    // The newest entry stays even when over budget: it is about to be drawn.
    while (m_cached_bytes > budget && m_lru.size() > 1) {
        Entry& victim = m_lru.back();
        m_cached_bytes -= victim.bytes;
        m_entries.erase(victim.key);
        m_lru.pop_back();
    }
}

void DisplayListPlayer::play(const DisplayList& list, float offset_x, float offset_y, TextureReuse reuse)
{
    for (DrawCommand const& command : list.commands)
        play(command, offset_x, offset_y, reuse);
}

void DisplayListPlayer::play(const DrawCommand& command, float offset_x, float offset_y, TextureReuse reuse)
{
    if (!m_renderer)
        return;
    SDL_SetRenderDrawBlendMode(m_renderer, SDL_BLENDMODE_BLEND);
    std::visit(
        [&](auto const& draw) {
            using T = std::decay_t<decltype(draw)>;
            if constexpr (std::is_same_v<T, FillRect>)
                draw_fill(draw, offset_x, offset_y);
            else if constexpr (std::is_same_v<T, TextRun>)
                draw_text(draw, offset_x, offset_y, reuse);
            else if constexpr (std::is_same_v<T, ImageDraw>)
                draw_image(draw, offset_x, offset_y);
            else
                draw_line(draw, offset_x, offset_y);
        },
        command);
}

// ---- Rectangles -------------------------------------------------------------------------

SDL_Texture* DisplayListPlayer::corner_texture(int radius)
{
    std::string key = "c" + std::to_string(radius);
    if (Entry* entry = find(key))
        return entry->texture.get();
    UniqueSurface disc = make_disc_mask(radius);
    if (!disc)
        return nullptr;
    UniqueTexture texture(SDL_CreateTextureFromSurface(m_renderer, disc.get()));
    if (!texture)
        return nullptr;
    SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
    return insert(Entry { std::move(key), std::move(texture), 2 * radius, 2 * radius })->texture.get();
}

void DisplayListPlayer::draw_fill(const FillRect& fill, float dx, float dy)
{
    SDL_Rect const box = snap_rect(fill.rect, dx, dy);
    if (box.w <= 0 || box.h <= 0 || fill.color.a == 0)
        return;
    Color const c = fill.color;
    SDL_SetRenderDrawColor(m_renderer, c.r, c.g, c.b, c.a);
    int const radius = std::min(snap(fill.corner_radius), std::min(box.w, box.h) / 2);
    SDL_Texture* corner = radius >= 1 ? corner_texture(radius) : nullptr;
    if (!corner) {
        SDL_RenderFillRect(m_renderer, &box);
        return;
    }
    // Four anti-aliased quarter discs, and three rectangles that do not overlap them or each
    // other, so translucent colours blend evenly.
    SDL_SetTextureColorMod(corner, c.r, c.g, c.b);
    SDL_SetTextureAlphaMod(corner, c.a);
    int const r = radius;
    int const right = box.x + box.w;
    int const bottom = box.y + box.h;
    SDL_Rect const quarters[4][2] = {
        { { 0, 0, r, r }, { box.x, box.y, r, r } },
        { { r, 0, r, r }, { right - r, box.y, r, r } },
        { { 0, r, r, r }, { box.x, bottom - r, r, r } },
        { { r, r, r, r }, { right - r, bottom - r, r, r } },
    };
    for (auto const& quarter : quarters)
        SDL_RenderCopy(m_renderer, corner, &quarter[0], &quarter[1]);
    SDL_Rect const middle { box.x + r, box.y, box.w - 2 * r, box.h };
    if (middle.w > 0)
        SDL_RenderFillRect(m_renderer, &middle);
    if (box.h > 2 * r) {
        SDL_Rect const left { box.x, box.y + r, r, box.h - 2 * r };
        SDL_Rect const right_side { right - r, box.y + r, r, box.h - 2 * r };
        SDL_RenderFillRect(m_renderer, &left);
        SDL_RenderFillRect(m_renderer, &right_side);
    }
}

// ---- Text -------------------------------------------------------------------------------

std::optional<DisplayListPlayer::Entry> DisplayListPlayer::make_text_entry(
    std::string_view text, FontSpec font, std::string key)
{
    TTF_Font* ttf = m_fonts.font(font);
    if (!ttf)
        return std::nullopt;
    // Rendered white and tinted per draw, so one texture serves every colour of the same text.
    std::string const terminated(text);
    UniqueSurface surface(TTF_RenderUTF8_Blended(ttf, terminated.c_str(), SDL_Color { 255, 255, 255, 255 }));
    if (!surface) {
        log_debug(std::string("cannot render text: ") + TTF_GetError());
        return std::nullopt;
    }
    UniqueTexture texture(SDL_CreateTextureFromSurface(m_renderer, surface.get()));
    int const width = surface->w;
    int const height = surface->h;
    surface.reset();
    if (!texture) {
        log_debug(std::string("cannot create a text texture: ") + SDL_GetError());
        return std::nullopt;
    }
    SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
    Entry entry { std::move(key), std::move(texture), width, height };
    // SDL_ttf widens the surface leftwards for a first glyph overhanging its pen position
    // (j, italics) and upwards for a glyph taller than the font's ascent; undo both so the
    // run's x stays the pen position and its baseline stays at the ascent.
    int min_x = 0;
    if (TTF_GlyphMetrics32(ttf, first_code_point(text), &min_x, nullptr, nullptr, nullptr, nullptr) == 0 && min_x < 0)
        entry.origin_x = -min_x;
    if (height > TTF_FontHeight(ttf)) {
        int const ascent = TTF_FontAscent(ttf);
        for_each_code_point(text, [&](Uint32 code_point) {
            int max_y = 0;
            if (TTF_GlyphMetrics32(ttf, code_point, nullptr, nullptr, nullptr, &max_y, nullptr) == 0)
                entry.origin_y = std::max(entry.origin_y, max_y - ascent);
        });
    }
    return entry;
}

void DisplayListPlayer::draw_text_piece(
    std::string_view text, FontSpec font, Color color, float x, float top, int depth, TextureReuse reuse)
{
    if (text.empty())
        return;
    // A run wider than the renderer's largest texture (a long ticker) is drawn in halves,
    // each at the advance of what precedes it.
    bool const too_wide
        = m_max_texture_width > 0 && m_fonts.width(text, font) > static_cast<float>(m_max_texture_width);
    if (too_wide && depth < 16) {
        std::size_t const middle = code_point_boundary_at_or_before(text, text.size() / 2);
        if (middle > 0) {
            std::string_view const first = text.substr(0, middle);
            draw_text_piece(first, font, color, x, top, depth + 1, reuse);
            draw_text_piece(text.substr(middle), font, color, x + m_fonts.width(first, font), top, depth + 1, reuse);
            return;
        }
    }
    std::string key = text_key(text, font);
    Entry* entry = find(key);
    std::optional<Entry> once;
    if (!entry) {
        once = make_text_entry(text, font, std::move(key));
        if (!once)
            return;
        if (reuse == TextureReuse::Keep) {
            entry = insert(std::move(*once));
            once.reset();
        } else {
            entry = &*once;
        }
    }
    SDL_SetTextureColorMod(entry->texture.get(), color.r, color.g, color.b);
    SDL_SetTextureAlphaMod(entry->texture.get(), color.a);
    SDL_Rect const dst { snap(x) - entry->origin_x, snap(top) - entry->origin_y, entry->width, entry->height };
    SDL_RenderCopy(m_renderer, entry->texture.get(), nullptr, &dst);
    once.reset(); // a batching renderer draws it first
}

void DisplayListPlayer::draw_text(const TextRun& run, float dx, float dy, TextureReuse reuse)
{
    if (run.text.empty() || run.color.a == 0)
        return;
    // Whole pixels for the pen position and the baseline keep glyph edges as SDL_ttf drew them.
    float const top = static_cast<float>(snap(run.baseline + dy)) - m_fonts.surface_ascent(run.font);
    draw_text_piece(run.text, run.font, run.color, static_cast<float>(snap(run.x + dx)), top, 0, reuse);
}

// ---- Images -----------------------------------------------------------------------------

void DisplayListPlayer::warn_once(const std::string& path, const std::string& problem)
{
    if (m_warned_paths.insert(path).second)
        log_warning("image " + path + ": " + problem + "; drawing a placeholder");
}

std::string DisplayListPlayer::image_key(const ImageDraw& image, SDL_Rect box)
{
    return (image.fit == ImageFit::Cover ? "iv" : "in") + std::to_string(box.w) + "x" + std::to_string(box.h) + "|"
        + image.path;
}

// Touches no member: runs on a preload thread as well as on the render thread.
DisplayListPlayer::DecodedImage DisplayListPlayer::decode_image(const ImageDraw& image, SDL_Rect box)
{
    auto too_large = [](long long width, long long height) {
        return width > max_image_side || height > max_image_side || width * height > max_image_pixels;
    };
    std::optional<ImageProbe> probe = probe_image(image.path);
    if (!probe)
        return { nullptr, "cannot open the file" };
    if (probe->size
        && (probe->size->width <= 0 || probe->size->height <= 0 || too_large(probe->size->width, probe->size->height)))
        return { nullptr,
            "refused: " + std::to_string(probe->size->width) + "x" + std::to_string(probe->size->height)
                + " px is larger than " + std::to_string(max_image_side) + " px a side or 64 Mpixel" };
    UniqueSurface decoded(IMG_Load(image.path.c_str()));
    if (!decoded)
        return { nullptr, std::string("cannot decode: ") + IMG_GetError() };
    if (too_large(decoded->w, decoded->h))
        return { nullptr, "refused: larger than " + std::to_string(max_image_side) + " px a side or 64 Mpixel" };

    // Resample once to the size drawn: sharp at any scale, and the cache holds screen-sized
    // textures rather than camera-sized ones. A phone photo stored sideways (EXIF orientation)
    // is fitted as shown, resampled as stored, and turned upright only once screen-sized: turning
    // the decoded photo would cost a second camera-sized copy.
    int const orientation = probe->orientation;
    bool const sideways = orientation_swaps_sides(orientation);
    ImageFitGeometry const geometry
        = fit_image(sideways ? decoded->h : decoded->w, sideways ? decoded->w : decoded->h, box.w, box.h, image.fit);
    UniqueSurface scaled
        = resample_surface(decoded.get(), stored_rect(geometry.source, decoded->w, decoded->h, orientation),
            sideways ? geometry.height : geometry.width, sideways ? geometry.width : geometry.height);
    decoded.reset(); // the camera-sized copy goes before the upright one is made
    if (!scaled)
        return { nullptr, std::string("cannot scale: ") + SDL_GetError() };
    if (orientation != upright_orientation) {
        UniqueSurface upright = upright_surface(scaled.get(), orientation);
        scaled.reset();
        if (!upright)
            return { nullptr, std::string("cannot turn upright: ") + SDL_GetError() };
        scaled = std::move(upright);
    }
    return { std::move(scaled), {} };
}

std::optional<DisplayListPlayer::Entry> DisplayListPlayer::image_texture(
    const ImageDraw& image, DecodedImage decoded, std::string key)
{
    auto refuse = [&](const std::string& problem) -> std::optional<Entry> {
        warn_once(image.path, problem);
        m_broken_images.insert(image.path);
        return std::nullopt;
    };
    if (!decoded.pixels)
        return refuse(decoded.problem);
    UniqueTexture texture(SDL_CreateTextureFromSurface(m_renderer, decoded.pixels.get()));
    int const width = decoded.pixels->w;
    int const height = decoded.pixels->h;
    decoded.pixels.reset();
    if (!texture)
        return refuse(std::string("cannot create a texture: ") + SDL_GetError());
    SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
    return Entry { std::move(key), std::move(texture), width, height };
}

void DisplayListPlayer::draw_placeholder(SDL_Rect box)
{
    auto const fx = static_cast<float>(box.x);
    auto const fy = static_cast<float>(box.y);
    auto const fw = static_cast<float>(box.w);
    auto const fh = static_cast<float>(box.h);
    draw_fill(FillRect { Rect { fx, fy, fw, fh }, placeholder_fill, 0 }, 0, 0);
    float const border = std::clamp(std::min(fw, fh) / 100.f, 1.f, 3.f);
    SDL_SetRenderDrawColor(m_renderer, placeholder_line.r, placeholder_line.g, placeholder_line.b, placeholder_line.a);
    int const b = snap(border);
    SDL_Rect const edges[4] = {
        { box.x, box.y, box.w, b },
        { box.x, box.y + box.h - b, box.w, b },
        { box.x, box.y + b, b, box.h - 2 * b },
        { box.x + box.w - b, box.y + b, b, box.h - 2 * b },
    };
    SDL_RenderFillRects(m_renderer, edges, 4);
    draw_line(LineDraw { fx, fy, fx + fw, fy + fh, border, placeholder_line, false }, 0, 0);
    draw_line(LineDraw { fx + fw, fy, fx, fy + fh, border, placeholder_line, false }, 0, 0);
}

DisplayListPlayer::Entry* DisplayListPlayer::cached_image(const ImageDraw& image, SDL_Rect box)
{
    std::string key = image_key(image, box);
    if (Entry* entry = find(key))
        return entry;
    if (auto decoding = m_decoding.find(key); decoding != m_decoding.end()) {
        DecodedImage decoded = decoding->second.get(); // a preload under way: wait for it
        m_decoding.erase(decoding);
        auto made = image_texture(image, std::move(decoded), std::move(key));
        return made ? insert(std::move(*made)) : nullptr;
    }
    if (m_broken_images.count(image.path))
        return nullptr;
    auto made = image_texture(image, decode_image(image, box), std::move(key));
    return made ? insert(std::move(*made)) : nullptr;
}

bool DisplayListPlayer::preload(const ImageDraw& image, float offset_x, float offset_y)
{
    SDL_Rect const box = snap_rect(image.rect, offset_x, offset_y);
    if (!m_renderer || box.w <= 0 || box.h <= 0 || m_broken_images.count(image.path))
        return true;
    std::string key = image_key(image, box);
    if (Entry* entry = find(key)) {
        entry->awaiting_draw = true;
        return true;
    }
    auto decoding = m_decoding.find(key);
    if (decoding == m_decoding.end()) {
        try {
            m_decoding.emplace(key, std::async(std::launch::async, decode_image, image, box));
            return false;
        } catch (std::system_error const&) {
            // No thread to be had: decode here and now.
            auto made = image_texture(image, decode_image(image, box), std::move(key));
            if (made)
                insert(std::move(*made))->awaiting_draw = true;
            return true;
        }
    }
    if (decoding->second.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return false;
    DecodedImage decoded = decoding->second.get();
    m_decoding.erase(decoding);
    if (auto made = image_texture(image, std::move(decoded), std::move(key)))
        insert(std::move(*made))->awaiting_draw = true;
    return true;
}

void DisplayListPlayer::draw_image(const ImageDraw& image, float dx, float dy)
{
    SDL_Rect const box = snap_rect(image.rect, dx, dy);
    if (box.w <= 0 || box.h <= 0)
        return;
    Entry* entry = cached_image(image, box);
    if (!entry || !entry->texture) {
        draw_placeholder(box);
        return;
    }
    entry->awaiting_draw = false;
    // Contain leaves bands: the texture is centred in the box. Cover fills it exactly.
    SDL_Rect const dst { box.x + (box.w - entry->width) / 2, box.y + (box.h - entry->height) / 2, entry->width,
        entry->height };
    SDL_RenderCopy(m_renderer, entry->texture.get(), nullptr, &dst);
}

// ---- Lines ------------------------------------------------------------------------------

void DisplayListPlayer::draw_line(const LineDraw& line, float dx, float dy)
{
    if (line.color.a == 0)
        return;
    LineGeometry const geometry = line_geometry(line, dx, dy);
    if (geometry.shaft_rect) {
        Color const c = geometry.shaft_color;
        SDL_SetRenderDrawColor(m_renderer, c.r, c.g, c.b, c.a);
        SDL_RenderFillRect(m_renderer, &*geometry.shaft_rect);
    }
    if (!geometry.triangles.vertices.empty()) {
        SDL_RenderGeometry(m_renderer, nullptr, geometry.triangles.vertices.data(),
            static_cast<int>(geometry.triangles.vertices.size()), geometry.triangles.indices.data(),
            static_cast<int>(geometry.triangles.indices.size()));
    }
}

} // namespace hallboard
