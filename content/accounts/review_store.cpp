// The review store: one row per change, editors and comments as JSON arrays.
#include "content/accounts/review_store.h"

#include "base/sqlite/sqlite_database.h"

#include <nlohmann/json.hpp>

namespace hallboard {

using sqlite::Statement;
using sqlite::Transaction;

namespace {

constexpr std::string_view schema = R"(
PRAGMA journal_mode = WAL;
CREATE TABLE IF NOT EXISTS changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    author TEXT NOT NULL,
    editors TEXT NOT NULL,
    state TEXT NOT NULL,
    outage_only INTEGER NOT NULL,
    review_after INTEGER NOT NULL,
    approved_by TEXT NOT NULL,
    published_by TEXT NOT NULL,
    published_version INTEGER NOT NULL,
    base_version INTEGER NOT NULL,
    change_set TEXT NOT NULL,
    conflicts TEXT NOT NULL,
    comments TEXT NOT NULL,
    created INTEGER NOT NULL,
    changed INTEGER NOT NULL
);
)";

constexpr std::string_view columns = "id, author, editors, state, outage_only, review_after, approved_by, "
                                     "published_by, published_version, base_version, change_set, conflicts, "
                                     "comments, created, changed";

std::string editors_json(const std::vector<std::string>& editors)
{
    return nlohmann::json(editors).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string comments_json(const std::vector<ReviewComment>& comments)
{
    auto list = nlohmann::json::array();
    for (auto const& comment : comments)
        list.push_back({ { "author", comment.author }, { "time", comment.time }, { "text", comment.text } });
    return list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

ChangeRecord change_from_row(const Statement& row)
{
    ChangeRecord change;
    change.id = row.integer(0);
    change.author = row.text(1);
    auto editors = nlohmann::json::parse(row.text(2), nullptr, false);
    if (editors.is_array()) {
        for (auto const& editor : editors) {
            if (editor.is_string())
                change.editors.push_back(editor.get<std::string>());
        }
    }
    change.state = parse_review_state(row.text(3)).value_or(ReviewState::Draft);
    change.outage_only = row.integer(4) != 0;
    change.review_after = row.integer(5) != 0;
    change.approved_by = row.text(6);
    change.published_by = row.text(7);
    change.published_version = row.integer(8);
    change.base_version = row.integer(9);
    change.change_set_json = row.text(10);
    change.conflicts = row.text(11);
    auto comments = nlohmann::json::parse(row.text(12), nullptr, false);
    if (comments.is_array()) {
        for (auto const& comment : comments) {
            if (!comment.is_object())
                continue;
            change.comments.push_back({ comment.value("author", std::string()),
                comment.value("time", std::int64_t { 0 }), comment.value("text", std::string()) });
        }
    }
    change.created = row.integer(13);
    change.changed = row.integer(14);
    return change;
}

} // namespace

ReviewStore::ReviewStore(std::unique_ptr<sqlite::Database> database)
    : m_database(std::move(database))
{
}

ReviewStore::~ReviewStore() = default;

Result<std::unique_ptr<ReviewStore>> ReviewStore::open(const std::filesystem::path& file)
{
    auto database = sqlite::Database::open(file, sqlite::Database::NewFile::OwnerOnly);
    if (!database)
        return std::move(database).take_error();
    if (!(*database)->execute(schema))
        return fail("cannot set up the review queue in " + file.string() + ": " + (*database)->last_error());
    return std::unique_ptr<ReviewStore>(new ReviewStore(std::move(*database)));
}

Result<ChangeRecord> ReviewStore::create(const Actor& author, const NewChange& content, std::int64_t now)
{
    if (!role_may(author.role, Action::Edit))
        return fail(permission_refusal(author.role, Action::Edit));
    std::lock_guard lock(m_mutex);
    auto statement = m_database->prepare(
        "INSERT INTO changes (author, editors, state, outage_only, review_after, approved_by, published_by, "
        "published_version, base_version, change_set, conflicts, comments, created, changed) "
        "VALUES (?1, ?2, 'draft', ?3, 0, '', '', 0, ?4, ?5, '', '[]', ?6, ?6)");
    if (!statement)
        return fail("cannot store the change: " + m_database->last_error());
    statement.bind(1, author.name)
        .bind(2, editors_json({ author.name }))
        .bind(3, std::int64_t { content.outage_only ? 1 : 0 })
        .bind(4, content.base_version)
        .bind(5, content.change_set_json)
        .bind(6, now);
    if (statement.step() != Statement::Step::Done)
        return fail("cannot store the change: " + m_database->last_error());
    auto id = m_database->query_integer("SELECT last_insert_rowid()").value_or(0);
    return find_locked(id);
}

Result<ChangeRecord> ReviewStore::find_locked(std::int64_t id)
{
    auto statement = m_database->prepare("SELECT " + std::string(columns) + " FROM changes WHERE id = ?1");
    if (!statement)
        return fail("cannot read changes: " + m_database->last_error());
    statement.bind(1, id);
    auto step = statement.step();
    if (step == Statement::Step::Error)
        return fail("cannot read changes: " + m_database->last_error());
    if (step == Statement::Step::Done)
        return fail("there is no change " + std::to_string(id));
    return change_from_row(statement);
}

Result<ChangeRecord> ReviewStore::find(std::int64_t id)
{
    std::lock_guard lock(m_mutex);
    return find_locked(id);
}

Result<std::vector<ChangeRecord>> ReviewStore::list(std::optional<ReviewState> state)
{
    std::lock_guard lock(m_mutex);
    auto statement = m_database->prepare(
        "SELECT " + std::string(columns) + " FROM changes WHERE ?1 IS NULL OR state = ?1 ORDER BY id");
    if (!statement)
        return fail("cannot read changes: " + m_database->last_error());
    if (state)
        statement.bind(1, review_state_name(*state));
    else
        statement.bind_null(1);
    std::vector<ChangeRecord> changes;
    for (;;) {
        auto step = statement.step();
        if (step == Statement::Step::Done)
            return changes;
        if (step == Statement::Step::Error)
            return fail("cannot read changes: " + m_database->last_error());
        changes.push_back(change_from_row(statement));
    }
}

Result<std::vector<ChangeRecord>> ReviewStore::waiting_review_after()
{
    auto published = list(ReviewState::Published);
    if (!published)
        return published;
    std::vector<ChangeRecord> waiting;
    for (auto& change : *published) {
        if (change.review_after)
            waiting.push_back(std::move(change));
    }
    return waiting;
}

Result<void> ReviewStore::save_locked(const ChangeRecord& change)
{
    auto statement = m_database->prepare(
        "UPDATE changes SET editors = ?2, state = ?3, outage_only = ?4, review_after = ?5, approved_by = ?6, "
        "published_by = ?7, published_version = ?8, base_version = ?9, change_set = ?10, conflicts = ?11, "
        "comments = ?12, changed = ?13 WHERE id = ?1");
    if (!statement)
        return fail("cannot store the change: " + m_database->last_error());
    statement.bind(1, change.id)
        .bind(2, editors_json(change.editors))
        .bind(3, review_state_name(change.state))
        .bind(4, std::int64_t { change.outage_only ? 1 : 0 })
        .bind(5, std::int64_t { change.review_after ? 1 : 0 })
        .bind(6, change.approved_by)
        .bind(7, change.published_by)
        .bind(8, change.published_version)
        .bind(9, change.base_version)
        .bind(10, change.change_set_json)
        .bind(11, change.conflicts)
        .bind(12, comments_json(change.comments))
        .bind(13, change.changed);
    if (statement.step() != Statement::Step::Done)
        return fail("cannot store the change: " + m_database->last_error());
    return Ok {};
}

Result<ReviewTransition> ReviewStore::check(
    std::int64_t id, const Actor& actor, ReviewStep step, std::string_view comment)
{
    auto change = find(id);
    if (!change)
        return std::move(change).take_error();
    return check_review_step(*change, actor, step, comment);
}

Result<ChangeRecord> ReviewStore::take_step(std::int64_t id, const Actor& actor, ReviewStep step,
    std::string_view comment, std::int64_t now, std::int64_t published_version)
{
    std::lock_guard lock(m_mutex);
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return fail("cannot start a transaction: " + m_database->last_error());
    auto change = find_locked(id);
    if (!change)
        return change;
    auto transition = check_review_step(*change, actor, step, comment);
    if (!transition)
        return std::move(transition).take_error();
    auto updated = apply_review_step(std::move(*change), actor, step, *transition, comment, now);
    if ((step == ReviewStep::Publish || step == ReviewStep::UrgentPublish) && published_version > 0)
        updated.published_version = published_version;
    if (auto saved = save_locked(updated); !saved)
        return std::move(saved).take_error();
    if (!transaction.commit())
        return fail("cannot store the change: " + m_database->last_error());
    return updated;
}

Result<ChangeRecord> ReviewStore::edit(std::int64_t id, const Actor& actor, const NewChange& content, std::int64_t now)
{
    std::lock_guard lock(m_mutex);
    Transaction transaction(*m_database);
    if (!transaction.begun())
        return fail("cannot start a transaction: " + m_database->last_error());
    auto change = find_locked(id);
    if (!change)
        return change;
    auto transition = check_review_step(*change, actor, ReviewStep::Edit);
    if (!transition)
        return std::move(transition).take_error();
    auto updated = apply_review_step(std::move(*change), actor, ReviewStep::Edit, *transition, {}, now);
    updated.base_version = content.base_version;
    updated.change_set_json = content.change_set_json;
    updated.outage_only = content.outage_only;
    updated.conflicts.clear();
    if (auto saved = save_locked(updated); !saved)
        return std::move(saved).take_error();
    if (!transaction.commit())
        return fail("cannot store the change: " + m_database->last_error());
    return updated;
}

Result<ChangeRecord> ReviewStore::return_with_conflicts(std::int64_t id, std::string conflicts, std::int64_t now)
{
    std::lock_guard lock(m_mutex);
    auto change = find_locked(id);
    if (!change)
        return change;
    auto updated = hallboard::return_with_conflicts(std::move(*change), std::move(conflicts), now);
    if (auto saved = save_locked(updated); !saved)
        return std::move(saved).take_error();
    return updated;
}

} // namespace hallboard
