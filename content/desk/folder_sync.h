// Pull and publish between an admin's folder and the server's desk (docs/desk.md §6): the
// folder keeps its base in .hallboard/base.json; pull merges the server's version into local
// edits, publish sends only what the folder changed since its base.
#pragma once

#include "base/result.h"
#include "content/desk/desk_client.h"
#include "content/desk/merge.h"
#include "content/desk/pull_record.h"
#include "content/publish/admin_client.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace hallboard::desk {

// What a pull would make of a folder. Pure: base is the record's snapshot (empty on a first
// pull), theirs the server's current source, local the folder as it is now.
struct PullPlan {
    std::vector<Conflict> conflicts;           // not empty: nothing may be written
    SourceSnapshot merged;                     // what the folder becomes
    std::vector<std::string> kept_local_edits; // notice ids whose local edit stays an edit
};
PullPlan plan_pull(const SourceSnapshot& base, const SourceSnapshot& theirs, const SourceSnapshot& local,
    const Resolutions& resolutions);

struct PullResult {
    std::uint64_t previous_version = 0; // the folder's base before (0: a first pull)
    std::uint64_t version = 0;          // the server's version, now the folder's base
    PullPlan plan;
    std::vector<std::string> added, changed, withdrawn; // notices of the folder changed by the pull
};

// Pulls the server's current source into `folder` (missing or empty: written whole; pulled
// before: merged with the local edits). With conflicts nothing is written and the result
// holds them. Blobs are fetched into folder/.hallboard/blobs first; the record is written last.
Result<PullResult> pull_into_folder(
    DeskClient& client, const std::filesystem::path& folder, const Resolutions& resolutions);

struct FolderPublishResult {
    ChangeSet change;                    // what was sent (empty: nothing to publish)
    std::optional<PublishAnswer> answer; // the server's answer when it took the change
    DeskProblem problem;                 // why not, when it did not (409: conflicts)
    int uploaded_blobs = 0;
    bool record_moved = false; // the folder's base is now the new version (nobody published in between)
};

// Sends what `folder` changed since its base: blobs the server lacks first (through the admin
// blob routes), then the change. A folder with a record of another server is refused.
Result<FolderPublishResult> publish_folder_change(DeskClient& client, AdminClient& blobs,
    const std::filesystem::path& folder, const std::string& message,
    const std::function<void(const std::string& path, std::uint64_t size)>& uploading);

// A change withdrawing notice `id` from the server's current version.
Result<ChangeSet> withdraw_change(const ServerSource& current, const std::string& id, const std::string& message);

// A conflict for a terminal: its one-line description, then the server's and this folder's
// file and text (escaped line by line), so nothing of either side is hidden.
std::string format_conflict(const Conflict& conflict);

} // namespace hallboard::desk
