// The desk's storage and publishing on the server.
#include "content/server/desk_service.h"

#include "base/durable_files.h"
#include "base/log.h"
#include "content/desk/conflict_json.h"
#include "content/desk/merge.h"
#include "content/desk/snapshot_check.h"
#include "content/desk/snapshot_json.h"
#include "content/publish/signed_manifest.h"

#include <sys/stat.h>

#include <array>
#include <fstream>

namespace hallboard {

namespace fs = std::filesystem;
using desk::SourceSnapshot;
using desk::VersionRecord;
using Json = nlohmann::ordered_json;

namespace {

DeskAnswer answer(int status, Json body)
{
    return DeskAnswer { status, std::move(body) };
}

DeskAnswer refusal(int status, const std::string& message, Json extra = Json::object())
{
    extra["error"] = message;
    return DeskAnswer { status, std::move(extra) };
}

// The blob of an asset a notice shows: there, of the snapshot's size, and a PNG or JPEG, as
// `check` asks of a picture in assets/.
Result<void> probe_blob(const ServedTree& tree, const std::string& path, const desk::SourceAsset& asset)
{
    auto file = tree.blob_path(asset.sha256);
    struct stat status { };
    if (::lstat(file.c_str(), &status) != 0 || !S_ISREG(status.st_mode))
        return fail(
            path + ": its bytes (blob " + asset.sha256.substr(0, 12) + "…) are not on the server; upload them first");
    if (static_cast<std::uint64_t>(status.st_size) != asset.size)
        return fail(path + ": the blob on the server has another size than the source says");
    std::array<unsigned char, 8> head {};
    std::ifstream in(file, std::ios::binary);
    in.read(reinterpret_cast<char*>(head.data()), head.size());
    bool png = in.gcount() == 8 && head[0] == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G';
    bool jpeg = in.gcount() >= 3 && head[0] == 0xff && head[1] == 0xd8 && head[2] == 0xff;
    if (!png && !jpeg)
        return fail(path + " is not a PNG or JPEG picture");
    return Ok {};
}

Json version_list_entry(std::uint64_t number, const std::optional<VersionRecord>& record)
{
    if (record)
        return desk::version_record_value(*record);
    // Published as a whole signed tree (publish --to with a key), or before the desk was enabled.
    return Json { { "version", number }, { "kind", "whole-tree" } };
}

} // namespace

DeskService::DeskService(ServedTree& tree, SecretKey key)
    : m_tree(tree)
    , m_key(std::move(key))
{
}

Result<std::unique_ptr<DeskService>> DeskService::open(ServedTree& tree, SecretKey key)
{
    if (!sodium_ready())
        return fail("the cryptography library (libsodium) cannot start");
    if (!key.is_consistent())
        return fail("the signing key is damaged (its public half does not match its seed)");
    auto current = tree.snapshot();
    if (current->version > 0) {
        auto signature = parse_signature(current->signature);
        if (!signature || !verify_detached(current->manifest, *signature, key.public_key()))
            return fail("the tree's current version " + std::to_string(current->version)
                + " is not signed by the signing key given to serve, so screens trust another key; give the key that "
                  "published this tree (--signing-key PREFIX.key), or serve a new tree");
    }
    return std::unique_ptr<DeskService>(new DeskService(tree, std::move(key)));
}

DeskService::StoredSource DeskService::read_source(std::uint64_t number, bool record_only) const
{
    StoredSource stored;
    if (number == 0) {
        stored.state = SourceState::Found;
        return stored;
    }
    auto manifest = m_tree.read_version(number, VersionFile::Manifest);
    if (!manifest)
        return stored; // NoSuchVersion: not committed
    auto folder = m_tree.root() / "versions" / std::to_string(number);
    auto record_bytes = durable::read_file(folder / "version.json", desk::max_version_record_bytes);
    // A listing needs only the record; the source (hundreds of KB) is read when it is asked for.
    auto source_bytes = record_only ? durable::read_file(folder / "version.json", desk::max_version_record_bytes)
                                    : durable::read_file(folder / "source.json", desk::max_snapshot_json_bytes);
    if (!record_bytes || !source_bytes || !*record_bytes || !*source_bytes) {
        bool missing = record_bytes && source_bytes;
        stored.state = missing ? SourceState::NoSource : SourceState::Damaged;
        stored.problem = missing ? "version " + std::to_string(number)
                + " was published as a whole signed tree (publish SRC --key … --to), so the desk does not hold "
                  "its source"
                                 : (!record_bytes ? record_bytes.error() : source_bytes.error());
        return stored;
    }
    auto record = desk::version_record_from_json(**record_bytes);
    auto snapshot = record_only ? Result<SourceSnapshot>(SourceSnapshot {}) : desk::snapshot_from_json(**source_bytes);
    if (!record || !snapshot) {
        stored.state = SourceState::Damaged;
        stored.problem = "versions/" + std::to_string(number) + ": " + (!record ? record.error() : snapshot.error());
        return stored;
    }
    // A source.json left by an interrupted publish belongs to another manifest than the one
    // committed under this number: it is not this version's source.
    if (record->version != number || record->manifest_sha256 != sha256_hex_of(*manifest)) {
        stored.state = SourceState::NoSource;
        stored.problem = "version " + std::to_string(number)
            + " was published as a whole signed tree, so the desk does not hold its source";
        return stored;
    }
    stored.state = SourceState::Found;
    stored.snapshot = std::move(*snapshot);
    stored.record = std::move(*record);
    return stored;
}

std::optional<DeskAnswer> DeskService::load_current(std::uint64_t& version, SourceSnapshot& snapshot)
{
    version = m_tree.snapshot()->version;
    if (m_current && m_current->first == version) {
        snapshot = m_current->second;
        return std::nullopt;
    }
    auto stored = read_source(version);
    if (stored.state == SourceState::Found) {
        m_current.emplace(version, stored.snapshot);
        snapshot = std::move(stored.snapshot);
        return std::nullopt;
    }
    if (stored.state == SourceState::Damaged)
        return refusal(500, stored.problem, { { "current_version", version } });
    return refusal(409,
        stored.problem
            + "; restore a version the desk published (hallboard restore N), or publish that folder as a whole again",
        { { "current_version", version } });
}

DeskAnswer DeskService::current_source()
{
    std::lock_guard lock(m_mutex);
    std::uint64_t version = 0;
    SourceSnapshot snapshot;
    if (auto refused = load_current(version, snapshot))
        return *refused;
    return answer(200, { { "version", version }, { "source", desk::snapshot_json_value(snapshot) } });
}

DeskAnswer DeskService::list_versions(std::uint64_t before, std::uint64_t limit)
{
    auto current = m_tree.snapshot()->version;
    std::uint64_t from = before == 0 || before > current + 1 ? current : before - 1;
    limit = std::clamp<std::uint64_t>(limit, 1, max_desk_versions_page);
    auto list = Json::array();
    std::uint64_t number = from;
    for (; number > 0 && list.size() < limit; --number) {
        auto stored = read_source(number, true);
        if (stored.state == SourceState::NoSuchVersion)
            continue;
        list.push_back(version_list_entry(number, stored.record));
    }
    Json body { { "current", current }, { "versions", std::move(list) } };
    // Where the next page starts: ?before=N; null when this page reached version 1.
    body["next_before"] = number > 0 ? Json(number + 1) : Json(nullptr);
    return answer(200, std::move(body));
}

DeskAnswer DeskService::version(std::uint64_t number)
{
    auto stored = read_source(number);
    if (number == 0 || stored.state == SourceState::NoSuchVersion)
        return refusal(404, "no committed version " + std::to_string(number));
    if (stored.state != SourceState::Found)
        return refusal(stored.state == SourceState::Damaged ? 500 : 404, stored.problem,
            { { "record", version_list_entry(number, std::nullopt) } });
    return answer(200,
        { { "record", desk::version_record_value(*stored.record) },
            { "source", desk::snapshot_json_value(stored.snapshot) } });
}

DeskAnswer DeskService::publish_change(
    const desk::ChangeSet& change, const std::string& author, std::chrono::system_clock::time_point now)
{
    std::lock_guard lock(m_mutex);
    std::uint64_t current_version = 0;
    SourceSnapshot current;
    if (auto refused = load_current(current_version, current))
        return *refused;
    if (change.base_version > current_version)
        return refusal(422,
            "the change is based on version " + std::to_string(change.base_version) + ", but the server is at version "
                + std::to_string(current_version) + " (pulled from another server?)",
            { { "current_version", current_version } });
    auto base = read_source(change.base_version);
    if (base.state != SourceState::Found)
        return refusal(422,
            "the change is based on version " + std::to_string(change.base_version)
                + ", whose source the desk does not hold; pull again",
            { { "current_version", current_version } });
    auto merged = desk::merge(base.snapshot, current, change);
    if (!merged)
        return refusal(422,
            "the change does not fit version " + std::to_string(change.base_version) + ": " + merged.error()
                + "; pull again",
            { { "current_version", current_version } });
    if (auto const* conflicts = std::get_if<desk::MergeConflicts>(&*merged)) {
        return refusal(409,
            std::to_string(conflicts->conflicts.size()) + " conflict(s) with changes published since version "
                + std::to_string(change.base_version) + "; nothing was published",
            { { "current_version", current_version },
                { "conflicts", desk::conflicts_json_value(conflicts->conflicts) } });
    }
    VersionRecord record;
    record.based_on = change.base_version;
    record.author = author;
    record.published_at = format_utc_timestamp(now);
    record.message = change.message;
    record.kind = desk::VersionKind::Change;
    return commit(current_version, current, std::get<SourceSnapshot>(std::move(*merged)), std::move(record));
}

DeskAnswer DeskService::restore(std::uint64_t number, const std::string& message, const std::string& author,
    std::chrono::system_clock::time_point now)
{
    std::lock_guard lock(m_mutex);
    std::uint64_t current_version = 0;
    SourceSnapshot current;
    auto refused = load_current(current_version, current);
    if (refused && refused->status != 409)
        return *refused;
    if (refused) // a whole-tree version is current: a restore is how the desk takes over again
        current = SourceSnapshot {};
    auto stored = read_source(number);
    if (number == 0 || stored.state == SourceState::NoSuchVersion)
        return refusal(
            404, "no committed version " + std::to_string(number), { { "current_version", current_version } });
    if (stored.state != SourceState::Found)
        return refusal(stored.state == SourceState::Damaged ? 500 : 422, stored.problem + "; it cannot be restored",
            { { "current_version", current_version } });
    VersionRecord record;
    record.based_on = current_version;
    record.author = author;
    record.published_at = format_utc_timestamp(now);
    record.message = message;
    record.kind = desk::VersionKind::Restore;
    record.restored_from = number;
    // When a whole-tree version is current, even an equal-looking source is published: the
    // current manifest is not the desk's.
    return commit(current_version, current, std::move(stored.snapshot), std::move(record), refused.has_value());
}

DeskAnswer DeskService::commit(std::uint64_t current_version, const SourceSnapshot& current, SourceSnapshot next,
    VersionRecord record, bool even_if_unchanged)
{
    Json at { { "current_version", current_version } };
    if (next == current && !even_if_unchanged) {
        return answer(200,
            { { "published", false }, { "version", current_version },
                { "message", "nothing changed: version " + std::to_string(current_version) + " already holds this" } });
    }
    std::vector<std::string> hashes;
    for (auto const& [path, asset] : next.assets)
        hashes.push_back(asset.sha256);
    if (auto missing = m_tree.missing_blobs(hashes); !missing.empty()) {
        at["missing"] = missing;
        return refusal(422,
            std::to_string(missing.size()) + " asset(s) of the change are not on the server; upload their blobs first",
            at);
    }
    auto checked = desk::check_snapshot(next,
        [this](const std::string& path, const desk::SourceAsset& asset) { return probe_blob(m_tree, path, asset); });
    if (!checked)
        return refusal(
            422, "the merged source would not pass check: " + checked.error() + "; nothing was published", at);
    if (current_version + 1 > max_manifest_version)
        return refusal(409, "the tree is at the highest version a manifest may carry", at);
    std::uint64_t version = current_version + 1;
    auto signed_manifest
        = sign_new_manifest(checked->source, checked->used_assets, version, record.published_at, m_key);
    if (!signed_manifest)
        return refusal(500, signed_manifest.error(), at);

    record.version = version;
    desk::record_notice_changes(record, current, next);
    record.manifest_sha256 = sha256_hex_of(signed_manifest->bytes);
    auto source_json = desk::snapshot_to_json(next);
    if (!source_json)
        return refusal(422, source_json.error(), at);

    // 1. The version's source and record, then (in swap_manifest) its manifest and signature,
    //    then the top-level pair: a crash before the last rename leaves the previous version
    //    current, and what it left under versions/<N>/ is overwritten by the next publish.
    auto folder = m_tree.root() / "versions" / std::to_string(version);
    std::error_code error;
    fs::create_directories(folder, error);
    if (error)
        return refusal(500, "cannot create " + folder.string() + ": " + error.message(), at);
    auto written = durable::write_file(folder / "source.json", *source_json);
    if (written)
        written = durable::write_file(folder / "version.json", desk::version_record_to_json(record));
    if (!written)
        return refusal(500, written.error(), at);
    auto line = signed_manifest->signature_line.substr(0, signed_manifest->signature_line.size() - 1);
    auto swapped = m_tree.swap_manifest(signed_manifest->bytes, line, std::to_string(current_version));
    if (swapped.outcome != ManifestSwapOutcome::Published) {
        int status = swapped.outcome == ManifestSwapOutcome::PreconditionFailed ? 409 : 500;
        return refusal(status, swapped.message, { { "current_version", swapped.current_version } });
    }
    log_info("desk: version " + std::to_string(version) + " by " + record.author + " ("
        + std::string(desk::kind_name(record.kind)) + "): " + std::to_string(record.added.size()) + " added, "
        + std::to_string(record.changed.size()) + " changed, " + std::to_string(record.withdrawn.size())
        + " withdrawn");
    m_current.emplace(version, std::move(next));
    return answer(
        200, { { "published", true }, { "version", version }, { "record", desk::version_record_value(record) } });
}

} // namespace hallboard
