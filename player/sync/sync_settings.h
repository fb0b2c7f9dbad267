// What a screen's sync needs from its config: the server, the cache folder, the key, the timings.
#pragma once

#include "base/result.h"
#include "content/publish/signing.h"
#include "player/config/screen_config.h"
#include "base/net/http_client.h"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace hallboard::sync {

struct SyncSettings {
    std::string server;                  // base URL, e.g. "http://10.1.2.3:8080"; paths are joined to it
    std::filesystem::path cache;         // the cache folder, absolute (created when missing)
    std::optional<PublicKey> public_key; // nullopt: unsigned content is accepted (with a warning)
    std::chrono::milliseconds poll { 30000 };
    net::Timeouts timeouts; // connect 5 s, stall 10 s by default; tests shorten them
};

// The settings of a screen config that pulls from a server. Fails (one line for the user) when
// the config has no content.server or its public_key is not a key.
Result<SyncSettings> sync_settings_from(const ScreenConfig& config);

} // namespace hallboard::sync
