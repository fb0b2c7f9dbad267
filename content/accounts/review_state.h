// The review of a change: its states and the one pure function that decides every step.
#pragma once

#include "base/result.h"
#include "content/accounts/roles.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hallboard {

// draft -> submitted -> approved -> published; submitted (or approved) -> sent_back -> draft
// (by editing it again); a publish whose merge conflicts returns the change to draft.
enum class ReviewState { Draft, Submitted, Approved, Published, SentBack };

std::string_view review_state_name(ReviewState state); // "draft", "sent_back" ...
std::optional<ReviewState> parse_review_state(std::string_view name);

struct ReviewComment {
    std::string author;
    std::int64_t time = 0; // Unix seconds, UTC
    std::string text;
};

// A change on its way through review. The change set itself (per-notice operations against
// base_version, content/desk) is opaque text here.
struct ChangeRecord {
    std::int64_t id = 0;
    std::string author;
    std::vector<std::string> editors; // everyone who edited it, the author included
    ReviewState state = ReviewState::Draft;
    // Set by the desk when every operation of the change is an outage notice (kind: notice,
    // level: warning): only such a change may take the urgent path.
    bool outage_only = false;
    // Published on the urgent path: still waits for a second person's review.
    bool review_after = false;
    std::string approved_by;
    std::string published_by;
    std::int64_t published_version = 0; // 0 until published
    std::int64_t base_version = 0;
    std::string change_set_json;
    std::string conflicts; // what the last publish attempt conflicted with; "" when none
    std::vector<ReviewComment> comments;
    std::int64_t created = 0; // Unix seconds
    std::int64_t changed = 0;
};

// The steps of a change's review. Each needs the Action of the same name in the permission
// table (Edit, Submit, Approve, SendBack, Publish, UrgentPublish).
enum class ReviewStep { Edit, Submit, Approve, SendBack, Publish, UrgentPublish };

Action action_of(ReviewStep step);
std::string_view review_step_name(ReviewStep step);

struct Actor {
    std::string name;
    Role role = Role::Drafter;
};

// What a permitted step does to the change.
struct ReviewTransition {
    ReviewState next = ReviewState::Draft;
    bool review_after = false; // the change's review_after once the step is done
};

// Decides whether `actor` may take `step` on `change` now, and where it leads. Refused (an
// error whose message says why, for the person and for the audit log) when:
//  - the role lacks the step's action (a drafter cannot approve or publish);
//  - the change is not in a state the step starts from;
//  - approving a change the actor authored or edited (four eyes, admins included), also for
//    the review after an urgent publish; or the actor who published it urgently;
//  - sending back without a comment (`comment` is only read for SendBack);
//  - urgent publishing of a change that is not only outage notices.
// Approving a published change that waits for review_after clears the mark (state stays
// published); that is how the urgent path "enters the queue afterwards".
Result<ReviewTransition> check_review_step(
    const ChangeRecord& change, const Actor& actor, ReviewStep step, std::string_view comment = {});

// Applies a step already allowed by check_review_step: state, editors, approver, publisher,
// comments, and the times. Returns the updated record.
ChangeRecord apply_review_step(ChangeRecord change, const Actor& actor, ReviewStep step,
    const ReviewTransition& transition, std::string_view comment, std::int64_t now);

// A publish whose merge conflicted: the change goes back to draft for its author with the
// conflicts, and its approval no longer holds (the merged result would differ).
ChangeRecord return_with_conflicts(ChangeRecord change, std::string conflicts, std::int64_t now);

} // namespace hallboard
