// The desk on the server (docs/desk.md §3, §6): every version's source and record kept next to
// its manifest, changes merged per notice onto the current version, checked, signed with the
// server's key and published through the served tree, one at a time.
#pragma once

#include "content/desk/change_set.h"
#include "content/desk/source_snapshot.h"
#include "content/desk/version_record.h"
#include "content/publish/signing.h"
#include "content/server/served_tree.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

namespace hallboard {

// An answer for the routes: the HTTP status and the JSON body.
struct DeskAnswer {
    int status = 200;
    nlohmann::ordered_json body;
};

inline constexpr std::uint64_t max_desk_versions_page = 200;

class DeskService {
public:
    // Fails when `key` does not sign the tree's current manifest (the screens trust another key).
    static Result<std::unique_ptr<DeskService>> open(ServedTree& tree, SecretKey key);

    DeskAnswer current_source();
    // Newest first: versions below `before` (0: from the current one), at most `limit`.
    DeskAnswer list_versions(std::uint64_t before, std::uint64_t limit);
    DeskAnswer version(std::uint64_t number);
    DeskAnswer publish_change(
        const desk::ChangeSet& change, const std::string& author, std::chrono::system_clock::time_point now);
    DeskAnswer restore(std::uint64_t number, const std::string& message, const std::string& author,
        std::chrono::system_clock::time_point now);

private:
    DeskService(ServedTree& tree, SecretKey key);

    enum class SourceState { Found, NoSuchVersion, NoSource, Damaged };
    struct StoredSource {
        SourceState state = SourceState::NoSuchVersion;
        desk::SourceSnapshot snapshot;
        std::optional<desk::VersionRecord> record;
        std::string problem;
    };
    // Version `number`'s record and (unless `record_only`) source; version 0 is the empty desk.
    StoredSource read_source(std::uint64_t number, bool record_only = false) const;
    // The current version and its source; an answer (409, 500) when the desk cannot merge onto it.
    std::optional<DeskAnswer> load_current(std::uint64_t& version, desk::SourceSnapshot& snapshot);
    DeskAnswer commit(std::uint64_t current_version, const desk::SourceSnapshot& current, desk::SourceSnapshot next,
        desk::VersionRecord record, bool even_if_unchanged = false);

    ServedTree& m_tree;
    SecretKey m_key;
    std::mutex m_mutex; // one change at a time: read current, merge, check, sign, store, swap
    std::optional<std::pair<std::uint64_t, desk::SourceSnapshot>> m_current; // cache of the current source
};

} // namespace hallboard
