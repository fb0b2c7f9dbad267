// Counts the SDL textures the player holds, so that a long run can show that none leak
// (`play` logs the count with its daily figures).
#pragma once

#include <SDL.h>

namespace hallboard {

// Every texture the player makes goes through counted(); every one it lets go through
// destroy_texture(). Null is passed through and not counted.
SDL_Texture* counted(SDL_Texture* texture);
void destroy_texture(SDL_Texture* texture);

// Textures made and not yet destroyed, in this process.
long live_textures();

} // namespace hallboard
