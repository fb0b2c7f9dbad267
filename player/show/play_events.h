// The SDL events the play loop acts on: the ways to stop it, and the wake-ups other threads send.
#pragma once

#include <SDL.h>

#include <functional>

namespace hallboard {

// Made on the main thread after SDL started (it registers two event types); the wake
// functions it hands out may be called on any thread.
class PlayEvents {
public:
    PlayEvents();

    // Window closed, Esc or Q pressed, or SIGTERM/SIGINT, which SDL turns into SDL_QUIT: a
    // service stop ends the loop as cleanly as a key does.
    static bool is_quit(const SDL_Event& event);
    // The sync thread has a new content version waiting (ContentFeed's wake).
    bool is_new_content(const SDL_Event& event) const;

    // For the sync thread: wakes the loop to take a new version.
    std::function<void()> new_content_wake() const;
    // For the heartbeat sender's thread: wakes the loop to answer a thumbnail request (the loop
    // looks for requests each turn; the event only ends its sleep).
    std::function<void()> thumbnail_wake() const;

private:
    Uint32 m_new_content;
    Uint32 m_thumbnail;
};

} // namespace hallboard
