// The request log line, and that a client cannot forge log lines through it.
#include "content/server/request_log.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace hallboard;

TEST_CASE("request log line")
{
    RequestLogEntry entry;
    entry.remote = "127.0.0.1";
    entry.method = "GET";
    entry.path = "/manifest.json";
    entry.status = 304;
    entry.bytes = 0;
    entry.milliseconds = 0.4;
    CHECK(format_request_log(entry) == "127.0.0.1 GET /manifest.json 304 0B 0.40ms");
    entry.milliseconds.reset();
    entry.status = 400;
    CHECK(format_request_log(entry) == "127.0.0.1 GET /manifest.json 400 0B -ms");
}

TEST_CASE("request log escapes what a client controls")
{
    struct Case {
        const char* name;
        std::string path;
        std::string logged;
    };
    std::vector<Case> cases = {
        { "newline", "/a\nfake 200 line", "/a\\x0afake 200 line" },
        { "carriage return and escape", "/a\r\x1b[31m", "/a\\x0d\\x1b[31m" },
        { "quote and backslash", "/\"\\", "/\\x22\\x5c" },
        { "non-ASCII", "/供电", "/\\xe4\\xbe\\x9b\\xe7\\x94\\xb5" },
        { "NUL", std::string("/a\0b", 4), "/a\\x00b" },
        { "plain", "/blobs/abc", "/blobs/abc" },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            CHECK(escape_for_log(c.path, 200) == c.logged);
        }
    }
    SUBCASE("long paths are cut")
    {
        auto logged = escape_for_log(std::string(5000, 'a'), 200);
        CHECK(logged == std::string(200, 'a') + "...");
    }
}
