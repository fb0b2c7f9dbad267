// The three-way merge rule, applied to every notice, channel.yaml and every asset path.
#include "content/desk/merge.h"

#include <set>

namespace hallboard::desk {

std::string describe(const Conflict& conflict)
{
    auto what = [&]() -> std::string {
        switch (conflict.subject) {
        case ConflictSubject::Notice:
            return "notice '" + conflict.name + "'";
        case ConflictSubject::Channel:
            return conflict.name;
        case ConflictSubject::Asset:
            return "picture " + conflict.name;
        case ConflictSubject::NoticeFile:
            return conflict.name;
        }
        return conflict.name;
    }();
    if (conflict.subject == ConflictSubject::NoticeFile)
        return what + ": the server uses it for notice '" + conflict.ids.at(0) + "', this change for notice '"
            + conflict.ids.at(1) + "'; rename one of the files";
    bool had
        = conflict.subject == ConflictSubject::Asset ? conflict.asset.base.has_value() : conflict.text.base.has_value();
    bool theirs = conflict.subject == ConflictSubject::Asset ? conflict.asset.theirs.has_value()
                                                             : conflict.text.theirs.has_value();
    bool ours
        = conflict.subject == ConflictSubject::Asset ? conflict.asset.ours.has_value() : conflict.text.ours.has_value();
    if (!had)
        return what + ": added on both sides, differently";
    if (!theirs)
        return what + ": withdrawn on the server, changed here";
    if (!ours)
        return what + ": changed on the server, withdrawn here";
    return what + ": changed on both sides, differently";
}

namespace {

template <typename T>
const T* find_in(const std::map<std::string, T>& items, const std::string& key)
{
    auto found = items.find(key);
    return found == items.end() ? nullptr : &found->second;
}

template <typename T>
std::optional<T> optional_of(const T* item)
{
    return item ? std::optional<T>(*item) : std::nullopt;
}

// The merged value of one item, or nullopt with `sides` filled for a conflict.
template <typename T>
std::optional<std::optional<T>> merge_one(const std::optional<T>& base, const std::optional<T>& theirs,
    const std::optional<T>& ours, std::optional<Side> resolution)
{
    if (ours == base || ours == theirs)
        return theirs;
    if (theirs == base)
        return ours;
    if (resolution)
        return *resolution == Side::Ours ? ours : theirs;
    return std::nullopt;
}

template <typename T>
std::set<std::string> keys_of(
    const std::map<std::string, T>& a, const std::map<std::string, T>& b, const std::map<std::string, T>& c)
{
    std::set<std::string> keys;
    for (auto const* items : { &a, &b, &c }) {
        for (auto const& [key, value] : *items)
            keys.insert(key);
    }
    return keys;
}

std::optional<Side> resolution_for(const Resolutions& resolutions, const std::string& name)
{
    auto found = resolutions.find(name);
    return found == resolutions.end() ? std::nullopt : std::optional(found->second);
}

} // namespace

MergeOutcome merge_snapshots(const SourceSnapshot& base, const SourceSnapshot& theirs, const SourceSnapshot& ours,
    const Resolutions& resolutions)
{
    SourceSnapshot merged;
    std::vector<Conflict> conflicts;

    for (auto const& id : keys_of(base.notices, theirs.notices, ours.notices)) {
        ThreeSides<SourceText> sides { optional_of(find_in(base.notices, id)), optional_of(find_in(theirs.notices, id)),
            optional_of(find_in(ours.notices, id)) };
        auto value = merge_one(sides.base, sides.theirs, sides.ours, resolution_for(resolutions, id));
        if (!value)
            conflicts.push_back({ ConflictSubject::Notice, id, sides, {}, {} });
        else if (*value)
            merged.notices.emplace(id, **value);
    }

    static const std::string channel_name = "channel.yaml";
    auto channel = merge_one(base.channel, theirs.channel, ours.channel, resolution_for(resolutions, channel_name));
    if (!channel)
        conflicts.push_back(
            { ConflictSubject::Channel, channel_name, { base.channel, theirs.channel, ours.channel }, {}, {} });
    else
        merged.channel = *channel;

    for (auto const& path : keys_of(base.assets, theirs.assets, ours.assets)) {
        ThreeSides<SourceAsset> sides { optional_of(find_in(base.assets, path)),
            optional_of(find_in(theirs.assets, path)), optional_of(find_in(ours.assets, path)) };
        auto value = merge_one(sides.base, sides.theirs, sides.ours, resolution_for(resolutions, path));
        if (!value)
            conflicts.push_back({ ConflictSubject::Asset, path, {}, sides, {} });
        else if (*value)
            merged.assets.emplace(path, **value);
    }

    // Two notices merged cleanly can still land in one file (both sides added a notice as
    // notices/50-outage.yaml): writing the folder would lose one of them.
    std::map<std::string, std::string> owner_of_file;
    for (auto const& [id, text] : merged.notices) {
        auto [owner, inserted] = owner_of_file.emplace(text.file, id);
        if (inserted)
            continue;
        // Name the server's notice first: it is the one already on screens.
        auto first = owner->second, second = id;
        if (!theirs.notices.contains(first) || theirs.notices.at(first) != merged.notices.at(first))
            std::swap(first, second);
        Conflict conflict { ConflictSubject::NoticeFile, text.file, {}, {}, { first, second } };
        conflict.text.theirs = merged.notices.at(first);
        conflict.text.ours = merged.notices.at(second);
        conflicts.push_back(std::move(conflict));
    }

    if (!conflicts.empty())
        return MergeConflicts { std::move(conflicts) };
    return merged;
}

Result<MergeOutcome> merge(
    const SourceSnapshot& base, const SourceSnapshot& current, const ChangeSet& change, const Resolutions& resolutions)
{
    auto ours = apply_change_set(base, change);
    if (!ours)
        return std::move(ours).take_error();
    return merge_snapshots(base, current, *ours, resolutions);
}

} // namespace hallboard::desk
