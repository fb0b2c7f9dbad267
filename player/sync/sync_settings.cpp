// Taking a screen config's content section over into sync settings.
#include "player/sync/sync_settings.h"

namespace hallboard::sync {

Result<SyncSettings> sync_settings_from(const ScreenConfig& config)
{
    if (config.server.empty())
        return fail(config.file.string()
            + ": content.server is not set (this screen plays a local content.source; "
              "sync needs 'server: http://host:port')");
    SyncSettings settings;
    settings.server = config.server;
    std::error_code code;
    settings.cache = std::filesystem::absolute(config.cache, code).lexically_normal();
    if (code)
        return fail(config.file.string() + ": content.cache: " + code.message());
    settings.poll = config.poll;
    // Fail closed: only an explicit allow_unsigned lets unsigned content through.
    if (config.public_key.empty() && !config.allow_unsigned)
        return fail(config.file.string()
            + ": content.public_key is not set (add the publisher's key, or allow_unsigned: true for a test)");
    if (!config.public_key.empty()) {
        settings.public_key = parse_public_key(config.public_key);
        if (!settings.public_key)
            return fail(config.file.string() + ": content.public_key is not an Ed25519 public key");
    }
    return settings;
}

} // namespace hallboard::sync
