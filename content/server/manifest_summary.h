// The few fields of manifest.json the server needs (version and blob list), and the form of a
// detached signature line. The full manifest model belongs to the publishing side.
#pragma once

#include "base/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hallboard {

inline constexpr int served_manifest_format = 1;

struct ManifestBlobEntry {
    std::string path;   // "assets/x.png"; not interpreted by the server
    std::string sha256; // 64 lowercase hex digits, the blob's name under blobs/
    uint64_t size = 0;  // bytes
};

struct ManifestSummary {
    uint64_t version = 0; // positive; versions only ever increase
    std::vector<ManifestBlobEntry> blobs;
};

// Reads "format" (must be 1), "version" (positive integer) and "blobs" ([{path, sha256,
// size}]). Other fields are ignored. Never throws; fails with a one-line reason otherwise.
Result<ManifestSummary> read_manifest_summary(std::string_view json_text);

// Checks that `text` is one line of standard base64 holding exactly one Ed25519 signature
// (64 bytes) and returns it in the canonical form `hallboard publish` writes (padded base64,
// no newline). The server does not verify it (it holds no key; screens do), but it refuses
// to store something that cannot be one.
Result<std::string> read_signature_line(std::string_view text);

} // namespace hallboard
