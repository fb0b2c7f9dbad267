// Password hashes (Argon2id) and API tokens (random, stored as a SHA-256 digest): libsodium only.
#pragma once

#include "base/result.h"

#include <string>
#include <string_view>

namespace hallboard {

// crypto_pwhash_str with Argon2id at libsodium's interactive limits (64 MiB, ~0.1-0.5 s): the
// self-describing "$argon2id$v=19$m=...,t=...,p=1$salt$hash" string. Fails only when libsodium
// cannot start or the memory cannot be had.
Result<std::string> hash_password(std::string_view password);

// crypto_pwhash_str_verify: recomputes and compares in constant time. False for a wrong
// password and for a hash that is not one of ours.
bool password_matches(std::string_view stored_hash, std::string_view password);

// Spends the time of one verification against a fixed hash and returns false: called for
// unknown or disabled users, so that response times do not tell which names exist.
bool password_matches_nobody(std::string_view password);

// True when `stored_hash` was made with other limits than today's (rehash at next login).
bool password_needs_rehash(std::string_view stored_hash);

// A new API token: "hbu_" + 32 random bytes in URL-safe base64 (47 characters, one word of
// printable ASCII, so token files load like the admin token). Shown once, never stored.
std::string make_api_token();

inline constexpr std::string_view api_token_prefix = "hbu_";

// SHA-256 of the token as 64 hex digits: what the store keeps and looks up. A plain hash is
// enough: the token is 256 random bits, so there is nothing to guess or precompute.
std::string api_token_digest(std::string_view token);

} // namespace hallboard
