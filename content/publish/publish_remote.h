// `hallboard publish --to URL` and `publish --rollback N --to URL`: publishing through a
// `hallboard serve` server's admin API. Each returns the command's exit status and prints
// what it did (stdout) or why it did nothing (stderr).
#pragma once

#include "content/model/notice.h"
#include "content/publish/signing.h"
#include "content/publish/publish_report.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace hallboard {

struct RemoteTarget {
    std::string url;                     // the server's base address, as given to --to
    std::filesystem::path token_file;    // the admin token, a private file
    std::filesystem::path key_file;      // --key, for messages
    std::uint64_t upload_rate_limit = 0; // bytes per second for blob uploads; 0: no limit
};

// Publishes `source` (already validated) as the server's current version + 1: asks which blobs
// it lacks, uploads only those, then swaps the manifest on condition that the server is still
// at the version the manifest was built against. `key` may be null only for a dry run (the
// server's current manifest is then compared without checking its signature).
int publish_to_server(const ContentSource& source, const SecretKey* key, const RemoteTarget& target, PublishRun run);

// Republishes the content of committed version `version` as the current version + 1 (screens
// never move to a lower version), after checking that its signature is the key's.
int rollback_on_server(std::uint64_t version, const SecretKey& key, const RemoteTarget& target, PublishRun run);

} // namespace hallboard
