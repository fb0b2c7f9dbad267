// AdminClient: the admin API's requests over net::HttpClient, and its JSON answers read defensively.
#include "content/publish/admin_client.h"

#include "content/publish/manifest.h"
#include "content/publish/published_tree.h"
#include "base/terminal_text.h"

#include <nlohmann/json.hpp>

namespace hallboard {

using nlohmann::json;

namespace {

constexpr std::uint64_t max_answer_bytes = 16 * 1024 * 1024; // a versions list of years of publishing
constexpr auto blob_upload_total = std::chrono::hours(1);    // a 20 MiB poster over a thin, rate-limited link

json parse_object(const std::string& text)
{
    auto document = json::parse(text, nullptr, false);
    return document.is_object() ? document : json::object();
}

std::uint64_t unsigned_field(const json& object, const char* name)
{
    auto found = object.find(name);
    return found != object.end() && found->is_number_unsigned() ? found->get<std::uint64_t>() : 0;
}

std::vector<std::string> string_list(const json& object, const char* name)
{
    std::vector<std::string> list;
    auto found = object.find(name);
    if (found == object.end() || !found->is_array())
        return list;
    for (auto const& item : *found) {
        if (item.is_string())
            list.push_back(item.get<std::string>());
    }
    return list;
}

// What a refusal says: the server's "error" field, or the status when the body is not ours.
std::string refusal_message(const net::Response& response)
{
    auto text = server_error_text(response.body);
    return text.empty() ? "the server answered HTTP " + std::to_string(response.status) : text;
}

} // namespace

std::string server_error_text(const std::string& body)
{
    auto document = parse_object(body);
    auto found = document.find("error");
    return found != document.end() && found->is_string() ? escape_terminal_text(found->get<std::string>())
                                                         : std::string();
}

AdminClient::AdminClient(std::string base_url, std::string token)
    : m_base_url(std::move(base_url))
    , m_token(std::move(token))
{
}

net::Request AdminClient::request(net::Method method, const std::string& path) const
{
    net::Request request;
    request.method = method;
    request.url = net::join_url(m_base_url, path);
    request.headers.push_back({ "Authorization", "Bearer " + m_token });
    request.max_response_bytes = max_answer_bytes;
    return request;
}

std::optional<net::Response> AdminClient::exchange(
    const net::Request& request, std::initializer_list<int> wanted, AdminProblem& problem)
{
    auto response = m_http.send(request);
    if (!response.complete()) {
        problem.status = 0;
        problem.message = response.error;
        return std::nullopt;
    }
    for (int status : wanted) {
        if (response.status == status)
            return response;
    }
    problem.status = response.status;
    problem.message = refusal_message(response);
    auto document = parse_object(response.body);
    problem.current_version = unsigned_field(document, "current_version");
    problem.missing = string_list(document, "missing");
    return std::nullopt;
}

std::optional<ServerVersions> AdminClient::versions(AdminProblem& problem)
{
    auto response = exchange(request(net::Method::Get, "admin/versions"), { 200 }, problem);
    if (!response)
        return std::nullopt;
    auto document = json::parse(response->body, nullptr, false);
    if (!document.is_object() || !document.contains("current") || !document["current"].is_number_unsigned()) {
        problem.status = response->status;
        problem.message = "the answer to GET /admin/versions is not a version list (is this a hallboard server?)";
        return std::nullopt;
    }
    ServerVersions versions;
    versions.current = document["current"].get<std::uint64_t>();
    if (document.contains("current_etag") && document["current_etag"].is_string())
        versions.current_etag = document["current_etag"].get<std::string>();
    if (document.contains("versions") && document["versions"].is_array()) {
        for (auto const& entry : document["versions"]) {
            if (entry.is_object())
                versions.versions.push_back(unsigned_field(entry, "version"));
        }
    }
    return versions;
}

std::optional<StoredManifest> AdminClient::stored_manifest(std::uint64_t version, AdminProblem& problem)
{
    auto base = "admin/versions/" + std::to_string(version) + "/manifest.json";
    auto manifest_request = request(net::Method::Get, base);
    manifest_request.max_response_bytes = max_manifest_bytes;
    auto manifest = exchange(manifest_request, { 200 }, problem);
    if (!manifest)
        return std::nullopt;
    auto signature_request = request(net::Method::Get, base + ".sig");
    signature_request.max_response_bytes = max_signature_file_bytes;
    auto signature = exchange(signature_request, { 200 }, problem);
    if (!signature)
        return std::nullopt;
    return StoredManifest { std::move(manifest->body), std::move(signature->body) };
}

std::optional<std::vector<std::string>> AdminClient::missing_blobs(
    const std::vector<std::string>& sha256s, AdminProblem& problem)
{
    auto missing_request = request(net::Method::Post, "admin/blobs/missing");
    missing_request.headers.push_back({ "Content-Type", "application/json" });
    missing_request.body = json(sha256s).dump();
    auto response = exchange(missing_request, { 200 }, problem);
    if (!response)
        return std::nullopt;
    auto document = json::parse(response->body, nullptr, false);
    if (!document.is_object() || !document.contains("missing") || !document["missing"].is_array()) {
        problem.status = response->status;
        problem.message = "the answer to POST /admin/blobs/missing has no list of missing blobs";
        return std::nullopt;
    }
    return string_list(document, "missing");
}

bool AdminClient::put_blob(const std::string& sha256, const std::filesystem::path& file,
    const std::function<void(std::uint64_t, std::uint64_t)>& progress, AdminProblem& problem)
{
    auto upload = request(net::Method::Put, "admin/blobs/" + sha256);
    upload.body_file = file;
    upload.headers.push_back({ "Content-Type", "application/octet-stream" });
    upload.progress = progress;
    upload.max_send_bytes_per_second = m_upload_rate_limit;
    upload.timeouts.total = blob_upload_total;
    return exchange(upload, { 200, 201 }, problem).has_value();
}

bool AdminClient::put_manifest(
    const std::string& bytes, const std::string& signature_line, std::uint64_t replaces, AdminProblem& problem)
{
    auto swap = request(net::Method::Put, "admin/manifest");
    swap.body = bytes;
    auto signature = signature_line;
    while (!signature.empty() && (signature.back() == '\n' || signature.back() == '\r'))
        signature.pop_back();
    swap.headers.push_back({ "Content-Type", "application/json" });
    swap.headers.push_back({ "Hallboard-Signature", signature });
    swap.headers.push_back({ "If-Match", "\"" + std::to_string(replaces) + "\"" });
    return exchange(swap, { 200 }, problem).has_value();
}

} // namespace hallboard
