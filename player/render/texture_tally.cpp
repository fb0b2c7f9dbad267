// The process-wide texture count.
#include "player/render/texture_tally.h"

#include <atomic>

namespace hallboard {

namespace {
std::atomic<long> live { 0 };
}

SDL_Texture* counted(SDL_Texture* texture)
{
    if (texture)
        live.fetch_add(1, std::memory_order_relaxed);
    return texture;
}

void destroy_texture(SDL_Texture* texture)
{
    if (!texture)
        return;
    live.fetch_sub(1, std::memory_order_relaxed);
    SDL_DestroyTexture(texture);
}

long live_textures() { return live.load(std::memory_order_relaxed); }

} // namespace hallboard
