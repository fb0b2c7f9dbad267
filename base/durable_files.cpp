// Temp file + fsync + rename + fsync of the folder, and a folder lock, with POSIX calls.
#include "base/durable_files.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hallboard::durable {

namespace fs = std::filesystem;

static Error failed(const std::string& what, const fs::path& path)
{
    return fail(what + " " + path.string() + ": " + std::strerror(errno));
}

StagedFile::StagedFile(UniqueFd fd, fs::path path)
    : m_fd(std::move(fd))
    , m_path(std::move(path))
{
}

StagedFile::StagedFile(StagedFile&& other) noexcept
    : m_fd(std::move(other.m_fd))
    , m_path(std::move(other.m_path))
{
    other.m_path.clear();
}

StagedFile::~StagedFile()
{
    m_fd.reset();
    if (!m_path.empty())
        ::unlink(m_path.c_str());
}

Result<StagedFile> StagedFile::create(const fs::path& folder)
{
    std::string name = (folder / (std::string(temp_prefix) + "XXXXXX")).string();
    UniqueFd fd(::mkostemp(name.data(), O_CLOEXEC));
    if (!fd)
        return failed("cannot create a temporary file in", folder);
    // mkstemp makes the file private; a published tree is public (a web server serves it).
    if (::fchmod(fd.get(), 0644) != 0) {
        Error error = failed("cannot set the permissions of", name);
        fd.reset();
        ::unlink(name.c_str());
        return error;
    }
    return StagedFile(std::move(fd), fs::path(name));
}

Result<void> StagedFile::write(std::string_view bytes)
{
    while (!bytes.empty()) {
        ssize_t written = ::write(m_fd.get(), bytes.data(), bytes.size());
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return failed("cannot write", m_path);
        bytes.remove_prefix(static_cast<size_t>(written));
    }
    return Ok {};
}

Result<void> StagedFile::commit(const fs::path& target, FolderSync folder_sync)
{
    if (::fsync(m_fd.get()) != 0)
        return failed("cannot flush", m_path);
    if (!m_fd.close())
        return failed("cannot close", m_path);
    if (::rename(m_path.c_str(), target.c_str()) != 0)
        return failed("cannot rename into place", target);
    m_path.clear();
    if (folder_sync == FolderSync::Later)
        return Ok {};
    return sync_folder(target.parent_path());
}

Result<void> write_file(const fs::path& target, std::string_view bytes)
{
    auto staged = StagedFile::create(target.parent_path());
    if (!staged)
        return std::move(staged).take_error();
    if (auto written = staged->write(bytes); !written)
        return written;
    return staged->commit(target, FolderSync::Now);
}

Result<void> sync_folder(const fs::path& folder)
{
    UniqueFd fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd)
        return failed("cannot open folder", folder);
    if (::fsync(fd.get()) != 0)
        return failed("cannot flush folder", folder);
    return Ok {};
}

Result<std::optional<std::string>> read_file(const fs::path& path, size_t max_bytes)
{
    using Bytes = std::optional<std::string>;
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd) {
        if (errno != ENOENT)
            return failed("cannot open", path);
        return Bytes();
    }
    struct stat status { };
    if (::fstat(fd.get(), &status) != 0 || !S_ISREG(status.st_mode))
        return fail(path.string() + " is not a regular file");
    std::string bytes;
    std::array<char, 64 * 1024> buffer {};
    for (;;) {
        ssize_t got = ::read(fd.get(), buffer.data(), buffer.size());
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return failed("cannot read", path);
        if (got == 0)
            break;
        bytes.append(buffer.data(), static_cast<size_t>(got));
        if (bytes.size() > max_bytes)
            return fail(path.string() + " is larger than " + std::to_string(max_bytes) + " bytes");
    }
    return Bytes(std::move(bytes));
}

int remove_temp_files(const fs::path& folder)
{
    int removed = 0;
    std::error_code error;
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
        auto name = it->path().filename().string();
        std::error_code ignored;
        if (name.rfind(temp_prefix, 0) == 0 && fs::remove(it->path(), ignored))
            ++removed;
    }
    return removed;
}

FolderLock::FolderLock(UniqueFd fd)
    : m_fd(std::move(fd))
{
}

Result<FolderLock> FolderLock::acquire(const fs::path& folder)
{
    UniqueFd fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd)
        return failed("cannot open folder", folder);
    if (::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) {
        if (errno == EWOULDBLOCK)
            return fail(folder.string() + " is being published to by another process right now");
        return failed("cannot lock folder", folder);
    }
    return FolderLock(std::move(fd));
}

} // namespace hallboard::durable
