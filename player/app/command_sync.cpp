// `hallboard sync --config FILE [--once] [--cache DIR]`: a screen's content sync in the foreground.
#include "player/app/command_line.h"
#include "player/app/commands.h"
#include "base/log.h"
#include "player/sync/content_sync.h"
#include "player/sync/sync_report.h"
#include "player/sync/sync_thread.h"

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <thread>

namespace hallboard {

namespace {

constexpr char const* usage = "usage: hallboard sync --config FILE [--once] [--cache DIR]\n";

std::string holds(const sync::ContentSync& content_sync)
{
    auto version = content_sync.version();
    return content_sync.cache().root().string()
        + (version ? " holds version " + std::to_string(version) : std::string(" holds no content"));
}

int run_once(sync::ContentSync& content_sync)
{
    auto result = content_sync.run_cycle({});
    auto const& server = content_sync.settings().server;
    switch (result.outcome) {
    case sync::CycleOutcome::UpToDate:
        std::printf("up to date: version %llu is the current version of %s\n%s\n",
            static_cast<unsigned long long>(result.version), server.c_str(), holds(content_sync).c_str());
        return exit_ok;
    case sync::CycleOutcome::Updated:
        std::printf("updated to version %llu from %s (%d blob(s), %s downloaded)\n%s\n",
            static_cast<unsigned long long>(result.version), server.c_str(), result.blobs_downloaded,
            sync::format_bytes(result.blob_bytes).c_str(), holds(content_sync).c_str());
        return exit_ok;
    case sync::CycleOutcome::Failed:
        break;
    }
    std::fprintf(
        stderr, "error: %s\n%s, not the server's current version\n", result.error.c_str(), holds(content_sync).c_str());
    return exit_failure;
}

// Polls until SIGTERM or SIGINT, as a screen's player would, without a screen.
int run_loop(std::unique_ptr<sync::ContentSync> content_sync)
{
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr); // before any thread starts, so all inherit it

    auto poll = content_sync->settings().poll;
    auto server = content_sync->settings().server;
    sync::SyncThread thread(std::move(content_sync), {});
    log_info("sync: polling " + server + " every " + std::to_string(poll.count() / 1000)
        + " s; stop with Ctrl-C or SIGTERM");
    thread.start();
    int received = 0;
    sigwait(&stop_signals, &received);
    log_info(std::string("sync: stopping on ") + (received == SIGINT ? "SIGINT" : "SIGTERM"));
    thread.stop();
    return exit_ok;
}

} // namespace

int run_sync(const std::vector<std::string>& arguments)
{
    auto command_line = parse_command_line(arguments, { { "--config", "--cache" }, { "--once" } });
    if (!command_line)
        return exit_invalid;
    if (!command_line->positional.empty() || !command_line->has("--config")) {
        std::fputs(usage, stderr);
        return exit_invalid;
    }
    Diagnostics diagnostics;
    auto config = load_screen_config(command_line->option("--config"), diagnostics);
    if (!config) {
        report_diagnostics(diagnostics);
        return exit_invalid;
    }
    auto settings = sync::sync_settings_from(*config);
    if (!settings) {
        std::fprintf(stderr, "error: %s\n", settings.error().c_str());
        return exit_invalid;
    }
    if (command_line->has("--cache")) {
        auto cache = command_line->option("--cache");
        if (cache.empty()) {
            std::fputs("error: --cache needs a folder\n", stderr);
            return exit_invalid;
        }
        settings->cache = std::filesystem::absolute(cache).lexically_normal();
    }
    ::signal(SIGPIPE, SIG_IGN);
    auto content_sync = sync::ContentSync::open(std::move(*settings));
    if (!content_sync) {
        std::fprintf(stderr, "error: %s\n", content_sync.error().c_str());
        return exit_failure;
    }
    if (command_line->has("--once"))
        return run_once(**content_sync);
    return run_loop(std::move(*content_sync));
}

} // namespace hallboard
