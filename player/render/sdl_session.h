// RAII start-up and shut-down of SDL, SDL_ttf and SDL_image for the whole process.
#pragma once

#include <memory>

namespace hallboard {

enum class SdlVideo {
    Required,  // a window will be opened (the player)
    NotNeeded, // offscreen rendering only (render/bench commands, tests): no video driver touched
};

// Sessions nest: the first one initialises the libraries, the last one destroyed shuts them
// down. Keep the session alive longer than every FontSet, DisplayListPlayer, OffscreenCanvas
// and SDL_Renderer. Not thread-safe: create and destroy on the main thread.
class SdlSession {
public:
    // Returns nullptr (and logs why) when SDL, SDL_ttf or the video subsystem cannot start.
    static std::unique_ptr<SdlSession> start(SdlVideo video = SdlVideo::Required);
    ~SdlSession();

    SdlSession(const SdlSession&) = delete;
    SdlSession& operator=(const SdlSession&) = delete;

    bool has_video() const { return m_video; }

private:
    explicit SdlSession(bool video)
        : m_video(video)
    {
    }
    bool m_video = false;
};

} // namespace hallboard
