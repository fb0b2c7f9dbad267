// Making and signing a manifest in memory.
#include "content/publish/signed_manifest.h"

#include "content/publish/publisher.h"

namespace hallboard {

Result<SignedManifest> sign_new_manifest(const ContentSource& source, std::vector<ManifestBlob> blobs,
    std::uint64_t version, std::string published_at, const SecretKey& key)
{
    if (!sodium_ready())
        return fail("the cryptography library (libsodium) cannot start");
    SignedManifest signed_manifest;
    signed_manifest.manifest = make_manifest(source, std::move(blobs), version, std::move(published_at));
    signed_manifest.bytes = manifest_to_json(signed_manifest.manifest);
    Diagnostics read_back;
    if (!manifest_from_json(signed_manifest.bytes, "the new manifest", read_back)) {
        auto first = read_back.all().empty() ? std::string("it does not read back")
                                             : format_diagnostic(read_back.all().front());
        return fail("the new manifest would be refused by screens: " + first);
    }
    auto signature = sign_detached(signed_manifest.bytes, key);
    if (!verify_detached(signed_manifest.bytes, signature, key.public_key()))
        return fail("the new signature does not verify (is the signing key damaged?)");
    signed_manifest.signature_line = signature_text(signature) + "\n";
    return signed_manifest;
}

} // namespace hallboard
