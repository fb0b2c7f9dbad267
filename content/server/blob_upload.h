// One blob arriving over the admin API: streamed to a temporary file while hashed, kept only
// when the hash matches its name.
#pragma once

#include "base/durable_files.h"
#include "content/publish/signing.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace hallboard {

enum class UploadOutcome {
    Stored,         // new blob, renamed into place
    AlreadyPresent, // the blob was there already (uploads are idempotent); the body was still checked
    HashMismatch,   // the body's sha256 is not the name it was sent under; nothing kept
    TooLarge,       // more than the bound; nothing kept
    IoError,        // see error()
};

// Owned by one request handler thread. Destroying it before finish() discards the upload.
class BlobUpload {
public:
    // `staged` is empty when the blob already exists: the body is then only hashed.
    BlobUpload(std::filesystem::path target, std::string expected_sha256, uint64_t max_bytes,
        std::optional<durable::StagedFile> staged);

    // Feeds the next piece of the body; false means stop receiving (too large or I/O error).
    bool write(const char* data, size_t size);
    // After the whole body has arrived.
    UploadOutcome finish();

    // Set once write() has refused more: TooLarge or IoError.
    std::optional<UploadOutcome> failure() const { return m_failed; }
    uint64_t received() const { return m_received; }
    const std::string& error() const { return m_error; }
    const std::string& actual_sha256() const { return m_actual; } // after finish()

private:
    std::filesystem::path m_target;
    std::string m_expected;
    std::string m_actual;
    uint64_t m_max_bytes = 0;
    uint64_t m_received = 0;
    std::optional<durable::StagedFile> m_staged;
    Sha256Hasher m_hash;
    std::optional<UploadOutcome> m_failed;
    std::string m_error;
};

} // namespace hallboard
