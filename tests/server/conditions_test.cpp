// Entity tags and the conditional headers, table-driven.
#include "content/server/http_conditions.h"
#include "content/publish/signing.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace hallboard;

TEST_CASE("ETags: the manifest's names its version and content, a blob's is its hash")
{
    std::string hash = sha256_hex_of("x");
    CHECK(manifest_etag(7, hash) == "\"v7-" + hash.substr(0, 16) + "\"");
    CHECK(content_etag(hash) == "\"" + hash + "\"");
    CHECK(manifest_etag(7, hash) != manifest_etag(8, hash));
    CHECK(manifest_etag(7, hash) != manifest_etag(7, sha256_hex_of("y")));
}

TEST_CASE("If-None-Match matches by weak comparison, in lists, and with *")
{
    std::string etag = "\"v7-0123456789abcdef\"";
    struct Case {
        const char* name;
        std::string header;
        bool matches;
    };
    std::vector<Case> cases = {
        { "same tag", etag, true },
        { "weak form of the tag", "W/" + etag, true },
        { "in a list", "\"other\", " + etag, true },
        { "in a list without spaces", "\"a\"," + etag + ",\"b\"", true },
        { "star", "*", true },
        { "another version", "\"v6-0123456789abcdef\"", false },
        { "unquoted", "v7-0123456789abcdef", false },
        { "prefix only", "\"v7\"", false },
        { "empty header", "", false },
        { "unterminated quote", "\"v7-0123456789abcdef", false },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            CHECK(if_none_match_matches(c.header, etag) == c.matches);
        }
    }
}

TEST_CASE("If-Match names the version a publish replaces")
{
    std::string etag = "\"v7-0123456789abcdef\"";
    struct Case {
        const char* name;
        std::string header;
        bool accepted;
    };
    std::vector<Case> cases = {
        { "quoted number", "\"7\"", true },
        { "quoted v-number", "\"v7\"", true },
        { "bare number", "7", true },
        { "the manifest's ETag", etag, true },
        { "in a list", "\"6\", \"7\"", true },
        { "another version", "\"6\"", false },
        { "a longer number", "\"77\"", false },
        { "weak tag", "W/\"7\"", false },
        { "star is refused", "*", false },
        { "another content of the same version", "\"v7-fedcba9876543210\"", false },
        { "empty", "", false },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            CHECK(if_match_names_version(c.header, 7, etag) == c.accepted);
        }
    }
    SUBCASE("version 0 before the first publish")
    {
        CHECK(if_match_names_version("\"0\"", 0, ""));
    }
}
