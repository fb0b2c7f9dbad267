// Writing a snapshot into a folder, file by file, each file replaced atomically.
#include "content/desk/snapshot_writer.h"

#include "base/durable_files.h"
#include "content/desk/source_paths.h"
#include "content/model/source_loader.h"
#include "content/model/yaml_support.h"
#include "content/publish/signing.h"

#include <set>
#include <vector>

namespace hallboard::desk {

namespace fs = std::filesystem;

AssetStore blob_folder_store(fs::path blobs)
{
    return [blobs = std::move(blobs)](const std::string&, const SourceAsset& asset) { return blobs / asset.sha256; };
}

AssetStore source_folder_store(fs::path root)
{
    return [root = std::move(root)](const std::string& path, const SourceAsset&) { return root / path; };
}

namespace {

Result<void> check_target(const fs::path& root)
{
    std::error_code error;
    if (!fs::exists(fs::symlink_status(root, error))) {
        fs::create_directories(root, error);
        if (error)
            return fail("cannot create " + root.string() + ": " + error.message());
        return Ok {};
    }
    if (!fs::is_directory(root, error))
        return fail(root.string() + " is not a folder");
    if (!is_content_source(root) && !fs::is_empty(root, error))
        return fail(root.string()
            + " holds other files and is not a content source (no notices/ folder); "
              "pull into a new or empty folder");
    return Ok {};
}

Result<void> check_paths(const SourceSnapshot& snapshot)
{
    if (snapshot.channel) {
        if (auto checked = check_channel_file(snapshot.channel->file); !checked)
            return checked;
    }
    std::set<std::string> files;
    for (auto const& [id, text] : snapshot.notices) {
        if (auto checked = check_notice_file(text.file); !checked)
            return checked;
        if (!files.insert(text.file).second)
            return fail("two notices would be written to " + text.file);
    }
    for (auto const& [path, asset] : snapshot.assets) {
        if (auto checked = check_asset_path(path); !checked)
            return checked;
    }
    return Ok {};
}

// Writes `bytes` to root/relative unless the file already holds exactly them.
Result<void> write_if_different(
    const fs::path& root, const std::string& relative, const std::string& bytes, size_t max_bytes)
{
    auto target = root / relative;
    auto existing = durable::read_file(target, max_bytes);
    if (existing && *existing && **existing == bytes)
        return Ok {};
    std::error_code error;
    fs::create_directories(target.parent_path(), error);
    if (error)
        return fail("cannot create " + target.parent_path().string() + ": " + error.message());
    return durable::write_file(target, bytes);
}

Result<void> write_asset(
    const fs::path& root, const std::string& path, const SourceAsset& asset, const AssetStore& store)
{
    auto present = sha256_of_file(root / path, max_asset_bytes);
    if (present && present->sha256 == asset.sha256)
        return Ok {};
    auto from = store(path, asset);
    auto bytes = durable::read_file(from, max_asset_bytes);
    if (!bytes)
        return std::move(bytes).take_error();
    if (!*bytes)
        return fail("the bytes of " + path + " are not at " + from.string());
    if (sha256_hex_of(**bytes) != asset.sha256)
        return fail(from.string() + " does not hold the bytes of " + path + " (its sha256 differs)");
    return write_if_different(root, path, **bytes, max_asset_bytes);
}

bool is_hidden(const fs::path& path)
{
    return path.filename().string().front() == '.';
}

// Removes the visible files of `folder` (recursively when asked) that `keep` does not name.
Result<void> remove_others(
    const fs::path& root, const std::string& folder, const std::set<std::string>& keep, bool recursive)
{
    std::vector<fs::path> doomed;
    std::error_code error;
    auto start = root / folder;
    if (!fs::is_directory(start, error))
        return Ok {};
    auto consider = [&](const fs::directory_entry& entry) {
        auto relative = fs::relative(entry.path(), root, error).generic_string();
        if (!entry.is_directory(error) && !keep.contains(relative))
            doomed.push_back(entry.path());
    };
    if (recursive) {
        fs::recursive_directory_iterator it(start, error), end;
        for (; !error && it != end; it.increment(error)) {
            if (is_hidden(it->path())) {
                if (it->is_directory(error))
                    it.disable_recursion_pending();
                continue;
            }
            consider(*it);
        }
    } else {
        for (fs::directory_iterator it(start, error), end; !error && it != end; it.increment(error)) {
            auto name = it->path().filename().string();
            bool notice_like = name.ends_with(".yaml") || name.ends_with(".yml");
            if (!is_hidden(it->path()) && notice_like)
                consider(*it);
        }
    }
    if (error)
        return fail("cannot list " + start.string() + ": " + error.message());
    for (auto const& path : doomed) {
        if (!fs::remove(path, error) && error)
            return fail("cannot remove " + path.string() + ": " + error.message());
    }
    return Ok {};
}

} // namespace

Result<void> write_snapshot(const SourceSnapshot& snapshot, const fs::path& root, const AssetStore& store)
{
    if (auto checked = check_paths(snapshot); !checked)
        return checked;
    if (auto checked = check_target(root); !checked)
        return checked;
    std::error_code error;
    fs::create_directories(root / "notices", error);
    if (error)
        return fail("cannot create " + (root / "notices").string() + ": " + error.message());

    // New bytes first, removals last: a run stopped half way leaves extra files, never a
    // notice missing that both versions have.
    for (auto const& [path, asset] : snapshot.assets) {
        if (auto written = write_asset(root, path, asset, store); !written)
            return written;
    }
    for (auto const& [id, text] : snapshot.notices) {
        if (auto written = write_if_different(root, text.file, text.bytes, max_yaml_file_bytes); !written)
            return written;
    }
    if (snapshot.channel) {
        if (auto written
            = write_if_different(root, snapshot.channel->file, snapshot.channel->bytes, max_yaml_file_bytes);
            !written)
            return written;
    }
    for (auto name : { "channel.yaml", "channel.yml" }) {
        if (snapshot.channel && snapshot.channel->file == name)
            continue;
        if (!fs::remove(root / name, error) && error)
            return fail("cannot remove " + (root / name).string() + ": " + error.message());
    }
    std::set<std::string> notice_files;
    for (auto const& [id, text] : snapshot.notices)
        notice_files.insert(text.file);
    if (auto removed = remove_others(root, "notices", notice_files, false); !removed)
        return removed;
    std::set<std::string> asset_paths;
    for (auto const& [path, asset] : snapshot.assets)
        asset_paths.insert(path);
    return remove_others(root, "assets", asset_paths, true);
}

} // namespace hallboard::desk
