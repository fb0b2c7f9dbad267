// Changes under review in SQLite: kept whole across reopening, moved only by the state machine,
// and one step at a time even from two connections (the server and a second process).
#include "content/accounts/review_store.h"
#include "temp_folder.h"

#include <doctest/doctest.h>

#include <thread>

using namespace hallboard;

namespace {

std::unique_ptr<ReviewStore> open_store(const test::TempFolder& folder)
{
    auto store = ReviewStore::open(folder / "accounts.sqlite");
    REQUIRE(store);
    return std::move(*store);
}

const Actor dana { "dana", Role::Drafter };
const Actor rita { "rita", Role::Reviewer };
const Actor ada { "ada", Role::Admin };

} // namespace

TEST_CASE("review store: a change keeps its content, editors, comments and conflicts across reopening")
{
    test::TempFolder folder;
    std::int64_t id = 0;
    {
        auto store = open_store(folder);
        auto created = store->create(dana, { 12, R"({"operations":[{"op":"change","id":"tariff"}]})", false }, 100);
        REQUIRE(created);
        id = created->id;
        CHECK(created->state == ReviewState::Draft);
        CHECK(created->editors == std::vector<std::string> { "dana" });
        REQUIRE(store->take_step(id, dana, ReviewStep::Submit, "", 101));
        REQUIRE(store->take_step(id, rita, ReviewStep::SendBack, "把“元/千瓦时”写全", 102));
        auto edited = store->edit(id, ada, { 13, R"({"operations":[]})", true }, 103);
        REQUIRE(edited);
        CHECK(edited->state == ReviewState::Draft);
        REQUIRE(store->return_with_conflicts(id, "notice 'tariff' changed in version 14", 104));
    }
    auto store = open_store(folder);
    auto change = store->find(id);
    REQUIRE(change);
    CHECK(change->author == "dana");
    CHECK(change->editors == std::vector<std::string> { "dana", "ada" });
    CHECK(change->base_version == 13);
    CHECK(change->change_set_json == R"({"operations":[]})");
    CHECK(change->outage_only);
    CHECK(change->conflicts == "notice 'tariff' changed in version 14");
    REQUIRE(change->comments.size() == 1);
    CHECK(change->comments[0].author == "rita");
    CHECK(change->comments[0].text == "把“元/千瓦时”写全");
    CHECK(change->created == 100);
    CHECK(change->changed == 104);
    CHECK(store->find(999).error() == "there is no change 999");
}

TEST_CASE("review store: refused steps change nothing; lists by state and the review-after queue")
{
    test::TempFolder folder;
    auto store = open_store(folder);
    CHECK(store->create({ "x", Role::Drafter }, {}, 1)); // every role may draft
    auto first = store->create(dana, { 1, "{}", false }, 1);
    auto urgent = store->create(rita, { 1, "{}", true }, 2);
    REQUIRE(first);
    REQUIRE(urgent);
    auto refused = store->take_step(first->id, dana, ReviewStep::Publish, "", 3);
    REQUIRE_FALSE(refused);
    CHECK(store->find(first->id)->changed == 1);
    CHECK_FALSE(store->check(first->id, rita, ReviewStep::Approve));
    REQUIRE(store->take_step(first->id, dana, ReviewStep::Submit, "", 4));
    CHECK(store->check(first->id, rita, ReviewStep::Approve));
    CHECK(store->find(first->id)->state == ReviewState::Submitted); // check() changed nothing
    auto published = store->take_step(urgent->id, rita, ReviewStep::UrgentPublish, "", 5, 21);
    REQUIRE(published);
    CHECK(published->published_version == 21);
    CHECK(store->list(ReviewState::Submitted)->size() == 1);
    CHECK(store->list()->size() == 3);
    auto waiting = store->waiting_review_after();
    REQUIRE(waiting);
    REQUIRE(waiting->size() == 1);
    CHECK(waiting->front().id == urgent->id);
}

TEST_CASE("review store: two connections approving at once: one wins, the other is told why")
{
    test::TempFolder folder;
    auto first_store = open_store(folder);
    auto second_store = open_store(folder); // as a second server process would
    auto change = first_store->create(dana, { 1, "{}", false }, 1);
    REQUIRE(change);
    REQUIRE(first_store->take_step(change->id, dana, ReviewStep::Submit, "", 2));
    for (int round = 0; round < 5; ++round) {
        CAPTURE(round);
        Result<ChangeRecord> by_rita = fail("not run");
        Result<ChangeRecord> by_ada = fail("not run");
        std::thread one([&] { by_rita = first_store->take_step(change->id, rita, ReviewStep::Approve, "", 3); });
        std::thread two([&] { by_ada = second_store->take_step(change->id, ada, ReviewStep::Approve, "", 3); });
        one.join();
        two.join();
        CHECK(by_rita.ok() != by_ada.ok());
        auto const& loser = by_rita ? by_ada : by_rita;
        CAPTURE(loser.error());
        CHECK(loser.error().find("it is approved") != std::string::npos);
        auto stored = first_store->find(change->id);
        REQUIRE(stored);
        CHECK(stored->approved_by == (by_rita ? "rita" : "ada"));
        // Back to submitted for the next round.
        REQUIRE(first_store->take_step(change->id, ada, ReviewStep::SendBack, "again", 4));
        REQUIRE(first_store->take_step(change->id, dana, ReviewStep::Edit, "", 5));
        REQUIRE(first_store->take_step(change->id, dana, ReviewStep::Submit, "", 6));
    }
}
