// The manifest request and the signature requests of a sync cycle.
#include "player/sync/manifest_fetch.h"

#include "content/publish/manifest.h"
#include "content/publish/published_tree.h"

namespace hallboard::sync {

ManifestFetch fetch_manifest(net::HttpClient& client, const std::string& server, const std::string& etag,
    const net::Timeouts& timeouts, const std::atomic<bool>* cancel)
{
    net::Request request;
    request.url = net::join_url(server, "manifest.json");
    if (!etag.empty())
        request.headers.emplace_back("If-None-Match", etag);
    request.max_response_bytes = max_manifest_bytes;
    request.timeouts = timeouts;
    request.cancel = cancel;
    auto response = client.send(request);

    ManifestFetch fetch;
    fetch.transferred_bytes = response.transferred_bytes;
    fetch.failure = failure_of(response, request.url, NotModified::Allowed, cancel);
    if (fetch.failure)
        return fetch;
    fetch.etag = response.header("etag");
    if (response.status == 304) {
        fetch.not_modified = true;
        return fetch;
    }
    fetch.bytes = std::move(response.body);
    if (response.headers.count("hallboard-signature"))
        fetch.signature_header = response.header("hallboard-signature");
    return fetch;
}

SignatureFetch signature_from_header(const std::string& header, const std::string& server)
{
    SignatureFetch fetch;
    fetch.source = net::join_url(server, "manifest.json") + " (Hallboard-Signature header)";
    fetch.signature = parse_signature(header);
    if (!fetch.signature)
        fetch.failure = { FailureKind::Refused, fetch.source + ": not a signature (64 bytes in base64)", 0, {} };
    return fetch;
}

SignatureFetch fetch_signature(net::HttpClient& client, const std::string& server, std::optional<std::uint64_t> version,
    const net::Timeouts& timeouts, const std::atomic<bool>* cancel)
{
    std::vector<std::string> paths;
    if (version)
        paths.push_back("versions/" + std::to_string(*version) + "/manifest.json.sig");
    paths.push_back("manifest.json.sig");

    SignatureFetch fetch;
    for (auto const& path : paths) {
        net::Request request;
        request.url = net::join_url(server, path);
        request.max_response_bytes = max_signature_file_bytes;
        request.timeouts = timeouts;
        request.cancel = cancel;
        auto response = client.send(request);
        fetch.transferred_bytes += response.transferred_bytes;
        fetch.source = request.url;
        if (response.complete() && (response.status == 404 || response.status == 410))
            continue; // not published there: try the next place
        fetch.failure = failure_of(response, request.url, NotModified::Unexpected, cancel);
        if (fetch.failure)
            return fetch;
        fetch.signature = parse_signature(response.body);
        if (!fetch.signature)
            fetch.failure = { FailureKind::Refused, request.url + ": not a signature (64 bytes in base64)", 0, {} };
        return fetch;
    }
    return fetch; // no signature anywhere
}

} // namespace hallboard::sync
