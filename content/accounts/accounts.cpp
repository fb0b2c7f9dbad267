// Authenticate, authorise, record: the three calls every desk route makes.
#include "content/accounts/accounts.h"

#include "base/log.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

namespace hallboard {

std::string change_subject(std::int64_t change_id)
{
    return "change " + std::to_string(change_id);
}

Result<std::unique_ptr<Accounts>> Accounts::open(const std::filesystem::path& tree, ThrottlePolicy policy)
{
    std::error_code error;
    if (!std::filesystem::is_directory(tree, error))
        return fail("no such folder: " + tree.string());
    auto state = tree / "state";
    if (::mkdir(state.c_str(), 0700) != 0 && errno != EEXIST)
        return fail("cannot create " + state.string() + ": " + std::strerror(errno));
    std::unique_ptr<Accounts> accounts(new Accounts());
    accounts->m_throttle = LoginThrottle(policy);
    auto users = UserStore::open(accounts_database_path(tree));
    if (!users)
        return std::move(users).take_error();
    accounts->m_users = std::move(*users);
    auto reviews = ReviewStore::open(accounts_database_path(tree));
    if (!reviews)
        return std::move(reviews).take_error();
    accounts->m_reviews = std::move(*reviews);
    auto audit = AuditLog::open(audit_log_path(tree));
    if (!audit)
        return std::move(audit).take_error();
    accounts->m_audit = std::move(*audit);
    return accounts;
}

void Accounts::record(const AuditEntry& entry)
{
    if (auto written = m_audit->append(entry); !written)
        log_error(written.error());
}

Result<User> Accounts::login(
    std::string_view name, std::string_view password, std::string_view address, std::int64_t now)
{
    AuditEntry entry { now, std::string(name), "login", "user " + std::string(name), "ok", std::string(address) };
    {
        std::lock_guard lock(m_throttle_mutex);
        if (auto wait = m_throttle.wait_before_try(name, address, now)) {
            auto reason = "too many failed logins; try again in " + std::to_string(*wait) + " s";
            entry.result = refused(reason);
            record(entry);
            return fail(reason);
        }
    }
    auto user = m_users->verify_password(name, password);
    {
        std::lock_guard lock(m_throttle_mutex);
        if (user)
            m_throttle.record_success(name, now);
        else
            m_throttle.record_failure(name, address, now);
    }
    if (!user)
        entry.result = refused(user.error());
    record(entry);
    return user;
}

Result<User> Accounts::authenticate_token(std::string_view token, std::string_view address, std::int64_t now)
{
    auto user = m_users->authenticate_token(token);
    if (!user)
        record({ now, "", "authenticate", "token", refused(user.error()), std::string(address) });
    return user;
}

Result<void> Accounts::authorise(
    const User& user, Action action, std::string_view subject, std::string_view address, std::int64_t now)
{
    if (user.disabled || !role_may(user.role, action)) {
        auto reason = user.disabled ? "user '" + user.name + "' is disabled" : permission_refusal(user.role, action);
        record({ now, user.name, std::string(action_name(action)), std::string(subject), refused(reason),
            std::string(address) });
        return fail(reason);
    }
    return Ok {};
}

Result<ChangeRecord> Accounts::review(const User& user, std::int64_t change_id, ReviewStep step,
    std::string_view comment, std::string_view address, std::int64_t now, std::int64_t published_version)
{
    AuditEntry entry { now, user.name, std::string(review_step_name(step)), change_subject(change_id), "ok",
        std::string(address) };
    Result<ChangeRecord> change = user.disabled
        ? Result<ChangeRecord>(fail("user '" + user.name + "' is disabled"))
        : m_reviews->take_step(change_id, Actor { user.name, user.role }, step, comment, now, published_version);
    if (!change)
        entry.result = refused(change.error());
    else if (change->state == ReviewState::Published && change->published_version > 0)
        entry.subject += ", version " + std::to_string(change->published_version);
    if (change && change->review_after)
        entry.result = "ok (urgent: review afterwards)";
    record(entry);
    return change;
}

Result<ChangeRecord> Accounts::create_change(
    const User& user, const NewChange& change, std::string_view address, std::int64_t now)
{
    Result<ChangeRecord> created = user.disabled ? Result<ChangeRecord>(fail("user '" + user.name + "' is disabled"))
                                                 : m_reviews->create(Actor { user.name, user.role }, change, now);
    record({ now, user.name, "edit", created ? change_subject(created->id) + " (new)" : "new change",
        created ? "ok" : refused(created.error()), std::string(address) });
    return created;
}

Result<ChangeRecord> Accounts::edit_change(
    const User& user, std::int64_t change_id, const NewChange& change, std::string_view address, std::int64_t now)
{
    Result<ChangeRecord> edited = user.disabled
        ? Result<ChangeRecord>(fail("user '" + user.name + "' is disabled"))
        : m_reviews->edit(change_id, Actor { user.name, user.role }, change, now);
    record({ now, user.name, "edit", change_subject(change_id), edited ? "ok" : refused(edited.error()),
        std::string(address) });
    return edited;
}

Result<ChangeRecord> Accounts::publish_conflicted(
    const User& user, std::int64_t change_id, std::string conflicts, std::string_view address, std::int64_t now)
{
    auto reason = "conflicts, back to draft: " + conflicts;
    auto returned = m_reviews->return_with_conflicts(change_id, std::move(conflicts), now);
    record({ now, user.name, "publish", change_subject(change_id), refused(reason), std::string(address) });
    return returned;
}

} // namespace hallboard
