// HttpClient over libcurl's multi interface: one easy handle reused, bounded answers, human error lines.
#include "base/net/http_client.h"

#include "base/net/transfer_error.h"
#include "base/unique_file.h"

#include <curl/curl.h>

#include <algorithm>
#include <charconv>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>

namespace hallboard::net {

namespace {

void initialise_curl_once()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string lower_case(std::string_view text)
{
    std::string result(text);
    std::transform(result.begin(), result.end(), result.begin(),
        [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
    return result;
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n'))
        text.remove_suffix(1);
    return text;
}

// Everything the callbacks of one request share.
struct Transfer {
    Transfer(const Request& the_request, const BodySink* the_sink, Response& the_response)
        : request(the_request)
        , sink(the_sink)
        , response(the_response)
    {
    }

    const Request& request;
    const BodySink* sink = nullptr;
    Response& response;
    TransferStop stop = TransferStop::None;

    std::string_view upload_memory;
    UniqueFile upload_file;
    std::uint64_t upload_offset = 0;
    int upload_errno = 0;

    std::uint64_t last_progress_done = ~std::uint64_t { 0 };
    std::uint64_t last_progress_total = ~std::uint64_t { 0 };

    // When a byte last moved either way. curl's own low-speed check averages over a window of
    // seconds, so a trickle and then silence would be noticed late; this is "no byte for N s".
    std::chrono::steady_clock::time_point last_activity = std::chrono::steady_clock::now();
    curl_off_t seen_download = 0;
    curl_off_t seen_upload = 0;

    bool cancelled() const { return request.cancel && request.cancel->load(std::memory_order_relaxed); }
    void moved() { last_activity = std::chrono::steady_clock::now(); }
    bool stalled() const { return std::chrono::steady_clock::now() - last_activity > request.timeouts.stall; }
};

size_t on_body(char* data, size_t size, size_t count, void* user)
{
    auto& transfer = *static_cast<Transfer*>(user);
    size_t bytes = size * count;
    transfer.moved();
    transfer.response.body_bytes += bytes;
    if (transfer.response.body_bytes > transfer.request.max_response_bytes) {
        transfer.stop = TransferStop::TooLarge;
        return 0;
    }
    if (transfer.sink) {
        if (!(*transfer.sink)(std::string_view(data, bytes))) {
            transfer.stop = TransferStop::SinkRefused;
            return 0;
        }
    } else {
        transfer.response.body.append(data, bytes);
    }
    return bytes;
}

size_t on_header(char* data, size_t size, size_t count, void* user)
{
    auto& transfer = *static_cast<Transfer*>(user);
    size_t bytes = size * count;
    std::string_view line(data, bytes);
    transfer.moved();
    if (line.starts_with("HTTP/")) {
        // A new status line: an interim answer (100 Continue) is followed by the real one.
        transfer.response.headers.clear();
        return bytes;
    }
    auto colon = line.find(':');
    if (colon == std::string_view::npos)
        return bytes;
    auto name = lower_case(trimmed(line.substr(0, colon)));
    auto value = std::string(trimmed(line.substr(colon + 1)));
    if (name == "content-length" && transfer.request.method != Method::Head) {
        // Refuse an oversized answer before its body arrives. (Compressed sizes are smaller
        // than decoded ones, so this never refuses what would have fitted.)
        std::uint64_t length = 0;
        auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), length);
        if (error == std::errc {} && end == value.data() + value.size()
            && length > transfer.request.max_response_bytes) {
            transfer.stop = TransferStop::TooLarge;
            return 0;
        }
    }
    transfer.response.headers[std::move(name)] = std::move(value);
    return bytes;
}

size_t on_upload(char* buffer, size_t size, size_t count, void* user)
{
    auto& transfer = *static_cast<Transfer*>(user);
    size_t room = size * count;
    if (transfer.upload_file) {
        size_t got = std::fread(buffer, 1, room, transfer.upload_file.get());
        if (got == 0 && std::ferror(transfer.upload_file.get())) {
            transfer.upload_errno = errno;
            transfer.stop = TransferStop::ReadFailed;
            return CURL_READFUNC_ABORT;
        }
        transfer.upload_offset += got;
        return got;
    }
    size_t left = transfer.upload_memory.size() - static_cast<size_t>(transfer.upload_offset);
    size_t take = std::min(room, left);
    std::memcpy(buffer, transfer.upload_memory.data() + transfer.upload_offset, take);
    transfer.upload_offset += take;
    return take;
}

// curl rewinds the body when it must send it again (a reused connection that had closed).
int on_seek(void* user, curl_off_t offset, int origin)
{
    auto& transfer = *static_cast<Transfer*>(user);
    if (origin != SEEK_SET || offset < 0)
        return CURL_SEEKFUNC_CANTSEEK;
    if (transfer.upload_file) {
        if (std::fseek(transfer.upload_file.get(), static_cast<long>(offset), SEEK_SET) != 0)
            return CURL_SEEKFUNC_FAIL;
    } else if (static_cast<std::uint64_t>(offset) > transfer.upload_memory.size()) {
        return CURL_SEEKFUNC_FAIL;
    }
    transfer.upload_offset = static_cast<std::uint64_t>(offset);
    return CURL_SEEKFUNC_OK;
}

int on_progress(
    void* user, curl_off_t download_total, curl_off_t download_now, curl_off_t upload_total, curl_off_t upload_now)
{
    auto& transfer = *static_cast<Transfer*>(user);
    if (transfer.cancelled()) {
        transfer.stop = TransferStop::Cancelled;
        return 1;
    }
    if (download_now != transfer.seen_download || upload_now != transfer.seen_upload) {
        transfer.seen_download = download_now;
        transfer.seen_upload = upload_now;
        transfer.moved();
    } else if (transfer.stalled()) {
        transfer.stop = TransferStop::Stalled;
        return 1;
    }
    if (!transfer.request.progress)
        return 0;
    bool sending = transfer.request.method == Method::Put || transfer.request.method == Method::Post;
    // While sending, report the body going out; once it is out, the answer coming in.
    bool report_upload = sending && (upload_now < upload_total || download_now == 0);
    auto done = static_cast<std::uint64_t>(report_upload ? upload_now : download_now);
    auto total = static_cast<std::uint64_t>(report_upload ? upload_total : download_total);
    if (done != transfer.last_progress_done || total != transfer.last_progress_total) {
        transfer.last_progress_done = done;
        transfer.last_progress_total = total;
        transfer.request.progress(done, total);
    }
    return 0;
}

curl_slist* header_list(const Request& request)
{
    curl_slist* list = nullptr;
    for (auto const& [name, value] : request.headers)
        list = curl_slist_append(list, (name + ": " + value).c_str());
    // A POST body is whatever the caller says it is, not a form.
    bool has_type = std::any_of(request.headers.begin(), request.headers.end(),
        [](auto const& header) { return lower_case(header.first) == "content-type"; });
    if (request.method == Method::Post && !has_type)
        list = curl_slist_append(list, "Content-Type: application/octet-stream");
    return list;
}

std::uint64_t info_size(CURL* curl, CURLINFO info)
{
    curl_off_t value = 0;
    if (curl_easy_getinfo(curl, info, &value) != CURLE_OK || value < 0)
        return 0;
    return static_cast<std::uint64_t>(value);
}

std::uint64_t info_long(CURL* curl, CURLINFO info)
{
    long value = 0;
    if (curl_easy_getinfo(curl, info, &value) != CURLE_OK || value < 0)
        return 0;
    return static_cast<std::uint64_t>(value);
}

} // namespace

std::string Response::header(std::string_view lower_case_name) const
{
    auto found = headers.find(std::string(lower_case_name));
    return found == headers.end() ? std::string() : found->second;
}

HttpClient::HttpClient()
{
    initialise_curl_once();
    m_curl = curl_easy_init();
    m_multi = curl_multi_init();
}

HttpClient::~HttpClient()
{
    if (m_curl)
        curl_easy_cleanup(static_cast<CURL*>(m_curl));
    if (m_multi)
        curl_multi_cleanup(static_cast<CURLM*>(m_multi));
}

Response HttpClient::send(const Request& request)
{
    return send(request, BodySink {});
}

Response HttpClient::send(const Request& request, const BodySink& sink)
{
    Response response;
    auto* curl = static_cast<CURL*>(m_curl);
    auto* multi = static_cast<CURLM*>(m_multi);
    if (!curl || !multi) {
        response.error = "cannot start an HTTP request (libcurl failed to initialise)";
        return response;
    }

    Transfer transfer(request, sink ? &sink : nullptr, response);
    bool sending = request.method == Method::Put || request.method == Method::Post;
    std::uint64_t upload_size = 0;
    if (sending && !request.body_file.empty()) {
        transfer.upload_file.reset(std::fopen(request.body_file.c_str(), "rb"));
        std::error_code error;
        upload_size = transfer.upload_file ? std::filesystem::file_size(request.body_file, error) : 0;
        if (!transfer.upload_file || error) {
            response.error = "cannot read " + request.body_file.string() + ": "
                + describe_errno(transfer.upload_file ? error.value() : errno);
            return response;
        }
    } else if (sending) {
        transfer.upload_memory = request.body;
        upload_size = request.body.size();
    }

    // A reset keeps the connections (they live in the multi handle) but forgets the last request's options.
    curl_easy_reset(curl);
    char error_buffer[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
    curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl, CURLOPT_USERAGENT,
        "hallboard/"
        "0.1");
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.timeouts.connect.count()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeouts.total.count()));
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &transfer);

    switch (request.method) {
    case Method::Get:
        curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
        break;
    case Method::Head:
        curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
        break;
    case Method::Put:
        curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
        curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(upload_size));
        break;
    case Method::Post:
        curl_easy_setopt(curl, CURLOPT_POST, 1L);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(upload_size));
        break;
    }
    if (sending) {
        if (request.max_send_bytes_per_second > 0)
            curl_easy_setopt(
                curl, CURLOPT_MAX_SEND_SPEED_LARGE, static_cast<curl_off_t>(request.max_send_bytes_per_second));
        curl_easy_setopt(curl, CURLOPT_READFUNCTION, on_upload);
        curl_easy_setopt(curl, CURLOPT_READDATA, &transfer);
        curl_easy_setopt(curl, CURLOPT_SEEKFUNCTION, on_seek);
        curl_easy_setopt(curl, CURLOPT_SEEKDATA, &transfer);
    }
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(header_list(request), curl_slist_free_all);
    if (headers)
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());

    // The multi loop rather than curl_easy_perform: a cancel or a stall is seen within 100 ms
    // even while nothing arrives (curl's progress callback slows to once a second then).
    CURLcode result = CURLE_OK;
    bool finished = false;
    curl_multi_add_handle(multi, curl);
    for (;;) {
        int running = 0;
        if (curl_multi_perform(multi, &running) != CURLM_OK) {
            result = CURLE_FAILED_INIT;
            break;
        }
        int left = 0;
        while (CURLMsg* message = curl_multi_info_read(multi, &left)) {
            if (message->msg == CURLMSG_DONE && message->easy_handle == curl) {
                result = message->data.result;
                finished = true;
            }
        }
        if (finished || running == 0)
            break;
        if (transfer.cancelled() || transfer.stalled()) {
            transfer.stop = transfer.cancelled() ? TransferStop::Cancelled : TransferStop::Stalled;
            result = CURLE_ABORTED_BY_CALLBACK;
            break;
        }
        curl_multi_poll(multi, nullptr, 0, 100, nullptr);
    }
    curl_multi_remove_handle(multi, curl);

    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    response.transferred_bytes = info_size(curl, CURLINFO_SIZE_DOWNLOAD_T) + info_size(curl, CURLINFO_SIZE_UPLOAD_T)
        + info_long(curl, CURLINFO_HEADER_SIZE) + info_long(curl, CURLINFO_REQUEST_SIZE);

    if (result != CURLE_OK || transfer.stop != TransferStop::None) {
        long os_errno = 0;
        curl_easy_getinfo(curl, CURLINFO_OS_ERRNO, &os_errno);
        long connect_microseconds = static_cast<long>(info_size(curl, CURLINFO_CONNECT_TIME_T));
        TransferFailure failure {
            .code = static_cast<int>(result),
            .stop = transfer.stop,
            .url = request.url,
            .curl_message = error_buffer[0] ? std::string(error_buffer) : std::string(curl_easy_strerror(result)),
            .os_errno = static_cast<int>(transfer.stop == TransferStop::ReadFailed ? transfer.upload_errno : os_errno),
            // A reused keep-alive connection has no connect time of its own; a request sent
            // (or any answer) shows the connection was there all the same.
            .connected = connect_microseconds > 0 || info_long(curl, CURLINFO_REQUEST_SIZE) > 0 || status != 0,
            .request = &request,
        };
        response.error = describe_failure(failure);
        response.body.clear(); // a part of a body must not pass for the whole
    }
    // A status with an error (an answer cut short) is still incomplete: see Response::complete().
    response.status = static_cast<int>(status);
    return response;
}

std::string join_url(std::string_view base, std::string_view path)
{
    while (!base.empty() && base.back() == '/')
        base.remove_suffix(1);
    while (!path.empty() && path.front() == '/')
        path.remove_prefix(1);
    std::string url(base);
    url += '/';
    url += path;
    return url;
}

} // namespace hallboard::net
