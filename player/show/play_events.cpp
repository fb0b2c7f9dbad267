// Telling quit and wake-up events apart.
#include "player/show/play_events.h"

namespace hallboard {

namespace {

// SDL_RegisterEvents' answer when no event types are left.
constexpr Uint32 no_event_type = static_cast<Uint32>(-1);

std::function<void()> pusher(Uint32 type)
{
    return [type] {
        SDL_Event event {};
        event.type = type;
        SDL_PushEvent(&event);
    };
}

} // namespace

PlayEvents::PlayEvents()
    : m_new_content(SDL_RegisterEvents(1))
    , m_thumbnail(SDL_RegisterEvents(1))
{
}

bool PlayEvents::is_quit(const SDL_Event& event)
{
    if (event.type == SDL_QUIT)
        return true;
    return event.type == SDL_KEYDOWN && (event.key.keysym.sym == SDLK_ESCAPE || event.key.keysym.sym == SDLK_q);
}

bool PlayEvents::is_new_content(const SDL_Event& event) const
{
    return m_new_content != no_event_type && event.type == m_new_content;
}

std::function<void()> PlayEvents::new_content_wake() const
{
    return pusher(m_new_content);
}

std::function<void()> PlayEvents::thumbnail_wake() const
{
    return pusher(m_thumbnail);
}

} // namespace hallboard
