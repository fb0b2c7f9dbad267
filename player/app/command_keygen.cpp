// `hallboard keygen --out PREFIX`: makes the Ed25519 key pair that signs published content.
#include "player/app/command_line.h"
#include "player/app/commands.h"

#include "content/publish/key_files.h"

#include <cstdio>

namespace hallboard {

int run_keygen(const std::vector<std::string>& arguments)
{
    auto command_line = parse_command_line(arguments, { { "--out" }, {} });
    if (!command_line)
        return exit_invalid;
    if (!command_line->positional.empty() || !command_line->has("--out") || command_line->option("--out").empty()) {
        std::fprintf(stderr, "usage: hallboard keygen --out PREFIX   (writes PREFIX.key and PREFIX.pub)\n");
        return exit_invalid;
    }
    auto prefix = std::filesystem::path(command_line->option("--out"));
    auto pair = generate_key_pair();
    if (!pair) {
        std::fprintf(stderr, "error: the cryptography library (libsodium) cannot start, so no key can be made\n");
        return exit_failure;
    }
    Diagnostics diagnostics;
    auto failure = write_key_files(prefix, *pair, diagnostics);
    report_diagnostics(diagnostics);
    if (failure == KeyWriteFailure::AlreadyExists || failure == KeyWriteFailure::NoFolder)
        return exit_invalid;
    if (failure != KeyWriteFailure::None)
        return exit_failure;
    auto paths = key_file_paths(prefix);
    auto public_text = public_key_text(pair->public_key);
    std::printf("wrote %s (the secret key: only its owner can read it; keep it private and keep a backup)\n"
                "wrote %s (the public key)\n"
                "public key: %s\n"
                "put it into every screen config that shows this content:\n"
                "  content:\n"
                "    public_key: %s\n",
        paths.secret.string().c_str(), paths.public_key.string().c_str(), public_text.c_str(), public_text.c_str());
    return exit_ok;
}

} // namespace hallboard
