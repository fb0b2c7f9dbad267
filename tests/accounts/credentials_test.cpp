// Argon2id password hashes, API tokens and the checks of names and new passwords.
#include "content/accounts/account_names.h"
#include "content/accounts/credentials.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

using namespace hallboard;

TEST_CASE("passwords: Argon2id, salted, verified only with the right password")
{
    auto hash = hash_password("correct horse battery");
    REQUIRE(hash);
    CHECK(hash->rfind("$argon2id$", 0) == 0);
    CHECK(hash->find("correct") == std::string::npos);
    CHECK(password_matches(*hash, "correct horse battery"));
    CHECK_FALSE(password_matches(*hash, "correct horse batterY"));
    CHECK_FALSE(password_matches(*hash, ""));
    CHECK_FALSE(password_needs_rehash(*hash));
    auto again = hash_password("correct horse battery");
    REQUIRE(again);
    CHECK(*again != *hash); // a new salt each time
    CHECK_FALSE(password_matches("not a hash", "correct horse battery"));
    CHECK_FALSE(password_matches("", ""));
    CHECK_FALSE(password_matches_nobody("correct horse battery"));
}

TEST_CASE("passwords: Chinese passwords work byte for byte")
{
    auto hash = hash_password("供电营业厅公告密码一二三");
    REQUIRE(hash);
    CHECK(password_matches(*hash, "供电营业厅公告密码一二三"));
    CHECK_FALSE(password_matches(*hash, "供电营业厅公告密码一二"));
}

TEST_CASE("tokens: random, prefixed, one word; only their digest is kept")
{
    std::set<std::string> seen;
    for (int i = 0; i < 20; ++i) {
        auto token = make_api_token();
        CHECK(token.rfind("hbu_", 0) == 0);
        CHECK(token.size() == 4 + 43);
        for (char c : token.substr(4))
            CHECK(((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'));
        seen.insert(token);
    }
    CHECK(seen.size() == 20);
    CHECK(api_token_digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"); // FIPS 180-2
    CHECK(api_token_digest("hbu_x") != api_token_digest("hbu_y"));
}

TEST_CASE("user names: plain lowercase ASCII, 1-64 characters")
{
    struct Case {
        const char* name;
        bool ok;
        const char* fragment;
    };
    const Case cases[] = {
        { "alice", true, "" },
        { "zhang.wei-2_b", true, "" },
        { "0", true, "" },
        { "", false, "cannot be empty" },
        { "Alice", false, "'A' at position 1" },
        { "bob smith", false, "' ' at position 4" },
        { "张伟", false, "'张' at position 1" },
        { "a/b", false, "'/' at position 2" },
        { "a\x1b[31m", false, "'\\x1b' at position 2" },
    };
    for (auto const& c : cases) {
        CAPTURE(c.name);
        auto checked = check_user_name(c.name);
        REQUIRE(checked.ok() == c.ok);
        if (!c.ok)
            CHECK(checked.error().find(c.fragment) != std::string::npos);
    }
    CHECK(check_user_name(std::string(64, 'a')));
    CHECK_FALSE(check_user_name(std::string(65, 'a')));
}

TEST_CASE("display names: Chinese allowed, bounded, no control characters")
{
    CHECK(check_display_name("张伟（城区营业厅）"));
    CHECK(check_display_name("Zhang Wei"));
    CHECK_FALSE(check_display_name(""));
    CHECK_FALSE(check_display_name("　 "));          // only (ideographic) spaces
    CHECK_FALSE(check_display_name("a\nb"));         // would forge a line in a listing
    CHECK_FALSE(check_display_name("\xe2\x80\xae")); // right-to-left override
    CHECK_FALSE(check_display_name("\xff"));
    std::string forty;
    for (int i = 0; i < 42; ++i)
        forty += "电";
    CHECK(check_display_name(forty)); // 126 bytes
    CHECK_FALSE(check_display_name(forty + "电"));
}

TEST_CASE("new passwords: at least ten characters")
{
    CHECK_FALSE(check_new_password("short"));
    CHECK(check_new_password("short").error() == "the password has 5 characters; at least 10 are needed");
    CHECK(check_new_password("ten chars!"));
    CHECK(check_new_password("十个汉字的密码足够长了")); // counted in characters, not bytes
    CHECK_FALSE(check_new_password("九个汉字的密码不够"));
    CHECK_FALSE(check_new_password(std::string(1025, 'x')));
    CHECK_FALSE(check_new_password("\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"));
}
