// Computing a change set between two snapshots and applying one to its base.
#include "content/desk/change_set.h"

#include <set>

namespace hallboard::desk {

ChangeSet compute_change_set(const SourceSnapshot& base, const SourceSnapshot& local, std::uint64_t base_version)
{
    ChangeSet change;
    change.base_version = base_version;

    std::set<std::string> ids;
    for (auto const& [id, text] : base.notices)
        ids.insert(id);
    for (auto const& [id, text] : local.notices)
        ids.insert(id);
    for (auto const& id : ids) {
        auto before = base.notices.find(id);
        auto after = local.notices.find(id);
        if (before == base.notices.end())
            change.notices.push_back({ NoticeOperation::Add, id, after->second, {} });
        else if (after == local.notices.end())
            change.notices.push_back({ NoticeOperation::Withdraw, id, std::nullopt, before->second.sha256 });
        else if (before->second != after->second)
            change.notices.push_back({ NoticeOperation::Change, id, after->second, before->second.sha256 });
    }

    if (base.channel != local.channel) {
        change.channel = ChannelEdit {
            base.channel ? std::optional(base.channel->sha256) : std::nullopt,
            local.channel,
        };
    }

    std::set<std::string> paths;
    for (auto const& [path, asset] : base.assets)
        paths.insert(path);
    for (auto const& [path, asset] : local.assets)
        paths.insert(path);
    for (auto const& path : paths) {
        auto before = base.assets.find(path);
        auto after = local.assets.find(path);
        std::optional<std::string> base_sha256;
        if (before != base.assets.end())
            base_sha256 = before->second.sha256;
        if (after == local.assets.end())
            change.assets.push_back({ AssetOperation::Remove, path, std::nullopt, base_sha256 });
        else if (before == base.assets.end() || before->second != after->second)
            change.assets.push_back({ AssetOperation::Put, path, after->second, base_sha256 });
    }
    return change;
}

namespace {

Result<void> apply_notice(SourceSnapshot& snapshot, const NoticeEdit& edit)
{
    auto found = snapshot.notices.find(edit.id);
    auto mismatch = [&](const std::string& what) {
        return fail("notice '" + edit.id + "': " + what + " (the change was not computed against this base)");
    };
    switch (edit.operation) {
    case NoticeOperation::Add:
        if (found != snapshot.notices.end())
            return mismatch("added, but the base already has it");
        if (!edit.after)
            return fail("notice '" + edit.id + "': added without its file");
        snapshot.notices.emplace(edit.id, *edit.after);
        return Ok {};
    case NoticeOperation::Change:
    case NoticeOperation::Withdraw:
        if (found == snapshot.notices.end())
            return mismatch("the base has no such notice");
        if (found->second.sha256 != edit.base_sha256)
            return mismatch("the base holds other bytes for it");
        if (edit.operation == NoticeOperation::Withdraw) {
            snapshot.notices.erase(found);
            return Ok {};
        }
        if (!edit.after)
            return fail("notice '" + edit.id + "': changed without its file");
        found->second = *edit.after;
        return Ok {};
    }
    return fail("notice '" + edit.id + "': unknown operation");
}

Result<void> apply_asset(SourceSnapshot& snapshot, const AssetEdit& edit)
{
    auto found = snapshot.assets.find(edit.path);
    std::optional<std::string> present;
    if (found != snapshot.assets.end())
        present = found->second.sha256;
    if (present != edit.base_sha256)
        return fail(edit.path + ": the base holds another file there (the change was not computed against this base)");
    if (edit.operation == AssetOperation::Remove) {
        if (found == snapshot.assets.end())
            return fail(edit.path + ": removed, but the base has no such file");
        snapshot.assets.erase(found);
        return Ok {};
    }
    if (!edit.after)
        return fail(edit.path + ": added without its digest");
    snapshot.assets[edit.path] = *edit.after;
    return Ok {};
}

} // namespace

Result<SourceSnapshot> apply_change_set(const SourceSnapshot& base, const ChangeSet& change)
{
    SourceSnapshot result = base;
    for (auto const& edit : change.notices) {
        if (auto applied = apply_notice(result, edit); !applied)
            return std::move(applied).take_error();
    }
    if (change.channel) {
        std::optional<std::string> present;
        if (base.channel)
            present = base.channel->sha256;
        if (present != change.channel->base_sha256)
            return fail(
                "channel.yaml: the base holds another version of it (the change was not computed against this base)");
        result.channel = change.channel->after;
    }
    for (auto const& edit : change.assets) {
        if (auto applied = apply_asset(result, edit); !applied)
            return std::move(applied).take_error();
    }
    return result;
}

} // namespace hallboard::desk
