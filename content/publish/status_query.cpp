// The admin GETs behind `hallboard screens` and `hallboard report`.
#include "content/publish/status_query.h"

#include "content/publish/admin_client.h"
#include "content/publish/admin_token.h"
#include "base/exit_status.h"
#include "base/net/http_client.h"
#include "base/terminal_text.h"

#include <cstdio>

namespace hallboard {

std::optional<net::Response> admin_request(const StatusQuery& query, net::Method method, const std::string& path,
    std::initializer_list<int> wanted, int& exit_status)
{
    std::vector<std::string> warnings;
    auto token = load_admin_token(query.token_file, warnings);
    if (!token) {
        std::fprintf(stderr, "error: %s\n", token.error().c_str());
        exit_status = exit_invalid;
        return std::nullopt;
    }
    net::Request request;
    request.method = method;
    request.url = net::join_url(query.server, path);
    request.headers = { { "Authorization", "Bearer " + *token } };
    request.max_response_bytes = 64 * 1024 * 1024; // a report over a year of a province's screens
    request.timeouts.total = std::chrono::seconds(60);
    net::HttpClient client;
    auto response = client.send(request);
    if (!response.complete()) {
        std::fprintf(
            stderr, "error: cannot reach %s: %s\n", query.server.c_str(), escape_terminal_text(response.error).c_str());
        exit_status = exit_failure;
        return std::nullopt;
    }
    if (response.status == 401) {
        std::fprintf(stderr,
            "error: the server at %s refused the token in %s (HTTP 401); use the token file `hallboard serve` was "
            "started with\n",
            query.server.c_str(), query.token_file.c_str());
        exit_status = exit_invalid;
        return std::nullopt;
    }
    for (int status : wanted)
        if (response.status == status)
            return response;
    auto message = server_error_text(response.body);
    if (response.status == 404 && message.empty())
        message = "no such page: is this `hallboard serve` (version with screen status)?";
    std::fprintf(stderr, "error: %s %s answered HTTP %d%s%s\n", method == net::Method::Get ? "GET" : "POST",
        request.url.c_str(), response.status, message.empty() ? "" : ": ", message.c_str());
    exit_status = response.status == 422 ? exit_invalid : exit_failure;
    return std::nullopt;
}

std::optional<nlohmann::json> query_admin(const StatusQuery& query, const std::string& path, int& exit_status)
{
    auto response = admin_request(query, net::Method::Get, path, { 200 }, exit_status);
    if (!response)
        return std::nullopt;
    auto document = nlohmann::json::parse(response->body, nullptr, false);
    if (!document.is_object()) {
        std::fprintf(stderr, "error: GET %s answered something that is not a JSON object\n",
            net::join_url(query.server, path).c_str());
        exit_status = exit_failure;
        return std::nullopt;
    }
    return document;
}

std::string text_field(const nlohmann::json& object, const char* key, const std::string& fallback)
{
    auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : fallback;
}

std::uint64_t number_field(const nlohmann::json& object, const char* key)
{
    auto found = object.find(key);
    return found != object.end() && found->is_number_unsigned() ? found->get<std::uint64_t>() : 0;
}

} // namespace hallboard
