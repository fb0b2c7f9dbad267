// What the desk commands (pull, publish with a pull record, versions, restore) share: the
// server, token and author from the command line, and how a refusal is said.
#pragma once

#include "content/desk/desk_client.h"
#include "player/app/command_line.h"

#include <optional>
#include <string>

namespace hallboard {

struct DeskTarget {
    std::string url;
    std::string token;
    std::string author; // --author, else $USER when it is a plain name; empty: the server says "admin"
};

// Reads --token-file (and --author) for the server at `url`; prints why not and gives nullopt.
std::optional<DeskTarget> read_desk_target(const CommandLine& command_line, const std::string& url);

// "error: ..." for a failed desk request, with advice for 401 and an unreachable server.
void say_desk_problem(const std::string& doing, const std::string& url, const desk::DeskProblem& problem);

// One line per notice list of a version: "+outage ~welcome -safety".
std::string notice_changes_line(const std::vector<std::string>& added, const std::vector<std::string>& changed,
    const std::vector<std::string>& withdrawn);

} // namespace hallboard

namespace hallboard {

// The exit status of `publish` when it goes to the desk (--withdraw ID, or a folder with a pull
// record); nullopt when it is a publish as before. `usage` is printed with a refusal.
std::optional<int> publish_through_desk(const CommandLine& command_line, const char* usage);
// True (said on stderr) when `publish --rollback N --to URL` goes to a server running the desk:
// a republished manifest has no source there and would stop the desk; `restore N` is the way.
bool refuse_rollback_on_desk(const CommandLine& command_line, std::uint64_t version);
// `publish DIR --to URL` for a folder with a pull record: only the change since its base.
int publish_folder_to_desk(const CommandLine& command_line);
// `publish --withdraw ID --to URL`: a change withdrawing one notice from the current version.
int withdraw_on_desk(const CommandLine& command_line);

} // namespace hallboard
