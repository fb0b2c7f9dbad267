// Owned SDL textures, and their count, so that a long run can show that none leak (`play`
// logs the count with its daily figures).
#pragma once

#include <SDL.h>

#include <cstddef>
#include <utility>

namespace hallboard {

// The only owner of the player's textures. It counts a texture when it takes it and uncounts
// it when it destroys it, so no call site can leave the count wrong. Move-only; there is no
// release(), since a texture let go of would stay counted. Destroy it before its renderer.
class UniqueTexture {
public:
    UniqueTexture() = default;
    // Takes `texture` and counts it; null (a failed SDL_CreateTexture) is held and not counted.
    explicit UniqueTexture(SDL_Texture* texture);
    UniqueTexture(UniqueTexture&& other) noexcept
        : m_texture(std::exchange(other.m_texture, nullptr))
    {
    }
    UniqueTexture& operator=(UniqueTexture&& other) noexcept
    {
        if (this != &other) {
            reset();
            m_texture = std::exchange(other.m_texture, nullptr);
        }
        return *this;
    }
    UniqueTexture(const UniqueTexture&) = delete;
    UniqueTexture& operator=(const UniqueTexture&) = delete;
    ~UniqueTexture() { reset(); }

    SDL_Texture* get() const { return m_texture; }
    explicit operator bool() const { return m_texture != nullptr; }
    bool operator==(std::nullptr_t) const { return m_texture == nullptr; }
    // Destroys the texture now (and uncounts it); empty afterwards.
    void reset();

private:
    SDL_Texture* m_texture = nullptr;
};

// Textures held by UniqueTextures, in this process.
long live_textures();

} // namespace hallboard
