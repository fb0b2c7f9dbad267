// The record of one desk version (versions/<N>/version.json): who published it, when, why, on
// which version it was based, and which notices it added, changed and withdrew.
#pragma once

#include "base/result.h"
#include "content/desk/source_snapshot.h"
#include "content/model/json_reading.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hallboard::desk {

inline constexpr int version_record_format = 1;
inline constexpr size_t max_version_record_bytes = 1024 * 1024; // ids of at most 1000 notices, a message
inline constexpr size_t max_author_bytes = 64;

enum class VersionKind { Change, Restore, Urgent };

struct VersionRecord {
    std::uint64_t version = 0;
    std::uint64_t based_on = 0;             // the version the change was computed against (0: empty desk)
    std::string author;                     // "zhang.wei"; "admin" while the server has one token
    std::optional<std::string> approved_by; // nullopt until review exists
    std::string published_at;               // UTC, "2026-12-05T10:00:00Z"
    std::string message;
    VersionKind kind = VersionKind::Change;
    std::optional<std::uint64_t> restored_from;         // Restore: the version whose source this is
    std::vector<std::string> added, changed, withdrawn; // notice ids, sorted
    // The sha256 of the version's manifest.json: ties the source to the manifest it was signed
    // as, so a source.json left by an interrupted publish is never taken for another manifest's.
    std::string manifest_sha256;
    bool operator==(const VersionRecord&) const = default;
};

// Fills added, changed and withdrawn: the notices that differ between `before` and `after`.
void record_notice_changes(VersionRecord& record, const SourceSnapshot& before, const SourceSnapshot& after);

// An author name as a header or token gives it: 1-64 bytes of ASCII letters, digits and . _ - @,
// or UTF-8 (names in Chinese) without C1 controls or bidi overrides: it is shown on terminals and pages.
bool is_author_name(std::string_view name);

std::string_view kind_name(VersionKind kind); // "change", "restore", "urgent"

json_reading::OrderedJson version_record_value(const VersionRecord& record);
std::string version_record_to_json(const VersionRecord& record);
// Strict, as every desk document: bounded, no unknown or duplicate keys, ids of notice form.
Result<VersionRecord> version_record_from_json(std::string_view json_text);
std::optional<VersionRecord> read_version_record_value(
    const json_reading::Json& value, const std::string& path, json_reading::JsonErrors& errors);

} // namespace hallboard::desk
