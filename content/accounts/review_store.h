// Changes under review, in the accounts database: created as drafts, moved only through
// check_review_step (review_state.h).
#pragma once

#include "base/result.h"
#include "content/accounts/review_state.h"

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

namespace hallboard {

namespace sqlite {
class Database;
}

struct NewChange {
    std::int64_t base_version = 0;
    std::string change_set_json; // opaque here (content/desk/change_set_json.h)
    bool outage_only = false;    // every operation an outage notice: may take the urgent path
};

// Thread-safe (one mutex); each step is read, checked and written in one SQLite transaction,
// so two reviewers cannot both move the same change from the same state.
class ReviewStore {
public:
    static Result<std::unique_ptr<ReviewStore>> open(const std::filesystem::path& file);
    ~ReviewStore();
    ReviewStore(const ReviewStore&) = delete;
    ReviewStore& operator=(const ReviewStore&) = delete;

    // A new draft by `author` (who must have the Edit action).
    Result<ChangeRecord> create(const Actor& author, const NewChange& change, std::int64_t now);
    Result<ChangeRecord> find(std::int64_t id);
    // Oldest first; only those in `state` when given; `review_after` ones with waiting_review.
    Result<std::vector<ChangeRecord>> list(std::optional<ReviewState> state = std::nullopt);
    Result<std::vector<ChangeRecord>> waiting_review_after();

    // Says whether the step would be allowed now, changing nothing (e.g. before a merge).
    Result<ReviewTransition> check(std::int64_t id, const Actor& actor, ReviewStep step, std::string_view comment = {});
    // Checks and applies a step; for Publish and UrgentPublish `published_version` is the
    // version the merge made.
    Result<ChangeRecord> take_step(std::int64_t id, const Actor& actor, ReviewStep step, std::string_view comment,
        std::int64_t now, std::int64_t published_version = 0);
    // An Edit step with new content: a new change set, base version and outage flag.
    Result<ChangeRecord> edit(std::int64_t id, const Actor& actor, const NewChange& content, std::int64_t now);
    // A publish that conflicted: back to draft with the conflicts (review_state.h).
    Result<ChangeRecord> return_with_conflicts(std::int64_t id, std::string conflicts, std::int64_t now);

private:
    explicit ReviewStore(std::unique_ptr<sqlite::Database> database);
    Result<ChangeRecord> find_locked(std::int64_t id);
    Result<void> save_locked(const ChangeRecord& change);

    std::mutex m_mutex;
    std::unique_ptr<sqlite::Database> m_database;
};

} // namespace hallboard
