// The admin token file: refused unless private, trimmed, compared in constant time.
#include "content/publish/admin_token.h"
#include "temp_folder.h"

#include <sys/stat.h>

#include <doctest/doctest.h>

using namespace hallboard;

TEST_CASE("token file: what is refused, what is accepted")
{
    test::TempFolder folder;
    struct Case {
        const char* name;
        const char* content; // nullptr: no file
        mode_t mode;
        const char* token;    // expected token, nullptr when refused
        const char* fragment; // in the error, or in a warning when accepted
    };
    std::vector<Case> cases = {
        { "private file", "s3cret-token-of-32-characters-ok\n", 0600, "s3cret-token-of-32-characters-ok", nullptr },
        { "trimmed", "  \t s3cret-token-of-32-characters-ok \r\n\n", 0400, "s3cret-token-of-32-characters-ok",
            nullptr },
        { "missing", nullptr, 0600, nullptr, "does not exist" },
        { "readable by others", "s3cret-token-of-32-characters-ok", 0644, nullptr, "chmod 600" },
        { "readable by group", "s3cret-token-of-32-characters-ok", 0640, nullptr, "mode 0640" },
        { "writable by group", "s3cret-token-of-32-characters-ok", 0620, nullptr, "group or others" },
        { "empty", "", 0600, nullptr, "is empty" },
        { "only white space", " \n\t\n", 0600, nullptr, "is empty" },
        { "two words", "abcdefghijklmnop qrstuvwxyz", 0600, nullptr, "one word" },
        { "two lines", "abcdefghijklmnop\nqrstuvwxyz", 0600, nullptr, "one word" },
        { "short token warns", "abc", 0600, "abc", "only 3 characters" },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            auto file = folder.path() / "token";
            std::filesystem::remove(file);
            if (c.content) {
                folder.write("token", c.content);
                REQUIRE(::chmod(file.c_str(), c.mode) == 0);
            }
            std::vector<std::string> warnings;
            auto token = load_admin_token(file, warnings);
            INFO((token ? std::string() : token.error()));
            if (c.token) {
                REQUIRE(token);
                CHECK(*token == c.token);
                if (c.fragment) {
                    REQUIRE(warnings.size() == 1);
                    CHECK(warnings[0].find(c.fragment) != std::string::npos);
                } else {
                    CHECK(warnings.empty());
                }
            } else {
                REQUIRE_FALSE(token);
                CHECK(token.error().find(c.fragment) != std::string::npos);
            }
        }
    }
    SUBCASE("a folder is not a token file")
    {
        std::vector<std::string> warnings;
        auto token = load_admin_token(folder.path(), warnings);
        REQUIRE_FALSE(token);
        CHECK(token.error().find("not a regular file") != std::string::npos);
    }
}

TEST_CASE("Authorization header: only the Bearer scheme gives a token")
{
    struct Case {
        const char* header;
        const char* token; // nullptr: none
    };
    std::vector<Case> cases = {
        { "Bearer abc123", "abc123" },
        { "bearer abc123", "abc123" },
        { "BEARER  abc123 ", "abc123" },
        { "Basic YWxhZGRpbjpvcGVuc2VzYW1l", nullptr },
        { "Bearer", nullptr },
        { "Bearer ", nullptr },
        { "Bearerabc", nullptr },
        { "", nullptr },
    };
    for (auto const& c : cases) {
        CAPTURE(c.header);
        auto token = bearer_token(c.header);
        if (c.token) {
            REQUIRE(token);
            CHECK(*token == c.token);
        } else {
            CHECK_FALSE(token);
        }
    }
}

TEST_CASE("token comparison")
{
    std::string token = "correct-horse-battery-staple";
    CHECK(admin_token_matches(token, token));
    CHECK_FALSE(admin_token_matches(token, "correct-horse-battery-stapl"));
    CHECK_FALSE(admin_token_matches(token, token + "e"));
    CHECK_FALSE(admin_token_matches(token, "Correct-horse-battery-staple"));
    CHECK_FALSE(admin_token_matches(token, ""));
    CHECK_FALSE(admin_token_matches("", "")); // no token configured never authorises
}
