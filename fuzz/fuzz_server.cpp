// Fuzzes the content server's request handling end to end: the real ContentServer (its
// pre-routing checks, public, admin and heartbeat routes, the tree and SQLite registry behind
// them) on a loopback port, fed each input as the raw bytes of one connection.
//
// cpp-httplib 0.11 keeps its request entry points (process_request) protected and the server is
// private to ContentServer, so a socket is the one way in without changing the server; the cost
// is a TCP connection per input. The input is sent, the sending side shut, and the answer read
// to the end; a sanitizer report on the server's thread then stops the process during that input.
// The admin token is "fuzz-token" (in fuzz/server.dict), so admin routes are reached too.
#include "base/log.h"
#include "base/unique_fd.h"
#include "content/publish/signing.h"
#include "content/server/content_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

namespace {

namespace fs = std::filesystem;

void write_file(const fs::path& path, const std::string& bytes)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
}

// A published tree of version 1 with one blob, as `hallboard publish --out` would lay it out.
void write_tree(const fs::path& root)
{
    std::string blob = "fuzz blob\n";
    auto sha = hallboard::sha256_hex_of(blob);
    std::string manifest
        = "{\n  \"format\": 1,\n  \"version\": 1,\n  \"blobs\": [ { \"path\": \"assets/a.png\", \"sha256\": \"" + sha
        + "\", \"size\": " + std::to_string(blob.size()) + " } ],\n  \"notices\": []\n}\n";
    std::string signature = std::string(86, 'A') + "==\n";
    write_file(root / "blobs" / sha, blob);
    for (auto const& folder : { root, root / "versions" / "1" }) {
        write_file(folder / "manifest.json", manifest);
        write_file(folder / "manifest.json.sig", signature);
    }
}

struct Fixture {
    fs::path root;
    std::unique_ptr<hallboard::ContentServer> server;
    std::thread thread;
    int port = 0;

    Fixture()
    {
        hallboard::set_log_level(hallboard::LogLevel::Error); // one line per request otherwise
        char pattern[] = "/tmp/hallboard-fuzz-server-XXXXXX";
        if (!::mkdtemp(pattern))
            std::abort();
        root = pattern;
        write_tree(root);
        hallboard::ServerOptions options;
        options.root = root;
        options.admin_token = "fuzz-token";
        options.read_timeout_seconds = 2;
        options.limits.max_blob_bytes = 1 << 16;
        auto created = hallboard::ContentServer::create(options);
        if (!created.ok()) {
            std::fprintf(stderr, "fuzz_server: %s\n", created.error().c_str());
            std::abort();
        }
        server = std::move(*created);
        auto bound = server->bind("127.0.0.1", 0);
        if (!bound.ok()) {
            std::fprintf(stderr, "fuzz_server: %s\n", bound.error().c_str());
            std::abort();
        }
        port = *bound;
        thread = std::thread([this] { server->run(); });
    }
    ~Fixture()
    {
        server->stop();
        thread.join();
        server.reset();
        std::error_code ignored;
        fs::remove_all(root, ignored);
    }
};

Fixture& fixture()
{
    static Fixture instance;
    return instance;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    auto& running = fixture();
    hallboard::UniqueFd socket(::socket(AF_INET, SOCK_STREAM, 0));
    if (!socket.valid())
        std::abort();
    int fd = socket.get();
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(running.port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
        std::abort();
    timeval timeout { 10, 0 };
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    std::size_t sent = 0;
    while (sent < size) {
        auto n = ::send(fd, data + sent, size - sent, MSG_NOSIGNAL);
        if (n <= 0)
            break; // the server closed early (a refusal before the body): fine
        sent += static_cast<std::size_t>(n);
    }
    ::shutdown(fd, SHUT_WR);
    char buffer[4096];
    while (::recv(fd, buffer, sizeof buffer, 0) > 0) { }
    return 0;
}
