// `hallboard thumbnail --server URL --token-file F --screen ID --out FILE [--wait 3m]`: a picture
// of what a screen shows now. Asks the server for one, waits until the screen has sent it (after
// its next heartbeat) and writes it to FILE.
#include "player/app/command_line.h"
#include "player/app/commands.h"
#include "content/publish/status_query.h"

#include "base/durable_files.h"
#include "base/terminal_text.h"

#include <chrono>
#include <cstdio>
#include <thread>

namespace hallboard {

namespace {

constexpr char const* usage
    = "usage: hallboard thumbnail --server URL --token-file FILE --screen ID --out FILE.png [--wait DURATION]\n";
// A screen answers after its next heartbeat: with the default 60 s interval, within a minute
// and the upload; three intervals is when it would count as stale anyway.
constexpr std::chrono::seconds default_wait { 180 };
constexpr std::chrono::milliseconds poll_every { 1000 };

// When the screen's stored thumbnail was taken (Hallboard-Taken-At); empty when it has none.
std::string taken_at(const net::Response& stored)
{
    return stored.status == 200 ? stored.header("hallboard-taken-at") : std::string();
}

} // namespace

int run_thumbnail(const std::vector<std::string>& arguments)
{
    auto command_line
        = parse_command_line(arguments, { { "--server", "--token-file", "--screen", "--out", "--wait" }, {} });
    if (!command_line)
        return exit_invalid;
    for (auto const* required : { "--server", "--token-file", "--screen", "--out" }) {
        if (!command_line->has(required) || !command_line->positional.empty()) {
            std::fputs(usage, stderr);
            return exit_invalid;
        }
    }
    auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(default_wait);
    if (command_line->has("--wait")) {
        auto parsed = parse_duration(command_line->option("--wait"));
        if (!parsed) {
            std::fprintf(stderr, "error: --wait '%s' is not a duration (e.g. 90s, 5m)\n",
                command_line->option("--wait").c_str());
            return exit_invalid;
        }
        wait = *parsed;
    }
    StatusQuery const query { command_line->option("--server"), command_line->option("--token-file") };
    std::string const screen = command_line->option("--screen");
    std::string const path = "admin/screens/" + screen + "/thumbnail";
    // Absolute, so that a bare file name still has a folder to flush ("thumb.png" has none).
    std::filesystem::path const out = std::filesystem::absolute(command_line->option("--out"));

    int exit_status = exit_failure;
    auto before = admin_request(query, net::Method::Get, path, { 200, 404 }, exit_status);
    if (!before)
        return exit_status;
    if (!admin_request(query, net::Method::Post, path + "-request", { 202 }, exit_status))
        return exit_status;
    std::printf("asked screen '%s' for a thumbnail; it sends one after its next heartbeat (waiting up to %lld s)\n",
        screen.c_str(), static_cast<long long>(std::chrono::duration_cast<std::chrono::seconds>(wait).count()));
    std::fflush(stdout);

    auto const give_up = std::chrono::steady_clock::now() + wait;
    while (std::chrono::steady_clock::now() < give_up) {
        std::this_thread::sleep_for(poll_every);
        auto now = admin_request(query, net::Method::Get, path, { 200, 404 }, exit_status);
        if (!now)
            return exit_status;
        if (now->status != 200 || taken_at(*now) == taken_at(*before))
            continue; // not yet: the screen's next heartbeat has not come
        if (auto written = durable::write_file(out, now->body); !written) {
            std::fprintf(stderr, "error: cannot write %s: %s\n", out.string().c_str(), written.error().c_str());
            return exit_failure;
        }
        std::printf("wrote %s (%zu bytes), taken at %s\n", out.string().c_str(), now->body.size(),
            escape_terminal_text(taken_at(*now)).c_str()); // the server's header, printed as text only
        return exit_ok;
    }
    std::fprintf(stderr,
        "error: screen '%s' sent no thumbnail within %lld s: is it running and reaching the server? "
        "(hallboard screens shows when it was last seen)\n",
        screen.c_str(), static_cast<long long>(std::chrono::duration_cast<std::chrono::seconds>(wait).count()));
    return exit_failure;
}

} // namespace hallboard
