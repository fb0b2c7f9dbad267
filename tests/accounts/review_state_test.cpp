// The review state machine: every rule as a row, and the changes each step makes.
#include "content/accounts/review_state.h"

#include <doctest/doctest.h>

#include <string>

using namespace hallboard;

namespace {

ChangeRecord change_in(ReviewState state, bool outage_only = false)
{
    ChangeRecord change;
    change.id = 7;
    change.author = "dana";
    change.editors = { "dana" };
    change.state = state;
    change.outage_only = outage_only;
    return change;
}

const Actor drafter { "dana", Role::Drafter };
const Actor other_drafter { "dave", Role::Drafter };
const Actor reviewer { "rita", Role::Reviewer };
const Actor admin { "ada", Role::Admin };

} // namespace

TEST_CASE("review: the steps each state allows, and where they lead")
{
    using S = ReviewState;
    using St = ReviewStep;
    struct Case {
        const char* name;
        S from;
        Actor actor;
        St step;
        const char* comment;
        bool outage_only;
        bool allowed;
        S to;
        const char* reason; // in the refusal
    };
    const Case cases[] = {
        { "author edits a draft", S::Draft, drafter, St::Edit, "", false, true, S::Draft, "" },
        { "a colleague edits a draft", S::Draft, other_drafter, St::Edit, "", false, true, S::Draft, "" },
        { "author submits", S::Draft, drafter, St::Submit, "", false, true, S::Submitted, "" },
        { "reviewer approves", S::Submitted, reviewer, St::Approve, "", false, true, S::Approved, "" },
        { "admin approves", S::Submitted, admin, St::Approve, "", false, true, S::Approved, "" },
        { "reviewer publishes approved", S::Approved, reviewer, St::Publish, "", false, true, S::Published, "" },
        { "reviewer sends back with a comment", S::Submitted, reviewer, St::SendBack, "price for 2027 wrong", false,
            true, S::SentBack, "" },
        { "approved may still be sent back", S::Approved, admin, St::SendBack, "wait for Monday", false, true,
            S::SentBack, "" },
        { "sent back is edited into a draft", S::SentBack, drafter, St::Edit, "", false, true, S::Draft, "" },

        { "drafter cannot publish", S::Approved, drafter, St::Publish, "", false, false, S::Approved,
            "a drafter may not publish" },
        { "drafter cannot approve", S::Submitted, other_drafter, St::Approve, "", false, false, S::Submitted,
            "a drafter may not approve" },
        { "drafter cannot send back", S::Submitted, other_drafter, St::SendBack, "no", false, false, S::Submitted,
            "a drafter may not send_back" },
        { "drafter cannot publish urgently", S::Draft, drafter, St::UrgentPublish, "", true, false, S::Draft,
            "a drafter may not urgent_publish" },
        { "sent back needs a comment", S::Submitted, reviewer, St::SendBack, "", false, false, S::Submitted,
            "needs a comment" },
        { "white space is no comment", S::Submitted, reviewer, St::SendBack, " \n\t", false, false, S::Submitted,
            "needs a comment" },
        { "a draft cannot be approved", S::Draft, reviewer, St::Approve, "", false, false, S::Draft, "it is draft" },
        { "a draft cannot be published", S::Draft, reviewer, St::Publish, "", false, false, S::Draft,
            "only an approved change" },
        { "submitted cannot be published", S::Submitted, admin, St::Publish, "", false, false, S::Submitted,
            "it is submitted" },
        { "submitted cannot be edited", S::Submitted, drafter, St::Edit, "", false, false, S::Submitted,
            "only a draft or a change sent back" },
        { "sent back must be edited before submitting", S::SentBack, drafter, St::Submit, "", false, false, S::SentBack,
            "only a draft" },
        { "published cannot be published again", S::Published, admin, St::Publish, "", false, false, S::Published,
            "it is published" },
        { "urgent path only for outage notices", S::Draft, reviewer, St::UrgentPublish, "", false, false, S::Draft,
            "only a change made of outage notices" },
        { "urgent path from a draft", S::Draft, reviewer, St::UrgentPublish, "", true, true, S::Published, "" },
        { "urgent path from submitted", S::Submitted, admin, St::UrgentPublish, "", true, true, S::Published, "" },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            auto change = change_in(c.from, c.outage_only);
            auto transition = check_review_step(change, c.actor, c.step, c.comment);
            REQUIRE(transition.ok() == c.allowed);
            if (c.allowed) {
                CHECK(transition->next == c.to);
            } else {
                CAPTURE(transition.error());
                CHECK(transition.error().find(c.reason) != std::string::npos);
            }
        }
    }
}

TEST_CASE("review: nobody approves a change they wrote or edited, admins included")
{
    auto change = change_in(ReviewState::Draft);
    change.author = "rita";
    change.editors = { "rita" };
    change.state = ReviewState::Submitted;
    auto own = check_review_step(change, reviewer, ReviewStep::Approve);
    REQUIRE_FALSE(own);
    CHECK(own.error() == "rita cannot approve change 7: they wrote it");

    // A reviewer who edited someone else's draft cannot approve it either.
    change = change_in(ReviewState::Draft);
    auto transition = check_review_step(change, admin, ReviewStep::Edit);
    REQUIRE(transition);
    change = apply_review_step(change, admin, ReviewStep::Edit, *transition, {}, 100);
    CHECK(change.editors == std::vector<std::string> { "dana", "ada" });
    change.state = ReviewState::Submitted;
    auto edited = check_review_step(change, admin, ReviewStep::Approve);
    REQUIRE_FALSE(edited);
    CHECK(edited.error() == "ada cannot approve change 7: they edited it");
    CHECK(check_review_step(change, reviewer, ReviewStep::Approve));
}

TEST_CASE("review: the urgent path publishes at once and is marked for review afterwards")
{
    auto change = change_in(ReviewState::Draft, true);
    change.author = "rita";
    change.editors = { "rita" };
    auto transition = check_review_step(change, reviewer, ReviewStep::UrgentPublish);
    REQUIRE(transition);
    CHECK(transition->review_after);
    change = apply_review_step(change, reviewer, ReviewStep::UrgentPublish, *transition, {}, 200);
    CHECK(change.state == ReviewState::Published);
    CHECK(change.review_after);
    CHECK(change.published_by == "rita");

    // The review afterwards: not by whoever wrote or published it; by a second person it
    // clears the mark and the change stays published.
    auto self = check_review_step(change, reviewer, ReviewStep::Approve);
    REQUIRE_FALSE(self);
    CHECK(self.error().find("a second person must look at it") != std::string::npos);
    auto second = check_review_step(change, admin, ReviewStep::Approve);
    REQUIRE(second);
    change = apply_review_step(change, admin, ReviewStep::Approve, *second, {}, 300);
    CHECK(change.state == ReviewState::Published);
    CHECK_FALSE(change.review_after);
    CHECK(change.approved_by == "ada");
    // Once reviewed, there is nothing left to approve.
    CHECK_FALSE(check_review_step(change, reviewer, ReviewStep::Approve));

    // An approved outage change published urgently was already reviewed: no mark.
    auto approved = change_in(ReviewState::Approved, true);
    auto urgent = check_review_step(approved, admin, ReviewStep::UrgentPublish);
    REQUIRE(urgent);
    CHECK_FALSE(urgent->review_after);
}

TEST_CASE("review: send back keeps the comment; editing again clears the approval")
{
    auto change = change_in(ReviewState::Submitted);
    auto back = check_review_step(change, reviewer, ReviewStep::SendBack, "电价表第三行错了");
    REQUIRE(back);
    change = apply_review_step(change, reviewer, ReviewStep::SendBack, *back, "电价表第三行错了", 50);
    CHECK(change.state == ReviewState::SentBack);
    REQUIRE(change.comments.size() == 1);
    CHECK(change.comments[0].author == "rita");
    CHECK(change.comments[0].text == "电价表第三行错了");
    CHECK(change.comments[0].time == 50);
    CHECK(change.changed == 50);
}

TEST_CASE("review: a publish that conflicts returns the change to draft with the conflicts")
{
    auto change = change_in(ReviewState::Approved);
    change.approved_by = "rita";
    change = return_with_conflicts(change, "tariff-residential: changed by bob in version 12", 400);
    CHECK(change.state == ReviewState::Draft);
    CHECK(change.conflicts == "tariff-residential: changed by bob in version 12");
    CHECK(change.approved_by.empty());
    // From there the usual way: edit, submit, approve again.
    CHECK(check_review_step(change, drafter, ReviewStep::Edit));
    CHECK_FALSE(check_review_step(change, reviewer, ReviewStep::Publish));
}

TEST_CASE("review: state names round trip")
{
    for (auto state : { ReviewState::Draft, ReviewState::Submitted, ReviewState::Approved, ReviewState::Published,
             ReviewState::SentBack })
        CHECK(parse_review_state(review_state_name(state)) == state);
    CHECK_FALSE(parse_review_state("rejected"));
}
