// The publisher's key files: PREFIX.key (secret, owner-only) and PREFIX.pub (for screen configs).
#pragma once

#include "base/diagnostics.h"
#include "content/publish/signing.h"

#include <filesystem>
#include <optional>

namespace hallboard {

// PREFIX.key and PREFIX.pub.
struct KeyFilePaths {
    std::filesystem::path secret;
    std::filesystem::path public_key;
};
KeyFilePaths key_file_paths(const std::filesystem::path& prefix);

enum class KeyWriteFailure { None, AlreadyExists, NoFolder, CannotWrite };

// Writes both files: PREFIX.key with mode 0600, created with O_EXCL so that an existing key
// is never overwritten (losing a key locks every screen out of new content), and PREFIX.pub.
// Each holds one line of base64. On failure nothing is left behind and the reason is reported.
KeyWriteFailure write_key_files(const std::filesystem::path& prefix, const KeyPair& pair, Diagnostics& diagnostics);

// Reads PREFIX.key. Refused (reported) when the file is missing, not a regular file, readable or
// writable by group or others (as ssh refuses such private keys), not one line of base64 of
// 64 bytes, or damaged (its public half does not belong to its seed).
std::optional<SecretKey> read_secret_key_file(const std::filesystem::path& path, Diagnostics& diagnostics);

// Reads PREFIX.pub: one line of base64 of 32 bytes.
std::optional<PublicKey> read_public_key_file(const std::filesystem::path& path, Diagnostics& diagnostics);

} // namespace hallboard
