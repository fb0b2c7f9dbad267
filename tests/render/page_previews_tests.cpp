// `hallboard render`'s pages: file names in show order, every page written, the caption.
#include "render_test_support.h"

#include "player/render/page_previews.h"

using namespace hallboard;
using namespace hallboard::test;

TEST_CASE("page files are named by position, id and page, in show order")
{
    CHECK(page_preview_name(1, "tariff", 1) == "01-tariff-1.png");
    CHECK(page_preview_name(9, "flow", 3) == "09-flow-3.png");
    CHECK(page_preview_name(10, "hotlines", 2) == "10-hotlines-2.png");
    CHECK(page_preview_name(123, "x", 1) == "123-x-1.png");
}

TEST_CASE("every page of every notice is drawn and written, labelled for the contact sheet")
{
    session();
    ScratchDir out;
    OffscreenCanvas canvas(64, 36);
    Notice two_pages, nothing, one_page;
    two_pages.id = "two";
    nothing.id = "nothing";
    one_page.id = "one";
    std::vector<std::pair<std::string, int>> drawn;
    auto draw = [&](const Notice& notice, int page) {
        drawn.push_back({ notice.id, page });
        return notice.id == "two" ? 2 : notice.id == "one" ? 1 : 0;
    };
    auto written = write_page_previews(canvas, { &two_pages, &nothing, &one_page }, draw, out.path());
    REQUIRE(written);
    CHECK(written->count == 3);
    CHECK(drawn
        == std::vector<std::pair<std::string, int>> { { "two", 0 }, { "two", 1 }, { "nothing", 0 }, { "one", 0 } });
    REQUIRE(written->sheet.size() == 3);
    CHECK(written->sheet[0].png == out / "01-two-1.png");
    CHECK(written->sheet[1].label == "two  2/2");
    CHECK(written->sheet[2].png == out / "03-one-1.png");
    for (auto const& entry : written->sheet)
        CHECK(std::filesystem::is_regular_file(entry.png));

    auto failed = write_page_previews(canvas, { &one_page }, draw, out / "no-such-folder");
    REQUIRE_FALSE(failed);
    CHECK(failed.error() == "cannot write " + (out / "no-such-folder" / "01-one-1.png").string());
}

TEST_CASE("the caption says the moment shown and the time zone")
{
    LocalDateTime const now { { 2026, 12, 5 }, 20 * 60 + 30 };
    LocalDateTime const at { { 2026, 12, 1 }, 10 * 60 };
    CHECK(preview_caption(at, now, "Asia/Shanghai") == "at 2026-12-01 10:00 (Asia/Shanghai)");
    CHECK(preview_caption(std::nullopt, now, "")
        == "every slide notice, as at 2026-12-05 20:30 (the system's time zone)");
}

TEST_CASE("the ticker is in view once it has crossed the screen to the left margin")
{
    Theme theme = default_theme();
    ScreenGeometry geometry;
    geometry.width = 1920;
    geometry.unit = 1080;
    CHECK(seconds_until_ticker_in_view(geometry, theme)
        == doctest::Approx((1920 - 1080 * theme.margin) / (theme.ticker_speed * 1080)));
}
