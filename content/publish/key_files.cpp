// Writing and reading the key files, with the permissions a secret needs.
#include "content/publish/key_files.h"

#include "base/unique_fd.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hallboard {

namespace fs = std::filesystem;

static constexpr size_t max_key_file_bytes = 1024; // a key line is under 100 characters

KeyFilePaths key_file_paths(const fs::path& prefix)
{
    return { fs::path(prefix.string() + ".key"), fs::path(prefix.string() + ".pub") };
}

static std::string errno_text()
{
    return std::strerror(errno);
}

// Creates `path` exclusively with `mode` and writes `line`; removes it again on any failure.
static KeyWriteFailure create_exclusive(
    const fs::path& path, const std::string& line, mode_t mode, Diagnostics& diagnostics)
{
    UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode));
    if (!fd) {
        if (errno == EEXIST) {
            diagnostics.error({ path.string(), 0, 0 }, "this key file already exists; it is never overwritten",
                "choose another --out PREFIX, or move the old key away first if it is really no longer used");
            return KeyWriteFailure::AlreadyExists;
        }
        diagnostics.error({ path.string(), 0, 0 }, "cannot create this file: " + errno_text());
        return KeyWriteFailure::CannotWrite;
    }
    // The umask can only take bits away; fchmod makes the mode exact whatever it is.
    bool ok = ::fchmod(fd.get(), mode) == 0;
    size_t done = 0;
    while (ok && done < line.size()) {
        ssize_t written = ::write(fd.get(), line.data() + done, line.size() - done);
        if (written < 0 && errno == EINTR)
            continue;
        ok = written > 0;
        if (ok)
            done += static_cast<size_t>(written);
    }
    ok = ok && ::fsync(fd.get()) == 0;
    ok = fd.close() && ok; // close can be the call that reports a failed write
    if (!ok) {
        diagnostics.error({ path.string(), 0, 0 }, "cannot write this file: " + errno_text());
        ::unlink(path.c_str());
        return KeyWriteFailure::CannotWrite;
    }
    return KeyWriteFailure::None;
}

KeyWriteFailure write_key_files(const fs::path& prefix, const KeyPair& pair, Diagnostics& diagnostics)
{
    auto paths = key_file_paths(prefix);
    std::error_code error;
    auto folder = paths.secret.parent_path();
    if (!folder.empty() && !fs::is_directory(folder, error)) {
        diagnostics.error({ folder.string(), 0, 0 }, "the folder for the key files does not exist",
            "create it first, ideally readable only by you: mkdir -m 700 " + folder.string());
        return KeyWriteFailure::NoFolder;
    }
    // Checked before creating anything, so that an existing .pub does not leave a new .key behind.
    if (fs::symlink_status(paths.public_key, error).type() != fs::file_type::not_found) {
        diagnostics.error({ paths.public_key.string(), 0, 0 }, "this key file already exists; it is never overwritten",
            "choose another --out PREFIX");
        return KeyWriteFailure::AlreadyExists;
    }
    std::string secret_line = bytes_to_base64(pair.secret_key.bytes()) + "\n";
    auto failure = create_exclusive(paths.secret, secret_line, 0600, diagnostics);
    sodium_memzero(secret_line.data(), secret_line.size());
    if (failure != KeyWriteFailure::None)
        return failure;
    failure = create_exclusive(paths.public_key, public_key_text(pair.public_key) + "\n", 0644, diagnostics);
    if (failure != KeyWriteFailure::None)
        ::unlink(paths.secret.c_str());
    return failure;
}

// Reads a small key file; `secret` files must not be open to group or others.
enum class KeyKind { Secret, Public };
static std::optional<std::string> read_key_text(const fs::path& path, KeyKind kind, Diagnostics& diagnostics)
{
    SourceLocation where { path.string(), 0, 0 };
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd) {
        if (errno == ENOENT) {
            auto name = path.filename().string();
            bool looks_public = name.size() > 4 && name.substr(name.size() - 4) == ".pub";
            diagnostics.error(where, "no such key file",
                kind == KeyKind::Secret && !looks_public
                    ? "create a key pair with 'hallboard keygen --out PREFIX' and pass PREFIX.key"
                    : "");
        } else {
            diagnostics.error(where, "cannot open this key file: " + errno_text());
        }
        return std::nullopt;
    }
    struct stat status { };
    if (::fstat(fd.get(), &status) != 0 || !S_ISREG(status.st_mode)) {
        diagnostics.error(where, "this key file is not a regular file");
        return std::nullopt;
    }
    if (kind == KeyKind::Secret && (status.st_mode & 077) != 0) {
        char mode[8];
        std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(status.st_mode & 07777));
        diagnostics.error(where,
            std::string("the secret key can be read or changed by other users (mode ") + mode + ")",
            "run 'chmod 600 " + path.string() + "' (and consider making a new key if others may have copied it)");
        return std::nullopt;
    }
    std::string text(max_key_file_bytes + 1, '\0');
    size_t length = 0;
    for (;;) {
        ssize_t got = ::read(fd.get(), text.data() + length, text.size() - length);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        length += static_cast<size_t>(got);
        if (length == text.size())
            break;
    }
    fd.reset();
    text.resize(length);
    if (length > max_key_file_bytes) {
        diagnostics.error(where, "this file is too large to be a key file");
        return std::nullopt;
    }
    return text;
}

std::optional<SecretKey> read_secret_key_file(const fs::path& path, Diagnostics& diagnostics)
{
    SourceLocation where { path.string(), 0, 0 };
    if (path.extension() == ".pub") {
        diagnostics.error(where, "this is a public key; publishing needs the secret key",
            "pass " + (fs::path(path).replace_extension(".key")).string());
        return std::nullopt;
    }
    auto text = read_key_text(path, KeyKind::Secret, diagnostics);
    if (!text)
        return std::nullopt;
    std::string_view line = *text;
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r' || line.back() == ' '))
        line.remove_suffix(1);
    auto bytes = line.size() <= 4 * secret_key_bytes ? base64_to_bytes(line) : std::nullopt;
    sodium_memzero(text->data(), text->size());
    if (!bytes || bytes->size() != secret_key_bytes) {
        if (bytes)
            sodium_memzero(bytes->data(), bytes->size());
        diagnostics.error(where, "this is not a Hallboard secret key (one line of base64 holding 64 bytes)",
            "pass the PREFIX.key file that 'hallboard keygen' wrote");
        return std::nullopt;
    }
    SecretKey key(std::span<const std::uint8_t, secret_key_bytes>(bytes->data(), secret_key_bytes));
    sodium_memzero(bytes->data(), bytes->size());
    if (!key.is_consistent()) {
        diagnostics.error(where, "this secret key is damaged: its public half does not belong to it",
            "restore the key file from its backup");
        return std::nullopt;
    }
    return key;
}

std::optional<PublicKey> read_public_key_file(const fs::path& path, Diagnostics& diagnostics)
{
    auto text = read_key_text(path, KeyKind::Public, diagnostics);
    if (!text)
        return std::nullopt;
    auto key = parse_public_key(*text);
    if (!key)
        diagnostics.error({ path.string(), 0, 0 }, "this is not a public key (one line of base64 holding 32 bytes)");
    return key;
}

} // namespace hallboard
