// ThumbnailExchange: one pending request, answered by serial number under one mutex.
#include "player/status/thumbnail_exchange.h"

#include <utility>

namespace hallboard {

ThumbnailExchange::ThumbnailExchange(ThumbnailWake wake)
    : m_wake(std::move(wake))
{
}

std::optional<std::string> ThumbnailExchange::request(std::chrono::milliseconds timeout)
{
    std::uint64_t serial = 0;
    {
        std::lock_guard lock(m_mutex);
        if (m_shut_down)
            return std::nullopt;
        serial = ++m_serial;
        m_waiting = true;
        // A superseded request's waiter sees the serial move on and gives up.
        m_answered.notify_all();
    }
    // Outside the lock: a wake that answers at once (or takes SDL's event lock) must not deadlock.
    if (m_wake)
        m_wake();

    std::unique_lock lock(m_mutex);
    m_answered.wait_for(lock, timeout, [&] { return m_shut_down || m_serial != serial || m_answer_serial == serial; });
    std::optional<std::string> picture;
    if (!m_shut_down && m_answer_serial == serial)
        picture = std::move(m_answer);
    if (m_serial == serial) {
        // Answered or given up: either way a later fulfil() for this request is dropped.
        m_waiting = false;
        m_answer.reset();
    }
    return picture;
}

bool ThumbnailExchange::pending() const
{
    std::lock_guard lock(m_mutex);
    if (m_shut_down || !m_waiting)
        return false;
    m_seen = m_serial;
    return true;
}

bool ThumbnailExchange::fulfil(std::optional<std::string> picture)
{
    std::lock_guard lock(m_mutex);
    if (m_shut_down || !m_waiting || m_seen != m_serial)
        return false;
    m_waiting = false;
    m_answer = std::move(picture);
    m_answer_serial = m_serial;
    m_answered.notify_all();
    return true;
}

void ThumbnailExchange::shut_down()
{
    std::lock_guard lock(m_mutex);
    m_shut_down = true;
    m_waiting = false;
    m_answer.reset();
    m_answered.notify_all();
}

} // namespace hallboard
