// `hallboard check` on content: a content source folder, one notice file or channel.yaml,
// validated as the loader does it, plus what only check does: warn about likely mistakes
// (notice_warnings.h) and decode every picture whole.
#pragma once

#include "base/diagnostics.h"
#include "base/local_time.h"
#include "content/model/notice.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace hallboard {

// What is wrong with the picture at `path` once fully decoded, or nullopt when it decodes whole.
// Passed in (player/render's picture_problem) because the model reads only a picture's first
// bytes: decoding needs SDL, which only the render side links.
using PictureDecoder = std::function<std::optional<std::string>(const std::filesystem::path&)>;

// What a check run tells the person who runs it.
struct CheckReport {
    Diagnostics diagnostics;        // printed to stderr once, at the end
    std::vector<std::string> lines; // for stdout, in order: "ok: PATH: what it is" per clean path, and the like
};

struct ContentCheckOptions {
    Date today;                     // the date the expired-notice warning counts from
    PictureDecoder picture_problem; // may be empty: pictures are then not decoded
};

// Checks the content source at `path`. Returns it, with its valid notices, even when some were
// invalid (so that they can be laid out too); nullopt when `path` has no notices/ folder.
std::optional<ContentSource> check_content_source(
    const std::filesystem::path& path, const ContentCheckOptions& options, CheckReport& report);

// Checks one notice file on its own; inside SOURCE/notices/ its pictures are checked in SOURCE/assets/.
void check_notice_file(const std::filesystem::path& path, const ContentCheckOptions& options, CheckReport& report);

// Checks a channel.yaml on its own.
void check_channel_file(const std::filesystem::path& path, CheckReport& report);

} // namespace hallboard
