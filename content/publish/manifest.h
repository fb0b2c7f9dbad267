// The published manifest (manifest.json): one signed version of a hall's content, and its JSON form.
#pragma once

#include "base/diagnostics.h"
#include "content/model/notice.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hallboard {

inline constexpr int manifest_format = 1;                     // the only format this build reads
inline constexpr size_t max_manifest_bytes = 4 * 1024 * 1024; // a 1000-notice hall is well under 1 MiB
inline constexpr size_t max_manifest_blobs = 4096;
inline constexpr int max_manifest_depth = 16; // our manifests nest 7 deep

// One asset of the source, stored as blobs/<sha256>.
struct ManifestBlob {
    std::string path;       // as notices name it: "assets/poster.png"
    std::string sha256;     // 64 lowercase hex digits; the blob's file name
    std::uint64_t size = 0; // bytes, at most max_asset_bytes
    bool operator==(const ManifestBlob&) const = default;
};

// The highest version a manifest may carry: 2^53 - 1, the largest integer a JSON reader that
// holds numbers as doubles (JavaScript, jq) keeps exact. Every reader and writer of versions
// (manifest parsing, the server's routes and swap, publish to a folder or a server) refuses
// more, so "the next version" is always representable and never wraps.
inline constexpr std::uint64_t max_manifest_version = (1ull << 53) - 1;

struct Manifest {
    int format = manifest_format;
    std::uint64_t version = 0;       // positive; every publish to a tree is one higher than the last
    std::string published_at;        // UTC, "2026-11-23T10:00:00Z"
    ChannelDefaults channel;         // reading speed and duration bounds still matter to screens
    HolidayCalendar calendar;        // calendar.yaml; written only when not empty (older screens refuse the key)
    std::vector<Notice> notices;     // normalised (channel defaults applied), in rotation order
    std::vector<ManifestBlob> blobs; // every asset a notice uses, sorted by path, each once
    bool operator==(const Manifest&) const = default;

    const ManifestBlob* blob_for(std::string_view path) const;
};

// The canonical bytes of `manifest`: UTF-8 JSON, keys in a fixed order, two-space indent, no
// escaping of non-ASCII text, a final newline. The same manifest always gives the same bytes,
// and the signature is over exactly these bytes. Text that is not UTF-8 (which a loaded content
// source never holds) is written as U+FFFD rather than failing.
std::string manifest_to_json(const Manifest& manifest);

// Parses and checks manifest bytes strictly: at most max_manifest_bytes, nesting bounded,
// no duplicate keys, no unknown keys, every field of the right type and range, format equal to
// manifest_format, unique notice ids, blob paths inside assets/, every asset a notice uses
// listed and every listed blob used. Every problem found is reported to `diagnostics` against
// `display_name` (e.g. "manifest.json"), with the JSON path in the message. Never throws.
// Verify the signature over the same bytes before trusting the result.
std::optional<Manifest> manifest_from_json(
    std::string_view json_text, const std::string& display_name, Diagnostics& diagnostics);

// The asset paths a notice uses (image src, hotline QR codes), in order, each once.
std::vector<std::string> assets_used_by(const Notice& notice);

// UTC timestamps as manifests write them: "2026-11-23T10:00:00Z".
std::string format_utc_timestamp(std::chrono::system_clock::time_point moment);
bool is_utc_timestamp(std::string_view text);

} // namespace hallboard
