// Reading the server's view of manifest.json with nlohmann::json, without exceptions.
#include "content/server/manifest_summary.h"

#include "content/publish/manifest.h"
#include "content/publish/signing.h"

#include <nlohmann/json.hpp>

namespace hallboard {

using nlohmann::json;

Result<ManifestSummary> read_manifest_summary(std::string_view json_text)
{
    json document = json::parse(json_text.begin(), json_text.end(), nullptr, false);
    if (document.is_discarded())
        return fail("manifest.json is not valid JSON");
    if (!document.is_object())
        return fail("manifest.json is not a JSON object");
    auto format = document.find("format");
    if (format == document.end() || !format->is_number_integer() || format->get<int64_t>() != served_manifest_format)
        return fail("manifest.json needs \"format\": " + std::to_string(served_manifest_format));
    auto version = document.find("version");
    if (version == document.end() || !version->is_number_unsigned() || version->get<uint64_t>() == 0)
        return fail("manifest.json needs \"version\": a positive integer");
    if (version->get<uint64_t>() > max_manifest_version)
        return fail("manifest.json \"version\" is above " + std::to_string(max_manifest_version)
            + " (2^53 - 1, the largest integer JSON readers keep exact)");
    ManifestSummary summary;
    summary.version = version->get<uint64_t>();
    auto blobs = document.find("blobs");
    if (blobs == document.end() || !blobs->is_array())
        return fail("manifest.json needs \"blobs\": a list of {path, sha256, size}");
    for (size_t i = 0; i < blobs->size(); ++i) {
        auto const& entry = (*blobs)[i];
        std::string where = "manifest.json blobs[" + std::to_string(i) + "]";
        if (!entry.is_object())
            return fail(where + " is not an object");
        auto path = entry.find("path");
        auto sha256 = entry.find("sha256");
        auto size = entry.find("size");
        if (path == entry.end() || !path->is_string())
            return fail(where + " needs \"path\": a string");
        if (sha256 == entry.end() || !sha256->is_string() || !is_sha256_hex(sha256->get<std::string>()))
            return fail(where + " needs \"sha256\": 64 lowercase hexadecimal digits");
        if (size == entry.end() || !size->is_number_unsigned())
            return fail(where + " needs \"size\": a whole number of bytes");
        summary.blobs.push_back({ path->get<std::string>(), sha256->get<std::string>(), size->get<uint64_t>() });
    }
    return summary;
}

Result<std::string> read_signature_line(std::string_view text)
{
    auto signature = parse_signature(text);
    if (!signature)
        return fail("the signature is not one line of standard base64 holding a " + std::to_string(signature_bytes)
            + "-byte Ed25519 signature");
    return signature_text(*signature);
}

} // namespace hallboard
