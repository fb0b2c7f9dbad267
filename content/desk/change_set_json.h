// ChangeSet as JSON, the form in which `hallboard publish` sends a change to the desk over HTTP.
#pragma once

#include "base/result.h"
#include "content/desk/change_set.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace hallboard::desk {

inline constexpr int change_set_format = 1;
inline constexpr size_t max_change_set_bytes = 16 * 1024 * 1024; // 1000 notices of 16 KiB; notices are a few KiB
inline constexpr size_t max_change_message_bytes = 2000;         // a sentence or two, in Chinese ~600 characters
inline constexpr int max_change_set_depth = 4;                   // the format nests 3 deep

// UTF-8 JSON, keys in a fixed order. Fails only when a text is not UTF-8, which a snapshot read
// from a checked source never holds.
Result<std::string> change_set_to_json(const ChangeSet& change);

// Reads untrusted bytes strictly: at most max_change_set_bytes, nesting bounded, no duplicate
// or unknown keys, every field of its type; format 1; ids of the notice id form; notice files,
// channel file and asset paths of the forms a source may hold (nothing can be written outside
// it); each text within the size of a notice file and matching its sha256; each id and path
// once; the fields each operation needs and no others. Fails with the first problem, its JSON
// path, and how many more there were. Never throws.
Result<ChangeSet> change_set_from_json(std::string_view json_text);

} // namespace hallboard::desk
