// Who may do what on the desk: the three roles, the actions, and the one table joining them.
#pragma once

#include <optional>
#include <string_view>

namespace hallboard {

enum class Role { Drafter, Reviewer, Admin };

// Everything the desk, the console and the CLI check before acting. Review steps (approve,
// send back ...) are also checked against the change itself by check_review_step.
enum class Action {
    Read,          // see notices, versions, the queue, screens
    Edit,          // write a draft change
    Submit,        // hand a draft to review
    Approve,       // approve someone else's submitted change
    SendBack,      // return a submitted change to its author, with a comment
    Publish,       // publish an approved change
    UrgentPublish, // publish an outage notice without waiting for review
    Restore,       // make an earlier version current again
    Withdraw,      // take a notice off the screens at once
    ManageUsers,   // add, disable users; passwords and tokens of others
    ManageScreens, // rename, forget screens
};

inline constexpr Action all_actions[]
    = { Action::Read, Action::Edit, Action::Submit, Action::Approve, Action::SendBack, Action::Publish,
          Action::UrgentPublish, Action::Restore, Action::Withdraw, Action::ManageUsers, Action::ManageScreens };
inline constexpr Role all_roles[] = { Role::Drafter, Role::Reviewer, Role::Admin };

// The permission table (docs/desk.md §7): drafters read, edit and submit; reviewers also
// approve, send back, publish, restore, withdraw and publish urgently; admins also manage
// users and screens.
bool role_may(Role role, Action action);

std::string_view role_name(Role role);     // "drafter", "reviewer", "admin"
std::string_view action_name(Action role); // "send_back", "urgent_publish" ...
std::optional<Role> parse_role(std::string_view name);
std::optional<Action> parse_action(std::string_view name);

// "a drafter may not approve (reviewer or admin needed)": the refusal a caller shows and audits.
std::string permission_refusal(Role role, Action action);

} // namespace hallboard
