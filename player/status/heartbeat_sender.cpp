// The heartbeat thread: snapshot, POST, note the answer, send a thumbnail if asked, sleep.
#include "player/status/heartbeat_sender.h"

#include "base/utf8.h"

#include "content/publish/manifest.h"
#include "base/log.h"

#include <algorithm>
#include <set>

namespace hallboard {

namespace {

std::string describe_refusal(const net::Response& response)
{
    std::string text = "HTTP " + std::to_string(response.status);
    if (response.status == 404 || response.status == 405)
        return text + " (the server does not take heartbeats; is it a static server rather than `hallboard serve`?)";
    // Our server explains itself in {"error": "..."}; show the start of any body.
    auto body = std::string(truncate_utf8(response.body, 300));
    while (!body.empty() && (body.back() == '\n' || body.back() == '\r'))
        body.pop_back();
    return body.empty() ? text : text + ": " + body;
}

} // namespace

HeartbeatSender::HeartbeatSender(HeartbeatSenderOptions options, SnapshotSource snapshot, ThumbnailSource thumbnail)
    : m_options(std::move(options))
    , m_snapshot(std::move(snapshot))
    , m_thumbnail(std::move(thumbnail))
    , m_heartbeat_url(net::join_url(m_options.server, "api/heartbeat"))
{
    m_options.interval
        = std::clamp(m_options.interval, std::chrono::seconds(1), std::chrono::seconds(max_heartbeat_interval_s));
}

HeartbeatSender::~HeartbeatSender()
{
    stop();
}

void HeartbeatSender::start()
{
    if (m_thread.joinable() || m_stopping)
        return;
    m_thread = std::thread([this] { run(); });
}

void HeartbeatSender::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void HeartbeatSender::send_now()
{
    {
        std::lock_guard lock(m_mutex);
        m_send_now = true;
    }
    m_wake.notify_all();
}

HeartbeatSenderStatus HeartbeatSender::status() const
{
    std::lock_guard lock(m_mutex);
    return m_status;
}

void HeartbeatSender::run()
{
    net::HttpClient client; // one per thread; it keeps the connection alive between heartbeats
    while (!m_stopping) {
        send_one(client);
        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, m_options.interval, [this] { return m_stopping.load() || m_send_now; });
        m_send_now = false;
    }
}

Heartbeat HeartbeatSender::build(const HeartbeatSnapshot& snapshot) const
{
    Heartbeat heartbeat;
    heartbeat.screen = snapshot.screen;
    heartbeat.hall = snapshot.hall;
    heartbeat.version = snapshot.version;
    heartbeat.current_notice = snapshot.current_notice;
    heartbeat.sync = snapshot.sync;
    heartbeat.interval_s = static_cast<std::uint64_t>(m_options.interval.count());
    auto uptime = std::chrono::steady_clock::now() - m_options.started;
    heartbeat.uptime_s = static_cast<std::uint64_t>(
        std::max<long long>(0, std::chrono::duration_cast<std::chrono::seconds>(uptime).count()));
    heartbeat.sent_at = format_utc_timestamp(std::chrono::system_clock::now());
    for (auto const& play : snapshot.plays) {
        auto found = m_acknowledged.find({ play.date, play.notice });
        if (found == m_acknowledged.end() || found->second != PlayValue { play.count, play.seconds })
            heartbeat.plays.push_back(play);
    }
    fit_heartbeat_to_bounds(heartbeat);
    return heartbeat;
}

void HeartbeatSender::acknowledge(const HeartbeatSnapshot& snapshot, const Heartbeat& sent)
{
    for (auto const& play : sent.plays)
        m_acknowledged[{ play.date, play.notice }] = { play.count, play.seconds };
    // Forget what the counter no longer keeps, so this map stays as small as the counter.
    std::set<PlayKey> kept;
    for (auto const& play : snapshot.plays)
        kept.insert({ play.date, play.notice });
    std::erase_if(m_acknowledged, [&](auto const& entry) { return !kept.count(entry.first); });
}

void HeartbeatSender::send_one(net::HttpClient& client)
{
    HeartbeatSnapshot snapshot = m_snapshot();
    if (!is_valid_screen_id(snapshot.screen)) {
        note_delivery(HeartbeatDelivery::Refused, "the screen id '" + snapshot.screen + "' cannot be sent");
        return;
    }
    auto heartbeat = build(snapshot);
    auto body = heartbeat_to_json(heartbeat);
    // Escaped text can make a heartbeat larger than its fields' bounds suggest: leave out the
    // oldest plays until it fits (they follow in a later heartbeat).
    while (body.size() > max_heartbeat_bytes && !heartbeat.plays.empty()) {
        std::stable_sort(heartbeat.plays.begin(), heartbeat.plays.end(),
            [](auto const& a, auto const& b) { return a.date > b.date; });
        heartbeat.plays.resize(heartbeat.plays.size() / 2);
        body = heartbeat_to_json(heartbeat);
    }

    net::Request request;
    request.method = net::Method::Post;
    request.url = m_heartbeat_url;
    request.headers = { { "Content-Type", "application/json" } };
    request.body = std::move(body);
    request.max_response_bytes = 64 * 1024;
    request.timeouts = m_options.timeouts;
    request.cancel = &m_stopping;
    {
        std::lock_guard lock(m_mutex);
        ++m_status.attempts;
    }
    auto response = client.send(request);
    if (m_stopping)
        return; // cancelled by stop(): not a state worth logging
    if (!response.complete()) {
        note_delivery(HeartbeatDelivery::Unreachable, response.error);
        return;
    }
    if (response.status != 200) {
        note_delivery(HeartbeatDelivery::Refused, describe_refusal(response));
        return;
    }
    auto answer = heartbeat_answer_from_json(response.body);
    if (!answer) {
        note_delivery(HeartbeatDelivery::Refused, "the server's answer is not a heartbeat answer");
        return;
    }
    acknowledge(snapshot, heartbeat);
    note_delivery(HeartbeatDelivery::Delivered, {});
    if (answer->thumbnail_requested)
        send_thumbnail(client, snapshot.screen);
}

void HeartbeatSender::send_thumbnail(net::HttpClient& client, const std::string& screen)
{
    auto fail = [&](const std::string& why) {
        if (!m_thumbnail_failure_logged)
            log_warning("cannot send the thumbnail the server asked for: " + why);
        m_thumbnail_failure_logged = true;
    };
    if (!m_thumbnail) {
        fail("this player makes no thumbnails");
        return;
    }
    auto image = m_thumbnail();
    if (!image || image->empty()) {
        fail("no picture of the screen could be made");
        return;
    }
    if (image->size() > max_thumbnail_bytes) {
        fail("the picture is " + std::to_string(image->size()) + " bytes, more than "
            + std::to_string(max_thumbnail_bytes));
        return;
    }
    bool png = image->size() >= 8 && image->compare(0, 4, "\x89PNG") == 0;
    net::Request request;
    request.method = net::Method::Put;
    request.url = net::join_url(m_options.server, "api/screens/" + screen + "/thumbnail");
    request.headers = { { "Content-Type", png ? "image/png" : "image/jpeg" } };
    request.body = std::move(*image);
    request.max_response_bytes = 64 * 1024;
    request.timeouts = m_options.timeouts;
    request.cancel = &m_stopping;
    auto response = client.send(request);
    if (m_stopping)
        return;
    if (!response.succeeded()) {
        fail(response.complete() ? describe_refusal(response) : response.error);
        return;
    }
    m_thumbnail_failure_logged = false;
    log_info("sent a thumbnail of the screen to " + m_options.server);
    std::lock_guard lock(m_mutex);
    ++m_status.thumbnails_sent;
}

void HeartbeatSender::note_delivery(HeartbeatDelivery delivery, const std::string& error)
{
    HeartbeatDelivery before;
    {
        std::lock_guard lock(m_mutex);
        before = m_status.delivery;
        m_status.delivery = delivery;
        m_status.last_error = error;
        if (delivery == HeartbeatDelivery::Delivered)
            ++m_status.delivered;
    }
    if (delivery == before)
        return;
    auto every = std::to_string(m_options.interval.count()) + " s";
    switch (delivery) {
    case HeartbeatDelivery::Delivered:
        log_info((before == HeartbeatDelivery::NotYet ? "heartbeats reach " : "heartbeats reach the server again: ")
            + m_heartbeat_url + " (every " + every + ")");
        break;
    case HeartbeatDelivery::Unreachable:
        log_warning("cannot send heartbeats to " + m_heartbeat_url + ": " + error
            + "; the screen keeps playing and tries again every " + every);
        break;
    case HeartbeatDelivery::Refused:
        log_warning(
            "the server refused a heartbeat: " + error + "; the screen keeps playing and tries again every " + every);
        break;
    case HeartbeatDelivery::NotYet:
        break;
    }
}

} // namespace hallboard
