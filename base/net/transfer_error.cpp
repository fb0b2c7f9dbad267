// One human line per failed transfer: what went wrong, with which host, in words a hall technician reads.
#include "base/net/transfer_error.h"

#include <curl/curl.h>

#include <cstring>
#include <memory>

namespace hallboard::net {

namespace {

std::string one_line(std::string text)
{
    for (auto& c : text) {
        if (c == '\n' || c == '\r' || c == '\t')
            c = ' ';
    }
    while (!text.empty() && text.back() == ' ')
        text.pop_back();
    return text;
}

// "10 s", "2.5 s", "0.3 s".
std::string seconds(std::chrono::milliseconds duration)
{
    auto ms = duration.count();
    if (ms % 1000 == 0)
        return std::to_string(ms / 1000) + " s";
    auto tenths = (ms + 50) / 100;
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " s";
}

} // namespace

std::string describe_errno(int number)
{
    std::string text = std::strerror(number);
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z' && !(text.size() > 1 && text[1] >= 'A' && text[1] <= 'Z'))
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

std::string host_and_port(const std::string& url)
{
    std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> handle(curl_url(), curl_url_cleanup);
    if (!handle || curl_url_set(handle.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK)
        return url;
    char* host = nullptr;
    char* port = nullptr;
    std::string result = url;
    if (curl_url_get(handle.get(), CURLUPART_HOST, &host, 0) == CURLUE_OK
        && curl_url_get(handle.get(), CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK)
        result = std::string(host) + ":" + port;
    curl_free(host);
    curl_free(port);
    return result;
}

std::string describe_failure(const TransferFailure& failure)
{
    auto const& request = *failure.request;
    auto where = host_and_port(failure.url);
    auto detail = one_line(failure.curl_message);

    switch (failure.stop) {
    case TransferStop::TooLarge:
        return "answer larger than " + std::to_string(request.max_response_bytes) + " bytes";
    case TransferStop::SinkRefused:
        return "the answer from " + where + " was refused while it arrived";
    case TransferStop::Cancelled:
        return "cancelled";
    case TransferStop::Stalled:
        if (!failure.connected)
            return "cannot connect to " + where + ": no answer within " + seconds(request.timeouts.stall)
                + " (timed out)";
        return "no data for " + seconds(request.timeouts.stall) + " (timed out)";
    case TransferStop::ReadFailed:
        return "cannot read " + request.body_file.string() + ": " + describe_errno(failure.os_errno);
    case TransferStop::None:
        break;
    }

    switch (static_cast<CURLcode>(failure.code)) {
    case CURLE_UNSUPPORTED_PROTOCOL:
        return "cannot use '" + failure.url + "': only http:// and https:// addresses are supported";
    case CURLE_URL_MALFORMAT:
        return "'" + failure.url + "' is not a valid address";
    case CURLE_COULDNT_RESOLVE_HOST:
        return "cannot find the host of " + where + " (name lookup failed)";
    case CURLE_COULDNT_CONNECT:
        return "cannot connect to " + where + ": " + (failure.os_errno ? describe_errno(failure.os_errno) : detail);
    case CURLE_OPERATION_TIMEDOUT:
        if (!failure.connected)
            return "cannot connect to " + where + ": no answer within " + seconds(request.timeouts.connect)
                + " (timed out)";
        return "not finished after " + seconds(request.timeouts.total) + " (timed out)";
    case CURLE_FILESIZE_EXCEEDED:
        return "answer larger than " + std::to_string(request.max_response_bytes) + " bytes";
    case CURLE_PEER_FAILED_VERIFICATION:
        return "the certificate of " + where + " was not accepted: " + detail;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
        return "TLS with " + where + " failed: " + detail;
    case CURLE_GOT_NOTHING:
        return where + " closed the connection without an answer";
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_PARTIAL_FILE:
        return "connection to " + where + " broken: " + detail;
    case CURLE_BAD_CONTENT_ENCODING:
        return where + " sent a body that cannot be decoded: " + detail;
    case CURLE_WEIRD_SERVER_REPLY:
        return where + " did not answer in HTTP: " + detail;
    default:
        return detail + " (" + where + ")";
    }
}

} // namespace hallboard::net
