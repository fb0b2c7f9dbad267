// Handing a thumbnail request from the heartbeat sender's thread to the render thread (the
// only one that may read the screen's pixels) and the picture back.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

namespace hallboard {

// Called on the requesting thread, after the request is pending and outside any lock: it must
// make the render thread look soon (the player pushes an SDL event so a loop sleeping in
// SDL_WaitEventTimeout wakes). Thread-safe itself, quick, and may even answer at once.
using ThumbnailWake = std::function<void()>;

// One requester (the sender's thread) and one answerer (the render thread):
//
//   sender:  auto png = exchange.request(3s);       // a ThumbnailSource
//   render:  if (exchange.pending())                // each loop turn, between frames
//                exchange.fulfil(capture_thumbnail_png(renderer));
//
// An answer goes only to the request that pending() reported: a picture taken for a request
// that timed out meanwhile is dropped, never handed to the next request (each request has a
// serial number). Requests do not queue: a second request while one is waiting supersedes it,
// and the first then gets nothing. All members are thread-safe.
class ThumbnailExchange {
public:
    explicit ThumbnailExchange(ThumbnailWake wake = {});
    ThumbnailExchange(const ThumbnailExchange&) = delete;
    ThumbnailExchange& operator=(const ThumbnailExchange&) = delete;

    // Sender's thread: asks for a picture and waits up to `timeout` for it. nullopt when the
    // render thread answered with none, did not answer in time, or after shut_down().
    std::optional<std::string> request(std::chrono::milliseconds timeout);

    // Render thread: whether a request waits for an answer. A true answer also tells the
    // exchange which request the coming fulfil() answers, so call it first, every time.
    bool pending() const;

    // Render thread: answers the request pending() last reported (nullopt: no picture could be
    // made, the requester stops waiting at once). Returns false, dropping the picture, when
    // that request is no longer waiting: it timed out, was superseded, or none was pending.
    bool fulfil(std::optional<std::string> picture);

    // The player is stopping: a waiting request returns nullopt at once, and so does every
    // later one, without calling the wake callback (the render loop may be gone). Idempotent.
    void shut_down();

private:
    ThumbnailWake m_wake;
    mutable std::mutex m_mutex;
    std::condition_variable m_answered;
    std::uint64_t m_serial = 0;        // the latest request's; 0 before any
    bool m_waiting = false;            // the latest request waits for its answer
    mutable std::uint64_t m_seen = 0;  // the request pending() last reported
    std::uint64_t m_answer_serial = 0; // the request m_answer answers
    std::optional<std::string> m_answer;
    bool m_shut_down = false;
};

} // namespace hallboard
