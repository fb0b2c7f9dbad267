// The sync's log: one line per change of state, not one per poll.
#include "sync_test_support.h"

#include "player/sync/sync_report.h"

namespace hallboard {

using namespace sync;

namespace {

CycleResult up_to_date(std::uint64_t version)
{
    CycleResult result;
    result.outcome = CycleOutcome::UpToDate;
    result.version = version;
    return result;
}

CycleResult updated(std::uint64_t version, int blobs, std::uint64_t bytes)
{
    CycleResult result;
    result.outcome = CycleOutcome::Updated;
    result.version = version;
    result.blobs_downloaded = blobs;
    result.blob_bytes = bytes;
    return result;
}

CycleResult failed(
    FailureKind kind, std::string error, std::uint64_t version = 7, int status = 0, std::uint64_t offered = 0)
{
    CycleResult result;
    result.outcome = CycleOutcome::Failed;
    result.failure = kind;
    result.error = std::move(error);
    result.version = version;
    result.http_status = status;
    result.offered_version = offered;
    return result;
}

} // namespace

TEST_CASE("the sync logs once per change of state")
{
    auto refused = failed(FailureKind::Network,
        "http://10.1.2.3:8080/manifest.json: cannot connect to 10.1.2.3:8080: connection refused");
    auto timeout_a = failed(FailureKind::Network, "http://h/blobs/ab: no data for 10 s (timed out) after 10001 ms");
    auto timeout_b = failed(FailureKind::Network, "http://h/blobs/ab: no data for 10 s (timed out) after 10002 ms");
    auto http_500 = failed(FailureKind::Http, "http://h/manifest.json: the server answered HTTP 500", 7, 500);
    auto http_502 = failed(FailureKind::Http, "http://h/manifest.json: the server answered HTTP 502", 7, 502);
    auto forged_9
        = failed(FailureKind::Refused, "refused version 9 from http://h/manifest.json: bad signature", 7, 0, 9);
    auto forged_10
        = failed(FailureKind::Refused, "refused version 10 from http://h/manifest.json: bad signature", 7, 0, 10);
    auto cancelled = failed(FailureKind::Cancelled, "stopped");
    auto unreachable = [](std::string url, std::string why) {
        auto result = failed(FailureKind::Network, url + ": " + why);
        result.failed_url = url;
        return result;
    };
    auto refused_at = unreachable("http://h/manifest.json", "cannot connect to h:80: connection refused");
    auto timeout_at = unreachable("http://h/manifest.json", "cannot connect to h:80: no answer within 5 s (timed out)");
    auto blob_timeout = unreachable("http://h/blobs/ab", "no data for 10 s (timed out)");

    struct Row {
        const char* name;
        std::vector<CycleResult> cycles;
        std::vector<std::string> lines; // a fragment of each line logged, in order
    };
    std::vector<Row> rows {
        { "steady: one line", { up_to_date(7), up_to_date(7), up_to_date(7) }, { "content: version 7 is current" } },
        { "an update is always logged", { up_to_date(7), updated(8, 3, 412 * 1024), up_to_date(8), updated(9, 0, 0) },
            { "version 7 is current", "content: updated to version 8 (3 blobs, 412 KB downloaded)",
                "updated to version 9 (0 blobs, 0 bytes downloaded)" } },
        { "the same failure repeated: one line", { up_to_date(7), refused, refused, refused, refused },
            { "version 7 is current",
                "content: http://10.1.2.3:8080/manifest.json: cannot connect to 10.1.2.3:8080: "
                "connection refused; showing version 7, retrying with backoff" } },
        { "numbers in the text do not make a new failure", { timeout_a, timeout_b, timeout_a },
            { "no data for 10 s" } },
        { "a different failure is logged", { refused, refused, http_500, http_500, refused },
            { "connection refused", "HTTP 500", "connection refused" } },
        { "another status is another failure", { http_500, http_502, http_502 }, { "HTTP 500", "HTTP 502" } },
        { "another refused version is another failure", { forged_9, forged_9, forged_10 },
            { "version 9", "version 10" } },
        { "recovery is logged", { refused, refused, up_to_date(7), up_to_date(7) },
            { "connection refused", "content: the server answers again; version 7 is current" } },
        { "recovery by an update", { refused, updated(8, 1, 100), up_to_date(8) },
            { "connection refused", "updated to version 8" } },
        { "the same failure after a recovery is logged again", { refused, up_to_date(7), refused },
            { "refused", "current", "refused" } },
        { "an unreachable server is one state, however the network words it",
            { refused_at, timeout_at, refused_at, blob_timeout, blob_timeout }, { "connection refused", "blobs/ab" } },
        { "stopping says nothing", { up_to_date(7), cancelled, up_to_date(7) }, { "version 7 is current" } },
        { "no content yet", { failed(FailureKind::Network, "x: down", 0) },
            { "content: x: down; no content to show yet, retrying with backoff" } },
    };
    for (auto const& row : rows) {
        INFO(row.name);
        SyncReporter reporter;
        std::vector<std::string> logged;
        for (auto const& cycle : row.cycles) {
            if (auto line = reporter.report(cycle))
                logged.push_back(line->text);
        }
        std::string all;
        for (auto const& line : logged)
            all += line + "\n";
        CAPTURE(all);
        REQUIRE(logged.size() == row.lines.size());
        for (size_t i = 0; i < logged.size(); ++i)
            CHECK(logged[i].find(row.lines[i]) != std::string::npos);
    }
}

TEST_CASE("failures are warnings, refusals errors, news info")
{
    SyncReporter reporter;
    CHECK(reporter.report(up_to_date(3))->level == LogLevel::Info);
    CHECK(reporter.report(failed(FailureKind::Network, "down"))->level == LogLevel::Warning);
    CHECK(reporter.report(failed(FailureKind::Refused, "forged"))->level == LogLevel::Error);
    CHECK(reporter.report(updated(4, 1, 10))->level == LogLevel::Info);
}

TEST_CASE("byte counts read as people say them")
{
    struct Row {
        std::uint64_t bytes;
        const char* text;
    };
    for (auto const& row : std::vector<Row> { { 0, "0 bytes" }, { 1023, "1023 bytes" }, { 1024, "1 KB" },
             { 412 * 1024 + 100, "412 KB" }, { 1024 * 1024, "1.0 MB" }, { 3565158, "3.4 MB" } }) {
        CHECK(format_bytes(row.bytes) == row.text);
    }
}

} // namespace hallboard
