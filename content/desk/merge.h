// The three-way, per-notice merge: a change made against an old version, laid onto the
// server's current version, keeping what others changed meanwhile and naming every conflict.
#pragma once

#include "base/result.h"
#include "content/desk/change_set.h"
#include "content/desk/source_snapshot.h"

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace hallboard::desk {

// One thing in three versions; nullopt where that version does not have it.
template <typename T>
struct ThreeSides {
    std::optional<T> base;   // the version both sides started from
    std::optional<T> theirs; // the server's current version (others' work)
    std::optional<T> ours;   // the change being merged (the admin's folder)
    bool operator==(const ThreeSides&) const = default;
};

enum class ConflictSubject {
    Notice,     // `name` is the notice id; `text` holds the three versions of its file
    Channel,    // `name` is "channel.yaml"; `text` as for a notice
    Asset,      // `name` is the path; `asset` holds the three digests
    NoticeFile, // `name` is a notice file both sides use for different notices; `text.theirs`
                // and `text.ours` are those notices, `ids` their ids (theirs, ours)
};

// Both sides changed the same thing differently. Carries everything needed to show it.
struct Conflict {
    ConflictSubject subject = ConflictSubject::Notice;
    std::string name;
    ThreeSides<SourceText> text;
    ThreeSides<SourceAsset> asset;
    std::vector<std::string> ids;
    bool operator==(const Conflict&) const = default;
};

// One line for a person: "notice 'tariff': changed on both sides".
std::string describe(const Conflict& conflict);

// How an admin settles a conflict (pull --take-server ID / --keep-mine ID), keyed by
// Conflict::name. NoticeFile conflicts cannot be settled this way: one notice must be renamed.
enum class Side { Theirs, Ours };
using Resolutions = std::map<std::string, Side>;

struct MergeConflicts {
    std::vector<Conflict> conflicts; // notices by id, then channel.yaml, assets by path, notice files
};
using MergeOutcome = std::variant<SourceSnapshot, MergeConflicts>;

// Per item (notice id, channel.yaml, asset path): unchanged on our side, theirs is taken;
// unchanged on theirs, ours; the same on both, either; otherwise a conflict, unless
// `resolutions` names a side. So a notice withdrawn on the server and untouched here stays
// withdrawn, and nothing either side changed is lost: with any conflict, nothing is merged.
// Two different notices ending up in one file are a conflict too. Pure.
MergeOutcome merge_snapshots(const SourceSnapshot& base, const SourceSnapshot& theirs, const SourceSnapshot& ours,
    const Resolutions& resolutions = {});

// `change` (computed against `base`) merged onto `current`. Fails only when the change does
// not fit `base` (see apply_change_set); conflicts are an outcome, not a failure.
Result<MergeOutcome> merge(const SourceSnapshot& base, const SourceSnapshot& current, const ChangeSet& change,
    const Resolutions& resolutions = {});

} // namespace hallboard::desk
