// The accounts of a tree as the desk's routes will use them: every step of a review is in the
// audit log, refusals included, and no password or token ever is.
#include "content/accounts/accounts.h"
#include "temp_folder.h"

#include <doctest/doctest.h>

using namespace hallboard;

namespace {

struct Desk {
    test::TempFolder tree;
    std::unique_ptr<Accounts> accounts;
    User dana, rita, ada;

    Desk()
    {
        auto opened = Accounts::open(tree.path());
        REQUIRE(opened);
        accounts = std::move(*opened);
        dana = *accounts->users().add_user("dana", "丹娜", Role::Drafter, "dana-password-1", 10);
        rita = *accounts->users().add_user("rita", "", Role::Reviewer, "rita-password-1", 10);
        ada = *accounts->users().add_user("ada", "", Role::Admin, "ada-password-12", 10);
    }

    std::vector<AuditEntry> audit() const
    {
        auto reading = read_audit_log(audit_log_path(tree.path()));
        REQUIRE(reading);
        CHECK(reading->problems.empty());
        CHECK_FALSE(reading->torn_last_line);
        return reading->entries;
    }
};

std::string step_line(const AuditEntry& entry)
{
    return entry.user + " " + entry.action + " " + entry.subject + ": " + entry.result;
}

} // namespace

TEST_CASE("accounts: files go to <tree>/state, which only the owner may enter")
{
    Desk desk;
    CHECK(desk.tree.exists("state/accounts.sqlite"));
    CHECK(desk.tree.exists("state/audit.log"));
    auto permissions = std::filesystem::status(desk.tree / "state").permissions();
    CHECK((permissions & std::filesystem::perms::group_all) == std::filesystem::perms::none);
    CHECK((permissions & std::filesystem::perms::others_all) == std::filesystem::perms::none);
    test::TempFolder other;
    CHECK_FALSE(Accounts::open(other / "missing"));
}

TEST_CASE("accounts: a review from draft to published, with every refusal on the way, is all in the audit log")
{
    Desk desk;
    auto& accounts = *desk.accounts;
    auto change = accounts.create_change(desk.dana, { 4, "{\"operations\":[]}", false }, "10.0.0.5", 100);
    REQUIRE(change);
    auto id = change->id;
    CHECK_FALSE(accounts.review(desk.dana, id, ReviewStep::Publish, "", "10.0.0.5", 101)); // drafter cannot publish
    REQUIRE(accounts.review(desk.dana, id, ReviewStep::Submit, "", "10.0.0.5", 102));
    CHECK_FALSE(accounts.review(desk.rita, id, ReviewStep::SendBack, "", "10.0.0.6", 103)); // no comment
    REQUIRE(accounts.review(desk.rita, id, ReviewStep::SendBack, "第二行价格不对", "10.0.0.6", 104));
    REQUIRE(accounts.edit_change(desk.dana, id, { 5, "{\"operations\":[1]}", false }, "10.0.0.5", 105));
    REQUIRE(accounts.review(desk.dana, id, ReviewStep::Submit, "", "10.0.0.5", 106));
    CHECK_FALSE(accounts.review(desk.dana, id, ReviewStep::Approve, "", "10.0.0.5", 107));
    REQUIRE(accounts.review(desk.rita, id, ReviewStep::Approve, "", "10.0.0.6", 108));
    auto published = accounts.review(desk.rita, id, ReviewStep::Publish, "", "10.0.0.6", 109, 6);
    REQUIRE(published);
    CHECK(published->state == ReviewState::Published);
    CHECK(published->published_version == 6);
    CHECK(published->editors == std::vector<std::string> { "dana" });
    REQUIRE(published->comments.size() == 1);

    std::vector<std::string> expected = {
        "dana edit change 1 (new): ok",
        "dana publish change 1: refused: a drafter may not publish (reviewer or admin needed)",
        "dana submit change 1: ok",
        "rita send_back change 1: refused: sending change 1 back needs a comment saying what to change",
        "rita send_back change 1: ok",
        "dana edit change 1: ok",
        "dana submit change 1: ok",
        "dana approve change 1: refused: a drafter may not approve (reviewer or admin needed)",
        "rita approve change 1: ok",
        "rita publish change 1, version 6: ok",
    };
    auto entries = desk.audit();
    std::vector<std::string> lines;
    for (auto const& entry : entries)
        lines.push_back(step_line(entry));
    CHECK(lines == expected);
    CHECK(entries[0].address == "10.0.0.5");
    CHECK(entries[0].time == 100);
    CHECK(entries.back().address == "10.0.0.6");
}

TEST_CASE("accounts: a reviewer cannot approve their own change; a conflicting publish returns it to draft")
{
    Desk desk;
    auto& accounts = *desk.accounts;
    auto change = accounts.create_change(desk.rita, { 1, "{}", false }, "a", 1);
    REQUIRE(change);
    REQUIRE(accounts.review(desk.rita, change->id, ReviewStep::Submit, "", "a", 2));
    auto own = accounts.review(desk.rita, change->id, ReviewStep::Approve, "", "a", 3);
    REQUIRE_FALSE(own);
    CHECK(own.error() == "rita cannot approve change 1: they wrote it");
    REQUIRE(accounts.review(desk.ada, change->id, ReviewStep::Approve, "", "b", 4));
    CHECK(accounts.reviews().check(change->id, Actor { "ada", Role::Admin }, ReviewStep::Publish));
    auto conflicted = accounts.publish_conflicted(desk.ada, change->id, "notice 'tariff': changed by bob", "b", 5);
    REQUIRE(conflicted);
    CHECK(conflicted->state == ReviewState::Draft);
    CHECK(conflicted->conflicts == "notice 'tariff': changed by bob");
    auto entries = desk.audit();
    REQUIRE(entries.size() == 5);
    CHECK(step_line(entries[2]) == "rita approve change 1: refused: rita cannot approve change 1: they wrote it");
    CHECK(step_line(entries[4])
        == "ada publish change 1: refused: conflicts, back to draft: notice 'tariff': changed by bob");
}

TEST_CASE("accounts: the urgent path is audited and the change waits for review afterwards")
{
    Desk desk;
    auto& accounts = *desk.accounts;
    auto change = accounts.create_change(desk.rita, { 1, "{}", true }, "a", 1);
    REQUIRE(change);
    auto urgent = accounts.review(desk.rita, change->id, ReviewStep::UrgentPublish, "", "a", 2, 9);
    REQUIRE(urgent);
    CHECK(urgent->review_after);
    auto waiting = accounts.reviews().waiting_review_after();
    REQUIRE(waiting);
    REQUIRE(waiting->size() == 1);
    REQUIRE(accounts.review(desk.ada, change->id, ReviewStep::Approve, "", "b", 3));
    CHECK(accounts.reviews().waiting_review_after()->empty());
    auto entries = desk.audit();
    REQUIRE(entries.size() == 3);
    CHECK(step_line(entries[1]) == "rita urgent_publish change 1, version 9: ok (urgent: review afterwards)");
    CHECK(step_line(entries[2]) == "ada approve change 1, version 9: ok");
}

TEST_CASE("accounts: logins are throttled and audited; tokens refused when revoked or the user disabled")
{
    test::TempFolder tree;
    auto opened = Accounts::open(tree.path(), ThrottlePolicy { 3, 900, 100 });
    REQUIRE(opened);
    auto& accounts = **opened;
    REQUIRE(accounts.users().add_user("dana", "", Role::Drafter, "dana-password-1", 10));
    CHECK(accounts.login("dana", "dana-password-1", "10.0.0.5", 100));
    for (int i = 0; i < 3; ++i)
        CHECK_FALSE(accounts.login("dana", "guess-number-" + std::to_string(i), "10.9.9.9", 101));
    auto throttled = accounts.login("dana", "dana-password-1", "10.0.0.5", 102);
    REQUIRE_FALSE(throttled);
    CHECK(throttled.error() == "too many failed logins; try again in 899 s");
    CHECK(accounts.login("dana", "dana-password-1", "10.0.0.5", 1001));

    auto token = accounts.users().issue_token("dana", 1100);
    REQUIRE(token);
    CHECK(accounts.authenticate_token(token->secret, "10.0.0.5", 1101));
    REQUIRE(accounts.users().set_disabled("dana", true, 1102));
    CHECK_FALSE(accounts.authenticate_token(token->secret, "10.0.0.5", 1103));
    auto user = accounts.users().find_user("dana");
    REQUIRE(user);
    CHECK_FALSE(accounts.authorise(*user, Action::Read, "notices", "10.0.0.5", 1104));
    REQUIRE(accounts.users().set_disabled("dana", false, 1105));
    REQUIRE(accounts.users().revoke_token(token->id, 1106));
    CHECK_FALSE(accounts.authenticate_token(token->secret, "10.0.0.5", 1107));
    user = accounts.users().find_user("dana");
    CHECK(accounts.authorise(*user, Action::Submit, "change 1", "10.0.0.5", 1108));
    CHECK_FALSE(accounts.authorise(*user, Action::ManageUsers, "user bob", "10.0.0.5", 1109));

    auto reading = read_audit_log(audit_log_path(tree.path()));
    REQUIRE(reading);
    std::vector<std::string> results;
    for (auto const& entry : reading->entries)
        results.push_back(entry.action + ": " + entry.result);
    std::vector<std::string> expected = {
        "login: ok",
        "login: refused: wrong user name or password",
        "login: refused: wrong user name or password",
        "login: refused: wrong user name or password",
        "login: refused: too many failed logins; try again in 899 s",
        "login: ok",
        "authenticate: refused: token 1 belongs to 'dana', who is disabled",
        "read: refused: user 'dana' is disabled",
        "authenticate: refused: token 1 of 'dana' was revoked",
        "manage_users: refused: a drafter may not manage_users (admin needed)",
    };
    CHECK(results == expected);

    // No secret in the log: neither the password, nor the guesses, nor the token or any part of it.
    auto text = tree.read("state/audit.log");
    CHECK(text.find("dana-password-1") == std::string::npos);
    CHECK(text.find("guess-number") == std::string::npos);
    CHECK(text.find(token->secret.substr(4, 12)) == std::string::npos);
}
