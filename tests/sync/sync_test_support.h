// Helpers for the sync tests: published trees, a fault-injecting static server, recorded logs, settings.
#pragma once

#include "eventually.h"
#include "temp_folder.h"
#include "base/durable_files.h"
#include "content/publish/manifest.h"
#include "content/publish/publisher.h"
#include "content/server/content_server.h"
#include "content/publish/signing.h"
#include "content/model/source_loader.h"
#include "base/log.h"
#include "base/unique_fd.h"
#include "player/sync/sync_settings.h"

#include <doctest/doctest.h>
#include <httplib.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace hallboard::test {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

inline std::string read_bytes(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream contents;
    contents << in.rdbuf();
    return contents.str();
}

inline void write_bytes(const fs::path& path, std::string_view bytes)
{
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline void append_bytes(const fs::path& path, std::string_view bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::app);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline std::set<std::string> names_in(const fs::path& folder)
{
    std::set<std::string> names;
    std::error_code error;
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error))
        names.insert(it->path().filename().string());
    return names;
}

inline int temp_files_in(const fs::path& folder)
{
    int count = 0;
    for (auto const& name : names_in(folder))
        count += name.rfind(durable::temp_prefix, 0) == 0;
    return count;
}

inline fs::path valid_test_source()
{
    return fs::path(HALLBOARD_SOURCE_DIR) / "tests/model/data/valid-source";
}

// 2026-11-23T10:00:00Z plus `minutes`.
inline std::chrono::system_clock::time_point test_time(int minutes = 0)
{
    return std::chrono::system_clock::time_point(std::chrono::seconds(1795428000) + std::chrono::minutes(minutes));
}

// A content source the test may change, published with a real key into a tree, as an admin would.
class Publisher {
public:
    explicit Publisher(const fs::path& work)
        : m_source(work / "source")
        , m_tree(work / "tree")
    {
        auto pair = generate_key_pair();
        REQUIRE(pair.has_value());
        m_pair = *pair;
        fs::copy(valid_test_source(), m_source, fs::copy_options::recursive);
    }

    const fs::path& source() const { return m_source; }
    const fs::path& tree() const { return m_tree; }
    const PublicKey& public_key() const { return m_pair.public_key; }
    const SecretKey& secret_key() const { return m_pair.secret_key; }

    // Publishes the source as it is now; returns the manifest published.
    Manifest publish()
    {
        Diagnostics diagnostics;
        auto source = load_content_source(m_source, diagnostics);
        REQUIRE_MESSAGE(source.has_value(), diagnostics.format_all());
        REQUIRE_MESSAGE(!diagnostics.has_errors(), diagnostics.format_all());
        auto result = publish_to_folder(*source, m_pair.secret_key, m_tree, test_time(++m_minutes), diagnostics);
        REQUIRE_MESSAGE(result.outcome == PublishOutcome::Published, diagnostics.format_all());
        return result.manifest;
    }

    // A change an admin makes: the poster gets new bytes (a new blob; the old one is no longer
    // used) and the outage notice a new title.
    void change_content()
    {
        ++m_changes;
        append_bytes(m_source / "assets/poster.png", "change " + std::to_string(m_changes));
        auto notice = m_source / "notices/05-outage.yml";
        auto text = read_bytes(notice);
        auto title = text.find("title:");
        REQUIRE(title != std::string::npos);
        text.insert(title + 6, " (" + std::to_string(m_changes) + ")");
        write_bytes(notice, text);
    }

    std::string sign(std::string_view bytes) const
    {
        return signature_text(sign_detached(bytes, m_pair.secret_key)) + "\n";
    }

private:
    fs::path m_source;
    fs::path m_tree;
    KeyPair m_pair;
    int m_minutes = 0;
    int m_changes = 0;
};

// What the fault server does instead of serving a path well.
struct Fault {
    int status = 0;                        // answer this status with an empty body
    std::optional<std::string> body;       // serve these bytes instead of the file
    std::chrono::milliseconds stall { 0 }; // send the first half of the body, then go quiet this long
    bool truncate = false;                 // announce the whole length, send half, hang up

    static Fault answer(int status)
    {
        Fault fault;
        fault.status = status;
        return fault;
    }
    static Fault serve(std::string body)
    {
        Fault fault;
        fault.body = std::move(body);
        return fault;
    }
    static Fault stall_for(std::chrono::milliseconds duration)
    {
        Fault fault;
        fault.stall = duration;
        return fault;
    }
    static Fault cut_off()
    {
        Fault fault;
        fault.truncate = true;
        return fault;
    }
};

// A static web server (like nginx) over a published tree, on 127.0.0.1 and a free port, serving
// only the paths of formats.md §2, with ETags and 304, and with faults injected per path.
class FaultServer {
public:
    // On `port`, or on a free port when it is 0.
    explicit FaultServer(fs::path tree, int port = 0)
        : m_tree(std::move(tree))
    {
        m_server.Get(R"(/(.*))", [this](const httplib::Request& request, httplib::Response& response) {
            handle(request.matches[1].str(), request, response);
        });
        if (port) {
            REQUIRE(m_server.bind_to_port("127.0.0.1", port));
            m_port = port;
        } else {
            m_port = m_server.bind_to_any_port("127.0.0.1");
        }
        REQUIRE(m_port > 0);
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        while (!m_server.is_running())
            std::this_thread::sleep_for(1ms);
    }
    ~FaultServer()
    {
        m_stopping = true;
        m_server.stop();
        m_thread.join();
    }
    FaultServer(const FaultServer&) = delete;
    FaultServer& operator=(const FaultServer&) = delete;

    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }

    void set_fault(const std::string& path, Fault fault)
    {
        std::lock_guard lock(m_mutex);
        m_faults[path] = std::move(fault);
    }
    void clear_faults()
    {
        std::lock_guard lock(m_mutex);
        m_faults.clear();
        m_signature_header.reset();
    }
    // Sends Hallboard-Signature with manifest.json, as the embedded server does.
    void set_signature_header(std::string value)
    {
        std::lock_guard lock(m_mutex);
        m_signature_header = std::move(value);
    }
    int requests(const std::string& path) const
    {
        std::lock_guard lock(m_mutex);
        auto found = m_requests.find(path);
        return found == m_requests.end() ? 0 : found->second;
    }
    int requests_starting(const std::string& prefix) const
    {
        std::lock_guard lock(m_mutex);
        int count = 0;
        for (auto const& [path, n] : m_requests)
            count += path.rfind(prefix, 0) == 0 ? n : 0;
        return count;
    }

private:
    void dawdle(std::chrono::milliseconds duration) const
    {
        auto until = std::chrono::steady_clock::now() + duration;
        while (!m_stopping && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(10ms);
    }

    void handle(const std::string& path, const httplib::Request& request, httplib::Response& response)
    {
        Fault fault;
        std::optional<std::string> signature_header;
        {
            std::lock_guard lock(m_mutex);
            ++m_requests[path];
            if (auto found = m_faults.find(path); found != m_faults.end())
                fault = found->second;
            signature_header = m_signature_header;
        }
        static const std::regex served(
            R"(manifest\.json(\.sig)?|blobs/[0-9a-f]{64}|versions/[0-9]+/manifest\.json(\.sig)?)");
        if (fault.status) {
            response.status = fault.status;
            return;
        }
        std::string body;
        if (fault.body) {
            body = *fault.body;
        } else {
            if (!std::regex_match(path, served) || !fs::is_regular_file(m_tree / path)) {
                response.status = 404;
                return;
            }
            body = read_bytes(m_tree / path);
        }
        if (path == "manifest.json" && signature_header)
            response.set_header("Hallboard-Signature", *signature_header);
        auto etag = "\"" + sha256_hex_of(body).substr(0, 16) + "\"";
        response.set_header("ETag", etag);
        if (request.get_header_value("If-None-Match") == etag && !fault.stall.count() && !fault.truncate) {
            response.status = 304;
            return;
        }
        if (!fault.stall.count() && !fault.truncate) {
            response.set_content(body, "application/octet-stream");
            return;
        }
        auto shared = std::make_shared<std::string>(std::move(body));
        response.set_content_provider(shared->size(), "application/octet-stream",
            [this, shared, fault](size_t offset, size_t, httplib::DataSink& sink) {
                size_t half = shared->size() / 2;
                if (offset < half) {
                    sink.write(shared->data(), half);
                    return true;
                }
                if (fault.truncate)
                    return false; // hang up with half the announced length sent
                dawdle(fault.stall);
                if (m_stopping)
                    return false;
                sink.write(shared->data() + half, shared->size() - half);
                return true;
            });
    }

    fs::path m_tree;
    httplib::Server m_server;
    std::thread m_thread;
    int m_port = 0;
    std::atomic<bool> m_stopping { false };
    mutable std::mutex m_mutex;
    std::map<std::string, Fault> m_faults;
    std::map<std::string, int> m_requests;
    std::optional<std::string> m_signature_header;
};

// A loopback port nobody listens on: bound, then closed again without listen().
inline int refused_port()
{
    hallboard::UniqueFd socket(::socket(AF_INET, SOCK_STREAM, 0));
    REQUIRE(socket.valid());
    int fd = socket.get();
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    socklen_t length = sizeof address;
    REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    return ntohs(address.sin_port);
}

// Records log lines; restores the default sink at scope exit.
class LogRecorder {
public:
    LogRecorder()
    {
        set_log_sink([this](LogLevel, std::string_view message) {
            std::lock_guard lock(m_mutex);
            m_lines.emplace_back(message);
        });
    }
    ~LogRecorder() { set_log_sink({}); }
    LogRecorder(const LogRecorder&) = delete;
    LogRecorder& operator=(const LogRecorder&) = delete;

    std::vector<std::string> lines() const
    {
        std::lock_guard lock(m_mutex);
        return m_lines;
    }
    int count_containing(std::string_view fragment) const
    {
        int count = 0;
        for (auto const& line : lines())
            count += line.find(fragment) != std::string::npos;
        return count;
    }
    std::string all() const
    {
        std::string text;
        for (auto const& line : lines())
            text += line + "\n";
        return text;
    }
    void clear()
    {
        std::lock_guard lock(m_mutex);
        m_lines.clear();
    }

private:
    mutable std::mutex m_mutex;
    std::vector<std::string> m_lines;
};

// Settings for a screen of `server` with `cache`, checking signatures with `key` (when given),
// with timeouts short enough for tests.
inline sync::SyncSettings test_settings(const std::string& server, const fs::path& cache, const PublicKey* key)
{
    sync::SyncSettings settings;
    settings.server = server;
    settings.cache = cache;
    if (key)
        settings.public_key = *key;
    settings.poll = 30s;
    settings.timeouts.connect = 2s;
    settings.timeouts.stall = 1s;
    settings.timeouts.total = 20s;
    return settings;
}

// The embedded content server (`hallboard serve`) on 127.0.0.1 and a free port, on its own thread.
class EmbeddedServer {
public:
    explicit EmbeddedServer(const fs::path& root)
    {
        ServerOptions options;
        options.root = root;
        options.admin_token = "correct-horse-battery-staple-42";
        auto created = ContentServer::create(options);
        REQUIRE_MESSAGE(created.ok(), (created ? std::string() : created.error()));
        m_server = std::move(*created);
        auto port = m_server->bind("127.0.0.1", 0);
        REQUIRE_MESSAGE(port.ok(), (port ? std::string() : port.error()));
        m_port = *port;
        m_thread = std::thread([this] { m_server->run(); });
    }
    ~EmbeddedServer()
    {
        m_server->stop();
        m_thread.join();
    }
    EmbeddedServer(const EmbeddedServer&) = delete;
    EmbeddedServer& operator=(const EmbeddedServer&) = delete;

    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    ContentServer& server() { return *m_server; }

    // Publishes what `staging` holds (a tree `hallboard publish --out` wrote) as an admin's
    // `publish --to` would: the blobs first, then the manifest swap.
    void publish_from(const fs::path& staging)
    {
        auto& tree = m_server->tree();
        for (auto const& name : names_in(staging / "blobs")) {
            if (!fs::exists(tree.root() / "blobs" / name))
                fs::copy_file(staging / "blobs" / name, tree.root() / "blobs" / name);
        }
        auto if_match = "\"" + std::to_string(tree.snapshot()->version) + "\"";
        auto result = tree.swap_manifest(
            read_bytes(staging / "manifest.json"), read_bytes(staging / "manifest.json.sig"), if_match);
        REQUIRE_MESSAGE(result.outcome == ManifestSwapOutcome::Published, result.message);
    }

private:
    std::unique_ptr<ContentServer> m_server;
    std::thread m_thread;
    int m_port = 0;
};

} // namespace hallboard::test
