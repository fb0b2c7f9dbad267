#include "content/heartbeat/play_coverage.h"

#include <doctest/doctest.h>

using namespace hallboard;

TEST_CASE("every reporting screen showed the notice: nothing absent")
{
    auto coverage = play_coverage({ { "a-1", "东城营业厅" }, { "b-1", "西城营业厅" } }, { "a-1", "b-1" });
    CHECK(coverage.absent.empty());
    CHECK(coverage.halls_without.empty());
    CHECK(coverage.halls_reporting == 2);
}

TEST_CASE("a hall counts as showing when one of its screens did; a hall whose screens all missed it is named")
{
    std::vector<ReportingScreen> reporting { { "a-1", "东城营业厅" }, { "a-2", "东城营业厅" }, { "b-1", "西城营业厅" },
        { "c-1", "南城营业厅" } };
    auto coverage = play_coverage(reporting, { "a-1" });
    REQUIRE(coverage.absent.size() == 3);
    CHECK(coverage.absent[0].screen == "a-2");
    CHECK(coverage.absent[1].screen == "b-1");
    CHECK(coverage.absent[2].screen == "c-1");
    CHECK(coverage.halls_without == std::vector<std::string> { "南城营业厅", "西城营业厅" });
    CHECK(coverage.halls_reporting == 3);
}

TEST_CASE("a screen that showed the notice but did not report since the date does not make a hall covered")
{
    auto coverage = play_coverage({ { "b-1", "西城营业厅" } }, { "gone-1" });
    REQUIRE(coverage.absent.size() == 1);
    CHECK(coverage.halls_without == std::vector<std::string> { "西城营业厅" });
}
