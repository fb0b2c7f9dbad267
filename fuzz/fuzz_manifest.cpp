// Fuzzes manifest acceptance as a screen does it (player/sync's judge_manifest over content/publish's
// strict parser and Ed25519 verification), with a fixed test key.
//
// Input: a first line taken as manifest.json.sig, the rest as manifest.json. Three checks:
//  - the bytes with that signature, under the fixed key: must never be accepted unless the
//    signature really verifies (it cannot, short of forging Ed25519, so any Accept is a bug);
//  - the bytes unsigned, as a screen without public_key judges them: the parser's whole path;
//  - a manifest that parses must round-trip: its canonical bytes parse to the same manifest,
//    and, signed with the fixed key, are accepted.
#include "player/sync/manifest_acceptance.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

struct FixedKey {
    hallboard::PublicKey public_key {};
    hallboard::SecretKey secret_key;
};

// Derived from a constant seed, so runs are reproducible; never a key anyone publishes with.
const FixedKey& fixed_key()
{
    static const FixedKey key = [] {
        if (!hallboard::sodium_ready())
            std::abort();
        std::array<std::uint8_t, crypto_sign_SEEDBYTES> seed {};
        seed.fill(0x42);
        FixedKey made;
        std::array<std::uint8_t, hallboard::secret_key_bytes> secret {};
        crypto_sign_seed_keypair(made.public_key.data(), secret.data(), seed.data());
        made.secret_key = hallboard::SecretKey(std::span<const std::uint8_t, hallboard::secret_key_bytes>(secret));
        return made;
    }();
    return key;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace hallboard;
    std::string_view input(reinterpret_cast<const char*>(data), size);
    auto newline = input.find('\n');
    std::string_view signature_line
        = newline == std::string_view::npos ? std::string_view {} : input.substr(0, newline);
    std::string_view bytes = newline == std::string_view::npos ? input : input.substr(newline + 1);
    auto const& key = fixed_key();

    sync::peek_manifest_version(bytes);
    auto signature = parse_signature(signature_line);
    auto signed_judgement = sync::judge_manifest(bytes, signature, &key.public_key, {});
    if (signed_judgement.verdict == sync::Verdict::Accept
        && !(signature && verify_detached(bytes, *signature, key.public_key)))
        std::abort(); // accepted without a signature that verifies

    auto judgement = sync::judge_manifest(bytes, std::nullopt, nullptr, {});
    if (judgement.verdict != sync::Verdict::Accept || !judgement.manifest)
        return 0;
    auto canonical = manifest_to_json(*judgement.manifest);
    Diagnostics diagnostics;
    auto reparsed = manifest_from_json(canonical, "manifest.json", diagnostics);
    if (!reparsed || !(*reparsed == *judgement.manifest))
        std::abort(); // the canonical bytes of an accepted manifest are refused or mean something else
    auto resigned = sync::judge_manifest(canonical, sign_detached(canonical, key.secret_key), &key.public_key, {});
    if (resigned.verdict != sync::Verdict::Accept)
        std::abort();
    return 0;
}
