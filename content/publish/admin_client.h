// The client of `hallboard serve`'s admin API (docs/server.md §2), for `publish --to` and `--rollback`.
// One call per request; answers come back as values, refusals as an AdminProblem. Prints nothing.
#pragma once

#include "base/net/http_client.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace hallboard {

// Why a request did not give what was asked.
struct AdminProblem {
    int status = 0;                    // the HTTP status; 0 when no answer came (unreachable, timed out)
    std::string message;               // one line: the transport's error, or the server's "error" field
    std::uint64_t current_version = 0; // a refused manifest swap: the version the server is at
    std::vector<std::string> missing;  // a refused manifest swap: blobs the server lacks
};

struct ServerVersions {
    std::uint64_t current = 0;           // 0 before the first publish
    std::string current_etag;            // the current manifest's ETag; empty before the first publish
    std::vector<std::uint64_t> versions; // every committed version, oldest first
};

// A committed version as the server keeps it: the manifest's exact bytes and its signature line.
struct StoredManifest {
    std::string bytes;
    std::string signature_line;
};

// The server's own words in a refusal: the text "error" field of a JSON answer, escaped for the
// admin's terminal (a hostile or broken server could send escape sequences or forge lines).
// Empty when the body has none, e.g. a proxy's HTML page.
std::string server_error_text(const std::string& body);

class AdminClient {
public:
    // `base_url` is the server's address ("http://10.1.2.3:8080", with or without a path prefix).
    AdminClient(std::string base_url, std::string token);

    // Uploads are sent no faster than this (bytes per second; 0: no limit).
    void set_upload_rate_limit(std::uint64_t bytes_per_second) { m_upload_rate_limit = bytes_per_second; }

    std::optional<ServerVersions> versions(AdminProblem& problem);
    std::optional<StoredManifest> stored_manifest(std::uint64_t version, AdminProblem& problem);
    // Which of `sha256s` the server lacks, in the order asked.
    std::optional<std::vector<std::string>> missing_blobs(
        const std::vector<std::string>& sha256s, AdminProblem& problem);
    // Streams `file` to blobs/<sha256>; the server hashes it on arrival and refuses other bytes (422).
    bool put_blob(const std::string& sha256, const std::filesystem::path& file,
        const std::function<void(std::uint64_t done, std::uint64_t total)>& progress, AdminProblem& problem);
    // Swaps the server's manifest, on condition that it is still at `replaces`.
    bool put_manifest(
        const std::string& bytes, const std::string& signature_line, std::uint64_t replaces, AdminProblem& problem);

    const std::string& base_url() const { return m_base_url; }

private:
    net::Request request(net::Method method, const std::string& path) const;
    // The answer when it has the status wanted; otherwise fills `problem` and gives nullopt.
    std::optional<net::Response> exchange(
        const net::Request& request, std::initializer_list<int> wanted, AdminProblem& problem);

    net::HttpClient m_http;
    std::string m_base_url;
    std::string m_token;
    std::uint64_t m_upload_rate_limit = 0;
};

} // namespace hallboard
