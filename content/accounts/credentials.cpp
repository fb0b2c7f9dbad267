// libsodium's password hashing and random tokens.
#include "content/accounts/credentials.h"

#include <sodium.h>

#include <array>
#include <mutex>

namespace hallboard {

namespace {

bool sodium_ready()
{
    static bool ready = sodium_init() >= 0;
    return ready;
}

} // namespace

Result<std::string> hash_password(std::string_view password)
{
    if (!sodium_ready())
        return fail("the cryptography library (libsodium) cannot start");
    std::array<char, crypto_pwhash_STRBYTES> text {};
    if (crypto_pwhash_str_alg(text.data(), password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return fail("cannot hash the password: not enough memory for Argon2id (64 MiB)");
    return std::string(text.data());
}

bool password_matches(std::string_view stored_hash, std::string_view password)
{
    if (!sodium_ready() || stored_hash.size() >= crypto_pwhash_STRBYTES)
        return false;
    std::array<char, crypto_pwhash_STRBYTES> text {};
    stored_hash.copy(text.data(), stored_hash.size());
    return crypto_pwhash_str_verify(text.data(), password.data(), password.size()) == 0;
}

bool password_matches_nobody(std::string_view password)
{
    static std::once_flag once;
    static std::string decoy;
    std::call_once(once, [] {
        auto made = hash_password("no user has this password, it only costs time");
        decoy = made ? *made : std::string();
    });
    (void)password_matches(decoy, password);
    return false;
}

bool password_needs_rehash(std::string_view stored_hash)
{
    std::string text(stored_hash);
    return crypto_pwhash_str_needs_rehash(
               text.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE)
        != 0;
}

std::string make_api_token()
{
    (void)sodium_ready(); // randombytes works (from /dev/urandom or getrandom) even before init
    std::array<unsigned char, 32> bytes {};
    randombytes_buf(bytes.data(), bytes.size());
    std::array<char, sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)> text {};
    sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_memzero(bytes.data(), bytes.size());
    return std::string(api_token_prefix) + text.data();
}

std::string api_token_digest(std::string_view token)
{
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest {};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(token.data()), token.size());
    std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex {};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return hex.data();
}

} // namespace hallboard
