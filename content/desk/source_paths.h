// Which relative paths a content source may hold: checked wherever paths arrive from outside
// (a change set over HTTP, a stored version) before anything is written under them.
#pragma once

#include "base/result.h"

#include <string_view>

namespace hallboard::desk {

// "notices/<name>.yaml" or ".yml": one level, a visible name, nothing that leaves the folder.
Result<void> check_notice_file(std::string_view file);
// "channel.yaml" or "channel.yml".
Result<void> check_channel_file(std::string_view file);
// "assets/...": the rule notices' picture paths follow, so every stored asset can be named.
Result<void> check_asset_path(std::string_view path);

} // namespace hallboard::desk
