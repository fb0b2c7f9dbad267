// Ed25519, SHA-256 and base64 through libsodium; the only file of the content module that calls it
// for cryptography.
#include "content/publish/signing.h"

#include "base/unique_fd.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>

namespace hallboard {

static_assert(public_key_bytes == crypto_sign_PUBLICKEYBYTES);
static_assert(secret_key_bytes == crypto_sign_SECRETKEYBYTES);
static_assert(signature_bytes == crypto_sign_BYTES);
static_assert(sha256_hex_length == 2 * crypto_hash_sha256_BYTES);

bool sodium_ready()
{
    // sodium_init is itself thread-safe; the flag only saves the call after the first time.
    static bool const ready = sodium_init() >= 0;
    return ready;
}

SecretKey::SecretKey(std::span<const std::uint8_t, secret_key_bytes> bytes)
{
    std::memcpy(m_bytes.data(), bytes.data(), secret_key_bytes);
}

SecretKey::SecretKey(const SecretKey& other)
    : m_bytes(other.m_bytes)
{
}

SecretKey& SecretKey::operator=(const SecretKey& other)
{
    m_bytes = other.m_bytes;
    return *this;
}

SecretKey::~SecretKey()
{
    sodium_memzero(m_bytes.data(), m_bytes.size());
}

PublicKey SecretKey::public_key() const
{
    PublicKey key {};
    crypto_sign_ed25519_sk_to_pk(key.data(), m_bytes.data());
    return key;
}

bool SecretKey::is_consistent() const
{
    if (!sodium_ready())
        return false;
    std::array<std::uint8_t, crypto_sign_SEEDBYTES> seed {};
    crypto_sign_ed25519_sk_to_seed(seed.data(), m_bytes.data());
    PublicKey derived {};
    std::array<std::uint8_t, secret_key_bytes> rebuilt {};
    crypto_sign_seed_keypair(derived.data(), rebuilt.data(), seed.data());
    bool same = sodium_memcmp(rebuilt.data(), m_bytes.data(), secret_key_bytes) == 0;
    sodium_memzero(seed.data(), seed.size());
    sodium_memzero(rebuilt.data(), rebuilt.size());
    return same;
}

std::optional<KeyPair> generate_key_pair()
{
    if (!sodium_ready())
        return std::nullopt;
    KeyPair pair;
    std::array<std::uint8_t, secret_key_bytes> secret {};
    crypto_sign_keypair(pair.public_key.data(), secret.data());
    pair.secret_key = SecretKey(secret);
    sodium_memzero(secret.data(), secret.size());
    return pair;
}

static unsigned char const* bytes_of(std::string_view text)
{
    return reinterpret_cast<unsigned char const*>(text.data());
}

Signature sign_detached(std::string_view message, const SecretKey& key)
{
    Signature signature {};
    if (!sodium_ready())
        return signature; // all zero: verifies against nothing
    crypto_sign_detached(signature.data(), nullptr, bytes_of(message), message.size(), key.bytes().data());
    return signature;
}

bool verify_detached(std::string_view message, const Signature& signature, const PublicKey& key)
{
    if (!sodium_ready())
        return false;
    return crypto_sign_verify_detached(signature.data(), bytes_of(message), message.size(), key.data()) == 0;
}

std::string bytes_to_base64(std::span<const std::uint8_t> bytes)
{
    std::string text(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    text.resize(std::strlen(text.c_str()));
    return text;
}

std::optional<std::vector<std::uint8_t>> base64_to_bytes(std::string_view text)
{
    // Padding is optional for readers (people trim it when copying keys); the variant that
    // accepts both is the no-padding one once any '=' are cut off.
    while (!text.empty() && text.back() == '=')
        text.remove_suffix(1);
    std::vector<std::uint8_t> bytes(text.size() * 3 / 4 + 3);
    size_t length = 0;
    char const* end = nullptr;
    if (sodium_base642bin(bytes.data(), bytes.size(), text.data(), text.size(), nullptr, &length, &end,
            sodium_base64_VARIANT_ORIGINAL_NO_PADDING)
            != 0
        || end != text.data() + text.size())
        return std::nullopt;
    bytes.resize(length);
    return bytes;
}

static std::string_view trimmed(std::string_view text)
{
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && is_space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && is_space(text.back()))
        text.remove_suffix(1);
    return text;
}

template <size_t Size>
static std::optional<std::array<std::uint8_t, Size>> parse_fixed(std::string_view text)
{
    text = trimmed(text);
    // A line far longer than the key cannot be one; refusing early bounds the work.
    if (text.size() > 4 * Size)
        return std::nullopt;
    auto bytes = base64_to_bytes(text);
    if (!bytes || bytes->size() != Size)
        return std::nullopt;
    std::array<std::uint8_t, Size> result {};
    std::memcpy(result.data(), bytes->data(), Size);
    return result;
}

std::string public_key_text(const PublicKey& key)
{
    return bytes_to_base64(key);
}
std::optional<PublicKey> parse_public_key(std::string_view text)
{
    return parse_fixed<public_key_bytes>(text);
}
std::string signature_text(const Signature& signature)
{
    return bytes_to_base64(signature);
}
std::optional<Signature> parse_signature(std::string_view text)
{
    return parse_fixed<signature_bytes>(text);
}

Sha256Hasher::Sha256Hasher()
{
    sodium_ready();
    crypto_hash_sha256_init(&m_state);
}

void Sha256Hasher::update(std::string_view bytes)
{
    crypto_hash_sha256_update(&m_state, bytes_of(bytes), bytes.size());
}

std::string Sha256Hasher::finish_hex()
{
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest {};
    crypto_hash_sha256_final(&m_state, digest.data());
    std::string hex(2 * digest.size() + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    hex.pop_back();
    return hex;
}

std::string sha256_hex_of(std::string_view bytes)
{
    Sha256Hasher hasher;
    hasher.update(bytes);
    return hasher.finish_hex();
}

bool is_sha256_hex(std::string_view text)
{
    if (text.size() != sha256_hex_length)
        return false;
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

Result<FileDigest> sha256_of_file(const std::filesystem::path& path, std::uint64_t max_bytes)
{
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd)
        return fail("cannot open " + path.string() + ": " + std::strerror(errno));
    struct stat status { };
    if (::fstat(fd.get(), &status) != 0 || !S_ISREG(status.st_mode))
        return fail(path.string() + " is not a regular file");
    Sha256Hasher hasher;
    FileDigest digest;
    std::array<char, 64 * 1024> buffer {};
    for (;;) {
        ssize_t got = ::read(fd.get(), buffer.data(), buffer.size());
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return fail("cannot read " + path.string() + ": " + std::strerror(errno));
        if (got == 0)
            break;
        digest.size += static_cast<std::uint64_t>(got);
        // Counted while reading, not from fstat: the file may grow while it is read.
        if (digest.size > max_bytes)
            return fail(path.string() + " is larger than " + std::to_string(max_bytes) + " bytes");
        hasher.update({ buffer.data(), static_cast<size_t>(got) });
    }
    digest.sha256 = hasher.finish_hex();
    return digest;
}

} // namespace hallboard
