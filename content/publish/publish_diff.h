// What a publish changes for the screens: notices added, changed and removed, compared by id.
#pragma once

#include "content/publish/manifest.h"

#include <string>
#include <vector>

namespace hallboard {

struct NoticeChange {
    std::string id;
    std::string file; // the notice's file in the new source ("notices/10-tariff.yaml"); the old one for removals
    bool operator==(const NoticeChange&) const = default;
};

struct PublishDiff {
    std::vector<NoticeChange> added;   // in the order of the new manifest
    std::vector<NoticeChange> changed; // anything a screen shows or schedules differs, pictures included
    std::vector<NoticeChange> removed; // in the order of the old manifest
    bool order_changed = false;        // the notices both have rotate in another order
    bool channel_changed = false;      // reading speed or duration bounds (or the defaults) differ

    bool has_changes() const
    {
        return !added.empty() || !changed.empty() || !removed.empty() || order_changed || channel_changed;
    }
};

// Compares `next` with `previous` (nullptr: nothing published yet, every notice is added).
// A notice counts as changed when any field differs except the file it came from, or when a
// picture it uses has other bytes under the same path (its sha256 differs). Version and
// publish time are not content and never count.
PublishDiff diff_manifests(const Manifest* previous, const Manifest& next);

} // namespace hallboard
