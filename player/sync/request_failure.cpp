// One line per failed exchange, and its kind, for the log and the heartbeat.
#include "player/sync/request_failure.h"

namespace hallboard::sync {

Failure failure_of(
    const net::Response& response, const std::string& url, NotModified not_modified, const std::atomic<bool>* cancel)
{
    Failure failure;
    failure.url = url;
    if (cancel && cancel->load()) {
        failure.kind = FailureKind::Cancelled;
        failure.error = "stopped";
        return failure;
    }
    if (!response.complete()) {
        // The client's only words for a bound it enforced; everything else is the network's doing.
        bool too_large = response.error.starts_with("answer larger than");
        failure.kind = too_large ? FailureKind::Refused : FailureKind::Network;
        failure.error = url + ": " + (response.error.empty() ? std::string("no answer") : response.error);
        return failure;
    }
    if (response.status == 200 || (response.status == 304 && not_modified == NotModified::Allowed))
        return failure;
    failure.kind = FailureKind::Http;
    failure.http_status = response.status;
    failure.error = url + ": the server answered HTTP " + std::to_string(response.status);
    return failure;
}

} // namespace hallboard::sync
