// The permission table: one row per action, one column per role.
#include "content/accounts/roles.h"

#include <string>

namespace hallboard {

namespace {

struct ActionRow {
    Action action;
    std::string_view name;
    bool drafter;
    bool reviewer;
    bool admin;
};

// The only place permissions are defined; tests/accounts/roles_test.cpp holds the expected copy.
constexpr ActionRow action_table[] = {
    { Action::Read, "read", true, true, true },
    { Action::Edit, "edit", true, true, true },
    { Action::Submit, "submit", true, true, true },
    { Action::Approve, "approve", false, true, true },
    { Action::SendBack, "send_back", false, true, true },
    { Action::Publish, "publish", false, true, true },
    { Action::UrgentPublish, "urgent_publish", false, true, true },
    { Action::Restore, "restore", false, true, true },
    { Action::Withdraw, "withdraw", false, true, true },
    { Action::ManageUsers, "manage_users", false, false, true },
    { Action::ManageScreens, "manage_screens", false, false, true },
};

const ActionRow& row_of(Action action)
{
    for (auto const& row : action_table) {
        if (row.action == action)
            return row;
    }
    return action_table[0]; // unreachable: every enumerator has a row (tested)
}

bool row_allows(const ActionRow& row, Role role)
{
    switch (role) {
    case Role::Drafter:
        return row.drafter;
    case Role::Reviewer:
        return row.reviewer;
    case Role::Admin:
        return row.admin;
    }
    return false;
}

} // namespace

bool role_may(Role role, Action action)
{
    return row_allows(row_of(action), role);
}

std::string_view role_name(Role role)
{
    switch (role) {
    case Role::Drafter:
        return "drafter";
    case Role::Reviewer:
        return "reviewer";
    case Role::Admin:
        return "admin";
    }
    return "?";
}

std::string_view action_name(Action action)
{
    return row_of(action).name;
}

std::optional<Role> parse_role(std::string_view name)
{
    for (Role role : all_roles) {
        if (role_name(role) == name)
            return role;
    }
    return std::nullopt;
}

std::optional<Action> parse_action(std::string_view name)
{
    for (auto const& row : action_table) {
        if (row.name == name)
            return row.action;
    }
    return std::nullopt;
}

std::string permission_refusal(Role role, Action action)
{
    std::string allowed;
    for (Role other : all_roles) {
        if (!role_may(other, action))
            continue;
        allowed += allowed.empty() ? "" : " or ";
        allowed += role_name(other);
    }
    auto article = role == Role::Admin ? "an " : "a ";
    return article + std::string(role_name(role)) + " may not " + std::string(action_name(action)) + " (" + allowed
        + " needed)";
}

} // namespace hallboard
