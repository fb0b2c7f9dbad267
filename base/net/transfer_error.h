// Turns a failed libcurl transfer into one human line ("cannot connect to 127.0.0.1:8080: connection refused").
#pragma once

#include "base/net/http_client.h"

#include <string>

namespace hallboard::net {

// Why one of our own callbacks stopped a transfer (curl then reports a generic write/abort error).
enum class TransferStop { None, TooLarge, SinkRefused, Cancelled, Stalled, ReadFailed };

struct TransferFailure {
    int code = 0; // the CURLcode
    TransferStop stop = TransferStop::None;
    std::string url;
    std::string curl_message; // curl's error buffer, or its generic text for the code
    int os_errno = 0;         // the socket's or the body file's errno, 0 when unknown
    bool connected = false;   // a connection had been made before the failure
    const Request* request = nullptr;
};

std::string describe_failure(const TransferFailure& failure);

// strerror, lower-cased the way our messages read ("connection refused").
std::string describe_errno(int number);

// "host:port" of a URL, the port filled in from the scheme; the URL itself when it does not parse.
std::string host_and_port(const std::string& url);

} // namespace hallboard::net
