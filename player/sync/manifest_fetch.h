// Fetching manifest.json (conditionally) and its detached signature from the server.
#pragma once

#include "content/publish/signing.h"
#include "base/net/http_client.h"
#include "player/sync/request_failure.h"

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

namespace hallboard::sync {

struct ManifestFetch {
    Failure failure;
    bool not_modified = false;                   // 304: the ETag sent still names the current manifest
    std::string bytes;                           // with 200: the manifest, byte for byte
    std::string etag;                            // the answer's ETag, "" when it has none
    std::optional<std::string> signature_header; // Hallboard-Signature, as the embedded server sends it
    std::uint64_t transferred_bytes = 0;
};

// GET <server>/manifest.json with If-None-Match: `etag` (when not empty), at most max_manifest_bytes.
ManifestFetch fetch_manifest(net::HttpClient& client, const std::string& server, const std::string& etag,
    const net::Timeouts& timeouts, const std::atomic<bool>* cancel);

struct SignatureFetch {
    Failure failure;                    // a network or server failure; a missing signature is not one
    std::optional<Signature> signature; // nullopt without a failure: the server publishes none
    std::string source;                 // the URL it came from, for messages
    std::uint64_t transferred_bytes = 0;
};

// The detached signature of a manifest fetched without a Hallboard-Signature header (a static
// server): GET <server>/versions/<version>/manifest.json.sig, which a publish completes before it
// swaps the top-level files, so it always belongs to the manifest that claims `version`; when that
// is 404 (or the version is unknown), <server>/manifest.json.sig. A file that is not a signature
// is Refused. Only a number and fixed names are joined to the server's address.
SignatureFetch fetch_signature(net::HttpClient& client, const std::string& server, std::optional<std::uint64_t> version,
    const net::Timeouts& timeouts, const std::atomic<bool>* cancel);

// The signature in a Hallboard-Signature header; a header that is not one is Refused.
SignatureFetch signature_from_header(const std::string& header, const std::string& server);

} // namespace hallboard::sync
