// Where a request head ends, and its byte and line bounds, on the bytes received so far.
#include "content/server/request_head_scan.h"

#include <doctest/doctest.h>

#include <string>

using namespace hallboard;

TEST_CASE("a head is complete at its first blank line, as cpp-httplib reads lines")
{
    HeadBounds bounds;
    CHECK(scan_request_head("", bounds) == HeadScan::Incomplete);
    CHECK(scan_request_head("GET / HTTP/1.1\r\nHost: x\r\n", bounds) == HeadScan::Incomplete);
    CHECK(scan_request_head("GET / HTTP/1.1\r\nHost: x\r\n\r", bounds) == HeadScan::Incomplete);
    CHECK(scan_request_head("GET / HTTP/1.1\r\nHost: x\r\n\r\n", bounds) == HeadScan::Complete);
    CHECK(scan_request_head("GET / HTTP/1.1\r\n\r\n", bounds) == HeadScan::Complete);
    // A body (or the next request) after the blank line does not count against the head.
    CHECK(scan_request_head("POST / HTTP/1.1\r\n\r\n" + std::string(20'000, 'b'), bounds) == HeadScan::Complete);
    // A bare "\n" line is not the end (the library skips it as an invalid line), nor is a
    // blank request line.
    CHECK(scan_request_head("GET / HTTP/1.1\r\n\n", bounds) == HeadScan::Incomplete);
    CHECK(scan_request_head("\r\n", bounds) == HeadScan::Incomplete);
    CHECK(scan_request_head("\r\nGET / HTTP/1.1\r\n\r\n", bounds) == HeadScan::Complete);
}

TEST_CASE("a head's bytes are bounded, blank line included")
{
    HeadBounds bounds { 64, 100 };
    std::string head = "GET / HTTP/1.1\r\nX: \r\n\r\n";
    head.insert(head.size() - 4, 64 - head.size(), 'a');
    REQUIRE(head.size() == 64);
    CHECK(scan_request_head(head, bounds) == HeadScan::Complete);
    auto longer = head;
    longer.insert(longer.size() - 4, "a");
    CHECK(scan_request_head(longer, bounds) == HeadScan::TooLarge);
    // Known too large before all of it arrived: 64 bytes and no end of the head yet.
    CHECK(scan_request_head(longer.substr(0, 64), bounds) == HeadScan::TooLarge);
    CHECK(scan_request_head(longer.substr(0, 63), bounds) == HeadScan::Incomplete);
    CHECK(scan_request_head("GET /" + std::string(70, 'a'), bounds) == HeadScan::RequestLineTooLong);
    CHECK(scan_request_head("GET /" + std::string(58, 'a'), bounds) == HeadScan::Incomplete);
}

TEST_CASE("a head's header lines are bounded, however small each is")
{
    HeadBounds bounds { 8192, 3 };
    CHECK(scan_request_head("GET / HTTP/1.1\r\na: 1\r\nb: 2\r\nc: 3\r\n\r\n", bounds) == HeadScan::Complete);
    CHECK(scan_request_head("GET / HTTP/1.1\r\na: 1\r\nb: 2\r\nc: 3\r\nd: 4\r\n", bounds) == HeadScan::TooManyLines);
    // Decided on the fourth line, before the head ends.
    CHECK(scan_request_head("GET / HTTP/1.1\r\na: 1\r\nb: 2\r\nc: 3\r\nd", bounds) == HeadScan::Incomplete);
}
