// DeskClient: the desk routes over net::HttpClient, answers read defensively.
#include "content/desk/desk_client.h"

#include "base/durable_files.h"
#include "base/terminal_text.h"
#include "content/desk/change_set_json.h"
#include "content/desk/conflict_json.h"
#include "content/desk/snapshot_json.h"
#include "content/model/source_loader.h"
#include "content/publish/admin_client.h"

#include <nlohmann/json.hpp>

#include <fstream>

namespace hallboard::desk {

using nlohmann::json;

namespace {

constexpr std::uint64_t max_answer_bytes = max_snapshot_json_bytes + 64 * 1024;

std::uint64_t unsigned_field(const json& object, const char* name)
{
    auto found = object.find(name);
    return found != object.end() && found->is_number_unsigned() ? found->get<std::uint64_t>() : 0;
}

std::optional<VersionRecord> record_of(const json& value)
{
    if (!value.is_object())
        return std::nullopt;
    auto kind = value.find("kind");
    if (kind != value.end() && kind->is_string() && kind->get<std::string>() == "whole-tree")
        return std::nullopt;
    auto record = version_record_from_json(value.dump());
    return record ? std::optional(std::move(*record)) : std::nullopt;
}

} // namespace

DeskClient::DeskClient(std::string base_url, std::string token, std::string author)
    : m_base_url(std::move(base_url))
    , m_token(std::move(token))
    , m_author(std::move(author))
{
}

net::Request DeskClient::request(net::Method method, const std::string& path) const
{
    net::Request request;
    request.method = method;
    request.url = net::join_url(m_base_url, path);
    request.headers.push_back({ "Authorization", "Bearer " + m_token });
    if (!m_author.empty())
        request.headers.push_back({ "X-Hallboard-Author", m_author });
    request.max_response_bytes = max_answer_bytes;
    return request;
}

std::optional<net::Response> DeskClient::exchange(const net::Request& request, DeskProblem& problem)
{
    auto response = m_http.send(request);
    if (!response.complete()) {
        problem.status = 0;
        problem.message = escape_terminal_text(response.error);
        return std::nullopt;
    }
    if (response.status == 200)
        return response;
    problem.status = response.status;
    auto text = server_error_text(response.body);
    problem.message = text.empty() ? "the server answered HTTP " + std::to_string(response.status) : text;
    if (response.status == 404 && text.empty())
        problem.message += " (is the desk on? start hallboard serve with --signing-key)";
    auto document = json::parse(response.body, nullptr, false);
    if (document.is_object()) {
        problem.current_version = unsigned_field(document, "current_version");
        if (auto missing = document.find("missing"); missing != document.end() && missing->is_array()) {
            for (auto const& item : *missing) {
                if (item.is_string())
                    problem.missing.push_back(item.get<std::string>());
            }
        }
        if (auto conflicts = document.find("conflicts"); conflicts != document.end()) {
            auto read = conflicts_from_json_value(*conflicts);
            if (read)
                problem.conflicts = std::move(*read);
            else
                problem.message += "; " + escape_terminal_text(read.error());
        }
    }
    return std::nullopt;
}

std::optional<ServerSource> DeskClient::source(DeskProblem& problem)
{
    auto response = exchange(request(net::Method::Get, "desk/source"), problem);
    if (!response)
        return std::nullopt;
    auto document = json::parse(response->body, nullptr, false);
    if (document.is_object() && document.contains("source")) {
        auto snapshot = snapshot_from_json(document["source"].dump());
        if (snapshot)
            return ServerSource { unsigned_field(document, "version"), std::move(*snapshot) };
        problem.message = "the server's source cannot be read: " + escape_terminal_text(snapshot.error());
    } else {
        problem.message = "the answer to GET /desk/source holds no source (is this a hallboard server?)";
    }
    problem.status = response->status;
    return std::nullopt;
}

std::optional<ServerSource> DeskClient::version_source(std::uint64_t version, DeskProblem& problem)
{
    auto response = exchange(request(net::Method::Get, "desk/versions/" + std::to_string(version)), problem);
    if (!response)
        return std::nullopt;
    auto document = json::parse(response->body, nullptr, false);
    if (document.is_object() && document.contains("source")) {
        auto snapshot = snapshot_from_json(document["source"].dump());
        if (snapshot)
            return ServerSource { version, std::move(*snapshot) };
    }
    problem.status = response->status;
    problem.message = "the server's source of version " + std::to_string(version) + " cannot be read";
    return std::nullopt;
}

std::optional<VersionsPage> DeskClient::versions(std::uint64_t before, std::uint64_t limit, DeskProblem& problem)
{
    auto path = "desk/versions?limit=" + std::to_string(limit) + (before ? "&before=" + std::to_string(before) : "");
    auto response = exchange(request(net::Method::Get, path), problem);
    if (!response)
        return std::nullopt;
    auto document = json::parse(response->body, nullptr, false);
    if (!document.is_object() || !document.contains("versions") || !document["versions"].is_array()) {
        problem.status = response->status;
        problem.message = "the answer to GET /desk/versions is not a version list";
        return std::nullopt;
    }
    VersionsPage page;
    page.current = unsigned_field(document, "current");
    for (auto const& item : document["versions"])
        page.versions.push_back({ unsigned_field(item, "version"), record_of(item) });
    if (auto next = unsigned_field(document, "next_before"); next > 0)
        page.next_before = next;
    return page;
}

std::optional<PublishAnswer> DeskClient::publish_answer(const net::Response& response, DeskProblem& problem)
{
    auto document = json::parse(response.body, nullptr, false);
    if (!document.is_object() || !document.contains("published") || !document["published"].is_boolean()) {
        problem.status = response.status;
        problem.message = "the server's answer to a publish cannot be read";
        return std::nullopt;
    }
    PublishAnswer answer;
    answer.published = document["published"].get<bool>();
    answer.version = unsigned_field(document, "version");
    if (document.contains("record"))
        answer.record = record_of(document["record"]);
    if (document.contains("message") && document["message"].is_string())
        answer.message = escape_terminal_text(document["message"].get<std::string>());
    return answer;
}

std::optional<PublishAnswer> DeskClient::send_change(const ChangeSet& change, DeskProblem& problem)
{
    auto body = change_set_to_json(change);
    if (!body) {
        problem.message = body.error();
        return std::nullopt;
    }
    auto post = request(net::Method::Post, "desk/changes");
    post.headers.push_back({ "Content-Type", "application/json" });
    // The body waits for the server's 100 Continue: the server's connection guard cuts a
    // connection on which more than 8 KiB arrive before it has seen the end of the head, which
    // a busy server (head not yet parsed) and a change of some KiB sent at once would trigger.
    post.headers.push_back({ "Expect", "100-continue" });
    post.body = std::move(*body);
    auto response = exchange(post, problem);
    if (!response)
        return std::nullopt;
    return publish_answer(*response, problem);
}

std::optional<PublishAnswer> DeskClient::restore(
    std::uint64_t version, const std::string& message, DeskProblem& problem)
{
    auto post = request(net::Method::Post, "desk/restore");
    post.headers.push_back({ "Content-Type", "application/json" });
    post.body
        = json { { "version", version }, { "message", message } }.dump(-1, ' ', false, json::error_handler_t::replace);
    auto response = exchange(post, problem);
    if (!response)
        return std::nullopt;
    return publish_answer(*response, problem);
}

bool DeskClient::download_blob(const std::string& sha256, const std::filesystem::path& target, DeskProblem& problem)
{
    auto get = request(net::Method::Get, "blobs/" + sha256);
    get.max_response_bytes = max_asset_bytes;
    get.timeouts.total = std::chrono::minutes(30);
    auto response = exchange(get, problem);
    if (!response)
        return false;
    if (auto written = durable::write_file(target, response->body); !written) {
        problem.message = written.error();
        return false;
    }
    return true;
}

} // namespace hallboard::desk
