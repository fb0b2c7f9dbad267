// Helpers for the server tests: temporary trees, signed manifests, an in-process server, a log recorder.
#pragma once

#include "temp_folder.h"
#include "content/server/content_server.h"
#include "content/publish/signing.h"
#include "base/log.h"
#include "base/unique_fd.h"

#include <doctest/doctest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <sodium.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unistd.h>
#include <vector>

namespace hallboard::test {

struct Blob {
    std::string path;
    std::string bytes;
    std::string sha256() const { return sha256_hex_of(bytes); }
};

inline std::string manifest_json(uint64_t version, const std::vector<Blob>& blobs, const std::string& marker = {})
{
    nlohmann::json list = nlohmann::json::array();
    for (auto const& blob : blobs)
        list.push_back({ { "path", blob.path }, { "sha256", blob.sha256() }, { "size", blob.bytes.size() } });
    nlohmann::json document
        = { { "format", 1 }, { "version", version }, { "blobs", list }, { "notices", nlohmann::json::array() } };
    if (!marker.empty())
        document["marker"] = marker; // makes two manifests of one version differ
    return document.dump(2);
}

// A real Ed25519 key pair, as the publishing side would use, so tests can verify pairs.
class Signer {
public:
    Signer()
    {
        REQUIRE(sodium_init() >= 0);
        crypto_sign_keypair(m_public, m_secret);
    }
    // One line of standard base64, no newline.
    std::string sign(std::string_view message) const
    {
        unsigned char signature[crypto_sign_BYTES];
        crypto_sign_detached(
            signature, nullptr, reinterpret_cast<const unsigned char*>(message.data()), message.size(), m_secret);
        char text[sodium_base64_ENCODED_LEN(crypto_sign_BYTES, sodium_base64_VARIANT_ORIGINAL)];
        sodium_bin2base64(text, sizeof text, signature, sizeof signature, sodium_base64_VARIANT_ORIGINAL);
        return text;
    }
    bool verify(std::string_view message, std::string_view signature_line) const
    {
        while (!signature_line.empty() && (signature_line.back() == '\n' || signature_line.back() == '\r'))
            signature_line.remove_suffix(1);
        unsigned char signature[crypto_sign_BYTES + 8];
        size_t length = 0;
        if (sodium_base642bin(signature, sizeof signature, signature_line.data(), signature_line.size(), nullptr,
                &length, nullptr, sodium_base64_VARIANT_ORIGINAL)
                != 0
            || length != crypto_sign_BYTES)
            return false;
        return crypto_sign_verify_detached(
                   signature, reinterpret_cast<const unsigned char*>(message.data()), message.size(), m_public)
            == 0;
    }

private:
    unsigned char m_public[crypto_sign_PUBLICKEYBYTES] {};
    unsigned char m_secret[crypto_sign_SECRETKEYBYTES] {};
};

// Writes a published tree as `hallboard publish --out` does: blobs, versions/<N>/, top level.
inline void write_published(const TempFolder& tree, const Signer& signer, uint64_t version,
    const std::vector<Blob>& blobs, const std::string& marker = {})
{
    for (auto const& blob : blobs)
        tree.write("blobs/" + blob.sha256(), blob.bytes);
    auto manifest = manifest_json(version, blobs, marker);
    auto signature = signer.sign(manifest) + "\n";
    auto folder = "versions/" + std::to_string(version) + "/";
    tree.write(folder + "manifest.json", manifest);
    tree.write(folder + "manifest.json.sig", signature);
    tree.write("manifest.json.sig", signature);
    tree.write("manifest.json", manifest);
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

private:
    mutable std::mutex m_mutex;
    std::vector<std::string> m_lines;
};

inline constexpr char const* test_token = "correct-horse-battery-staple-42";

// A ContentServer on 127.0.0.1 with a free port, run on its own thread.
class RunningServer {
public:
    explicit RunningServer(const std::filesystem::path& root, ServerOptions options = {})
    {
        options.root = root;
        if (options.admin_token.empty())
            options.admin_token = test_token;
        auto created = ContentServer::create(options);
        INFO((created ? std::string() : created.error()));
        REQUIRE(created);
        m_server = std::move(*created);
        auto port = m_server->bind("127.0.0.1", 0);
        INFO((port ? std::string() : port.error()));
        REQUIRE(port);
        m_port = *port;
        m_thread = std::thread([this] { m_server->run(); });
    }
    ~RunningServer()
    {
        m_server->stop();
        m_thread.join();
    }
    RunningServer(const RunningServer&) = delete;
    RunningServer& operator=(const RunningServer&) = delete;

    int port() const { return m_port; }
    ContentServer& server() { return *m_server; }

    httplib::Client client() const
    {
        httplib::Client client("127.0.0.1", m_port);
        client.set_connection_timeout(5, 0);
        client.set_read_timeout(10, 0);
        return client;
    }
    httplib::Client admin() const
    {
        auto client = this->client();
        client.set_bearer_token_auth(test_token);
        return client;
    }

private:
    std::unique_ptr<ContentServer> m_server;
    std::thread m_thread;
    int m_port = 0;
};

// Sends `request` byte for byte (no client library normalising the path) and returns the
// whole answer; the request should carry "Connection: close".
inline std::string raw_exchange(int port, const std::string& request)
{
    hallboard::UniqueFd socket(::socket(AF_INET, SOCK_STREAM, 0));
    REQUIRE(socket.valid());
    int fd = socket.get();
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    timeval timeout { 5, 0 };
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    size_t sent = 0;
    while (sent < request.size()) {
        auto n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
        if (n <= 0)
            break;
        sent += static_cast<size_t>(n);
    }
    std::string answer;
    char buffer[4096];
    for (;;) {
        auto n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0)
            break;
        answer.append(buffer, static_cast<size_t>(n));
    }
    return answer;
}

// The status code of a raw answer ("HTTP/1.1 404 Not Found" -> 404), 0 when there is none.
inline int raw_status(const std::string& answer)
{
    if (answer.rfind("HTTP/1.1 ", 0) != 0 || answer.size() < 12)
        return 0;
    return std::stoi(answer.substr(9, 3));
}

// Waits (up to 2 s) until the log has `count` lines containing `fragment`: the server logs
// after it has answered, so the client may be a moment ahead.
inline bool wait_for_log(const LogRecorder& log, std::string_view fragment, int count)
{
    for (int i = 0; i < 200; ++i) {
        if (log.count_containing(fragment) >= count)
            return log.count_containing(fragment) == count;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

} // namespace hallboard::test
