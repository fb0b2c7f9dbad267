// ThumbnailExchange between a requesting thread and a "render thread": answers, timeouts, late
// answers dropped, shut-down, and the wake callback.
#include "player/status/thumbnail_exchange.h"

#include "eventually.h"

#include <doctest/doctest.h>

#include <atomic>
#include <thread>

using namespace hallboard;
using namespace std::chrono_literals;

namespace {

// The exchange answers within microseconds: look every millisecond.
template <typename Condition>
bool eventually(Condition condition, std::chrono::milliseconds limit = 5000ms)
{
    return test::eventually(condition, limit, 1ms);
}

// A stand-in for the render loop: waits for a request and answers it with `picture`.
class Answerer {
public:
    Answerer(ThumbnailExchange& exchange, std::optional<std::string> picture)
        : m_thread([&exchange, picture = std::move(picture), this] {
            if (eventually([&] { return exchange.pending(); }))
                m_delivered = exchange.fulfil(picture);
        })
    {
    }
    ~Answerer() { join(); }
    Answerer(const Answerer&) = delete;
    Answerer& operator=(const Answerer&) = delete;
    bool delivered()
    {
        join();
        return m_delivered;
    }

private:
    void join()
    {
        if (m_thread.joinable())
            m_thread.join();
    }
    std::atomic<bool> m_delivered { false };
    std::thread m_thread;
};

} // namespace

TEST_CASE("A request is answered by the thread that sees it pending")
{
    struct Row {
        const char* name;
        std::optional<std::string> picture;
    };
    Row const rows[] = {
        { "a picture", std::string("\x89PNG picture bytes", 18) },
        { "an empty picture", std::string() },
        { "no picture: the render thread could not make one", std::nullopt },
    };
    for (Row const& row : rows) {
        SUBCASE(row.name)
        {
            ThumbnailExchange exchange;
            CHECK_FALSE(exchange.pending());
            Answerer answerer(exchange, row.picture);
            auto const started = std::chrono::steady_clock::now();
            auto const answer = exchange.request(10s);
            auto const waited = std::chrono::steady_clock::now() - started;
            CHECK(answer == row.picture);
            CHECK(answerer.delivered());
            // Not a timing assertion: an answer, even "none", must not wait out the timeout.
            CHECK(waited < 5s);
            CHECK_FALSE(exchange.pending());
            // The request was answered: answering again goes nowhere.
            CHECK_FALSE(exchange.fulfil(std::string("again")));
        }
    }
}

TEST_CASE("A request nobody answers times out with nothing")
{
    ThumbnailExchange exchange;
    auto const started = std::chrono::steady_clock::now();
    CHECK_FALSE(exchange.request(50ms).has_value());
    CHECK(std::chrono::steady_clock::now() - started >= 50ms);
    CHECK_FALSE(exchange.pending());
}

TEST_CASE("A fulfil with no request pending is ignored")
{
    ThumbnailExchange exchange;
    CHECK_FALSE(exchange.fulfil(std::string("unasked")));
    CHECK_FALSE(exchange.pending());
    // Nor is it kept for the next request.
    CHECK_FALSE(exchange.request(20ms).has_value());
}

TEST_CASE("A late answer is dropped, never given to the next request")
{
    enum class LateAt {
        BeforeNextRequest, // the render thread answers after the timeout, before the sender asks again
        DuringNextRequest, // it answers while the next request already waits
    };
    struct Row {
        const char* name;
        LateAt late;
    };
    Row const rows[] = {
        { "between requests", LateAt::BeforeNextRequest },
        { "while the next request waits", LateAt::DuringNextRequest },
    };
    for (Row const& row : rows) {
        SUBCASE(row.name)
        {
            std::atomic<int> wakes { 0 };
            std::atomic<bool> first_seen { false };
            ThumbnailExchange* self = nullptr;
            ThumbnailExchange exchange([&] {
                // The render thread looks at the first request at once (no thread race to
                // lose on a busy machine), then is too slow to answer it: the requester gives up.
                if (++wakes == 1)
                    first_seen = self->pending();
            });
            self = &exchange;
            CHECK_FALSE(exchange.request(30ms).has_value());
            REQUIRE(first_seen);

            if (row.late == LateAt::BeforeNextRequest) {
                CHECK_FALSE(exchange.fulfil(std::string("stale")));
                Answerer fresh(exchange, std::string("fresh"));
                CHECK(exchange.request(10s) == std::string("fresh"));
                CHECK(fresh.delivered());
            } else {
                std::thread render([&] {
                    // The next request is pending, but the render thread answers the one it saw.
                    if (!eventually([&] { return wakes.load() == 2; }))
                        return;
                    CHECK_FALSE(exchange.fulfil(std::string("stale")));
                    // Its next loop turn sees the new request and answers that one.
                    CHECK(exchange.pending());
                    CHECK(exchange.fulfil(std::string("fresh")));
                });
                CHECK(exchange.request(10s) == std::string("fresh"));
                render.join();
            }
            CHECK(wakes == 2);
        }
    }
}

TEST_CASE("shut_down unblocks a waiting request and refuses later ones")
{
    std::atomic<int> wakes { 0 };
    ThumbnailExchange exchange([&] { ++wakes; });
    std::optional<std::string> answer = std::string("not yet");
    std::chrono::steady_clock::duration waited {};
    std::thread requester([&] {
        auto const started = std::chrono::steady_clock::now();
        answer = exchange.request(30s);
        waited = std::chrono::steady_clock::now() - started;
    });
    REQUIRE(eventually([&] { return exchange.pending(); }));
    exchange.shut_down();
    requester.join();
    CHECK_FALSE(answer.has_value());
    MESSAGE("a request waiting 30 s returned " << std::chrono::duration<double, std::milli>(waited).count()
                                               << " ms after shut_down");
    CHECK(waited < 10s);

    CHECK_FALSE(exchange.pending());
    CHECK_FALSE(exchange.fulfil(std::string("too late")));
    auto const started = std::chrono::steady_clock::now();
    CHECK_FALSE(exchange.request(30s).has_value());
    CHECK(std::chrono::steady_clock::now() - started < 10s);
    // The render loop may be gone: a refused request does not try to wake it.
    CHECK(wakes == 1);
    exchange.shut_down(); // idempotent
    CHECK_FALSE(exchange.pending());
}

TEST_CASE("The wake callback runs once per request, with the request already pending")
{
    std::atomic<int> wakes { 0 };
    std::atomic<int> pending_at_wake { 0 };
    ThumbnailExchange* self = nullptr;
    ThumbnailExchange exchange([&] {
        ++wakes;
        pending_at_wake += self->pending();
    });
    self = &exchange;
    for (int i = 1; i <= 3; ++i) {
        CAPTURE(i);
        CHECK_FALSE(exchange.request(10ms).has_value());
        CHECK(wakes == i);
        CHECK(pending_at_wake == i);
    }
}

TEST_CASE("A wake callback may answer at once, on the requesting thread")
{
    ThumbnailExchange* self = nullptr;
    ThumbnailExchange exchange([&] {
        if (self->pending())
            self->fulfil(std::string("at once"));
    });
    self = &exchange;
    CHECK(exchange.request(10s) == std::string("at once"));
    CHECK(exchange.request(10s) == std::string("at once"));
}
