// SHA-256 known vectors, base64, Ed25519 signatures (RFC 8032 vector, forgeries, wrong keys) and key files.
#include "publish_test_support.h"

#include "content/publish/key_files.h"
#include "content/publish/signing.h"

#include <algorithm>

#include <sodium.h>
#include <sys/stat.h>

namespace hallboard {

namespace {

std::vector<std::uint8_t> from_hex(std::string_view hex)
{
    std::vector<std::uint8_t> bytes(hex.size() / 2);
    size_t length = 0;
    REQUIRE(sodium_hex2bin(bytes.data(), bytes.size(), hex.data(), hex.size(), nullptr, &length, nullptr) == 0);
    bytes.resize(length);
    return bytes;
}

std::string to_hex(std::span<const std::uint8_t> bytes)
{
    std::string hex(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    hex.pop_back();
    return hex;
}

// The key of RFC 8032 section 7.1, test 1, built from its seed.
SecretKey rfc8032_key()
{
    auto seed = from_hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    std::array<std::uint8_t, public_key_bytes> public_key {};
    std::array<std::uint8_t, secret_key_bytes> secret {};
    REQUIRE(sodium_ready());
    crypto_sign_seed_keypair(public_key.data(), secret.data(), seed.data());
    return SecretKey(secret);
}

KeyPair fresh_pair()
{
    auto pair = generate_key_pair();
    REQUIRE(pair.has_value());
    return *pair;
}

mode_t mode_of(const std::filesystem::path& path)
{
    struct stat status { };
    REQUIRE(::stat(path.c_str(), &status) == 0);
    return status.st_mode & 07777;
}

} // namespace

TEST_CASE("sha256 matches the FIPS 180-2 vectors, streamed or not")
{
    struct Vector {
        std::string input;
        std::string_view digest;
    };
    const Vector vectors[] = {
        { "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
        { "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
        { "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
        { std::string(1000000, 'a'), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0" },
    };
    for (auto const& vector : vectors) {
        CAPTURE(vector.input.size());
        CHECK(sha256_hex_of(vector.input) == vector.digest);
        CHECK(is_sha256_hex(sha256_hex_of(vector.input)));

        // In uneven chunks, as a file is read.
        Sha256Hasher hasher;
        std::string_view rest = vector.input;
        for (size_t chunk = 1; !rest.empty(); chunk = chunk * 3 + 1) {
            auto piece = rest.substr(0, chunk);
            hasher.update(piece);
            rest.remove_prefix(piece.size());
        }
        CHECK(hasher.finish_hex() == vector.digest);

        test::TempFolder folder;
        auto file = folder.write("input.bin", vector.input);
        auto digest = sha256_of_file(file, vector.input.size());
        REQUIRE_MESSAGE(digest.ok(), (digest ? std::string() : digest.error()));
        CHECK(digest->sha256 == vector.digest);
        CHECK(digest->size == vector.input.size());
    }
}

TEST_CASE("sha256_of_file refuses a file over the bound, a folder and a missing file")
{
    test::TempFolder folder;
    auto file = folder.write("big.bin", std::string(1001, 'x'));
    auto over = sha256_of_file(file, 1000);
    REQUIRE_FALSE(over.ok());
    CHECK(over.error().find("larger than 1000") != std::string::npos);
    CHECK(sha256_of_file(file, 1001).ok());
    auto folder_digest = sha256_of_file(folder.path(), 1000);
    REQUIRE_FALSE(folder_digest.ok());
    CHECK(folder_digest.error().find("not a regular file") != std::string::npos);
    auto missing = sha256_of_file(folder / "missing", 1000);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().find("cannot open") != std::string::npos);
}

TEST_CASE("is_sha256_hex accepts only 64 lowercase hex digits")
{
    std::string good(64, 'a');
    CHECK(is_sha256_hex(good));
    CHECK(is_sha256_hex("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"));
    CHECK_FALSE(is_sha256_hex(std::string(63, 'a')));
    CHECK_FALSE(is_sha256_hex(std::string(65, 'a')));
    CHECK_FALSE(is_sha256_hex(std::string(64, 'A')));
    CHECK_FALSE(is_sha256_hex(std::string(62, 'a') + ".."));
    CHECK_FALSE(is_sha256_hex(std::string(63, 'a') + "g"));
}

TEST_CASE("base64 round-trips and refuses what is not standard base64")
{
    for (size_t length : { 0u, 1u, 2u, 3u, 31u, 32u, 64u }) {
        std::vector<std::uint8_t> bytes(length);
        for (size_t i = 0; i < length; ++i)
            bytes[i] = static_cast<std::uint8_t>(i * 37 + 11);
        auto text = bytes_to_base64(bytes);
        CHECK(text.size() == (length + 2) / 3 * 4);
        auto back = base64_to_bytes(text);
        REQUIRE(back.has_value());
        CHECK(*back == bytes);
        // Padding may be left out by people copying keys around.
        while (!text.empty() && text.back() == '=')
            text.pop_back();
        CHECK(base64_to_bytes(text) == bytes);
    }
    for (std::string_view bad : { "a b=", "ab-_", "A===", "QUJD\n", "?", "QU=JD" })
        CHECK_MESSAGE(!base64_to_bytes(bad).has_value(), bad);
}

TEST_CASE("Ed25519 signs the RFC 8032 test vector")
{
    auto key = rfc8032_key();
    CHECK(to_hex(key.public_key()) == "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    auto signature = sign_detached("", key);
    CHECK(to_hex(signature)
        == "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595"
           "bbe24655141438e7a100b");
    CHECK(verify_detached("", signature, key.public_key()));
    CHECK(key.is_consistent());
}

TEST_CASE("a signature verifies only the same bytes under the same key")
{
    auto pair = fresh_pair();
    auto other = fresh_pair();
    std::string message = "{\"format\": 1, \"version\": 7}\n";
    auto signature = sign_detached(message, pair.secret_key);
    REQUIRE(verify_detached(message, signature, pair.public_key));
    CHECK(pair.secret_key.public_key() == pair.public_key);

    SUBCASE("one byte of the message changed")
    {
        auto forged = message;
        forged[22] = '8';
        CHECK_FALSE(verify_detached(forged, signature, pair.public_key));
    }
    SUBCASE("a byte appended or removed")
    {
        CHECK_FALSE(verify_detached(message + " ", signature, pair.public_key));
        CHECK_FALSE(verify_detached(message.substr(0, message.size() - 1), signature, pair.public_key));
    }
    SUBCASE("one bit of the signature flipped, anywhere")
    {
        for (size_t i = 0; i < signature.size(); i += 7) {
            auto forged = signature;
            forged[i] ^= 0x01;
            CHECK_FALSE(verify_detached(message, forged, pair.public_key));
        }
    }
    SUBCASE("another key")
    {
        CHECK_FALSE(verify_detached(message, signature, other.public_key));
        CHECK_FALSE(verify_detached(message, sign_detached(message, other.secret_key), pair.public_key));
    }
    SUBCASE("the signature as text: good, truncated, unpadded, too long, not base64")
    {
        auto text = signature_text(signature);
        CHECK(text.size() == 88);
        CHECK(parse_signature(text + "\n") == signature);
        CHECK_FALSE(parse_signature(text.substr(0, 80)).has_value());
        CHECK_FALSE(parse_signature(text.substr(0, 85)).has_value());
        CHECK(parse_signature(text.substr(0, 86)) == signature); // the '==' padding may be left out
        CHECK_FALSE(parse_signature(bytes_to_base64(std::vector<std::uint8_t>(65, 1))).has_value());
        CHECK_FALSE(parse_signature("").has_value());
        CHECK_FALSE(parse_signature(std::string(88, '*')).has_value());
        CHECK_FALSE(parse_public_key(text).has_value()); // 64 bytes is not a public key
    }
}

TEST_CASE("a damaged secret key is recognised")
{
    auto pair = fresh_pair();
    CHECK(pair.secret_key.is_consistent());
    std::array<std::uint8_t, secret_key_bytes> bytes {};
    std::copy(pair.secret_key.bytes().begin(), pair.secret_key.bytes().end(), bytes.begin());
    bytes[40] ^= 0x80; // in the public half
    CHECK_FALSE(SecretKey(bytes).is_consistent());
    bytes[40] ^= 0x80;
    bytes[3] ^= 0x01; // in the seed
    CHECK_FALSE(SecretKey(bytes).is_consistent());
}

TEST_CASE("key files: written owner-only, never overwritten, read back")
{
    test::TempFolder folder;
    auto prefix = folder / "hall";
    auto pair = fresh_pair();
    Diagnostics diagnostics;
    REQUIRE(write_key_files(prefix, pair, diagnostics) == KeyWriteFailure::None);
    auto paths = key_file_paths(prefix);
    CHECK(paths.secret == folder / "hall.key");
    CHECK(paths.public_key == folder / "hall.pub");
    CHECK(mode_of(paths.secret) == 0600);
    CHECK(mode_of(paths.public_key) == 0644);

    // One line each: base64 of the key, as screen configs take the public one.
    auto public_text = test::read_bytes(paths.public_key);
    CHECK(public_text == public_key_text(pair.public_key) + "\n");
    CHECK(std::count(public_text.begin(), public_text.end(), '\n') == 1);
    auto secret_text = test::read_bytes(paths.secret);
    CHECK(secret_text.size() == 89);

    auto secret = read_secret_key_file(paths.secret, diagnostics);
    REQUIRE_MESSAGE(secret.has_value(), diagnostics.format_all());
    CHECK(secret->public_key() == pair.public_key);
    CHECK(read_public_key_file(paths.public_key, diagnostics) == pair.public_key);
    CHECK_FALSE(diagnostics.has_errors());

    SUBCASE("a second keygen with the same prefix changes nothing")
    {
        auto other = fresh_pair();
        Diagnostics again;
        CHECK(write_key_files(prefix, other, again) == KeyWriteFailure::AlreadyExists);
        CHECK(test::mentions(again, "already exists"));
        CHECK(test::read_bytes(paths.secret) == secret_text);
        CHECK(test::read_bytes(paths.public_key) == public_text);
    }
    SUBCASE("an existing .pub alone also stops keygen, leaving no .key behind")
    {
        auto lone = folder / "lone";
        folder.write("lone.pub", "x\n");
        Diagnostics again;
        CHECK(write_key_files(lone, fresh_pair(), again) == KeyWriteFailure::AlreadyExists);
        CHECK_FALSE(std::filesystem::exists(folder / "lone.key"));
    }
    SUBCASE("a secret key others can read is refused")
    {
        ::chmod(paths.secret.c_str(), 0640);
        Diagnostics problems;
        CHECK_FALSE(read_secret_key_file(paths.secret, problems).has_value());
        CHECK(test::mentions(problems, "chmod 600"));
    }
    SUBCASE("a damaged or foreign secret key file is refused")
    {
        struct Case {
            std::string name;
            std::string text;
            std::string fragment;
        };
        auto bytes = base64_to_bytes(secret_text.substr(0, 88)).value();
        bytes[50] ^= 0x10;
        const Case cases[] = {
            { "flipped bit", bytes_to_base64(bytes) + "\n", "damaged" },
            { "public key instead", public_text, "not a Hallboard secret key" },
            { "empty", "", "not a Hallboard secret key" },
            { "garbage", "-----BEGIN OPENSSH PRIVATE KEY-----\n", "not a Hallboard secret key" },
            { "too large", std::string(5000, 'A'), "too large" },
        };
        for (auto const& item : cases) {
            SUBCASE(item.name.c_str())
            {
                auto file = folder.write("bad.key", item.text);
                ::chmod(file.c_str(), 0600);
                Diagnostics problems;
                CHECK_FALSE(read_secret_key_file(file, problems).has_value());
                CHECK_MESSAGE(test::mentions(problems, item.fragment), problems.format_all());
            }
        }
    }
    SUBCASE("passing the .pub as the secret key says so")
    {
        Diagnostics problems;
        CHECK_FALSE(read_secret_key_file(paths.public_key, problems).has_value());
        CHECK(test::mentions(problems, "public key"));
    }
    SUBCASE("a missing key file says how to make one")
    {
        Diagnostics problems;
        CHECK_FALSE(read_secret_key_file(folder / "nope.key", problems).has_value());
        CHECK(test::mentions(problems, "hallboard keygen"));
    }
}

} // namespace hallboard
