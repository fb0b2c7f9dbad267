// Ed25519 signatures, SHA-256 and base64 over libsodium: the cryptography of published content.
#pragma once

#include "base/result.h"

#include <sodium.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hallboard {

inline constexpr size_t public_key_bytes = 32; // crypto_sign_PUBLICKEYBYTES
inline constexpr size_t secret_key_bytes = 64; // crypto_sign_SECRETKEYBYTES: seed, then public key
inline constexpr size_t signature_bytes = 64;  // crypto_sign_BYTES
inline constexpr size_t sha256_hex_length = 64;

using PublicKey = std::array<std::uint8_t, public_key_bytes>;
using Signature = std::array<std::uint8_t, signature_bytes>;

// Initialises libsodium once per process (thread-safe, cheap after the first call). Every
// function below calls it; false means the library could not start (no entropy source), in
// which case keys cannot be made and nothing verifies.
bool sodium_ready();

// An Ed25519 secret key; the bytes are wiped from memory when the object goes away.
class SecretKey {
public:
    SecretKey() = default;
    explicit SecretKey(std::span<const std::uint8_t, secret_key_bytes> bytes);
    SecretKey(const SecretKey& other);
    SecretKey& operator=(const SecretKey& other);
    ~SecretKey();

    std::span<const std::uint8_t, secret_key_bytes> bytes() const { return m_bytes; }
    // The public half, as stored in the secret key's last 32 bytes.
    PublicKey public_key() const;
    // True when the public half is the one the seed (first half) derives: a damaged key file
    // would otherwise sign manifests that no screen accepts.
    bool is_consistent() const;

private:
    std::array<std::uint8_t, secret_key_bytes> m_bytes {};
};

struct KeyPair {
    PublicKey public_key {};
    SecretKey secret_key;
};

// A fresh key pair from the system's random source; nullopt only when sodium cannot start.
std::optional<KeyPair> generate_key_pair();

Signature sign_detached(std::string_view message, const SecretKey& key);
bool verify_detached(std::string_view message, const Signature& signature, const PublicKey& key);

// Standard base64 (RFC 4648, "+/", with '=' padding), the form of keys and signatures in files.
std::string bytes_to_base64(std::span<const std::uint8_t> bytes);
// Refuses anything but standard base64 (white space included); padding may be left out.
std::optional<std::vector<std::uint8_t>> base64_to_bytes(std::string_view text);

// One line of base64 each, as written in PREFIX.pub, manifest.json.sig and screen configs.
// The parsers trim surrounding white space (a trailing newline) and insist on the exact length.
std::string public_key_text(const PublicKey& key);
std::optional<PublicKey> parse_public_key(std::string_view text);
std::string signature_text(const Signature& signature);
std::optional<Signature> parse_signature(std::string_view text);

// SHA-256, streamed so that a 20 MiB picture is never held in memory to be hashed.
class Sha256Hasher {
public:
    Sha256Hasher();
    void update(std::string_view bytes);
    std::string finish_hex(); // lowercase hex; call once

private:
    crypto_hash_sha256_state m_state {};
};

std::string sha256_hex_of(std::string_view bytes);

// Exactly 64 lowercase hexadecimal digits: a blob's name.
bool is_sha256_hex(std::string_view text);

struct FileDigest {
    std::string sha256; // lowercase hex
    std::uint64_t size = 0;
};

// Hashes a regular file of at most `max_bytes`. Fails when it cannot be read, is not a regular
// file or is larger.
Result<FileDigest> sha256_of_file(const std::filesystem::path& path, std::uint64_t max_bytes);

} // namespace hallboard
