// The permission table, checked against an expected copy written out by hand.
#include "content/accounts/roles.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

using namespace hallboard;

TEST_CASE("permission table: who may do what")
{
    struct Row {
        Action action;
        bool drafter, reviewer, admin;
    };
    const Row expected[] = {
        { Action::Read, true, true, true },
        { Action::Edit, true, true, true },
        { Action::Submit, true, true, true },
        { Action::Approve, false, true, true },
        { Action::SendBack, false, true, true },
        { Action::Publish, false, true, true },
        { Action::UrgentPublish, false, true, true },
        { Action::Restore, false, true, true },
        { Action::Withdraw, false, true, true },
        { Action::ManageUsers, false, false, true },
        { Action::ManageScreens, false, false, true },
    };
    CHECK(std::size(expected) == std::size(all_actions));
    for (auto const& row : expected) {
        CAPTURE(std::string(action_name(row.action)));
        CHECK(role_may(Role::Drafter, row.action) == row.drafter);
        CHECK(role_may(Role::Reviewer, row.action) == row.reviewer);
        CHECK(role_may(Role::Admin, row.action) == row.admin);
    }
}

TEST_CASE("permission table: names round trip, unknown names are refused")
{
    std::set<std::string_view> names;
    for (Action action : all_actions) {
        auto name = action_name(action);
        CHECK(parse_action(name) == action);
        names.insert(name);
    }
    CHECK(names.size() == std::size(all_actions)); // one row per action, none missing
    for (Role role : all_roles)
        CHECK(parse_role(role_name(role)) == role);
    CHECK(action_name(Action::SendBack) == "send_back");
    CHECK(action_name(Action::UrgentPublish) == "urgent_publish");
    CHECK_FALSE(parse_role("Admin"));
    CHECK_FALSE(parse_role("root"));
    CHECK_FALSE(parse_action("delete"));
}

TEST_CASE("permission table: a refusal names who would be allowed")
{
    CHECK(permission_refusal(Role::Drafter, Action::Publish) == "a drafter may not publish (reviewer or admin needed)");
    CHECK(permission_refusal(Role::Reviewer, Action::ManageUsers) == "a reviewer may not manage_users (admin needed)");
}
