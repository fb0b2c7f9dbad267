// Classifying an HTTP exchange of the sync: fine, or which kind of failure, in one line.
#pragma once

#include "base/net/http_client.h"
#include "player/sync/sync_status.h"

#include <atomic>
#include <string>

namespace hallboard::sync {

struct Failure {
    FailureKind kind = FailureKind::None;
    std::string error; // one line naming the URL
    int http_status = 0;
    std::string url; // the request that failed, when one did
    explicit operator bool() const { return kind != FailureKind::None; }
};

// What went wrong with `response` to a GET of `url`, when `expected_status` (200, or 304 too with
// `allow_not_modified`) did not come back complete. An answer larger than the request allowed is
// Refused (the server offers something this screen will not take); no answer or one cut short is
// Network; another status is Http; a raised `cancel` is Cancelled.
enum class NotModified { Allowed, Unexpected };
Failure failure_of(
    const net::Response& response, const std::string& url, NotModified not_modified, const std::atomic<bool>* cancel);

} // namespace hallboard::sync
