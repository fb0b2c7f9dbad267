// Result<T>: a value or a message, and misuse that throws instead of reading garbage.
#include "base/result.h"

#include <doctest/doctest.h>

#include <memory>
#include <stdexcept>

using hallboard::Error;
using hallboard::fail;
using hallboard::Ok;
using hallboard::Result;

namespace {

Result<int> parse_digit(char c)
{
    if (c < '0' || c > '9')
        return fail(std::string("'") + c + "' is not a digit");
    return c - '0';
}

Result<int> sum_of_digits(char a, char b)
{
    auto first = parse_digit(a);
    if (!first)
        return std::move(first).take_error();
    auto second = parse_digit(b);
    if (!second)
        return std::move(second).take_error();
    return *first + *second;
}

Result<void> check_even(int n)
{
    if (n % 2 != 0)
        return fail(std::to_string(n) + " is odd");
    return Ok {};
}

} // namespace

TEST_CASE("a Result holds a value or the message of its failure")
{
    auto good = sum_of_digits('3', '4');
    REQUIRE(good);
    CHECK(*good == 7);

    auto bad = sum_of_digits('3', 'x');
    REQUIRE_FALSE(bad);
    CHECK(bad.error() == "'x' is not a digit");
    CHECK_THROWS_AS((void)bad.value(), std::bad_variant_access);
    CHECK_THROWS_AS((void)good.error(), std::bad_variant_access);
}

TEST_CASE("a Result moves values it cannot copy")
{
    Result<std::unique_ptr<int>> owned = std::make_unique<int>(5);
    REQUIRE(owned.ok());
    std::unique_ptr<int> taken = std::move(owned).value();
    CHECK(*taken == 5);
}

TEST_CASE("Result<void> says only whether it worked")
{
    CHECK(check_even(4).ok());
    auto odd = check_even(3);
    REQUIRE_FALSE(odd);
    CHECK(odd.error() == "3 is odd");
}
