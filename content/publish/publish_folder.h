// `hallboard publish SRC --out DIR`: publishing into a static tree on disk (publish_remote.h is
// the same through a server). Returns the command's exit status and prints what it did
// (stdout) or why it did nothing (stderr).
#pragma once

#include "content/model/notice.h"
#include "content/publish/publish_report.h"
#include "content/publish/signing.h"

#include <filesystem>

namespace hallboard {

// Publishes `source` (already validated) into the tree at `out`, or with PublishRun::Dry says
// what would change and writes nothing. `key` may be null only for a dry run (the tree's
// current manifest is then compared without checking its signature).
int publish_into_folder(
    const ContentSource& source, const SecretKey* key, const std::filesystem::path& out, PublishRun run);

} // namespace hallboard
