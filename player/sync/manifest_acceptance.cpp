// Signature, strict parse and the version rule for a downloaded manifest.
#include "player/sync/manifest_acceptance.h"

#include <cctype>
#include <limits>

namespace hallboard::sync {

std::optional<std::string> check_signature(
    std::string_view bytes, const std::optional<Signature>& signature, const PublicKey* key)
{
    if (!key)
        return std::nullopt;
    if (!signature)
        return "it is not signed, and this screen accepts only content signed with its public_key";
    if (!verify_detached(bytes, *signature, *key))
        return "its signature does not verify with this screen's public_key (forged, damaged, or signed with another "
               "key)";
    return std::nullopt;
}

std::string summarise_problems(const Diagnostics& diagnostics)
{
    for (auto const& diagnostic : diagnostics.all()) {
        if (diagnostic.severity != Severity::Error)
            continue;
        auto line = format_diagnostic(diagnostic);
        int more = diagnostics.error_count() - 1;
        if (more > 0)
            line += " (and " + std::to_string(more) + " more problem(s))";
        return line;
    }
    return "it cannot be read";
}

std::optional<std::uint64_t> peek_manifest_version(std::string_view bytes)
{
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    size_t i = 0;
    auto skip_space = [&] {
        while (i < bytes.size() && is_space(bytes[i]))
            ++i;
    };
    int depth = 0;
    bool expect_key = false;
    while (i < bytes.size()) {
        char c = bytes[i];
        if (c == '"') {
            size_t start = ++i;
            while (i < bytes.size() && bytes[i] != '"')
                i += bytes[i] == '\\' ? 2 : 1;
            if (i >= bytes.size())
                return std::nullopt;
            auto text = bytes.substr(start, i - start);
            ++i;
            if (depth != 1 || !expect_key)
                continue;
            expect_key = false;
            skip_space();
            if (i >= bytes.size() || bytes[i] != ':')
                return std::nullopt;
            ++i;
            if (text != "version")
                continue;
            skip_space();
            std::uint64_t value = 0;
            size_t digits = 0;
            for (; i < bytes.size() && std::isdigit(static_cast<unsigned char>(bytes[i])); ++i, ++digits) {
                auto digit = static_cast<std::uint64_t>(bytes[i] - '0');
                if (value > (std::numeric_limits<std::uint64_t>::max() - digit) / 10)
                    return std::nullopt;
                value = value * 10 + digit;
            }
            skip_space();
            bool ends = i < bytes.size() && (bytes[i] == ',' || bytes[i] == '}');
            if (digits == 0 || !ends)
                return std::nullopt;
            return value;
        }
        if (c == '{' || c == '[') {
            ++depth;
            expect_key = depth == 1 && c == '{';
        } else if (c == '}' || c == ']') {
            --depth;
            expect_key = false;
        } else if (c == ',') {
            expect_key = depth == 1;
        }
        ++i;
    }
    return std::nullopt;
}

Judgement judge_manifest(
    std::string_view bytes, const std::optional<Signature>& signature, const PublicKey* key, CurrentVersion current)
{
    Judgement judgement;
    judgement.claimed_version = peek_manifest_version(bytes).value_or(0);
    if (current.version > 0 && bytes == current.bytes) {
        judgement.verdict = Verdict::UpToDate;
        return judgement;
    }
    if (auto problem = check_signature(bytes, signature, key)) {
        judgement.problem = "manifest.json: " + *problem;
        return judgement;
    }
    Diagnostics diagnostics;
    auto manifest = manifest_from_json(bytes, "manifest.json", diagnostics);
    if (!manifest) {
        judgement.problem = summarise_problems(diagnostics);
        return judgement;
    }
    judgement.claimed_version = manifest->version;
    if (manifest->version < current.version) {
        judgement.problem = "manifest.json: version " + std::to_string(manifest->version) + " is older than version "
            + std::to_string(current.version) + " on this screen; a screen never goes back (a replayed manifest?)";
        return judgement;
    }
    if (manifest->version == current.version) {
        judgement.problem = "manifest.json: version " + std::to_string(manifest->version) + " differs from the version "
            + std::to_string(current.version) + " this screen has; a version number is published once";
        return judgement;
    }
    judgement.verdict = Verdict::Accept;
    judgement.manifest = std::move(manifest);
    return judgement;
}

} // namespace hallboard::sync
