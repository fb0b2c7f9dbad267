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

static std::string failed(const std::string& what, const fs::path& path)
{
    return what + " " + path.string() + ": " + std::strerror(errno);
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

std::optional<StagedFile> StagedFile::create(const fs::path& folder, std::string& error)
{
    std::string name = (folder / (std::string(temp_prefix) + "XXXXXX")).string();
    UniqueFd fd(::mkostemp(name.data(), O_CLOEXEC));
    if (!fd) {
        error = failed("cannot create a temporary file in", folder);
        return std::nullopt;
    }
    // mkstemp makes the file private; a published tree is public (a web server serves it).
    if (::fchmod(fd.get(), 0644) != 0) {
        error = failed("cannot set the permissions of", name);
        fd.reset();
        ::unlink(name.c_str());
        return std::nullopt;
    }
    return StagedFile(std::move(fd), fs::path(name));
}

bool StagedFile::write(std::string_view bytes, std::string& error)
{
    while (!bytes.empty()) {
        ssize_t written = ::write(m_fd.get(), bytes.data(), bytes.size());
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0) {
            error = failed("cannot write", m_path);
            return false;
        }
        bytes.remove_prefix(static_cast<size_t>(written));
    }
    return true;
}

bool StagedFile::commit(const fs::path& target, FolderSync folder_sync, std::string& error)
{
    if (::fsync(m_fd.get()) != 0) {
        error = failed("cannot flush", m_path);
        return false;
    }
    if (!m_fd.close()) {
        error = failed("cannot close", m_path);
        return false;
    }
    if (::rename(m_path.c_str(), target.c_str()) != 0) {
        error = failed("cannot rename into place", target);
        return false;
    }
    m_path.clear();
    return folder_sync == FolderSync::Later || sync_folder(target.parent_path(), error);
}

bool write_file(const fs::path& target, std::string_view bytes, std::string& error)
{
    auto staged = StagedFile::create(target.parent_path(), error);
    return staged && staged->write(bytes, error) && staged->commit(target, FolderSync::Now, error);
}

bool sync_folder(const fs::path& folder, std::string& error)
{
    UniqueFd fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd) {
        error = failed("cannot open folder", folder);
        return false;
    }
    bool ok = ::fsync(fd.get()) == 0;
    if (!ok)
        error = failed("cannot flush folder", folder);
    return ok;
}

std::optional<std::string> read_file(const fs::path& path, size_t max_bytes, std::string& error)
{
    error.clear();
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd) {
        if (errno != ENOENT)
            error = failed("cannot open", path);
        return std::nullopt;
    }
    struct stat status {};
    if (::fstat(fd.get(), &status) != 0 || !S_ISREG(status.st_mode)) {
        error = path.string() + " is not a regular file";
        return std::nullopt;
    }
    std::string bytes;
    std::array<char, 64 * 1024> buffer {};
    for (;;) {
        ssize_t got = ::read(fd.get(), buffer.data(), buffer.size());
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            error = failed("cannot read", path);
            return std::nullopt;
        }
        if (got == 0)
            break;
        bytes.append(buffer.data(), static_cast<size_t>(got));
        if (bytes.size() > max_bytes) {
            error = path.string() + " is larger than " + std::to_string(max_bytes) + " bytes";
            return std::nullopt;
        }
    }
    return bytes;
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

std::optional<FolderLock> FolderLock::acquire(const fs::path& folder, std::string& error)
{
    UniqueFd fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd) {
        error = failed("cannot open folder", folder);
        return std::nullopt;
    }
    if (::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) {
        error = errno == EWOULDBLOCK ? folder.string() + " is being published to by another process right now"
                                     : failed("cannot lock folder", folder);
        return std::nullopt;
    }
    return FolderLock(std::move(fd));
}

} // namespace hallboard::durable
