// The audit log: appended whole lines, read back despite a torn last line, printed escaped.
#include "content/accounts/audit_log.h"
#include "temp_folder.h"

#include <sys/stat.h>

#include <doctest/doctest.h>

using namespace hallboard;

namespace {

AuditEntry entry(std::int64_t time, std::string user, std::string action, std::string result = "ok")
{
    return { time, std::move(user), std::move(action), "change 3", std::move(result), "10.0.0.7" };
}

} // namespace

TEST_CASE("audit: one JSON line per entry, UTC time, fields in a fixed order")
{
    CHECK(audit_time_text(0) == "1970-01-01T00:00:00Z");
    CHECK(audit_time_text(1796526307) == "2026-12-06T03:05:07Z");
    CHECK(audit_line(entry(1796526307, "rita", "approve"))
        == "{\"time\":\"2026-12-06T03:05:07Z\",\"user\":\"rita\",\"action\":\"approve\",\"subject\":\"change 3\","
           "\"result\":\"ok\",\"address\":\"10.0.0.7\"}\n");
    // Text that could break the line is escaped by JSON; invalid UTF-8 is replaced.
    auto line = audit_line(entry(1, "a\nb", "login", refused("wrong \xff")));
    CHECK(line.find('\n') == line.size() - 1);
    CHECK(line.find("a\\nb") != std::string::npos);
    CHECK(parse_audit_log(line).entries.size() == 1);
}

TEST_CASE("audit: appended, never truncated, private; two writers on one file interleave whole lines")
{
    test::TempFolder folder;
    auto file = folder / "audit.log";
    {
        auto log = AuditLog::open(file);
        REQUIRE(log);
        REQUIRE((*log)->append(entry(100, "dana", "submit")));
    }
    struct stat status { };
    REQUIRE(::stat(file.c_str(), &status) == 0);
    CHECK((status.st_mode & 0777) == 0600);
    auto first = AuditLog::open(file);
    auto second = AuditLog::open(file); // the server and a `users` command at once
    REQUIRE(first);
    REQUIRE(second);
    for (int i = 0; i < 10; ++i) {
        REQUIRE((*first)->append(entry(200 + i, "rita", "approve")));
        REQUIRE((*second)->append(entry(300 + i, "console:root", "user_add")));
    }
    auto reading = read_audit_log(file);
    REQUIRE(reading);
    CHECK(reading->entries.size() == 21);
    CHECK(reading->problems.empty());
    CHECK_FALSE(reading->torn_last_line);
    CHECK(reading->entries[0] == entry(100, "dana", "submit"));
    CHECK(reading->entries[20] == entry(309, "console:root", "user_add"));
}

TEST_CASE("audit: a torn last line (power loss mid-write) and a damaged line are skipped and said")
{
    auto text = audit_line(entry(1, "a", "login")) + "{\"time\":\"garbage\n" + audit_line(entry(2, "b", "edit"))
        + audit_line(entry(3, "c", "submit")).substr(0, 30);
    auto reading = parse_audit_log(text);
    REQUIRE(reading.entries.size() == 2);
    CHECK(reading.entries[0].user == "a");
    CHECK(reading.entries[1].user == "b");
    CHECK(reading.torn_last_line);
    REQUIRE(reading.problems.size() == 1);
    CHECK(reading.problems[0] == "line 2: not an audit entry");

    // Appended to straight after the torn bytes, the joined line is damaged and reported, and
    // the ones after it read fine (AuditLog::open avoids even that loss: see below).
    auto after = text + audit_line(entry(4, "d", "approve")) + audit_line(entry(5, "e", "publish"));
    auto later = parse_audit_log(after);
    CHECK(later.entries.size() == 3);
    CHECK(later.entries.back().user == "e");
    CHECK_FALSE(later.torn_last_line);
    CHECK(later.problems.size() == 2);

    // Reopened after the power loss, the log ends the torn line first, so the next entry is whole.
    test::TempFolder folder;
    folder.write("audit.log", text);
    {
        auto log = AuditLog::open(folder / "audit.log");
        REQUIRE(log);
        REQUIRE((*log)->append(entry(4, "d", "approve")));
    }
    auto reopened = read_audit_log(folder / "audit.log");
    REQUIRE(reopened);
    CHECK(reopened->entries.size() == 3);
    CHECK(reopened->entries.back().user == "d");
    CHECK_FALSE(reopened->torn_last_line);
    CHECK(reopened->problems.size() == 2);

    auto missing = read_audit_log(folder / "none.log");
    REQUIRE(missing);
    CHECK(missing->entries.empty());
}

TEST_CASE("audit: filtered by time and user; printed with control characters escaped")
{
    std::vector<AuditEntry> entries = { entry(100, "rita", "approve"), entry(200, "dana", "submit"),
        entry(300, "rita\x1b]0;pwned\x07", "login", refused("wrong user name or password\r\nforged line")) };
    CHECK(filter_audit(entries, { 200, std::nullopt }).size() == 2);
    CHECK(filter_audit(entries, { std::nullopt, "rita" }).size() == 1);
    CHECK(filter_audit(entries, { 150, "dana" }).size() == 1);
    auto table = format_audit_table(entries);
    CHECK(table.find('\x1b') == std::string::npos);
    CHECK(table.find('\r') == std::string::npos);
    CHECK(table.find("rita\\x1b]0;pwned\\x07") != std::string::npos);
    CHECK(table.find("1970-01-01T00:05:00Z") != std::string::npos);
    size_t lines = 0;
    for (char c : table)
        lines += c == '\n';
    CHECK(lines == 4); // heading + 3 rows: nothing forged a line
}

TEST_CASE("audit: anything shaped like an API token is blanked")
{
    auto line = audit_line({ 1, "rita", "authenticate", "token hbu_AbC-12_xyz",
        refused("header was Bearer hbu_SeCrEt_tOkEn-123 then"), "local" });
    CHECK(line.find("SeCrEt") == std::string::npos);
    CHECK(line.find("AbC") == std::string::npos);
    CHECK(line.find("hbu_[hidden] then") != std::string::npos);
}
