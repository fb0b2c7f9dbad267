// Crash-safe file writing for the published tree: temp file, fsync, rename, fsync of the folder,
// so that a crash leaves the old file or the new one, never a torn one.
#pragma once

#include "base/result.h"
#include "base/unique_fd.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace hallboard::durable {

// Temporary files start with this (the embedded server uses the same prefix, never serves such
// names and removes leftovers); publish removes leftovers of a crash before it writes.
inline constexpr std::string_view temp_prefix = ".hallboard-tmp-";

enum class FolderSync { Now, Later }; // Later: the caller fsyncs the folder once after many renames
enum class Existing { Replace, Keep };

// A file being written in the folder of its final name (rename is atomic only within one file
// system). Removed when destroyed unless committed. One writer owns it; not thread-safe.
class StagedFile {
public:
    static Result<StagedFile> create(const std::filesystem::path& folder);
    StagedFile(StagedFile&& other) noexcept;
    StagedFile& operator=(StagedFile&&) = delete;
    StagedFile(const StagedFile&) = delete;
    ~StagedFile();

    Result<void> write(std::string_view bytes);
    // fsync, then rename onto `target` (in the same folder); with FolderSync::Now also fsync
    // the folder so that the rename itself survives a crash.
    Result<void> commit(const std::filesystem::path& target, FolderSync folder_sync);
    const std::filesystem::path& path() const { return m_path; }

private:
    StagedFile(UniqueFd fd, std::filesystem::path path);

    UniqueFd m_fd;
    std::filesystem::path m_path;
};

// Writes `bytes` to `target` through a StagedFile; readers see the old file or the new one.
Result<void> write_file(const std::filesystem::path& target, std::string_view bytes);

Result<void> sync_folder(const std::filesystem::path& folder);

// Reads a regular file of at most `max_bytes`. nullopt when the file does not exist (callers
// tell "absent" from "broken"); an error when it cannot be read, is not regular, or is larger.
Result<std::optional<std::string>> read_file(const std::filesystem::path& path, size_t max_bytes);

// Removes the files named temp_prefix* directly inside `folder`; returns how many.
int remove_temp_files(const std::filesystem::path& folder);

// An exclusive advisory lock (flock) on a folder, held while the object lives, so that two
// publishes to one tree cannot interleave. Released by the kernel if the process dies.
class FolderLock {
public:
    // Fails when the folder cannot be opened or another holder has the lock.
    static Result<FolderLock> acquire(const std::filesystem::path& folder);
    FolderLock(FolderLock&& other) noexcept = default;
    FolderLock& operator=(FolderLock&&) = delete;
    FolderLock(const FolderLock&) = delete;

private:
    explicit FolderLock(UniqueFd fd);
    UniqueFd m_fd; // closing the last descriptor releases the flock
};

} // namespace hallboard::durable
