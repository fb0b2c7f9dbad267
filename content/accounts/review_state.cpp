// The review state machine: every rule of docs/desk.md §7 in one function.
#include "content/accounts/review_state.h"

#include <algorithm>

namespace hallboard {

namespace {

std::string change_label(const ChangeRecord& change)
{
    return "change " + std::to_string(change.id);
}

bool has_edited(const ChangeRecord& change, const std::string& name)
{
    return change.author == name
        || std::find(change.editors.begin(), change.editors.end(), name) != change.editors.end();
}

bool only_white_space(std::string_view text)
{
    return std::all_of(
        text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

Error wrong_state(const ChangeRecord& change, ReviewStep step, std::string_view needed)
{
    return fail("cannot " + std::string(review_step_name(step)) + " " + change_label(change) + ": it is "
        + std::string(review_state_name(change.state)) + ", and only " + std::string(needed) + " can be");
}

} // namespace

std::string_view review_state_name(ReviewState state)
{
    switch (state) {
    case ReviewState::Draft:
        return "draft";
    case ReviewState::Submitted:
        return "submitted";
    case ReviewState::Approved:
        return "approved";
    case ReviewState::Published:
        return "published";
    case ReviewState::SentBack:
        return "sent_back";
    }
    return "?";
}

std::optional<ReviewState> parse_review_state(std::string_view name)
{
    for (auto state : { ReviewState::Draft, ReviewState::Submitted, ReviewState::Approved, ReviewState::Published,
             ReviewState::SentBack }) {
        if (review_state_name(state) == name)
            return state;
    }
    return std::nullopt;
}

Action action_of(ReviewStep step)
{
    switch (step) {
    case ReviewStep::Edit:
        return Action::Edit;
    case ReviewStep::Submit:
        return Action::Submit;
    case ReviewStep::Approve:
        return Action::Approve;
    case ReviewStep::SendBack:
        return Action::SendBack;
    case ReviewStep::Publish:
        return Action::Publish;
    case ReviewStep::UrgentPublish:
        return Action::UrgentPublish;
    }
    return Action::Read;
}

std::string_view review_step_name(ReviewStep step)
{
    return action_name(action_of(step));
}

Result<ReviewTransition> check_review_step(
    const ChangeRecord& change, const Actor& actor, ReviewStep step, std::string_view comment)
{
    if (!role_may(actor.role, action_of(step)))
        return fail(permission_refusal(actor.role, action_of(step)));

    auto state = change.state;
    switch (step) {
    case ReviewStep::Edit:
        // Editing a sent-back change is how it becomes a draft again.
        if (state != ReviewState::Draft && state != ReviewState::SentBack)
            return wrong_state(change, step, "a draft or a change sent back");
        return ReviewTransition { ReviewState::Draft, false };
    case ReviewStep::Submit:
        if (state != ReviewState::Draft)
            return wrong_state(change, step, "a draft");
        return ReviewTransition { ReviewState::Submitted, false };
    case ReviewStep::Approve:
        if (state == ReviewState::Published && change.review_after) {
            if (has_edited(change, actor.name) || change.published_by == actor.name)
                return fail(actor.name + " cannot review " + change_label(change)
                    + " after its urgent publish: they wrote or published it; a second person must look at it");
            return ReviewTransition { ReviewState::Published, false };
        }
        if (state != ReviewState::Submitted)
            return wrong_state(change, step, "a submitted change (or one published urgently, awaiting review)");
        if (change.author == actor.name)
            return fail(actor.name + " cannot approve " + change_label(change) + ": they wrote it");
        if (has_edited(change, actor.name))
            return fail(actor.name + " cannot approve " + change_label(change) + ": they edited it");
        return ReviewTransition { ReviewState::Approved, false };
    case ReviewStep::SendBack:
        if (state != ReviewState::Submitted && state != ReviewState::Approved)
            return wrong_state(change, step, "a submitted or approved change");
        if (only_white_space(comment))
            return fail("sending " + change_label(change) + " back needs a comment saying what to change");
        return ReviewTransition { ReviewState::SentBack, false };
    case ReviewStep::Publish:
        if (state != ReviewState::Approved)
            return wrong_state(change, step, "an approved change");
        return ReviewTransition { ReviewState::Published, false };
    case ReviewStep::UrgentPublish:
        if (!change.outage_only)
            return fail("cannot publish " + change_label(change)
                + " urgently: only a change made of outage notices (kind: notice, level: warning) may skip review");
        if (state == ReviewState::Published)
            return wrong_state(change, step, "an unpublished change");
        // Already approved: no need to skip anything, so no review afterwards either.
        return ReviewTransition { ReviewState::Published, state != ReviewState::Approved };
    }
    return fail("unknown review step");
}

ChangeRecord apply_review_step(ChangeRecord change, const Actor& actor, ReviewStep step,
    const ReviewTransition& transition, std::string_view comment, std::int64_t now)
{
    change.state = transition.next;
    change.review_after = transition.review_after;
    change.changed = now;
    switch (step) {
    case ReviewStep::Edit:
        if (std::find(change.editors.begin(), change.editors.end(), actor.name) == change.editors.end())
            change.editors.push_back(actor.name);
        change.approved_by.clear();
        break;
    case ReviewStep::Approve:
        change.approved_by = actor.name;
        break;
    case ReviewStep::Publish:
    case ReviewStep::UrgentPublish:
        change.published_by = actor.name;
        change.conflicts.clear();
        break;
    case ReviewStep::SendBack:
        change.approved_by.clear();
        break;
    case ReviewStep::Submit:
        break;
    }
    if (!comment.empty())
        change.comments.push_back({ actor.name, now, std::string(comment) });
    return change;
}

ChangeRecord return_with_conflicts(ChangeRecord change, std::string conflicts, std::int64_t now)
{
    change.state = ReviewState::Draft;
    change.review_after = false;
    change.approved_by.clear();
    change.published_by.clear();
    change.conflicts = std::move(conflicts);
    change.changed = now;
    return change;
}

} // namespace hallboard
