// OffscreenCanvas and the contact sheet: pixels, PNG round trips, the grid of thumbnails.
#include "render_test_support.h"

#include "player/render/contact_sheet.h"
#include "player/render/display_list_player.h"

#include <SDL_image.h>

namespace hallboard {

namespace {
constexpr Color white { 255, 255, 255, 255 };
constexpr Color navy { 10, 30, 90, 255 };
} // namespace

TEST_CASE("An offscreen canvas works without a video subsystem")
{
    test::session();
    CHECK_FALSE(test::session().has_video());
    CHECK(SDL_WasInit(SDL_INIT_VIDEO) == 0);
    OffscreenCanvas canvas(64, 32);
    REQUIRE(canvas.is_valid());
    CHECK(canvas.width() == 64);
    CHECK(canvas.height() == 32);
    canvas.clear(navy);
    CHECK(canvas.pixel(0, 0) == navy);
    CHECK(canvas.pixel(63, 31) == navy);
    CHECK(canvas.pixel(64, 0) == Color { 0, 0, 0, 0 });
    CHECK(canvas.pixel(-1, 5) == Color { 0, 0, 0, 0 });

    test::LogRecorder log;
    OffscreenCanvas bad(0, 10);
    CHECK_FALSE(bad.is_valid());
    CHECK(log.count(LogLevel::Error, "bad size") == 1);
}

TEST_CASE("save_png round-trips every pixel and leaves no temporary file")
{
    test::ScratchDir dir;
    OffscreenCanvas canvas(120, 80);
    canvas.clear(white);
    DisplayListPlayer player(canvas.renderer(), test::fonts());
    DisplayList list;
    list.fill(Rect { 5, 5, 50, 30 }, navy, 8);
    list.text(10, 70, "95598", FontSpec { 24, FontWeight::Bold }, Color { 200, 30, 30, 255 });
    list.line(60, 10, 110, 60, 3, navy, true);
    player.play(list);
    auto const path = dir / "round.png";
    REQUIRE(canvas.save_png(path));
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator {}) == 1);

    UniqueSurface loaded_raw(IMG_Load(path.c_str()));
    REQUIRE(loaded_raw);
    UniqueSurface loaded(SDL_ConvertSurfaceFormat(loaded_raw.get(), SDL_PIXELFORMAT_ARGB8888, 0));
    REQUIRE(loaded);
    REQUIRE(loaded->w == 120);
    REQUIRE(loaded->h == 80);
    int differences = 0;
    for (int y = 0; y < 80; ++y) {
        for (int x = 0; x < 120; ++x) {
            Uint32 value = static_cast<Uint32*>(loaded->pixels)[y * loaded->pitch / 4 + x];
            Color c;
            SDL_GetRGBA(value, loaded->format, &c.r, &c.g, &c.b, &c.a);
            differences += c != canvas.pixel(x, y);
        }
    }
    CHECK(differences == 0);

    SUBCASE("a folder that does not exist fails cleanly")
    {
        test::LogRecorder log;
        CHECK_FALSE(canvas.save_png(dir / "no-such-folder" / "x.png"));
        CHECK(log.count(LogLevel::Error, "no-such-folder") == 1);
    }
}

TEST_CASE("The contact sheet lays thumbnails out in a labelled grid")
{
    test::ScratchDir dir;
    std::vector<ContactSheetEntry> entries;
    Color const colours[] = { { 200, 40, 40, 255 }, { 40, 160, 60, 255 }, { 40, 60, 200, 255 } };
    for (int i = 0; i < 3; ++i) {
        OffscreenCanvas slide(320, 180);
        slide.clear(colours[i]);
        auto const path = dir / ("slide-" + std::to_string(i) + ".png");
        REQUIRE(slide.save_png(path));
        entries.push_back(ContactSheetEntry { path, "tariff-residential " + std::to_string(i + 1) + "/3" });
    }
    entries.push_back(ContactSheetEntry { dir / "missing.png", "一个很长很长很长很长很长很长很长很长很长的标签 4/4" });

    test::LogRecorder log;
    auto const out = dir / "index.png";
    REQUIRE(write_contact_sheet(entries, out, test::fonts(), ContactSheetOptions { 2, 160, {} }));
    CHECK(log.count(LogLevel::Warning, "missing.png") == 1);

    UniqueSurface sheet(IMG_Load(out.c_str()));
    REQUIRE(sheet);
    CHECK(sheet->w == 24 + 2 * (160 + 24));
    int const sheet_height = sheet->h;
    UniqueSurface argb(SDL_ConvertSurfaceFormat(sheet.get(), SDL_PIXELFORMAT_ARGB8888, 0));
    REQUIRE(argb);
    auto pixel = [&](int x, int y) {
        Color c;
        SDL_GetRGBA(static_cast<Uint32*>(argb->pixels)[y * argb->pitch / 4 + x], argb->format, &c.r, &c.g, &c.b, &c.a);
        return c;
    };
    // Thumbnails are 160x90 (16:9 kept); the first sits at the padding, the second beside it.
    CHECK(pixel(24 + 80, 24 + 45) == colours[0]);
    CHECK(pixel(24 + 184 + 80, 24 + 45) == colours[1]);
    CHECK(pixel(24 + 80, 24 + 89) == colours[0]);
    CHECK(pixel(24 + 80, 24 + 91) != colours[0]);
    // The second row holds the third slide; labels take room between the rows.
    int third_top = -1;
    for (int y = 24 + 90; y < sheet_height; ++y) {
        if (pixel(24 + 80, y) == colours[2]) {
            third_top = y;
            break;
        }
    }
    CHECK(third_top > 24 + 90 + 24 + 20);
    // Label ink under the first thumbnail.
    int ink = 0;
    for (int y = 24 + 92; y < third_top - 12; ++y)
        for (int x = 24; x < 24 + 160; ++x)
            ink += pixel(x, y).r < 128;
    CHECK(ink > 50);
}

} // namespace hallboard
