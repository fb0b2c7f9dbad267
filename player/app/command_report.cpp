// `hallboard report --server URL --token-file F --since DATE [--notice ID]`: proof of play —
// was a notice shown in every hall, and how many times, per hall and screen.
#include "content/heartbeat/heartbeat.h"
#include "content/heartbeat/play_coverage.h"
#include "base/local_time.h"
#include "player/app/command_line.h"
#include "player/app/commands.h"
#include "content/publish/status_query.h"
#include "base/terminal_text.h"
#include "base/text_table.h"

#include <cstdio>
#include <set>

namespace hallboard {

namespace {

constexpr char const* usage
    = "usage: hallboard report --server URL --token-file FILE --since YYYY-MM-DD [--notice ID]\n";

std::string minutes(std::uint64_t seconds)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", static_cast<double>(seconds) / 60.0);
    return text;
}

// Every text the server sent is printed through this (see command_screens.cpp): notice ids,
// screen ids and hall names may come from heartbeats stored before they were escaped.
std::string shown_field(const nlohmann::json& entry, const char* key)
{
    return escape_terminal_text(text_field(entry, key));
}

std::string times(std::uint64_t count)
{
    return std::to_string(count) + (count == 1 ? " time" : " times");
}

std::string plural(std::size_t count, const char* one, const char* many)
{
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

// Every screen heard from since the date, and the halls they are in.
std::vector<ReportingScreen> reporting_screens(const nlohmann::json& answer)
{
    std::vector<ReportingScreen> screens;
    if (auto list = answer.find("reporting"); list != answer.end() && list->is_array()) {
        for (auto const& entry : *list) {
            if (entry.is_object())
                screens.push_back({ shown_field(entry, "screen"), shown_field(entry, "hall") });
        }
    }
    return screens;
}

void print_notice(const nlohmann::json& notice, const std::vector<ReportingScreen>& reporting, bool list_absent)
{
    auto const& screens
        = notice.contains("screens") && notice["screens"].is_array() ? notice["screens"] : nlohmann::json::array();
    std::set<std::string> halls, screens_shown;
    TextTable table({ "hall", "screen", "shown", "minutes", "days" });
    for (auto const& entry : screens) {
        if (!entry.is_object())
            continue;
        auto hall = shown_field(entry, "hall");
        halls.insert(hall);
        screens_shown.insert(shown_field(entry, "screen"));
        table.add_row({ hall, shown_field(entry, "screen"), std::to_string(number_field(entry, "count")),
            minutes(number_field(entry, "seconds")), std::to_string(number_field(entry, "days")) });
    }
    std::printf("%s: shown %s, %s min, on %s in %s\n", shown_field(notice, "notice").c_str(),
        times(number_field(notice, "count")).c_str(), minutes(number_field(notice, "seconds")).c_str(),
        plural(screens_shown.size(), "screen", "screens").c_str(), plural(halls.size(), "hall", "halls").c_str());
    std::fputs(table.format(2).c_str(), stdout);
    if (!list_absent)
        return;

    auto coverage = play_coverage(reporting, screens_shown);
    if (coverage.absent.empty()) {
        std::printf("  shown on every screen that reported since then (%s in %s)\n",
            plural(reporting.size(), "screen", "screens").c_str(),
            plural(coverage.halls_reporting, "hall", "halls").c_str());
        return;
    }
    std::string line;
    for (auto const& screen : coverage.absent)
        line += (line.empty() ? "" : ", ") + screen.screen + " (" + screen.hall + ")";
    std::printf(
        "  not shown on %zu of %zu reporting screens: %s\n", coverage.absent.size(), reporting.size(), line.c_str());
    std::string missing_halls;
    for (auto const& hall : coverage.halls_without)
        missing_halls += (missing_halls.empty() ? "" : ", ") + hall;
    if (!missing_halls.empty())
        std::printf("  halls where it was not shown at all: %s\n", missing_halls.c_str());
}

} // namespace

int run_report(const std::vector<std::string>& arguments)
{
    auto command_line = parse_command_line(arguments, { { "--server", "--token-file", "--since", "--notice" }, {} });
    if (!command_line)
        return exit_invalid;
    if (!command_line->positional.empty() || !command_line->has("--server") || !command_line->has("--token-file")
        || !command_line->has("--since")) {
        std::fputs(usage, stderr);
        return exit_invalid;
    }
    auto since_text = command_line->option("--since");
    auto since = parse_date(since_text);
    if (!since) {
        std::fprintf(stderr, "error: --since '%s' is not a date (write it like 2026-11-23)\n", since_text.c_str());
        return exit_invalid;
    }
    std::optional<std::string> notice;
    if (command_line->has("--notice")) {
        notice = command_line->option("--notice");
        if (!is_valid_screen_id(*notice)) {
            std::fprintf(stderr, "error: --notice '%s' is not a notice id (lowercase letters, digits, '-' and '_')\n",
                notice->c_str());
            return exit_invalid;
        }
    }

    std::string path = "admin/report?since=" + format_date(*since) + (notice ? "&notice=" + *notice : std::string());
    int exit_status = exit_ok;
    auto answer
        = query_admin({ command_line->option("--server"), command_line->option("--token-file") }, path, exit_status);
    if (!answer)
        return exit_status;

    auto reporting = reporting_screens(*answer);
    std::set<std::string> reporting_halls;
    for (auto const& screen : reporting)
        reporting_halls.insert(screen.hall);
    std::printf("proof of play since %s (from midnight on the server's clock): %s in %s reported since then\n\n",
        format_date(*since).c_str(), plural(reporting.size(), "screen", "screens").c_str(),
        plural(reporting_halls.size(), "hall", "halls").c_str());

    auto const& notices = answer->contains("notices") && (*answer)["notices"].is_array() ? (*answer)["notices"]
                                                                                         : nlohmann::json::array();
    if (notices.empty()) {
        if (notice) {
            std::printf("%s: not shown on any screen since %s\n", notice->c_str(), format_date(*since).c_str());
            if (!reporting.empty()) {
                std::string line;
                for (auto const& screen : reporting)
                    line += (line.empty() ? "" : ", ") + screen.screen + " (" + screen.hall + ")";
                std::printf("  reporting screens without it: %s\n", line.c_str());
            }
        } else {
            std::printf("no notice was shown on any screen since %s\n", format_date(*since).c_str());
        }
        return exit_ok;
    }
    bool first = true;
    for (auto const& entry : notices) {
        if (!entry.is_object())
            continue;
        if (!first)
            std::puts("");
        first = false;
        print_notice(entry, reporting, notice.has_value());
    }
    return exit_ok;
}

} // namespace hallboard
