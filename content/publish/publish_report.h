// What `hallboard publish` prints about a publish (to a folder or a server): counts, the notices
// added, changed and removed, the new blobs, and the summary line.
#pragma once

#include "content/publish/manifest.h"
#include "content/publish/publish_diff.h"

#include <string>
#include <vector>

namespace hallboard {

// "9 slide(s), 3 ticker message(s), 2 picture(s)"
std::string publish_counts(const Manifest& manifest);

// One line per added, changed and removed notice, then order and channel changes, then one
// line per blob in `new_blobs`, to stdout.
void print_publish_changes(const PublishDiff& diff, const std::vector<ManifestBlob>& new_blobs);

enum class PublishRun { Real, Dry };

// "no changes since version 4" or "1 added, 1 changed, 1 removed" ("would be …" for a dry run).
void print_publish_summary(const PublishDiff& diff, const Manifest* previous, PublishRun run);

} // namespace hallboard
