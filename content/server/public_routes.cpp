// What screens (and anyone) may GET: the current manifest and signature, blobs, committed versions.
// Request paths are never turned into file paths except a blob's validated 64-hex name.
#include "content/server/http_conditions.h"
#include "content/server/server_routes.h"
#include "content/publish/signing.h"
#include "base/unique_fd.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <memory>

namespace hallboard {

namespace {

constexpr char const* immutable = "public, max-age=31536000, immutable";
// Screens must revalidate every time (a 304 is cheap); a stale manifest would delay a new tariff.
constexpr char const* revalidate = "no-cache";

enum class Compressible { No, Yes };

// True (and the response filled) when the client already has this representation.
bool answer_not_modified(const httplib::Request& request, httplib::Response& response, const std::string& etag,
    char const* cache_control, Compressible compressible = Compressible::Yes)
{
    response.set_header("ETag", etag);
    response.set_header("Cache-Control", cache_control);
    // The library gzips or brotlis JSON and text when the client accepts it; a cache in
    // between must then keep the encodings apart.
    if (compressible == Compressible::Yes)
        response.set_header("Vary", "Accept-Encoding");
    if (!if_none_match_matches(request.get_header_value("If-None-Match"), etag))
        return false;
    response.status = 304;
    return true;
}

std::string signature_header_value(const std::string& signature_file)
{
    auto end = signature_file.find_last_not_of(" \t\r\n");
    return end == std::string::npos ? std::string() : signature_file.substr(0, end + 1);
}

void serve_manifest(const ServedTree& tree, const httplib::Request& request, httplib::Response& response)
{
    auto snapshot = tree.snapshot(); // one snapshot per request: manifest and signature agree
    if (snapshot->version == 0) {
        send_error(response, 404, "nothing is published yet");
        return;
    }
    response.set_header("Hallboard-Version", std::to_string(snapshot->version));
    // The signature rides along, so that one request gives a pair that belongs together even
    // while a publish swaps versions between two requests.
    if (!snapshot->signature.empty())
        response.set_header("Hallboard-Signature", signature_header_value(snapshot->signature));
    if (answer_not_modified(request, response, snapshot->manifest_etag, revalidate))
        return;
    response.set_content(snapshot->manifest, "application/json");
}

void serve_signature(const ServedTree& tree, const httplib::Request& request, httplib::Response& response)
{
    auto snapshot = tree.snapshot();
    if (snapshot->signature.empty()) {
        send_error(response, 404,
            snapshot->version == 0 ? "nothing is published yet" : "the current manifest has no signature");
        return;
    }
    response.set_header("Hallboard-Version", std::to_string(snapshot->version));
    if (answer_not_modified(request, response, snapshot->signature_etag, revalidate))
        return;
    response.set_content(snapshot->signature, "text/plain");
}

void serve_blob(const ServedTree& tree, const httplib::Request& request, httplib::Response& response)
{
    std::string name = request.matches[1]; // the route's pattern admits only 64 lowercase hex digits
    auto path = tree.blob_path(name);
    // A revalidation (the common case for a screen that has the blob) needs only a stat; lstat,
    // so that a symlink planted in the tree is "no such blob" here as in the open below.
    struct stat status { };
    if (if_none_match_matches(request.get_header_value("If-None-Match"), content_etag(name))) {
        if (::lstat(path.c_str(), &status) != 0 || !S_ISREG(status.st_mode)) {
            send_error(response, 404, "no such blob");
            return;
        }
        response.set_header("X-Content-Type-Options", "nosniff");
        answer_not_modified(request, response, content_etag(name), immutable, Compressible::No);
        return;
    }
    // Shared because the library copies the provider; the file closes when the last copy goes,
    // even on a path where the library never calls the releaser. O_NOFOLLOW and the S_ISREG
    // check: a symlink (or a fifo, a device) in blobs/ must not serve what it points at, such
    // as /etc/passwd; blobs are only ever regular files renamed into place.
    auto file = std::make_shared<UniqueFd>(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK));
    if (!*file || ::fstat(file->get(), &status) != 0 || !S_ISREG(status.st_mode)) {
        send_error(response, 404, "no such blob");
        return;
    }
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("ETag", content_etag(name));
    response.set_header("Cache-Control", immutable);
    // Streamed from the open file (up to 20 MiB each; never all in memory at once); the file
    // cannot change under us, blobs are only ever renamed into place, never rewritten.
    response.set_content_provider(
        static_cast<size_t>(status.st_size), "application/octet-stream",
        [file](size_t offset, size_t length, httplib::DataSink& sink) {
            char buffer[64 * 1024];
            ssize_t got = ::pread(file->get(), buffer, std::min(length, sizeof buffer), static_cast<off_t>(offset));
            if (got <= 0)
                return false;
            return sink.write(buffer, static_cast<size_t>(got));
        },
        [file](bool) { file->reset(); });
}

void serve_version_file(
    const ServedTree& tree, const httplib::Request& request, httplib::Response& response, char const* cache_control)
{
    auto version
        = std::stoull(request.matches[1].str()); // 1-16 digits by the route's pattern; above the cap is 404 below
    bool signature = request.matches[2].matched;
    auto bytes = tree.read_version(version, signature ? VersionFile::ManifestSignature : VersionFile::Manifest);
    if (!bytes) {
        send_error(response, 404, "no committed version " + std::to_string(version) + (signature ? " signature" : ""));
        return;
    }
    if (answer_not_modified(request, response, content_etag(sha256_hex_of(*bytes)), cache_control))
        return;
    response.set_content(*bytes, signature ? "text/plain" : "application/json");
}

} // namespace

void install_public_routes(httplib::Server& server, ServedTree& tree)
{
    server.Get("/healthz", [&tree](const httplib::Request&, httplib::Response& response) {
        response.set_header("Cache-Control", "no-store");
        send_json(response, 200, { { "status", "ok" }, { "version", tree.snapshot()->version } });
    });
    server.Get("/manifest\\.json", [&tree](const httplib::Request& request, httplib::Response& response) {
        serve_manifest(tree, request, response);
    });
    server.Get("/manifest\\.json\\.sig", [&tree](const httplib::Request& request, httplib::Response& response) {
        serve_signature(tree, request, response);
    });
    server.Get("/blobs/([0-9a-f]{64})",
        [&tree](const httplib::Request& request, httplib::Response& response) { serve_blob(tree, request, response); });
    // Committed versions never change, so they are cached like blobs. A sync client can read
    // "version" from /manifest.json and then fetch that version's signature here, from any
    // static server too (the same files exist in the published tree).
    server.Get("/versions/([1-9][0-9]{0,15})/manifest\\.json(\\.sig)?",
        [&tree](const httplib::Request& request, httplib::Response& response) {
            serve_version_file(tree, request, response, immutable);
        });
}

void send_json(httplib::Response& response, int status, const nlohmann::json& body)
{
    response.status = status;
    // Messages may quote what a client sent; invalid UTF-8 is replaced rather than thrown over.
    response.set_content(
        body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n", "application/json");
}

void send_error(httplib::Response& response, int status, const std::string& message, nlohmann::json extra)
{
    extra["error"] = message;
    send_json(response, status, extra);
}

} // namespace hallboard
