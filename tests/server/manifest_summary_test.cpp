// The server's reading of manifest.json and of a signature line.
#include "content/server/manifest_summary.h"

#include <doctest/doctest.h>
#include <sodium.h>

#include <string>
#include <vector>

using namespace hallboard;

namespace {
std::string hash(char c)
{
    return std::string(64, c);
}
} // namespace

TEST_CASE("manifest summary: good manifests give version and blobs")
{
    std::string text = R"({"format": 1, "version": 12, "published": "2026-11-22T10:00:00+08:00", "notices": [],
        "blobs": [{"path": "assets/a.png", "sha256": ")"
        + hash('a') + R"(", "size": 10},
                  {"path": "assets/b.jpg", "sha256": ")"
        + hash('b') + R"(", "size": 0}]})";
    auto summary = read_manifest_summary(text);
    INFO((summary ? std::string() : summary.error()));
    REQUIRE(summary);
    CHECK(summary->version == 12);
    REQUIRE(summary->blobs.size() == 2);
    CHECK(summary->blobs[0].path == "assets/a.png");
    CHECK(summary->blobs[0].sha256 == hash('a'));
    CHECK(summary->blobs[0].size == 10);
    CHECK(summary->blobs[1].size == 0);
}

TEST_CASE("manifest summary: malformed manifests are refused with the reason")
{
    std::string blob = R"({"path": "a.png", "sha256": ")" + hash('a') + R"(", "size": 1})";
    struct Case {
        const char* name;
        std::string text;
        const char* fragment;
    };
    std::vector<Case> cases = {
        { "not JSON", "{\"format\": 1,", "not valid JSON" },
        { "a list", "[1, 2]", "not a JSON object" },
        { "no format", R"({"version": 1, "blobs": []})", "\"format\": 1" },
        { "format 2", R"({"format": 2, "version": 1, "blobs": []})", "\"format\": 1" },
        { "no version", R"({"format": 1, "blobs": []})", "positive integer" },
        { "version 0", R"({"format": 1, "version": 0, "blobs": []})", "positive integer" },
        { "negative version", R"({"format": 1, "version": -3, "blobs": []})", "positive integer" },
        { "fractional version", R"({"format": 1, "version": 1.5, "blobs": []})", "positive integer" },
        { "version as text", R"({"format": 1, "version": "3", "blobs": []})", "positive integer" },
        { "no blobs", R"({"format": 1, "version": 1})", "\"blobs\"" },
        { "blobs not a list", R"({"format": 1, "version": 1, "blobs": {}})", "\"blobs\"" },
        { "blob not an object", R"({"format": 1, "version": 1, "blobs": ["x"]})", "blobs[0] is not an object" },
        { "blob without path",
            R"({"format": 1, "version": 1, "blobs": [{"sha256": ")" + hash('a') + R"(", "size": 1}]})", "\"path\"" },
        { "upper-case hash",
            R"({"format": 1, "version": 1, "blobs": [{"path": "a", "sha256": ")" + hash('A') + R"(", "size": 1}]})",
            "lowercase" },
        { "traversal as hash",
            R"({"format": 1, "version": 1, "blobs": [{"path": "a", "sha256": "../manifest.json", "size": 1}]})",
            "lowercase" },
        { "negative size",
            R"({"format": 1, "version": 1, "blobs": [{"path": "a", "sha256": ")" + hash('a') + R"(", "size": -1}]})",
            "\"size\"" },
        { "second blob bad", R"({"format": 1, "version": 1, "blobs": [)" + blob + R"(, {"path": "b"}]})", "blobs[1]" },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            auto summary = read_manifest_summary(c.text);
            REQUIRE_FALSE(summary);
            INFO(summary.error());
            CHECK(summary.error().find(c.fragment) != std::string::npos);
        }
    }
}

TEST_CASE("signature line: one line of base64 holding 64 bytes")
{
    unsigned char bytes[80] = {};
    for (size_t i = 0; i < sizeof bytes; ++i)
        bytes[i] = static_cast<unsigned char>(i * 7);
    auto encode = [&](size_t length) {
        std::string text(sodium_base64_ENCODED_LEN(length, sodium_base64_VARIANT_ORIGINAL), '\0');
        sodium_bin2base64(text.data(), text.size(), bytes, length, sodium_base64_VARIANT_ORIGINAL);
        text.pop_back(); // the terminating NUL
        return text;
    };
    std::string good = encode(64);
    struct Case {
        const char* name;
        std::string text;
        const char* fragment; // nullptr: accepted
    };
    std::vector<Case> cases = {
        { "plain", good, nullptr },
        { "with a newline", good + "\n", nullptr },
        { "with CRLF and spaces", "  " + good + "\r\n", nullptr },
        { "without padding", good.substr(0, good.find('=')), nullptr },
        { "63 bytes", encode(63), "64-byte Ed25519" },
        { "65 bytes", encode(65), "64-byte Ed25519" },
        { "two lines", good.substr(0, 40) + "\n" + good.substr(40), "standard base64" },
        { "url-safe alphabet", std::string(86, '-') + "==", "standard base64" },
        { "empty", "", "standard base64" },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            auto line = read_signature_line(c.text);
            INFO((line ? std::string() : line.error()));
            if (c.fragment == nullptr) {
                REQUIRE(line);
                CHECK(*line == good);
            } else {
                REQUIRE_FALSE(line);
                CHECK(line.error().find(c.fragment) != std::string::npos);
            }
        }
    }
}
