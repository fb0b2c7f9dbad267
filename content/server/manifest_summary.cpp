// Reading the server's view of manifest.json with nlohmann::json, without exceptions.
#include "content/server/manifest_summary.h"

#include "content/publish/manifest.h"
#include "content/publish/signing.h"

#include <nlohmann/json.hpp>

namespace hallboard {

using nlohmann::json;

std::optional<ManifestSummary> read_manifest_summary(std::string_view json_text, std::string& error)
{
    json document = json::parse(json_text.begin(), json_text.end(), nullptr, false);
    if (document.is_discarded()) {
        error = "manifest.json is not valid JSON";
        return std::nullopt;
    }
    if (!document.is_object()) {
        error = "manifest.json is not a JSON object";
        return std::nullopt;
    }
    auto format = document.find("format");
    if (format == document.end() || !format->is_number_integer() || format->get<int64_t>() != served_manifest_format) {
        error = "manifest.json needs \"format\": " + std::to_string(served_manifest_format);
        return std::nullopt;
    }
    auto version = document.find("version");
    if (version == document.end() || !version->is_number_unsigned() || version->get<uint64_t>() == 0) {
        error = "manifest.json needs \"version\": a positive integer";
        return std::nullopt;
    }
    if (version->get<uint64_t>() > max_manifest_version) {
        error = "manifest.json \"version\" is above " + std::to_string(max_manifest_version)
            + " (2^53 - 1, the largest integer JSON readers keep exact)";
        return std::nullopt;
    }
    ManifestSummary summary;
    summary.version = version->get<uint64_t>();
    auto blobs = document.find("blobs");
    if (blobs == document.end() || !blobs->is_array()) {
        error = "manifest.json needs \"blobs\": a list of {path, sha256, size}";
        return std::nullopt;
    }
    for (size_t i = 0; i < blobs->size(); ++i) {
        auto const& entry = (*blobs)[i];
        std::string where = "manifest.json blobs[" + std::to_string(i) + "]";
        if (!entry.is_object()) {
            error = where + " is not an object";
            return std::nullopt;
        }
        auto path = entry.find("path");
        auto sha256 = entry.find("sha256");
        auto size = entry.find("size");
        if (path == entry.end() || !path->is_string()) {
            error = where + " needs \"path\": a string";
            return std::nullopt;
        }
        if (sha256 == entry.end() || !sha256->is_string() || !is_sha256_hex(sha256->get<std::string>())) {
            error = where + " needs \"sha256\": 64 lowercase hexadecimal digits";
            return std::nullopt;
        }
        if (size == entry.end() || !size->is_number_unsigned()) {
            error = where + " needs \"size\": a whole number of bytes";
            return std::nullopt;
        }
        summary.blobs.push_back({ path->get<std::string>(), sha256->get<std::string>(), size->get<uint64_t>() });
    }
    return summary;
}

std::optional<std::string> read_signature_line(std::string_view text, std::string& error)
{
    auto signature = parse_signature(text);
    if (!signature) {
        error = "the signature is not one line of standard base64 holding a " + std::to_string(signature_bytes)
            + "-byte Ed25519 signature";
        return std::nullopt;
    }
    return signature_text(*signature);
}

} // namespace hallboard
