// Building the ticker strip's tiles, and copying them to where the scroll puts them.
#include "player/screen/ticker_strip.h"

#include "base/log.h"
#include "player/render/sdl_handles.h"

#include <algorithm>
#include <cmath>

namespace hallboard {

TickerStrip::TickerStrip(SDL_Renderer* renderer, DisplayListPlayer& player)
    : m_renderer(renderer)
    , m_player(player)
{
}

TickerStrip::~TickerStrip()
{
    release();
}

void TickerStrip::release()
{
    m_tiles.clear();
    m_bytes = 0;
    m_cycle = 0;
    m_strip_width = 0;
}

void TickerStrip::build(const ScreenGeometry& geometry, const Theme& theme, const TickerLayout& ticker,
    const std::string& text, TickerPositions positions)
{
    release();
    m_bar = geometry.ticker;
    m_background = theme.ticker_background;
    m_positions = positions;
    if (text.empty() || ticker.cycle_width <= 0 || m_bar.h < 1)
        return;
    m_cycle = ticker.cycle_width;
    m_strip_width = static_cast<int>(std::ceil(ticker.cycle_width));
    int const height = static_cast<int>(std::lround(m_bar.h));

    SDL_RendererInfo info {};
    int tile_limit = max_tile_width;
    if (SDL_GetRendererInfo(m_renderer, &info) == 0 && info.max_texture_width > 0)
        tile_limit = std::min(tile_limit, info.max_texture_width);

    SDL_Texture* previous_target = SDL_GetRenderTarget(m_renderer);
    for (int x = 0; x < m_strip_width; x += tile_limit) {
        int const width = std::min(tile_limit, m_strip_width - x);
        // Opaque like the window surface: copying it is a plain blit (a memcpy in software).
        UniqueTexture texture(
            SDL_CreateTexture(m_renderer, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_TARGET, width, height));
        if (!texture) {
            log_error(std::string("cannot create the ticker strip: ") + SDL_GetError());
            release();
            break;
        }
        SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_NONE);
        if (positions == TickerPositions::SubPixel)
            SDL_SetTextureScaleMode(texture.get(), SDL_ScaleModeLinear);
        SDL_SetRenderTarget(m_renderer, texture.get());
        SDL_SetRenderDrawColor(m_renderer, m_background.r, m_background.g, m_background.b, 255);
        SDL_RenderClear(m_renderer);
        // The whole text, placed so that this tile's part lands in it; the rest is clipped.
        DisplayList list;
        list.text(static_cast<float>(-x), ticker.baseline - m_bar.y, text, ticker.font, theme.ticker_text);
        m_player.play(list, 0, 0, TextureReuse::DrawOnce);
        m_tiles.push_back(Tile { std::move(texture), x, width });
        m_bytes += static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4;
    }
    SDL_SetRenderTarget(m_renderer, previous_target);
}

void TickerStrip::draw(double first_x)
{
    auto const& bar = m_bar;
    SDL_SetRenderDrawBlendMode(m_renderer, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(m_renderer, m_background.r, m_background.g, m_background.b, 255);
    bool const whole = m_positions == TickerPositions::WholePixels;
    if (m_tiles.empty() || m_cycle <= 0) {
        SDL_FRect const all { bar.x, bar.y, bar.w, bar.h };
        SDL_RenderFillRectF(m_renderer, &all);
        return;
    }
    // Left of the first copy, before the text has come in once: background.
    if (first_x > 0) {
        double const right = std::min<double>(first_x, bar.w);
        if (whole) {
            SDL_Rect const before { static_cast<int>(bar.x), static_cast<int>(bar.y),
                static_cast<int>(std::lround(right)), static_cast<int>(std::lround(bar.h)) };
            SDL_RenderFillRect(m_renderer, &before);
        } else {
            SDL_FRect const before { bar.x, bar.y, static_cast<float>(right), bar.h };
            SDL_RenderFillRectF(m_renderer, &before);
        }
    }
    double const first_visible = std::ceil((-first_x - static_cast<double>(m_strip_width)) / m_cycle);
    for (double k = std::max(0.0, first_visible);; ++k) {
        // As layout_ticker places copies, so the picture is the one a text run would give.
        double const x = first_x + k * m_cycle;
        if (x >= static_cast<double>(bar.w))
            break;
        for (Tile const& tile : m_tiles) {
            double const tile_left = x + tile.x;
            if (tile_left + tile.width <= 0 || tile_left >= static_cast<double>(bar.w))
                continue;
            if (whole) {
                int const left = static_cast<int>(std::lround(static_cast<float>(x))) + tile.x;
                SDL_Rect const place { static_cast<int>(bar.x) + left, static_cast<int>(bar.y), tile.width,
                    static_cast<int>(std::lround(bar.h)) };
                SDL_RenderCopy(m_renderer, tile.texture.get(), nullptr, &place);
            } else {
                SDL_FRect const place { bar.x + static_cast<float>(x) + static_cast<float>(tile.x), bar.y,
                    static_cast<float>(tile.width), bar.h };
                SDL_RenderCopyF(m_renderer, tile.texture.get(), nullptr, &place);
            }
        }
    }
}

} // namespace hallboard
