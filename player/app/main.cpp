// hallboard: the entry point; dispatches to the commands and reports errors once, at the top.
#include "player/app/command_line.h"
#include "player/app/commands.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

#include <unistd.h>

static void print_usage(std::FILE* out)
{
    std::fputs("usage: hallboard COMMAND [options]\n"
               "\n"
               "commands:\n"
               "  check PATH... [--size WxH]     validate content sources, screen configs and themes;\n"
               "                                 with --size (and --config), also lay out every slide\n"
               "  render --config FILE --out DIR [--size WxH] [--at \"YYYY-MM-DD HH:MM\"] [--source DIR]\n"
               "                                 write every slide page as PNG plus a contact sheet index.png\n"
               "  play --config FILE [--source DIR] [--exit-after DURATION]\n"
               "                                 show the hall screen (Esc or Q quits); with content.server,\n"
               "                                 play the cached content at once and sync in the background\n"
               "  bench --config FILE [--size WxH] [--frames N] [--source DIR]\n"
               "                                 measure frame times, slide changes and memory offscreen\n"
               "  keygen --out PREFIX            make the key pair that signs published content\n"
               "                                 (PREFIX.key, secret, owner-only; PREFIX.pub for screen configs)\n"
               "  publish SRC --key PREFIX.key --out DIR [--dry-run]\n"
               "                                 validate SRC like check, then write it to DIR as a signed\n"
               "                                 static tree (--dry-run: list what would change, write nothing)\n"
               "  publish SRC --key PREFIX.key --to URL --token-file FILE [--dry-run] [--limit-rate RATE]\n"
               "                                 the same, uploaded to a `serve` server: only the blobs it lacks,\n"
               "                                 then the manifest, refused if someone published in between\n"
               "  publish --rollback N --key PREFIX.key --to URL --token-file FILE [--dry-run]\n"
               "                                 republish version N's content as a new, higher version\n"
               "  serve DIR --token-file FILE [--listen 127.0.0.1:8080] [--signing-key PREFIX.key]\n"
               "                                 serve a published tree to screens, with an admin API for publish\n"
               "                                 (with --signing-key, also the desk: pull, versions, restore)\n"
               "  sync --config FILE [--once] [--cache DIR]\n"
               "                                 pull the screen's content from its content.server into its cache\n"
               "                                 (--once: one poll; exit 0 when the cache holds the current version)\n"
               "  screens --server URL --token-file FILE [--interval DURATION]\n"
               "                                 list the screens reporting to a `serve` server: version, last seen,\n"
               "                                 and stale, behind, sync failing (--interval: judge staleness by it)\n"
               "  report --server URL --token-file FILE --since YYYY-MM-DD [--notice ID]\n"
               "                                 proof of play: how often each notice was shown, per hall and screen\n"
               "  thumbnail --server URL --token-file FILE --screen ID --out FILE.png [--wait DURATION]\n"
               "                                 a picture of what a screen shows now (sent after its next heartbeat)\n"
               "  users add|list|disable|enable|passwd|token|revoke-token ... --tree DIR\n"
               "                                 the content desk's accounts (drafter, reviewer, admin) and their\n"
               "                                 API tokens, kept in DIR/state/ (hallboard users: details)\n"
               "  audit --tree DIR [--since YYYY-MM-DD] [--user NAME]\n"
               "                                 the desk's audit log: who did what, when, from where, and the result\n"
               "\n"
               "the desk (a server started with serve ... --signing-key PREFIX.key; docs/desk.md):\n"
               "  pull --from URL --token-file FILE DIR [--take-server ID,...] [--keep-mine ID,...]\n"
               "                                 the server's source into DIR, merged with DIR's own edits;\n"
               "                                 conflicts are shown with both sides and nothing is written\n"
               "  publish DIR --to URL --token-file FILE [--message TEXT]\n"
               "                                 for a pulled DIR: send only what DIR changed since it was pulled\n"
               "  publish --withdraw ID --to URL --token-file FILE [--message TEXT]\n"
               "                                 take one notice off the screens\n"
               "  versions --server URL --token-file FILE [--limit N] [--before N]\n"
               "                                 the history: who published what, when and why\n"
               "  restore N --server URL --token-file FILE [--message TEXT]\n"
               "                                 a new version whose source is version N's\n"
               "\n"
               "exit status: 0 ok, 1 run-time failure, 2 invalid input or usage\n",
        out);
}

int main(int argc, char** argv)
{
    if (argc < 2) {
        print_usage(stderr);
        return 2;
    }
    std::string command = argv[1];
    std::vector<std::string> arguments(argv + 2, argv + argc);
    try {
        if (command == "check")
            return hallboard::run_check(arguments);
        if (command == "render")
            return hallboard::run_render(arguments);
        if (command == "play") {
            int status = hallboard::run_play(arguments);
            if (status != hallboard::exit_restart)
                return status;
            // Everything was shut down in order (the cache lock released, the window closed);
            // the same PID goes on, which is what systemd and a test's `kill $pid` expect.
            std::fflush(nullptr);
            execv("/proc/self/exe", argv);
            std::fprintf(
                stderr, "error: cannot restart the player to apply the new config: %s\n", std::strerror(errno));
            return hallboard::exit_failure;
        }
        if (command == "bench")
            return hallboard::run_bench(arguments);
        if (command == "keygen")
            return hallboard::run_keygen(arguments);
        if (command == "publish")
            return hallboard::run_publish(arguments);
        if (command == "serve")
            return hallboard::run_serve(arguments);
        if (command == "sync")
            return hallboard::run_sync(arguments);
        if (command == "screens")
            return hallboard::run_screens(arguments);
        if (command == "report")
            return hallboard::run_report(arguments);
        if (command == "thumbnail")
            return hallboard::run_thumbnail(arguments);
        if (command == "users")
            return hallboard::run_users(arguments);
        if (command == "audit")
            return hallboard::run_audit(arguments);
        if (command == "pull")
            return hallboard::run_pull(arguments);
        if (command == "versions")
            return hallboard::run_versions(arguments);
        if (command == "restore")
            return hallboard::run_restore(arguments);
        if (command == "help" || command == "--help" || command == "-h") {
            print_usage(stdout);
            return 0;
        }
        if (command == "version" || command == "--version") {
            std::puts("hallboard 0.1.0");
            return 0;
        }
    } catch (std::exception const& exception) {
        // Modules report errors as values; this is the last line of defence.
        std::fprintf(stderr, "error: %s\n", exception.what());
        return 1;
    }
    std::fprintf(stderr, "error: unknown command '%s'\n\n", command.c_str());
    print_usage(stderr);
    return 2;
}
