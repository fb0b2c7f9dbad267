// A manifest made, read back and signed in memory: what the server's desk publishes (the same
// steps publish_to_folder takes before it writes, for content that is not a folder).
#pragma once

#include "base/result.h"
#include "content/model/notice.h"
#include "content/publish/manifest.h"
#include "content/publish/signing.h"

#include <cstdint>
#include <string>
#include <vector>

namespace hallboard {

struct SignedManifest {
    Manifest manifest;
    std::string bytes;          // manifest.json, canonical
    std::string signature_line; // manifest.json.sig: base64 and a newline
};

// make_manifest, then the bytes read back strictly (a manifest screens would refuse is never
// signed), then signed with `key` and the signature verified with its public half.
Result<SignedManifest> sign_new_manifest(const ContentSource& source, std::vector<ManifestBlob> blobs,
    std::uint64_t version, std::string published_at, const SecretKey& key);

} // namespace hallboard
