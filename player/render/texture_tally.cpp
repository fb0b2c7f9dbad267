// The process-wide texture count, kept by UniqueTexture.
#include "player/render/texture_tally.h"

#include <atomic>

namespace hallboard {

namespace {
std::atomic<long> live { 0 };
}

UniqueTexture::UniqueTexture(SDL_Texture* texture)
    : m_texture(texture)
{
    if (m_texture)
        live.fetch_add(1, std::memory_order_relaxed);
}

void UniqueTexture::reset()
{
    SDL_Texture* texture = std::exchange(m_texture, nullptr);
    if (!texture)
        return;
    live.fetch_sub(1, std::memory_order_relaxed);
    SDL_DestroyTexture(texture);
}

long live_textures()
{
    return live.load(std::memory_order_relaxed);
}

} // namespace hallboard
