// Parsing untrusted JSON bytes strictly: bounded nesting, duplicate keys refused, errors as values.
// Used by readers of documents that arrive over the network (heartbeats).
#pragma once

#include "content/model/json_reading.h"

#include <optional>
#include <string_view>

namespace hallboard::json_reading {

// The deepest nesting of [ and { outside strings: a linear scan, so that a hostile "[[[[…"
// is refused before it costs a deep structure.
int json_nesting_depth(std::string_view text);

// Parses `text` as one JSON document. Refused (nullopt, problems reported to `errors`) when it
// nests deeper than `max_depth`, is not valid JSON (UTF-8 included), or has a key twice in one
// object (nlohmann would keep the last, another reader might take the first). Never throws.
std::optional<Json> parse_strict_json(std::string_view text, int max_depth, JsonErrors& errors);

} // namespace hallboard::json_reading
