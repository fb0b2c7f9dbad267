// HTTP requests over libcurl for sync and the publish client: bounded, with timeouts, TLS verified.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hallboard::net {

struct Timeouts {
    std::chrono::milliseconds connect { 5000 }; // TCP (and TLS) connection set up
    std::chrono::milliseconds stall { 10000 };  // no byte received (or sent) for this long: give up
    std::chrono::milliseconds total { 300000 }; // the whole request, however steady (a 20 MiB poster on a slow link)
};

enum class Method { Get, Head, Put, Post };

struct Request {
    Method method = Method::Get;
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers; // e.g. {"If-None-Match", "\"v3-…\""}
    std::string body;                                         // PUT/POST body held in memory, or
    std::filesystem::path body_file;                          // PUT/POST body streamed from a file (large blobs)
    std::uint64_t max_response_bytes = 1024 * 1024;           // larger answers are cut off with an error
    std::uint64_t max_send_bytes_per_second = 0; // a PUT/POST body is sent no faster; 0: as fast as the link goes
    Timeouts timeouts;
    // Called now and then while a body is sent or received: (bytes done, bytes expected or 0).
    std::function<void(std::uint64_t done, std::uint64_t total)> progress;
    // When set and it becomes true, the request stops soon (within ~100 ms) with an error.
    const std::atomic<bool>* cancel = nullptr;
};

struct Response {
    int status = 0;                             // the HTTP status; 0 when no answer came (see error)
    std::string error;                          // empty on a complete exchange; otherwise one line for a log
    std::map<std::string, std::string> headers; // names lower-cased; the last value of a repeated header
    std::string body;                           // decoded (gzip/br) body, unless a sink took it
    std::uint64_t body_bytes = 0;               // bytes of body received (decoded), whether or not kept in `body`
    std::uint64_t transferred_bytes = 0;        // bytes on the wire, headers included (for "bytes per poll")

    bool complete() const { return error.empty() && status != 0; }
    bool succeeded() const { return complete() && status >= 200 && status < 300; }
    std::string header(std::string_view lower_case_name) const; // "" when absent
};

// Receives a body chunk by chunk; returning false stops the transfer with an error.
using BodySink = std::function<bool(std::string_view chunk)>;

// One client per thread (it keeps connections alive between requests; not thread-safe).
// HTTPS verifies the server's certificate and host name against the system's CA store,
// always; plain http:// is allowed (a hall's LAN), redirects are not followed.
class HttpClient {
public:
    HttpClient();
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // Sends `request`; the body lands in Response::body (bounded by max_response_bytes).
    Response send(const Request& request);
    // Same, but the body goes to `sink` as it arrives (bounded by max_response_bytes too).
    Response send(const Request& request, const BodySink& sink);

private:
    void* m_curl = nullptr;  // CURL*, kept for connection reuse
    void* m_multi = nullptr; // CURLM*, owns the kept-alive connections; lets a cancel act within 100 ms
};

// "http://host:port/base/" + "manifest.json" with exactly one slash between.
std::string join_url(std::string_view base, std::string_view path);

} // namespace hallboard::net
