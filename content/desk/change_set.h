// A change to a content source: per-notice operations (add, change, withdraw), the channel and
// the assets, against the version it was based on. What `hallboard publish` sends to a desk.
#pragma once

#include "base/result.h"
#include "content/desk/source_snapshot.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hallboard::desk {

enum class NoticeOperation { Add, Change, Withdraw };

struct NoticeEdit {
    NoticeOperation operation = NoticeOperation::Change;
    std::string id;
    std::optional<SourceText> after; // Add, Change: the notice's file and bytes; Withdraw: nullopt
    // Change, Withdraw: the sha256 of the notice's bytes in the base, so that an edit is applied
    // only to the base it was computed against. Empty for Add.
    std::string base_sha256;
    bool operator==(const NoticeEdit&) const = default;
};

// channel.yaml added, changed or removed.
struct ChannelEdit {
    std::optional<std::string> base_sha256; // nullopt: the base had no channel.yaml
    std::optional<SourceText> after;        // nullopt: channel.yaml is removed
    bool operator==(const ChannelEdit&) const = default;
};

enum class AssetOperation { Put, Remove };

// A file under assets/ added, replaced (Put over an existing path) or removed. The bytes
// travel separately (uploaded as blobs, as publish does today); the change names them by hash.
struct AssetEdit {
    AssetOperation operation = AssetOperation::Put;
    std::string path;                       // "assets/poster.png"
    std::optional<SourceAsset> after;       // Put: the new digest; Remove: nullopt
    std::optional<std::string> base_sha256; // nullopt: the base had no file at this path
    bool operator==(const AssetEdit&) const = default;
};

struct ChangeSet {
    std::uint64_t base_version = 0;  // the version the change was computed against; 0: an empty desk
    std::string message;             // why, in the admin's words ("2027 tariff"); may be empty
    std::vector<NoticeEdit> notices; // sorted by id, each id once
    std::optional<ChannelEdit> channel;
    std::vector<AssetEdit> assets; // sorted by path, each path once
    bool operator==(const ChangeSet&) const = default;

    bool empty() const { return notices.empty() && !channel && assets.empty(); }
};

// What turns `base` into `local`. A notice whose file was renamed is changed, not withdrawn
// and added: it is keyed by id. Pure.
ChangeSet compute_change_set(const SourceSnapshot& base, const SourceSnapshot& local, std::uint64_t base_version);

// `base` with `change` applied. Fails when the change does not fit the base: adds a notice the
// base has, changes or withdraws one it lacks or holds with other bytes (the change was
// computed against another version). That is a client's mistake, not a merge conflict.
Result<SourceSnapshot> apply_change_set(const SourceSnapshot& base, const ChangeSet& change);

} // namespace hallboard::desk
