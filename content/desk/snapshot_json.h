// SourceSnapshot as JSON: versions/<N>/source.json on the server, the source in the desk's
// answers, and the base a pulled folder keeps in .hallboard/base.json.
#pragma once

#include "base/result.h"
#include "content/desk/source_snapshot.h"
#include "content/model/json_reading.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hallboard::desk {

inline constexpr int snapshot_format = 1;
// A whole hall's source: notices are a few KiB each, at most 1000 of them; assets are digests.
inline constexpr size_t max_snapshot_json_bytes = 32 * 1024 * 1024;
inline constexpr int max_snapshot_depth = 4; // the format nests 3 deep

// {"format":1,"channel":null|{file,text,sha256},"notices":[{id,file,text,sha256}],
//  "assets":[{path,sha256,size}]}: the change-set JSON's notices and assets without operations.
// Notices sorted by id, assets by path. Fails only when a text is not UTF-8.
Result<std::string> snapshot_to_json(const SourceSnapshot& snapshot);
json_reading::OrderedJson snapshot_json_value(const SourceSnapshot& snapshot);

// Reads strictly, as the change-set reader does: bounded, no unknown or duplicate keys, ids of
// the notice id form, paths of the forms a source may hold, each text matching its sha256,
// each id and path once, no two notices in one file. Never throws.
Result<SourceSnapshot> snapshot_from_json(std::string_view json_text);
// The same for a snapshot embedded in another document at `path`; problems go to `errors`.
std::optional<SourceSnapshot> read_snapshot_value(
    const json_reading::Json& value, const std::string& path, json_reading::JsonErrors& errors);

// a-z, 0-9, _ and -, at most 64, starting with a letter or digit: the form of a notice id.
bool is_notice_id(std::string_view id);

// One Result error out of a document's diagnostics: the first problem and how many more.
Error first_json_problem(const Diagnostics& diagnostics, std::string_view what);

} // namespace hallboard::desk
