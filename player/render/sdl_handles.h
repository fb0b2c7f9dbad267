// Owned SDL handles: each frees itself when its owner goes, so no function frees one by hand.
#pragma once

#include "player/render/texture_tally.h"

#include <SDL.h>
#include <SDL_ttf.h>

#include <memory>

namespace hallboard {

struct SurfaceFree {
    void operator()(SDL_Surface* surface) const { SDL_FreeSurface(surface); }
};
struct RendererDestroy {
    void operator()(SDL_Renderer* renderer) const { SDL_DestroyRenderer(renderer); }
};
struct WindowDestroy {
    void operator()(SDL_Window* window) const { SDL_DestroyWindow(window); }
};
struct FontClose {
    void operator()(TTF_Font* font) const { TTF_CloseFont(font); }
};

using UniqueSurface = std::unique_ptr<SDL_Surface, SurfaceFree>;
// Destroy a renderer after everything made with it: its textures die with it.
using UniqueRenderer = std::unique_ptr<SDL_Renderer, RendererDestroy>;
using UniqueWindow = std::unique_ptr<SDL_Window, WindowDestroy>;
using UniqueFont = std::unique_ptr<TTF_Font, FontClose>;

// UniqueTexture, the one owned type that also keeps a count, is in texture_tally.h.

} // namespace hallboard
