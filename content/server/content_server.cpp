// The content server: cpp-httplib configured with bounds, timeouts, a request log, and the
// checks (token, body size) that must happen before a request body is read.
#include "content/server/content_server.h"

#include "content/publish/admin_token.h"
#include "content/server/desk_access.h"
#include "content/server/desk_routes.h"
#include "content/server/request_log.h"
#include "content/server/worker_pool.h"
#include "content/server/server_routes.h"
#include "base/log.h"

#include <netinet/in.h>
#include <sys/socket.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

namespace hallboard {

namespace {

using Clock = std::chrono::steady_clock;

// A request is handled start to finish on one pool thread, so its start time can live here
// between the pre-routing hook and the logger; the logger clears it.
thread_local std::optional<Clock::time_point> t_request_started;

char const* reason_phrase(int status)
{
    switch (status) {
    case 400:
        return "bad request";
    case 404:
        return "not found";
    case 405:
        return "method not allowed";
    case 413:
        return "request too large";
    case 414:
        return "request target too long";
    default:
        return status >= 500 ? "internal error" : "request refused";
    }
}

bool is_admin_path(const std::string& path)
{
    return path == "/admin" || path.rfind("/admin/", 0) == 0;
}

// Decides, from the request line and headers alone, whether to refuse before the body is
// read: a wrong token must not make the server receive 20 MiB, nor may a body above the
// route's bound. Returns true (response filled) to refuse.
bool refuse_early(const httplib::Request& request, httplib::Response& response, const ServerOptions& options)
{
    if (is_admin_path(request.path)) {
        auto authorization = request.get_header_value("Authorization"); // the token below points into it
        auto token = bearer_token(authorization);
        if (!token || !admin_token_matches(options.admin_token, *token)) {
            response.set_header("WWW-Authenticate", "Bearer realm=\"hallboard admin\"");
            send_error(response, 401, "the admin API needs Authorization: Bearer <token> with the server's token");
            return true;
        }
    }
    if (is_desk_path(request.path)) {
        if (!options.signing_key) {
            send_error(
                response, 404, "the desk is off on this server: start hallboard serve with --signing-key PREFIX.key");
            return true;
        }
        auto access = authorize_desk(request, options);
        if (access.status != 200) {
            if (access.status == 401)
                response.set_header("WWW-Authenticate", "Bearer realm=\"hallboard admin\"");
            send_error(response, access.status, access.message);
            return true;
        }
    }
    uint64_t limit = std::max({ body_limit_for(request.method, request.path, options),
        screen_route_body_limit(request.method, request.path), desk_route_body_limit(request.method, request.path) });
    if (request.has_header("Content-Length")) {
        auto length = request.get_header_value<uint64_t>("Content-Length");
        if (length > limit) {
            if (limit == 0)
                send_error(response, 413, "this request takes no body");
            else
                send_error(response, 413, "the body is larger than " + std::to_string(limit) + " bytes",
                    { { "max_bytes", limit } });
            return true;
        }
    } else if (limit == 0 && request.has_header("Transfer-Encoding")) {
        send_error(response, 413, "this request takes no body");
        return true;
    }
    return false;
}

// Brotli, which the library picks first when a client accepts it (curl sends "br" by default),
// runs at a fixed quality 11 whose encoder takes tens of MB for an answer of a few MB (measured:
// a 60 MB peak for GET /admin/screens of 10,000 screens); gzip does the job in well under 1 MB.
// So a request's Accept-Encoding is narrowed to gzip before routing. The library looks for "br"
// and "gzip" as substrings, hence the whole value is replaced. The request object is the
// library's own mutable local, handed to the hook as const.
void accept_gzip_only(const httplib::Request& request)
{
    auto& headers = const_cast<httplib::Request&>(request).headers;
    auto [first, last] = headers.equal_range("Accept-Encoding");
    bool gzip = false;
    for (auto it = first; it != last; ++it)
        gzip = gzip || it->second.find("gzip") != std::string::npos;
    headers.erase(first, last);
    if (gzip)
        headers.emplace("Accept-Encoding", "gzip");
}

// cpp-httplib (Debian's 0.11 build) listens with a backlog of 5: a burst of connections
// (a connection flood, or a hall's screens after a power cut) then fills the accept queue and
// the kernel drops further SYNs, so real screens wait for their SYN retry (1 s, 3 s, 7 s...).
// listen() again on the bound socket only resizes the queue. The socket is the last one the
// library set options on (it tries addresses in turn and stops at the first it binds), checked
// to be listening on the bound port before it is touched.
Result<void> widen_backlog(int socket, int port, int backlog)
{
    int listening = 0;
    socklen_t length = sizeof listening;
    sockaddr_storage address {};
    socklen_t address_length = sizeof address;
    bool ours = socket >= 0 && ::getsockopt(socket, SOL_SOCKET, SO_ACCEPTCONN, &listening, &length) == 0 && listening
        && ::getsockname(socket, reinterpret_cast<sockaddr*>(&address), &address_length) == 0
        && ntohs(address.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&address)->sin6_port
                                               : reinterpret_cast<sockaddr_in*>(&address)->sin_port)
            == port;
    if (!ours)
        return fail("cannot find the listening socket to widen its backlog; it stays at the HTTP library's 5");
    if (::listen(socket, backlog) != 0)
        return fail(
            std::string("cannot widen the listen backlog to ") + std::to_string(backlog) + ": " + std::strerror(errno));
    return Ok {};
}

} // namespace

struct ContentServer::Impl {
    enum class State { Idle, Running, Finished };

    ServerOptions options;
    std::unique_ptr<ServedTree> tree;
    std::unique_ptr<ScreenRegistry> registry;
    std::unique_ptr<DeskService> desk;      // with a signing key only
    std::unique_ptr<ConnectionGuard> guard; // before http: its worker pool refers to the guard
    httplib::Server http;
    std::atomic<State> state { State::Idle };
    std::atomic<int> last_socket { -1 }; // the socket the library last set options on: the one it binds
    std::atomic<bool> stop_requested { false };

    void configure();
};

void ContentServer::Impl::configure()
{
    // SO_REUSEADDR only: httplib's default also sets SO_REUSEPORT, which would let a second
    // server bind the same port silently and split the traffic.
    http.set_socket_options([this](socket_t socket) {
        int yes = 1;
        ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        last_socket = socket;
    });
    // The library writes an answer's headers and body separately; with Nagle's algorithm the
    // body then waits for the client's delayed ACK (40 ms on Linux) on every JSON answer.
    http.set_tcp_nodelay(true);
    // Slow or endless request heads, and one address holding every thread: see worker_pool.h
    // and connection_guard.h. The library deletes the pool when its accept loop ends.
    auto limits = options.connections;
    limits.idle_ms = options.keep_alive_seconds * 1000; // as long as the library waits for a next request
    guard = std::make_unique<ConnectionGuard>(limits);
    http.new_task_queue
        = [this] { return new WorkerPool(*guard, options.worker_threads, options.max_waiting_connections); };
    http.set_read_timeout(options.read_timeout_seconds, 0);
    http.set_write_timeout(options.write_timeout_seconds, 0);
    http.set_keep_alive_timeout(options.keep_alive_seconds);
    http.set_keep_alive_max_count(static_cast<size_t>(options.keep_alive_max_requests));
    // A second line of defence behind refuse_early (which answers before reading anything).
    http.set_payload_max_length(static_cast<size_t>(
        std::max({ options.limits.max_blob_bytes, options.limits.max_manifest_bytes, options.max_list_bytes })));

    http.set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
        t_request_started = Clock::now();
        ConnectionGuard::mark_head_complete();
        accept_gzip_only(request);
        if (refuse_early(request, response, options)) {
            // The unread body is still on the connection; it cannot carry another request.
            response.set_header("Connection", "close");
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    // With "Expect: 100-continue" (curl sends it for large uploads) the refusal comes before
    // the client sends the body at all.
    http.set_expect_100_continue_handler([this](const httplib::Request& request, httplib::Response& response) {
        t_request_started = Clock::now();
        ConnectionGuard::mark_head_complete();
        if (refuse_early(request, response, options)) {
            response.set_header("Connection", "close");
            return response.status;
        }
        return 100;
    });
    http.set_error_handler([](const httplib::Request&, httplib::Response& response) {
        if (response.body.empty() && !response.content_provider_)
            send_error(response, response.status, reason_phrase(response.status));
    });
    http.set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
        send_error(response, 500, "internal error");
    });
    http.set_logger([](const httplib::Request& request, const httplib::Response& response) {
        RequestLogEntry entry;
        entry.remote = request.remote_addr;
        entry.method = request.method;
        entry.path = request.path;
        entry.status = response.status;
        bool has_body = request.method != "HEAD" && response.status != 304;
        entry.bytes = has_body ? (response.body.empty() ? response.content_length_ : response.body.size()) : 0;
        if (t_request_started)
            entry.milliseconds = std::chrono::duration<double, std::milli>(Clock::now() - *t_request_started).count();
        t_request_started.reset();
        log_info(format_request_log(entry));
        // The next head on this connection has its own deadline; the guard waits for it here
        // when the library will read one (its rule: not after "Connection: close" either way,
        // nor for HTTP/1.0 without keep-alive). The answer has been written already.
        bool closing = response.get_header_value("Connection") == "close"
            || request.get_header_value("Connection") == "close"
            || (request.version == "HTTP/1.0" && request.get_header_value("Connection") != "Keep-Alive");
        ConnectionGuard::mark_answered(!closing);
    });
    install_public_routes(http, *tree);
    install_admin_routes(http, *tree, options);
    install_heartbeat_routes(http, *registry);
    install_screen_admin_routes(http, *registry, *tree);
    if (desk)
        install_desk_routes(http, *desk, options);
}

ContentServer::ContentServer(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl))
{
}

ContentServer::~ContentServer()
{
    stop();
}

Result<std::unique_ptr<ContentServer>> ContentServer::create(ServerOptions options)
{
    if (options.admin_token.empty())
        return fail("the admin token is empty");
    auto impl = std::make_unique<Impl>();
    auto tree = ServedTree::open(options.root, options.limits);
    if (!tree)
        return std::move(tree).take_error();
    impl->tree = std::move(*tree);
    // Inside the tree's state/ folder, which no public route reaches; the tree's lock covers it.
    auto database
        = options.screens_database.empty() ? options.root / "state" / "screens.sqlite" : options.screens_database;
    auto registry = ScreenRegistry::open(database, options.screens,
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count());
    if (!registry)
        return std::move(registry).take_error();
    impl->registry = std::move(*registry);
    log_info("screen heartbeats are kept in " + database.string() + " ("
        + std::to_string(impl->registry->screens().size()) + " screens known)");
    impl->options = std::move(options);
    if (impl->options.signing_key) {
        auto desk = DeskService::open(*impl->tree, *impl->options.signing_key);
        if (!desk)
            return std::move(desk).take_error();
        impl->desk = std::move(*desk);
        log_info("the desk is on: versions are signed by the server's key "
            + public_key_text(impl->options.signing_key->public_key()));
    }
    impl->configure();
    return std::unique_ptr<ContentServer>(new ContentServer(std::move(impl)));
}

Result<int> ContentServer::bind(const std::string& host, int port)
{
    errno = 0;
    int bound = port == 0 ? m_impl->http.bind_to_any_port(host) : (m_impl->http.bind_to_port(host, port) ? port : -1);
    if (bound <= 0)
        return fail("cannot listen on " + host + ":" + std::to_string(port)
            + (errno != 0 ? std::string(": ") + std::strerror(errno) : std::string()));
    m_impl->guard->set_listen_port(bound);
    if (auto widened = widen_backlog(m_impl->last_socket, bound, m_impl->options.listen_backlog); !widened)
        log_warning(widened.error());
    return bound;
}

bool ContentServer::run()
{
    m_impl->state = Impl::State::Running;
    bool ok = true;
    if (!m_impl->stop_requested)
        ok = m_impl->http.listen_after_bind();
    m_impl->state = Impl::State::Finished;
    return ok;
}

void ContentServer::stop()
{
    m_impl->stop_requested = true;
    // httplib's stop() does nothing until its accept loop has started; a stop that comes just
    // before that would be lost, so it is repeated until the loop is seen running (or gone).
    while (m_impl->state == Impl::State::Running) {
        if (m_impl->http.is_running()) {
            m_impl->http.stop();
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

ServedTree& ContentServer::tree()
{
    return *m_impl->tree;
}

ScreenRegistry& ContentServer::screens()
{
    return *m_impl->registry;
}

} // namespace hallboard
