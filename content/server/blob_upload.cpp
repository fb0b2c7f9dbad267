// Streaming a blob to disk, checking it on arrival.
#include "content/server/blob_upload.h"

namespace hallboard {

BlobUpload::BlobUpload(std::filesystem::path target, std::string expected_sha256, uint64_t max_bytes,
    std::optional<durable::StagedFile> staged)
    : m_target(std::move(target))
    , m_expected(std::move(expected_sha256))
    , m_max_bytes(max_bytes)
    , m_staged(std::move(staged))
{
}

bool BlobUpload::write(const char* data, size_t size)
{
    if (m_failed)
        return false;
    if (size > m_max_bytes - m_received) {
        m_failed = UploadOutcome::TooLarge;
        m_error = "the blob is larger than " + std::to_string(m_max_bytes) + " bytes";
        m_staged.reset();
        return false;
    }
    m_received += size;
    std::string_view piece(data, size);
    m_hash.update(piece);
    if (!m_staged)
        return true; // already stored: the bytes are only hashed
    if (auto written = m_staged->write(piece); !written) {
        m_error = written.error();
        m_failed = UploadOutcome::IoError;
        m_staged.reset();
        return false;
    }
    return true;
}

UploadOutcome BlobUpload::finish()
{
    if (m_failed)
        return *m_failed;
    m_actual = m_hash.finish_hex();
    if (m_actual != m_expected) {
        m_error = "the body's sha256 is " + m_actual + ", not " + m_expected;
        m_staged.reset();
        return UploadOutcome::HashMismatch;
    }
    if (!m_staged)
        return UploadOutcome::AlreadyPresent;
    // Two uploads of the same blob may race here; both renames put identical bytes in place.
    auto committed = m_staged->commit(m_target, durable::FolderSync::Now);
    m_staged.reset();
    if (!committed)
        m_error = committed.error();
    return committed ? UploadOutcome::Stored : UploadOutcome::IoError;
}

} // namespace hallboard
