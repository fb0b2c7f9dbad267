// The embedded content server (`hallboard serve`): serves a published tree to screens, with
// ETags and immutable caching, and an admin API behind a bearer token for publishing.
// The HTTP library stays inside this module; callers see only this class.
#pragma once

#include "content/publish/signing.h"
#include "content/server/connection_guard.h"
#include "content/server/screen_registry.h"
#include "content/server/served_tree.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace hallboard {

struct ServerOptions {
    std::filesystem::path root;             // the published tree
    std::string admin_token;                // see admin_token.h; must not be empty
    TreeLimits limits;                      // bounds of blobs and manifests
    uint64_t max_list_bytes = 1 << 20;      // body of POST /admin/blobs/missing, bytes
    int read_timeout_seconds = 10;          // per socket read, not per request
    int write_timeout_seconds = 10;         // per socket write
    int keep_alive_seconds = 2;             // idle time before a kept-alive connection is closed; also
                                            // bounds how long stop() waits for an idle connection
    int keep_alive_max_requests = 100;      // requests per connection
    std::filesystem::path screens_database; // heartbeats, plays, thumbnails; empty: <root>/state/screens.sqlite
    ScreenRegistryLimits screens;           // bounds of what heartbeats may make the server keep
    ConnectionLimits connections;           // head deadline and size, connections per client address
    int worker_threads = 256;               // connections answered at once (16 addresses' worth at the cap)
    int max_waiting_connections = 256;      // accepted connections waiting for a thread; more are closed
    int listen_backlog = 1024;              // connections the kernel completes before they are accepted
                                            // (capped by net.core.somaxconn)
    // The key the desk signs its versions with (serve --signing-key); without one the /desk/
    // routes are off (docs/desk.md). It must be the key that signed the tree's current version.
    std::optional<SecretKey> signing_key;
};

// Lifecycle: create, bind, run (blocks, on any thread) until stop() is called from another
// thread (a signal watcher, a test). Requests are answered on the HTTP library's thread pool.
class ContentServer {
public:
    // Opens the tree (see ServedTree::open) and the screen registry.
    static Result<std::unique_ptr<ContentServer>> create(ServerOptions options);
    ~ContentServer();

    // Binds host:port; port 0 picks a free port. Returns the port bound.
    Result<int> bind(const std::string& host, int port);
    // Serves until stop(); returns false when the listening socket failed.
    bool run();
    // Thread-safe and idempotent; may come before run() starts. In-flight requests finish.
    void stop();

    ServedTree& tree();
    ScreenRegistry& screens();

private:
    struct Impl;
    explicit ContentServer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace hallboard
