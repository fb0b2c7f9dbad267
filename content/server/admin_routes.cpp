// The admin API used by `hallboard publish`: upload blobs, ask which are missing, swap the
// manifest, list and read versions (for rollback). The bearer token is checked before routing.
#include "content/server/http_conditions.h"
#include "content/server/server_routes.h"
#include "content/publish/signing.h"

namespace hallboard {

using nlohmann::json;

namespace {

void put_blob(const ServedTree& tree, const httplib::Request& request, httplib::Response& response,
    const httplib::ContentReader& reader)
{
    std::string name = request.matches[1];
    auto upload = tree.begin_blob_upload(name);
    if (!upload) {
        send_error(response, 500, upload.error());
        return;
    }
    bool complete = reader([&](const char* data, size_t size) { return upload->write(data, size); });
    if (!complete) {
        auto failure = upload->failure();
        if (failure == UploadOutcome::TooLarge)
            send_error(response, 413, upload->error(), { { "max_bytes", tree.limits().max_blob_bytes } });
        else if (failure == UploadOutcome::IoError)
            send_error(response, 500, upload->error());
        else
            send_error(response, 400, "the body did not arrive completely");
        return;
    }
    auto outcome = upload->finish();
    switch (outcome) {
    case UploadOutcome::Stored:
    case UploadOutcome::AlreadyPresent:
        send_json(response, outcome == UploadOutcome::Stored ? 201 : 200,
            { { "sha256", name }, { "size", upload->received() }, { "stored", outcome == UploadOutcome::Stored } });
        return;
    case UploadOutcome::HashMismatch:
        send_error(response, 422, upload->error(), { { "sha256", upload->actual_sha256() } });
        return;
    case UploadOutcome::TooLarge:
        send_error(response, 413, upload->error(), { { "max_bytes", tree.limits().max_blob_bytes } });
        return;
    case UploadOutcome::IoError:
        send_error(response, 500, upload->error());
        return;
    }
}

// The hashes of a "missing" query: a JSON list in a POST body, or ?list=a,b,c on a GET.
Result<std::vector<std::string>> read_hash_list(const std::string& text, bool is_json)
{
    std::vector<std::string> hashes;
    if (is_json) {
        json document = json::parse(text, nullptr, false);
        if (document.is_discarded() || !document.is_array())
            return fail("send a JSON list of sha256 strings");
        for (auto const& item : document) {
            if (!item.is_string())
                return fail("send a JSON list of sha256 strings");
            hashes.push_back(item.get<std::string>());
        }
    } else {
        size_t start = 0;
        while (start <= text.size() && !text.empty()) {
            size_t comma = text.find(',', start);
            hashes.push_back(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
            if (comma == std::string::npos)
                break;
            start = comma + 1;
        }
    }
    for (auto const& hash : hashes) {
        if (!is_sha256_hex(hash))
            return fail("'" + hash.substr(0, 80) + "' is not a sha256 (64 lowercase hexadecimal digits)");
    }
    return hashes;
}

void answer_missing(const ServedTree& tree, const Result<std::vector<std::string>>& hashes, httplib::Response& response)
{
    if (!hashes) {
        send_error(response, 422, hashes.error());
        return;
    }
    auto missing = tree.missing_blobs(*hashes);
    send_json(response, 200, { { "missing", missing }, { "asked", hashes->size() } });
}

int status_of(ManifestSwapOutcome outcome)
{
    switch (outcome) {
    case ManifestSwapOutcome::Published:
        return 200;
    case ManifestSwapOutcome::PreconditionRequired:
        return 428;
    case ManifestSwapOutcome::PreconditionFailed:
        return 412;
    case ManifestSwapOutcome::NotNewer:
        return 409;
    case ManifestSwapOutcome::Invalid:
        return 422;
    case ManifestSwapOutcome::MissingBlobs:
        return 422;
    case ManifestSwapOutcome::IoError:
        return 500;
    }
    return 500;
}

void put_manifest(ServedTree& tree, const httplib::Request& request, httplib::Response& response,
    const httplib::ContentReader& reader)
{
    std::string body;
    switch (read_bounded_body(reader, tree.limits().max_manifest_bytes, body)) {
    case BodyRead::TooLarge:
        send_error(response, 413,
            "manifest.json is larger than " + std::to_string(tree.limits().max_manifest_bytes) + " bytes");
        return;
    case BodyRead::Broken:
        send_error(response, 400, "the body did not arrive completely");
        return;
    case BodyRead::Complete:
        break;
    }
    if (!request.has_header("Hallboard-Signature")) {
        send_error(response, 422, "send the manifest's detached signature in the Hallboard-Signature header (base64)",
            { { "current_version", tree.snapshot()->version } });
        return;
    }
    auto result = tree.swap_manifest(
        body, request.get_header_value("Hallboard-Signature"), request.get_header_value("If-Match"));
    json answer = { { "current_version", result.current_version } };
    if (!result.missing.empty())
        answer["missing"] = result.missing;
    if (result.outcome == ManifestSwapOutcome::Published) {
        response.set_header("ETag", tree.snapshot()->manifest_etag);
        answer["message"] = result.message;
        send_json(response, 200, answer);
        return;
    }
    send_error(response, status_of(result.outcome), result.message, answer);
}

void list_versions(const ServedTree& tree, httplib::Response& response)
{
    json list = json::array();
    for (auto const& entry : tree.versions()) {
        list.push_back({ { "version", entry.version }, { "manifest_bytes", entry.manifest_bytes },
            { "blobs", entry.blob_count }, { "blob_bytes", entry.blob_bytes }, { "stored_at", entry.stored_at },
            { "signed", entry.has_signature } });
    }
    auto snapshot = tree.snapshot();
    json answer = { { "current", snapshot->version }, { "versions", list } };
    if (snapshot->version > 0)
        answer["current_etag"] = snapshot->manifest_etag;
    response.set_header("Cache-Control", "no-store");
    send_json(response, 200, answer);
}

} // namespace

void install_admin_routes(httplib::Server& server, ServedTree& tree, const ServerOptions& options)
{
    server.Put("/admin/blobs/([0-9a-f]{64})",
        [&tree](const httplib::Request& request, httplib::Response& response, const httplib::ContentReader& reader) {
            put_blob(tree, request, response, reader);
        });
    server.Post("/admin/blobs/missing",
        [&tree, limit = options.max_list_bytes](
            const httplib::Request&, httplib::Response& response, const httplib::ContentReader& reader) {
            std::string body;
            // The body bound was checked against Content-Length before routing; this catches chunked bodies.
            switch (read_bounded_body(reader, limit, body)) {
            case BodyRead::TooLarge:
                send_error(response, 413, "the list is too long; ask in several parts");
                return;
            case BodyRead::Broken:
                send_error(response, 400, "the body did not arrive completely");
                return;
            case BodyRead::Complete:
                break;
            }
            answer_missing(tree, read_hash_list(body, true), response);
        });
    server.Get("/admin/blobs/missing", [&tree](const httplib::Request& request, httplib::Response& response) {
        answer_missing(tree, read_hash_list(request.get_param_value("list"), false), response);
    });
    server.Put("/admin/manifest",
        [&tree](const httplib::Request& request, httplib::Response& response, const httplib::ContentReader& reader) {
            put_manifest(tree, request, response, reader);
        });
    server.Get("/admin/versions",
        [&tree](const httplib::Request&, httplib::Response& response) { list_versions(tree, response); });
    server.Get("/admin/versions/([1-9][0-9]{0,15})/manifest\\.json(\\.sig)?",
        [&tree](const httplib::Request& request, httplib::Response& response) {
            auto version = std::stoull(request.matches[1].str());
            bool signature = request.matches[2].matched;
            auto bytes = tree.read_version(version, signature ? VersionFile::ManifestSignature : VersionFile::Manifest);
            if (!bytes) {
                send_error(response, 404, "no committed version " + std::to_string(version));
                return;
            }
            response.set_header("Cache-Control", "no-store");
            response.set_content(*bytes, signature ? "text/plain" : "application/json");
        });
}

uint64_t body_limit_for(const std::string& method, const std::string& path, const ServerOptions& options)
{
    if (method == "PUT" && path.rfind("/admin/blobs/", 0) == 0)
        return options.limits.max_blob_bytes;
    if (method == "PUT" && path == "/admin/manifest")
        return options.limits.max_manifest_bytes;
    if (method == "POST" && path == "/admin/blobs/missing")
        return options.max_list_bytes;
    return 0;
}

BodyRead read_bounded_body(const httplib::ContentReader& reader, uint64_t limit, std::string& body)
{
    bool too_large = false;
    bool complete = reader([&](const char* data, size_t size) {
        if (size > limit - body.size()) {
            too_large = true;
            return false;
        }
        body.append(data, size);
        return true;
    });
    if (too_large)
        return BodyRead::TooLarge;
    return complete ? BodyRead::Complete : BodyRead::Broken;
}

} // namespace hallboard
