// `check --size` laid out with the fake measurer: what fits passes, a long hall name is warned about.
#include "player/layout/fit_check.h"

#include <doctest/doctest.h>

using namespace hallboard;
namespace fs = std::filesystem;

TEST_CASE("the demo fits on every screen, and the run says how many slides it laid out")
{
    for (ScreenSize size : { ScreenSize { 1920, 1080 }, ScreenSize { 1080, 1920 }, ScreenSize { 3840, 2160 } }) {
        CAPTURE(size.width);
        CheckRun run;
        check_path(fs::path(HALLBOARD_SOURCE_DIR) / "content" / "demo", { Date { 2026, 12, 1 }, {} }, run);
        REQUIRE(run.sources.size() == 1);
        int slides = 0;
        for (auto const& notice : run.sources[0].notices)
            slides += notice.kind != NoticeKind::Ticker;
        FixedAdvanceMeasurer measurer;
        check_fit(run, default_theme(), size, measurer);
        CHECK_FALSE(run.report.diagnostics.has_errors());
        CHECK(run.report.lines.back()
            == "laid out " + std::to_string(slides) + " slide(s) at " + std::to_string(size.width) + "x"
                + std::to_string(size.height));
    }
}

TEST_CASE("a hall name longer than the header's two lines is warned about, a short one is not")
{
    CheckRun run;
    run.halls = { { "城西供电营业厅", { "short.yaml", 0, 0 } },
        { "国网浙江省电力有限公司杭州市西湖区供电分公司城西供电营业厅国网浙江省电力有限公司杭州市西湖区供电分公司城西供"
          "电营业厅",
            { "long.yaml", 0, 0 } } };
    FixedAdvanceMeasurer measurer;
    check_fit(run, default_theme(), { 1080, 1920 }, measurer);
    REQUIRE(run.report.diagnostics.warning_count() == 1);
    CHECK(run.report.diagnostics.all()[0].where.file == "long.yaml");
    CHECK(run.report.lines == std::vector<std::string> { "laid out 0 slide(s) at 1080x1920" });
}
