// `hallboard serve DIR --listen HOST:PORT --token-file FILE [--signing-key PREFIX.key]`: the embedded content
// server, until SIGTERM or SIGINT; with a signing key, also the desk (docs/desk.md).
#include "content/publish/admin_token.h"
#include "content/publish/key_files.h"
#include "content/server/content_server.h"
#include "player/app/command_line.h"
#include "player/app/commands.h"
#include "base/log.h"

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <thread>

namespace hallboard {

namespace {

struct ListenAddress {
    std::string host;
    int port = 0;
};

// "127.0.0.1:8080", "[::1]:8080", "0.0.0.0:0" (port 0: any free port, printed in the log).
std::optional<ListenAddress> parse_listen(const std::string& text)
{
    auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size() || text.size() - colon - 1 > 5)
        return std::nullopt;
    ListenAddress address;
    address.host = text.substr(0, colon);
    if (address.host.front() == '[' && address.host.back() == ']')
        address.host = address.host.substr(1, address.host.size() - 2);
    for (char c : text.substr(colon + 1)) {
        if (c < '0' || c > '9')
            return std::nullopt;
        address.port = address.port * 10 + (c - '0');
    }
    if (address.port > 65535 || address.host.empty())
        return std::nullopt;
    return address;
}

} // namespace

int run_serve(const std::vector<std::string>& arguments)
{
    auto command_line = parse_command_line(arguments, { { "--listen", "--token-file", "--signing-key" }, {} });
    if (!command_line)
        return exit_invalid;
    if (command_line->positional.size() != 1 || !command_line->has("--token-file")) {
        std::fputs(
            "usage: hallboard serve DIR --token-file FILE [--listen 127.0.0.1:8080] [--signing-key PREFIX.key]\n",
            stderr);
        return exit_invalid;
    }
    std::filesystem::path root = command_line->positional[0];
    std::error_code code;
    if (!std::filesystem::is_directory(root, code)) {
        std::fprintf(
            stderr, "error: %s: no such folder (give the folder `hallboard publish --out` wrote)\n", root.c_str());
        return exit_invalid;
    }
    auto listen_text = command_line->option("--listen", "127.0.0.1:8080");
    auto address = parse_listen(listen_text);
    if (!address) {
        std::fprintf(stderr, "error: --listen '%s' is not HOST:PORT (e.g. 127.0.0.1:8080)\n", listen_text.c_str());
        return exit_invalid;
    }
    std::vector<std::string> warnings;
    auto token = load_admin_token(command_line->option("--token-file"), warnings);
    if (!token) {
        std::fprintf(stderr, "error: %s\n", token.error().c_str());
        return exit_invalid;
    }
    for (auto const& warning : warnings)
        log_warning(warning);
    std::optional<SecretKey> signing_key;
    if (command_line->has("--signing-key")) {
        Diagnostics key_problems;
        signing_key = read_secret_key_file(command_line->option("--signing-key"), key_problems);
        if (report_diagnostics(key_problems) || !signing_key)
            return exit_invalid;
    }

    // Block the stop signals before any thread exists, so every thread inherits the mask and
    // only the watcher below receives them, synchronously, where it may call anything.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    ::signal(SIGPIPE, SIG_IGN); // a screen that hangs up mid-blob must not kill the server

    ServerOptions options;
    options.root = root;
    options.admin_token = *token;
    options.signing_key = std::move(signing_key);
    auto created = ContentServer::create(options);
    if (!created) {
        std::fprintf(stderr, "error: %s\n", created.error().c_str());
        return exit_failure;
    }
    auto server = std::move(*created);
    auto port = server->bind(address->host, address->port);
    if (!port) {
        std::fprintf(stderr, "error: %s\n", port.error().c_str());
        return exit_failure;
    }

    std::atomic<bool> finished { false };
    std::thread watcher([&] {
        int received = 0;
        sigwait(&stop_signals, &received);
        if (finished)
            return; // woken by the main thread after the server ended on its own
        log_info(std::string("stopping on ") + (received == SIGINT ? "SIGINT" : "SIGTERM"));
        server->stop();
    });

    std::string shown_host = address->host.find(':') != std::string::npos ? "[" + address->host + "]" : address->host;
    log_info("listening on http://" + shown_host + ":" + std::to_string(*port) + "/ serving " + root.string()
        + " (version " + std::to_string(server->tree().snapshot()->version) + ")");
    bool ok = server->run();
    finished = true;
    pthread_kill(watcher.native_handle(), SIGTERM); // harmless if the watcher has already returned
    watcher.join();
    server.reset();
    log_info(ok ? "stopped" : "the listening socket failed; stopped");
    return ok ? exit_ok : exit_failure;
}

} // namespace hallboard
