// Merge conflicts as JSON: the server's 409 answer to a publish, read by the CLI to show both
// sides of every conflict.
#pragma once

#include "base/result.h"
#include "content/desk/merge.h"
#include "content/model/json_reading.h"

#include <string_view>
#include <vector>

namespace hallboard::desk {

// [{"subject":"notice"|"channel"|"asset"|"notice_file","name":…,"description":…,"ids":[…],
//   "base":…,"theirs":…,"ours":…}], each side null, {file,text,sha256} or {sha256,size}.
json_reading::OrderedJson conflicts_json_value(const std::vector<Conflict>& conflicts);
// Reads what conflicts_json_value wrote (from a server: strict on types, bounded by the caller).
Result<std::vector<Conflict>> conflicts_from_json_value(const json_reading::Json& value);

} // namespace hallboard::desk
