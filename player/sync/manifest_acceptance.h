// Whether a downloaded manifest may replace the screen's current one: signature, strict parse, version. Pure.
#pragma once

#include "base/diagnostics.h"
#include "content/publish/manifest.h"
#include "content/publish/signing.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hallboard::sync {

// nullopt when `bytes` may be trusted: `key` is null (the screen accepts unsigned content), or
// `signature` verifies over exactly these bytes with `key`. Otherwise what is wrong, one line.
std::optional<std::string> check_signature(
    std::string_view bytes, const std::optional<Signature>& signature, const PublicKey* key);

// The first error of a failed parse, and how many more there were: one line for a log.
std::string summarise_problems(const Diagnostics& diagnostics);

// The top-level "version" of manifest bytes not yet verified, read without parsing them (only to
// find versions/<N>/manifest.json.sig on a static server): a whole number, or nullopt.
std::optional<std::uint64_t> peek_manifest_version(std::string_view bytes);

enum class Verdict {
    Accept,   // a newer version, verified and parsed: download its blobs and switch
    UpToDate, // the bytes the screen already has
    Refuse,   // see `problem`
};

struct Judgement {
    Verdict verdict = Verdict::Refuse;
    std::optional<Manifest> manifest;  // with Accept
    std::string problem;               // with Refuse: one line, e.g. "version 5 is older than ..."
    std::uint64_t claimed_version = 0; // the version the bytes claim, 0 when unknown (for the log)
};

// What the screen has now, for the comparison; version 0 and no bytes when it has nothing.
struct CurrentVersion {
    std::uint64_t version = 0;
    std::string_view bytes;
};

// Judges downloaded manifest bytes, in this order: the same bytes as the current version are up
// to date (they were verified when accepted); otherwise the signature must verify (check_signature)
// BEFORE the bytes are parsed; then they are parsed strictly (manifest_from_json); then the version
// must be above the current one: a lower version is a replay, and the same version with other
// bytes is refused too (a version is published once).
Judgement judge_manifest(
    std::string_view bytes, const std::optional<Signature>& signature, const PublicKey* key, CurrentVersion current);

} // namespace hallboard::sync
