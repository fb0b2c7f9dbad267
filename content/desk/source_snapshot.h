// A content source as data (channel.yaml, notices by id, assets by path): what the desk stores
// for every version and what pull, publish and merge compare.
#pragma once

#include "base/result.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace hallboard::desk {

// One text file of the source, kept byte for byte: the desk stores what the admin wrote (with
// comments and layout), not the normalised notice, so a pull gives back the same file.
struct SourceText {
    std::string file;   // relative to the source root: "notices/10-tariff.yaml", "channel.yaml"
    std::string bytes;  // UTF-8 YAML, as read
    std::string sha256; // of `bytes`, lowercase hex
    bool operator==(const SourceText&) const = default;
};

// One file under assets/. Only the digest is held: the bytes live in a content-addressed store
// (a published tree's blobs/<sha256>, or the folder the snapshot was read from).
struct SourceAsset {
    std::string sha256;     // lowercase hex
    std::uint64_t size = 0; // bytes, at most max_asset_bytes
    bool operator==(const SourceAsset&) const = default;
};

// Notices are keyed by id, not by file name: the id is what screens, reports and reviewers
// know, and a renamed file is a change of that notice, not a withdrawal and an addition. The
// file name still matters (it orders the rotation), so it is part of the notice's value.
struct SourceSnapshot {
    std::optional<SourceText> channel;         // nullopt: the source has no channel.yaml
    std::map<std::string, SourceText> notices; // by notice id
    std::map<std::string, SourceAsset> assets; // by path: "assets/poster.png"
    bool operator==(const SourceSnapshot&) const = default;
};

inline constexpr size_t max_snapshot_assets = 4096; // as many as a manifest may list

SourceText make_source_text(std::string file, std::string bytes);

// Reads the content source at `root`. The source must be valid as `hallboard check` sees it:
// the desk never stores or sends a notice that a screen would refuse, and the notices' ids can
// only be known from files that parse. Every regular file under assets/ is taken, used or not
// (an admin uploads a picture before the notice that shows it); hidden files are skipped, and a
// link that leads out of assets/ is refused. Fails with the first problem and a count of the rest.
Result<SourceSnapshot> snapshot_from_folder(const std::filesystem::path& root);

} // namespace hallboard::desk
