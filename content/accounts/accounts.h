// The accounts of one served tree, put together for the server's routes and the CLI:
// authenticate (password or token), authorise (role, review rules), record (audit log).
#pragma once

#include "base/result.h"
#include "content/accounts/audit_log.h"
#include "content/accounts/login_throttle.h"
#include "content/accounts/review_store.h"
#include "content/accounts/user_store.h"

#include <filesystem>
#include <memory>
#include <mutex>
#include <string_view>

namespace hallboard {

// Thread-safe: the stores and the log lock themselves; the throttle has its own mutex.
// Every method that decides something writes its audit line before returning, ok or refused;
// a failure to write the line is logged (log_error) and does not undo what was done.
class Accounts {
public:
    // Opens <tree>/state/accounts.sqlite and <tree>/state/audit.log, creating state/ (0700)
    // when missing.
    static Result<std::unique_ptr<Accounts>> open(const std::filesystem::path& tree, ThrottlePolicy policy = {});

    UserStore& users() { return *m_users; }
    ReviewStore& reviews() { return *m_reviews; }
    AuditLog& audit() { return *m_audit; }

    // A password login (the console's form). Refused while throttled ("too many failed
    // logins; try again in N s"), for a wrong name or password, or a disabled user. Audited
    // as action "login" with the name tried as user; the password is never passed on.
    Result<User> login(std::string_view name, std::string_view password, std::string_view address, std::int64_t now);

    // A bearer token (the CLI's publish, scripts). Refusals are audited as "authenticate";
    // successes are not (each API call would add a line): the action that follows is.
    Result<User> authenticate_token(std::string_view token, std::string_view address, std::int64_t now);

    // Whether `user` may take a non-review action (manage_users, restore, withdraw ...) on
    // `subject`; a refusal is audited. After acting, the caller records the outcome with record().
    Result<void> authorise(
        const User& user, Action action, std::string_view subject, std::string_view address, std::int64_t now);

    // A review step on change `change_id`: checked by the state machine, stored, audited
    // (action = the step's name, subject = "change N"), ok or refused.
    Result<ChangeRecord> review(const User& user, std::int64_t change_id, ReviewStep step, std::string_view comment,
        std::string_view address, std::int64_t now, std::int64_t published_version = 0);

    // A new draft, and later edits of it (Edit step with new content); audited as "edit".
    Result<ChangeRecord> create_change(
        const User& user, const NewChange& change, std::string_view address, std::int64_t now);
    Result<ChangeRecord> edit_change(
        const User& user, std::int64_t change_id, const NewChange& change, std::string_view address, std::int64_t now);
    // A publish (allowed by review(), or checked with reviews().check first) whose merge
    // conflicted: the change returns to draft with `conflicts`; audited as a refused publish.
    Result<ChangeRecord> publish_conflicted(
        const User& user, std::int64_t change_id, std::string conflicts, std::string_view address, std::int64_t now);

    // Any other line (user changes by the CLI, a publish's version, a restore ...).
    void record(const AuditEntry& entry);

private:
    Accounts() = default;

    std::unique_ptr<UserStore> m_users;
    std::unique_ptr<ReviewStore> m_reviews;
    std::unique_ptr<AuditLog> m_audit;
    std::mutex m_throttle_mutex;
    LoginThrottle m_throttle;
};

// "change 7", the subject of a change's audit lines.
std::string change_subject(std::int64_t change_id);

} // namespace hallboard
