// Users and API tokens in SQLite: adding, passwords, tokens revoked or of disabled users.
#include "content/accounts/user_store.h"
#include "temp_folder.h"

#include <doctest/doctest.h>

using namespace hallboard;

namespace {

std::unique_ptr<UserStore> open_store(const test::TempFolder& folder)
{
    auto store = UserStore::open(folder / "accounts.sqlite");
    REQUIRE(store);
    return std::move(*store);
}

} // namespace

TEST_CASE("users: added with a valid name and password, listed, found after reopening")
{
    test::TempFolder folder;
    {
        auto store = open_store(folder);
        auto added = store->add_user("zhang.wei", "张伟", Role::Reviewer, "a long enough secret", 1000);
        REQUIRE(added);
        CHECK(added->display_name == "张伟");
        CHECK(added->role == Role::Reviewer);
        CHECK(added->created == 1000);
        auto plain = store->add_user("bob", "", Role::Drafter, "another long secret", 1001);
        REQUIRE(plain);
        CHECK(plain->display_name == "bob");

        auto taken = store->add_user("bob", "", Role::Admin, "another long secret", 1002);
        REQUIRE_FALSE(taken);
        CHECK(taken.error() == "there is already a user named 'bob'");
        CHECK(store->add_user("Bob", "", Role::Admin, "another long secret", 1002).error().find("'B' at position 1")
            != std::string::npos);
        CHECK(store->add_user("carl", "", Role::Admin, "short", 1002).error().find("at least 10") != std::string::npos);
        CHECK_FALSE(store->add_user("carl", "a\x1b[2J", Role::Admin, "long enough password", 1002));
    }
    auto store = open_store(folder);
    auto users = store->list_users();
    REQUIRE(users);
    REQUIRE(users->size() == 2);
    CHECK((*users)[0].name == "bob");
    CHECK((*users)[1].name == "zhang.wei");
    CHECK(store->find_user("nobody").error().find("no user named 'nobody'") != std::string::npos);
}

TEST_CASE("users: the password is verified; unknown names and wrong passwords read alike")
{
    test::TempFolder folder;
    auto store = open_store(folder);
    REQUIRE(store->add_user("alice", "", Role::Drafter, "alice's password", 1));
    CHECK(store->verify_password("alice", "alice's password"));
    auto wrong = store->verify_password("alice", "alice's passworD");
    auto unknown = store->verify_password("mallory", "alice's password");
    REQUIRE_FALSE(wrong);
    REQUIRE_FALSE(unknown);
    CHECK(wrong.error() == unknown.error());

    REQUIRE(store->set_password("alice", "a new password here", 2));
    CHECK_FALSE(store->verify_password("alice", "alice's password"));
    CHECK(store->verify_password("alice", "a new password here"));
    CHECK_FALSE(store->set_password("alice", "short", 3));
    CHECK_FALSE(store->set_password("nobody", "long enough password", 3));

    REQUIRE(store->set_role("alice", Role::Reviewer, 4));
    CHECK(store->find_user("alice")->role == Role::Reviewer);
    CHECK(store->find_user("alice")->changed == 4);
    CHECK_FALSE(store->set_role("nobody", Role::Admin, 4));

    REQUIRE(store->set_disabled("alice", true, 4));
    auto disabled = store->verify_password("alice", "a new password here");
    REQUIRE_FALSE(disabled);
    CHECK(disabled.error() == "user 'alice' is disabled");
    REQUIRE(store->set_disabled("alice", false, 5));
    CHECK(store->verify_password("alice", "a new password here"));
}

TEST_CASE("tokens: a token authenticates its user until revoked or the user is disabled")
{
    test::TempFolder folder;
    auto store = open_store(folder);
    REQUIRE(store->add_user("rita", "", Role::Reviewer, "rita's password", 1));
    REQUIRE(store->add_user("dana", "", Role::Drafter, "dana's password", 1));
    auto first = store->issue_token("rita", 10);
    auto second = store->issue_token("rita", 11);
    auto other = store->issue_token("dana", 12);
    REQUIRE(first);
    REQUIRE(second);
    REQUIRE(other);
    CHECK(first->id != second->id);

    auto user = store->authenticate_token(first->secret);
    REQUIRE(user);
    CHECK(user->name == "rita");
    CHECK(user->role == Role::Reviewer);
    CHECK(user->active_tokens == 2);
    CHECK(store->authenticate_token(other->secret)->name == "dana");
    CHECK(store->authenticate_token("hbu_not-a-token").error() == "unknown token");
    CHECK(store->authenticate_token("").error() == "unknown token");

    // Revoked: by id, refused from then on, and only that one.
    CHECK(*store->revoke_token(first->id, 20) == 1);
    CHECK(*store->revoke_token(first->id, 21) == 0);
    CHECK_FALSE(store->revoke_token(999, 21));
    auto revoked = store->authenticate_token(first->secret);
    REQUIRE_FALSE(revoked);
    CHECK(revoked.error() == "token " + std::to_string(first->id) + " of 'rita' was revoked");
    CHECK(revoked.error().find(first->secret) == std::string::npos);
    CHECK(store->authenticate_token(second->secret));

    // By its secret (a token file handed back) and all of a user's.
    CHECK(*store->revoke_token_secret(second->secret, 22) == 1);
    CHECK_FALSE(store->authenticate_token(second->secret));
    CHECK(*store->revoke_tokens_of("dana", 23) == 1);
    CHECK_FALSE(store->authenticate_token(other->secret));

    // A disabled user's tokens are refused, and come back when enabled again.
    auto fresh = store->issue_token("rita", 30);
    REQUIRE(fresh);
    REQUIRE(store->set_disabled("rita", true, 31));
    auto refused = store->authenticate_token(fresh->secret);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().find("who is disabled") != std::string::npos);
    CHECK_FALSE(store->issue_token("rita", 32));
    REQUIRE(store->set_disabled("rita", false, 33));
    CHECK(store->authenticate_token(fresh->secret));
}

TEST_CASE("tokens: the database keeps a digest, never the token")
{
    test::TempFolder folder;
    std::string secret;
    {
        auto store = open_store(folder);
        REQUIRE(store->add_user("rita", "", Role::Reviewer, "rita's password", 1));
        auto token = store->issue_token("rita", 10);
        REQUIRE(token);
        secret = token->secret;
    }
    std::string bytes;
    for (auto const& entry : std::filesystem::directory_iterator(folder.path())) {
        std::ifstream in(entry.path(), std::ios::binary);
        bytes += std::string(std::istreambuf_iterator<char>(in), {});
    }
    CHECK(bytes.find(secret) == std::string::npos);
    CHECK(bytes.find(secret.substr(4, 20)) == std::string::npos);
    CHECK(bytes.find("rita's password") == std::string::npos);
}
