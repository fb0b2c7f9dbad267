// Loading and checking the admin token.
#include "content/publish/admin_token.h"

#include "base/durable_files.h"

#include <sodium.h>
#include <sys/stat.h>

#include <cstdio>

namespace hallboard {

namespace {

bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string octal_mode(unsigned mode)
{
    char text[8];
    std::snprintf(text, sizeof text, "%04o", mode & 07777u);
    return text;
}

} // namespace

Result<std::string> load_admin_token(const std::filesystem::path& file, std::vector<std::string>& warnings)
{
    struct stat status { };
    if (::stat(file.c_str(), &status) != 0)
        return fail(
            "token file " + file.string() + " does not exist (write a long random token into it and chmod 600 it)");
    if (!S_ISREG(status.st_mode))
        return fail("token file " + file.string() + " is not a regular file");
    if ((status.st_mode & 077) != 0)
        return fail("token file " + file.string() + " has mode " + octal_mode(status.st_mode)
            + ": group or others may read or change it (run chmod 600 " + file.string() + ")");
    auto text = durable::read_file(file, 4096);
    if (!text)
        return std::move(text).take_error();
    if (!*text)
        return fail("token file " + file.string() + " does not exist");
    std::string_view token = **text;
    while (!token.empty() && is_space(token.front()))
        token.remove_prefix(1);
    while (!token.empty() && is_space(token.back()))
        token.remove_suffix(1);
    if (token.empty())
        return fail("token file " + file.string() + " is empty");
    for (char c : token) {
        auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte >= 0x7f)
            return fail("token file " + file.string()
                + " must hold one word of printable ASCII (no spaces, no line breaks inside)");
    }
    if (token.size() < recommended_token_length)
        warnings.push_back("the admin token in " + file.string() + " has only " + std::to_string(token.size())
            + " characters; use at least " + std::to_string(recommended_token_length)
            + " random ones (e.g. head -c 32 /dev/urandom | base64)");
    return std::string(token);
}

std::optional<std::string_view> bearer_token(std::string_view authorization)
{
    constexpr std::string_view scheme = "bearer ";
    if (authorization.size() <= scheme.size())
        return std::nullopt;
    for (size_t i = 0; i < scheme.size(); ++i) {
        char c = authorization[i];
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
        if (c != scheme[i])
            return std::nullopt;
    }
    auto token = authorization.substr(scheme.size());
    while (!token.empty() && token.front() == ' ')
        token.remove_prefix(1);
    while (!token.empty() && is_space(token.back()))
        token.remove_suffix(1);
    if (token.empty())
        return std::nullopt;
    return token;
}

bool admin_token_matches(std::string_view expected, std::string_view presented)
{
    if (expected.empty())
        return false;
    unsigned char want[crypto_hash_sha256_BYTES];
    unsigned char got[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(want, reinterpret_cast<const unsigned char*>(expected.data()), expected.size());
    crypto_hash_sha256(got, reinterpret_cast<const unsigned char*>(presented.data()), presented.size());
    return sodium_memcmp(want, got, sizeof want) == 0;
}

} // namespace hallboard
