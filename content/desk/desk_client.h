// The client of the server's desk routes (docs/server.md §8), for pull, publish with a pull
// record, versions, restore and withdraw. One call per request; prints nothing.
#pragma once

#include "base/net/http_client.h"
#include "content/desk/change_set.h"
#include "content/desk/merge.h"
#include "content/desk/source_snapshot.h"
#include "content/desk/version_record.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hallboard::desk {

// Why a request did not give what was asked.
struct DeskProblem {
    int status = 0;      // HTTP status; 0 when no answer came
    std::string message; // one line, escaped for a terminal
    std::uint64_t current_version = 0;
    std::vector<Conflict> conflicts;  // 409 on a publish: both sides of each
    std::vector<std::string> missing; // 422 on a publish: blobs to upload first
};

struct ServerSource {
    std::uint64_t version = 0;
    SourceSnapshot snapshot;
};

// One line of the history: a desk version's record, or a version published as a whole tree.
struct VersionEntry {
    std::uint64_t version = 0;
    std::optional<VersionRecord> record; // nullopt: "whole-tree"
};

struct VersionsPage {
    std::uint64_t current = 0;
    std::vector<VersionEntry> versions; // newest first
    std::optional<std::uint64_t> next_before;
};

struct PublishAnswer {
    bool published = false;
    std::uint64_t version = 0;           // the new version, or the current one when nothing changed
    std::optional<VersionRecord> record; // when published
    std::string message;                 // when nothing changed
};

class DeskClient {
public:
    // `author`: sent as X-Hallboard-Author when not empty (the server records "admin" otherwise).
    DeskClient(std::string base_url, std::string token, std::string author);

    std::optional<ServerSource> source(DeskProblem& problem);
    std::optional<ServerSource> version_source(std::uint64_t version, DeskProblem& problem);
    std::optional<VersionsPage> versions(std::uint64_t before, std::uint64_t limit, DeskProblem& problem);
    std::optional<PublishAnswer> send_change(const ChangeSet& change, DeskProblem& problem);
    std::optional<PublishAnswer> restore(std::uint64_t version, const std::string& message, DeskProblem& problem);
    // GET /blobs/<sha256> into `target` (its bytes are checked by whoever uses them).
    bool download_blob(const std::string& sha256, const std::filesystem::path& target, DeskProblem& problem);

    const std::string& base_url() const { return m_base_url; }

private:
    net::Request request(net::Method method, const std::string& path) const;
    std::optional<net::Response> exchange(const net::Request& request, DeskProblem& problem);
    std::optional<PublishAnswer> publish_answer(const net::Response& response, DeskProblem& problem);

    net::HttpClient m_http;
    std::string m_base_url;
    std::string m_token;
    std::string m_author;
};

} // namespace hallboard::desk
