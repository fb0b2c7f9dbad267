// `hallboard publish`'s --limit-rate and --rollback values.
#include "content/publish/publish_arguments.h"

#include <doctest/doctest.h>

using namespace hallboard;

TEST_CASE("upload rates are bytes per second, with k and M")
{
    struct Case {
        char const* text;
        std::optional<std::uint64_t> rate;
    };
    Case const cases[] = {
        { "100000", 100000 }, { "250k", 250 * 1024 }, { "250K", 250 * 1024 }, { "2M", 2 * 1024 * 1024 },
        { "2m", 2 * 1024 * 1024 }, { "0", std::nullopt }, { "0k", std::nullopt }, { "", std::nullopt },
        { "k", std::nullopt }, { "2G", std::nullopt }, { "2 M", std::nullopt }, { "-5", std::nullopt },
        { "99999999999999999999", std::nullopt }, // stops growing before it overflows, then meets a digit as a unit
    };
    for (auto const& test_case : cases) {
        CAPTURE(test_case.text);
        CHECK(parse_upload_rate(test_case.text) == test_case.rate);
    }
}

TEST_CASE("a version number is one or more, digits only")
{
    struct Case {
        char const* text;
        std::optional<std::uint64_t> version;
    };
    Case const cases[] = {
        { "1", 1 }, { "42", 42 }, { "007", 7 }, { "999999999999999999", 999999999999999999ull }, { "0", std::nullopt },
        { "", std::nullopt }, { "-1", std::nullopt }, { "3a", std::nullopt }, { " 3", std::nullopt },
        { "1000000000000000000", std::nullopt }, // 19 digits
    };
    for (auto const& test_case : cases) {
        CAPTURE(test_case.text);
        CHECK(parse_version_number(test_case.text) == test_case.version);
    }
}
