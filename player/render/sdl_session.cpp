// Reference-counted initialisation of SDL, SDL_ttf and SDL_image.
#include "player/render/sdl_session.h"

#include "base/log.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>

#include <string>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace hallboard {

namespace {
int g_sessions = 0; // SDL_image has no reference count of its own, so the libraries share ours
}

std::unique_ptr<SdlSession> SdlSession::start(SdlVideo video)
{
    if (g_sessions == 0) {
#ifdef __GLIBC__
        // Rendering makes and frees pictures of several MB (slide pages, decoded images, text
        // surfaces) all the time. By default glibc raises its mmap threshold after the first
        // such block is freed, so later ones come from the heap, where freed space stays
        // resident between them: 10-15 MB more resident memory after a few rotations. A fixed
        // threshold keeps every large block in a mapping of its own, returned when freed.
        mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
        if (SDL_Init(0) != 0) {
            log_error(std::string("SDL could not start: ") + SDL_GetError());
            return nullptr;
        }
        if (TTF_Init() != 0) {
            log_error(std::string("SDL_ttf could not start: ") + TTF_GetError());
            SDL_Quit();
            return nullptr;
        }
        int const wanted = IMG_INIT_PNG | IMG_INIT_JPG;
        int const loaded = IMG_Init(wanted);
        if ((loaded & wanted) != wanted)
            log_warning(std::string("SDL_image lacks PNG or JPEG support: ") + IMG_GetError());
    }
    bool const with_video = video == SdlVideo::Required;
    // SDL counts subsystem initialisations itself, so each session balances its own.
    if (with_video && SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
        log_error(std::string("SDL video could not start: ") + SDL_GetError());
        if (g_sessions == 0) {
            IMG_Quit();
            TTF_Quit();
            SDL_Quit();
        }
        return nullptr;
    }
    ++g_sessions;
    return std::unique_ptr<SdlSession>(new SdlSession(with_video));
}

SdlSession::~SdlSession()
{
    if (m_video)
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
    if (--g_sessions == 0) {
        IMG_Quit();
        TTF_Quit();
        SDL_Quit();
    }
}

} // namespace hallboard
