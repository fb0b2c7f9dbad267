// A test helper: serves a published tree like a static web server, but dribbles blob bytes at a
// set rate, so that a test can kill a sync in the middle of a download.
// usage: hallboard_slow_server TREE [--bytes-per-second N]   (0 or left out: full speed)
// Prints "listening on http://127.0.0.1:PORT" and one line per request to stderr; runs until killed.
#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <thread>

namespace {

std::optional<std::string> read_file(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Serves `relative` inside `tree` (the routes allow only fixed names and hex blob names).
void serve_file(
    const std::filesystem::path& tree, const std::string& relative, const char* type, httplib::Response& response)
{
    auto bytes = read_file(tree / relative);
    if (!bytes) {
        response.status = 404;
        return;
    }
    response.set_content(*bytes, type);
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 2 && argc != 4) {
        std::fputs("usage: hallboard_slow_server TREE [--bytes-per-second N]\n", stderr);
        return 2;
    }
    std::filesystem::path tree = argv[1];
    size_t rate = argc == 4 ? std::strtoul(argv[3], nullptr, 10) : 0;

    httplib::Server server;
    server.set_logger([](const httplib::Request& request, const httplib::Response& response) {
        std::fprintf(stderr, "%s %s %d\n", request.method.c_str(), request.path.c_str(), response.status);
        std::fflush(stderr);
    });
    server.Get("/(manifest\\.json(\\.sig)?)", [&](const httplib::Request& request, httplib::Response& response) {
        serve_file(tree, request.matches[1], "application/json", response);
    });
    server.Get("/(versions/[0-9]+/manifest\\.json(\\.sig)?)",
        [&](const httplib::Request& request, httplib::Response& response) {
            serve_file(tree, request.matches[1], "application/json", response);
        });
    server.Get("/blobs/([0-9a-f]{64})", [&](const httplib::Request& request, httplib::Response& response) {
        auto bytes = read_file(tree / "blobs" / request.matches[1].str());
        if (!bytes) {
            response.status = 404;
            return;
        }
        std::fprintf(stderr, "sending blob %s slowly\n", request.matches[1].str().c_str());
        std::fflush(stderr);
        auto shared = std::make_shared<std::string>(std::move(*bytes));
        response.set_content_provider(shared->size(), "application/octet-stream",
            [shared, rate](size_t offset, size_t length, httplib::DataSink& sink) {
                // A tenth of a second's worth at a time.
                size_t piece = rate ? std::min(length, std::max<size_t>(rate / 10, 1)) : length;
                if (!sink.write(shared->data() + offset, piece))
                    return false;
                if (rate)
                    std::this_thread::sleep_for(std::chrono::milliseconds(100));
                return true;
            });
    });

    int port = server.bind_to_any_port("127.0.0.1");
    if (port <= 0) {
        std::fputs("cannot listen on 127.0.0.1\n", stderr);
        return 1;
    }
    std::fprintf(stderr, "listening on http://127.0.0.1:%d\n", port);
    std::fflush(stderr);
    return server.listen_after_bind() ? 0 : 1;
}
