// Pull and publish between a folder and the desk.
#include "content/desk/folder_sync.h"

#include "base/terminal_text.h"
#include "content/desk/snapshot_writer.h"
#include "content/desk/version_record.h"
#include "content/model/source_loader.h"
#include "content/publish/signing.h"

#include <set>
#include <sstream>

namespace hallboard::desk {

namespace fs = std::filesystem;

namespace {

std::string without_trailing_slash(std::string url)
{
    while (!url.empty() && url.back() == '/')
        url.pop_back();
    return url;
}

Result<void> check_same_server(const PullRecord& record, const DeskClient& client, const fs::path& folder)
{
    if (without_trailing_slash(record.server) == without_trailing_slash(client.base_url()))
        return Ok {};
    return fail(folder.string() + " was pulled from " + escape_terminal_text(record.server) + ", not "
        + client.base_url() + "; pull into another folder to work with this server");
}

bool holds_visible_files(const fs::path& folder)
{
    std::error_code error;
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
        auto name = it->path().filename().string();
        if (!name.empty() && name.front() != '.')
            return true;
    }
    return false;
}

} // namespace

PullPlan plan_pull(const SourceSnapshot& base, const SourceSnapshot& theirs, const SourceSnapshot& local,
    const Resolutions& resolutions)
{
    PullPlan plan;
    auto outcome = merge_snapshots(base, theirs, local, resolutions);
    if (auto const* conflicts = std::get_if<MergeConflicts>(&outcome)) {
        plan.conflicts = conflicts->conflicts;
        return plan;
    }
    plan.merged = std::get<SourceSnapshot>(std::move(outcome));
    std::set<std::string> ids;
    for (auto const& [id, text] : plan.merged.notices)
        ids.insert(id);
    for (auto const& [id, text] : theirs.notices)
        ids.insert(id);
    for (auto const& id : ids) {
        auto mine = plan.merged.notices.find(id);
        auto server = theirs.notices.find(id);
        bool same = (mine == plan.merged.notices.end()) == (server == theirs.notices.end())
            && (mine == plan.merged.notices.end() || mine->second == server->second);
        if (!same)
            plan.kept_local_edits.push_back(id);
    }
    return plan;
}

Result<PullResult> pull_into_folder(DeskClient& client, const fs::path& folder, const Resolutions& resolutions)
{
    auto record = read_pull_record(folder);
    if (!record)
        return std::move(record).take_error();
    if (*record) {
        if (auto same = check_same_server(**record, client, folder); !same)
            return std::move(same).take_error();
    } else if (holds_visible_files(folder)) {
        return fail(folder.string()
            + " holds files but was never pulled (it has no .hallboard/base.json); pull into a new or empty folder "
              "and copy your changes into it");
    }
    DeskProblem problem;
    auto server = client.source(problem);
    if (!server)
        return fail("cannot get the server's source: " + problem.message);

    PullResult result;
    result.version = server->version;
    SourceSnapshot base, local;
    if (*record) {
        result.previous_version = (*record)->version;
        base = (*record)->base;
        auto read = snapshot_from_folder(folder);
        if (!read)
            return fail(read.error() + "; fix the folder first (hallboard check), then pull");
        local = std::move(*read);
    }
    result.plan = plan_pull(base, server->snapshot, local, resolutions);
    if (!result.plan.conflicts.empty())
        return result;

    // notices/ first: the folder is then a content source (checked empty or pulled above), which
    // the writer requires before it writes into a folder that holds anything (the cache below).
    std::error_code error;
    fs::create_directories(folder / "notices", error);
    if (error)
        return fail("cannot create " + (folder / "notices").string() + ": " + error.message());
    // The pictures, into a cache the writer reads (and checks against their sha256).
    auto cache = folder / ".hallboard" / "blobs";
    fs::create_directories(cache, error);
    if (error)
        return fail("cannot create " + cache.string() + ": " + error.message());
    for (auto const& [path, asset] : result.plan.merged.assets) {
        auto present = sha256_of_file(folder / path, max_asset_bytes);
        if ((present && present->sha256 == asset.sha256) || fs::exists(cache / asset.sha256, error))
            continue;
        if (!client.download_blob(asset.sha256, cache / asset.sha256, problem))
            return fail("cannot download " + path + ": " + problem.message);
    }
    if (auto written = write_snapshot(result.plan.merged, folder, blob_folder_store(cache)); !written)
        return std::move(written).take_error();
    if (auto written = write_pull_record(folder, PullRecord { client.base_url(), server->version, server->snapshot });
        !written)
        return std::move(written).take_error();
    fs::remove_all(cache, error);

    VersionRecord changes;
    record_notice_changes(changes, local, result.plan.merged);
    result.added = std::move(changes.added);
    result.changed = std::move(changes.changed);
    result.withdrawn = std::move(changes.withdrawn);
    return result;
}

Result<FolderPublishResult> publish_folder_change(DeskClient& client, AdminClient& blobs, const fs::path& folder,
    const std::string& message, const std::function<void(const std::string& path, std::uint64_t size)>& uploading)
{
    auto record = read_pull_record(folder);
    if (!record)
        return std::move(record).take_error();
    if (!*record)
        return fail(folder.string() + " was never pulled (no .hallboard/base.json)");
    if (auto same = check_same_server(**record, client, folder); !same)
        return std::move(same).take_error();
    auto local = snapshot_from_folder(folder);
    if (!local)
        return std::move(local).take_error();

    FolderPublishResult result;
    result.change = compute_change_set((*record)->base, *local, (*record)->version);
    result.change.message = message;
    if (result.change.empty())
        return result;

    std::vector<std::string> hashes;
    std::map<std::string, std::pair<std::string, std::uint64_t>> file_of; // sha256 -> path, size
    for (auto const& edit : result.change.assets) {
        if (edit.operation == AssetOperation::Put && edit.after) {
            hashes.push_back(edit.after->sha256);
            file_of.emplace(edit.after->sha256, std::pair { edit.path, edit.after->size });
        }
    }
    if (!hashes.empty()) {
        AdminProblem admin_problem;
        auto missing = blobs.missing_blobs(hashes, admin_problem);
        if (!missing)
            return fail("cannot ask the server which pictures it lacks: " + admin_problem.message);
        for (auto const& sha256 : *missing) {
            auto const& [path, size] = file_of.at(sha256);
            if (uploading)
                uploading(path, size);
            if (!blobs.put_blob(sha256, folder / path, nullptr, admin_problem))
                return fail("cannot upload " + path + ": " + admin_problem.message);
            ++result.uploaded_blobs;
        }
    }
    result.answer = client.send_change(result.change, result.problem);
    if (!result.answer)
        return result;
    // The folder's base moves to the new version only when that version is exactly the folder
    // (nobody published in between); otherwise a pull brings the others' changes in.
    DeskProblem ignored;
    auto now = client.version_source(result.answer->version, ignored);
    if (result.answer->version > 0 && now && now->snapshot == *local) {
        if (auto written = write_pull_record(folder, PullRecord { (*record)->server, now->version, *local }); !written)
            return std::move(written).take_error();
        result.record_moved = true;
    }
    return result;
}

Result<ChangeSet> withdraw_change(const ServerSource& current, const std::string& id, const std::string& message)
{
    auto notice = current.snapshot.notices.find(id);
    if (notice == current.snapshot.notices.end())
        return fail("the server's version " + std::to_string(current.version) + " has no notice '"
            + escape_terminal_text(id) + "' (see hallboard versions)");
    ChangeSet change;
    change.base_version = current.version;
    change.message = message;
    change.notices.push_back({ NoticeOperation::Withdraw, id, std::nullopt, notice->second.sha256 });
    return change;
}

std::string format_conflict(const Conflict& conflict)
{
    std::ostringstream out;
    out << "conflict: " << escape_terminal_text(describe(conflict)) << "\n";
    auto text_side = [&](const char* label, const std::optional<SourceText>& side) {
        if (!side) {
            out << "  " << label << ": (none: withdrawn or never added)\n";
            return;
        }
        out << "  " << label << " (" << escape_terminal_text(side->file) << "):\n";
        std::istringstream lines(side->bytes);
        for (std::string line; std::getline(lines, line);)
            out << "    | " << escape_terminal_text(line) << "\n";
    };
    auto asset_side = [&](const char* label, const std::optional<SourceAsset>& side) {
        out << "  " << label << ": ";
        if (side)
            out << side->size << " bytes, sha256 " << escape_terminal_text(side->sha256.substr(0, 16)) << "…\n";
        else
            out << "(none: removed or never added)\n";
    };
    if (conflict.subject == ConflictSubject::Asset) {
        asset_side("on the server", conflict.asset.theirs);
        asset_side("here", conflict.asset.ours);
    } else {
        text_side("on the server", conflict.text.theirs);
        text_side("here", conflict.text.ours);
    }
    return out.str();
}

} // namespace hallboard::desk
