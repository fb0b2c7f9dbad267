// Sends the screen's heartbeat to its server every interval on a thread of its own, and a
// thumbnail when the server asks. A server that cannot be reached never holds up the screen.
#pragma once

#include "content/heartbeat/heartbeat.h"
#include "base/net/http_client.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>

namespace hallboard {

// What the screen reports about itself; the sender adds uptime, interval and the time sent.
struct HeartbeatSnapshot {
    std::string screen;        // screen.id
    std::string hall;          // screen.hall
    std::uint64_t version = 0; // content version on screen; 0 before any
    std::optional<std::string>
        current_notice;           // id of the notice on screen; none for the fallback slide or a blank screen
    SyncReport sync;              // the last content sync (Never with a local content source)
    std::vector<PlayTotal> plays; // PlayCounter::totals(): all of them; the sender sends what changed
};

struct HeartbeatSenderOptions {
    std::string server;                   // base URL (content.server); heartbeats go to <server>/api/heartbeat
    std::chrono::seconds interval { 60 }; // between heartbeats; the server calls a screen stale after three
    net::Timeouts timeouts { std::chrono::milliseconds(5000), std::chrono::milliseconds(10000),
        std::chrono::milliseconds(20000) };
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now(); // the player's start, for uptime
};

// Called on the sender's thread. Must be thread-safe with respect to the screen and return
// quickly (copy a few fields under a lock).
using SnapshotSource = std::function<HeartbeatSnapshot()>;
// Called on the sender's thread when the server asks for a thumbnail: PNG or JPEG bytes of
// what the screen shows (at most max_thumbnail_bytes; a few hundred pixels wide is plenty),
// or nullopt when none can be made. May block a few seconds (waiting for the render thread).
using ThumbnailSource = std::function<std::optional<std::string>()>;

enum class HeartbeatDelivery {
    NotYet,      // nothing sent yet
    Delivered,   // the last heartbeat was stored by the server
    Unreachable, // no answer: server down, network gone, timeout
    Refused,     // an answer other than 200 (a static server without /api/heartbeat answers 404 or 405)
};

struct HeartbeatSenderStatus {
    HeartbeatDelivery delivery = HeartbeatDelivery::NotYet;
    std::uint64_t attempts = 0;
    std::uint64_t delivered = 0;
    std::uint64_t thumbnails_sent = 0;
    std::string last_error; // empty after a delivery
};

// Lifecycle: construct, start(), and stop() (or destroy) when the player ends. Logs once when
// the delivery state changes (first delivery, server unreachable, refused, back again), not
// every interval.
class HeartbeatSender {
public:
    HeartbeatSender(HeartbeatSenderOptions options, SnapshotSource snapshot, ThumbnailSource thumbnail = {});
    ~HeartbeatSender();
    HeartbeatSender(const HeartbeatSender&) = delete;
    HeartbeatSender& operator=(const HeartbeatSender&) = delete;

    // The first heartbeat goes at once, then one every interval.
    void start();
    // Returns within about 100 ms: a request in flight is cancelled. Idempotent.
    void stop();
    // Sends the next heartbeat now rather than at the end of the interval (e.g. right after a
    // sync switched versions, so that admins see the screen current). Thread-safe.
    void send_now();

    HeartbeatSenderStatus status() const;

private:
    using PlayKey = std::pair<Date, std::string>;
    using PlayValue = std::pair<std::uint64_t, std::uint64_t>; // count, seconds

    void run();
    void send_one(net::HttpClient& client);
    Heartbeat build(const HeartbeatSnapshot& snapshot) const;
    void acknowledge(const HeartbeatSnapshot& snapshot, const Heartbeat& sent);
    void send_thumbnail(net::HttpClient& client, const std::string& screen);
    void note_delivery(HeartbeatDelivery delivery, const std::string& error);

    HeartbeatSenderOptions m_options;
    SnapshotSource m_snapshot;
    ThumbnailSource m_thumbnail;
    std::string m_heartbeat_url;

    std::thread m_thread;
    std::atomic<bool> m_stopping { false };
    mutable std::mutex m_mutex; // guards the wake flag and the status
    std::condition_variable m_wake;
    bool m_send_now = false;
    HeartbeatSenderStatus m_status;

    // Play totals the server has stored (only the sender's thread touches these): a total
    // sent and unchanged since is not sent again, so a heartbeat stays small.
    std::map<PlayKey, PlayValue> m_acknowledged;
    bool m_thumbnail_failure_logged = false;
};

} // namespace hallboard
