// DisplayListPlayer on an OffscreenCanvas: fills, rounded corners, text, lines, the texture cache.
#include "render_test_support.h"

#include "player/render/display_list_player.h"

namespace hallboard {

namespace {
constexpr Color white { 255, 255, 255, 255 };
constexpr Color red { 220, 0, 0, 255 };
constexpr Color black { 0, 0, 0, 255 };
constexpr Color green { 0, 128, 64, 255 };
} // namespace

TEST_CASE("A red rectangle and a line of text land where the display list says")
{
    FontSet& set = test::fonts();
    OffscreenCanvas canvas(400, 200);
    REQUIRE(canvas.is_valid());
    canvas.clear(white);
    FontSpec const font { 40, FontWeight::Regular };
    DisplayList list;
    list.fill(Rect { 10, 10, 100, 50 }, red);
    list.text(150, 120, "电价公示", font, black);
    DisplayListPlayer player(canvas.renderer(), set);
    player.play(list);

    SUBCASE("the rectangle is red inside and stops at its edges")
    {
        CHECK(canvas.pixel(10, 10) == red);
        CHECK(canvas.pixel(109, 59) == red);
        CHECK(canvas.pixel(60, 35) == red);
        CHECK(canvas.pixel(110, 35) == white);
        CHECK(canvas.pixel(60, 60) == white);
        CHECK(canvas.pixel(9, 9) == white);
    }
    SUBCASE("the text inks its box and nothing outside it")
    {
        int const width = static_cast<int>(set.width("电价公示", font));
        int const top = 120 - static_cast<int>(set.surface_ascent(font));
        int const bottom = 120 + static_cast<int>(set.descent(font));
        int const inked = test::count_not(canvas, 150, top, 150 + width, bottom, white);
        CHECK(inked > width * 40 / 10); // Han strokes cover a good part of the em box
        CHECK(test::count_not(canvas, 120, 0, 400, top, white) == 0);
        CHECK(test::count_not(canvas, 120, bottom, 400, 200, white) == 0);
        CHECK(test::count_not(canvas, 150 + width + 2, 0, 400, 200, white) == 0);
        // Han glyphs sit on the baseline: ink above it, little below it.
        CHECK(test::count_not(canvas, 150, 120 - 30, 150 + width, 120, white)
            > test::count_not(canvas, 150, 120, 150 + width, bottom, white) * 4);
    }
}

TEST_CASE("Text takes its colour, and an offset moves everything")
{
    FontSet& set = test::fonts();
    OffscreenCanvas canvas(300, 120);
    canvas.clear(white);
    DisplayList list;
    list.fill(Rect { 0, 0, 20, 20 }, green);
    list.text(0, 60, "■■", FontSpec { 48, FontWeight::Bold }, green);
    DisplayListPlayer player(canvas.renderer(), set);
    player.play(list, 100, 30);
    CHECK(canvas.pixel(5, 5) == white);
    CHECK(canvas.pixel(105, 35) == green);
    // Inside a solid glyph the colour is exactly the run's colour.
    int exact = 0;
    for (int x = 100; x < 200; ++x)
        exact += canvas.pixel(x, 30 + 60 - 15) == green;
    CHECK(exact > 20);
}

TEST_CASE("x is the pen position even when the first glyph overhangs it")
{
    FontSet& set = test::fonts();
    FontSpec const font { 100, FontWeight::Regular };
    int min_x = 0;
    REQUIRE(TTF_GlyphMetrics32(set.font(font), 'j', &min_x, nullptr, nullptr, nullptr, nullptr) == 0);
    REQUIRE(min_x < -2); // the tail of j reaches left of its origin in Noto Sans CJK
    OffscreenCanvas canvas(300, 200);
    canvas.clear(white);
    DisplayListPlayer player(canvas.renderer(), set);
    DisplayList list;
    list.text(100, 130, "jj", font, black);
    player.play(list);
    int leftmost = 300;
    for (int x = 0; x < 300 && leftmost == 300; ++x)
        if (test::count_not(canvas, x, 0, x + 1, 200, white) > 0)
            leftmost = x;
    CHECK(leftmost <= 100 + min_x + 1);
    CHECK(leftmost >= 100 + min_x - 1);
}

TEST_CASE("Text wider than the largest texture is drawn in pieces that line up")
{
    FontSet& set = test::fonts();
    FontSpec const font { 32, FontWeight::Regular };
    std::string const text = "停电通知：城西110千伏变电站 10千伏城北线 计划检修，请提前做好准备。";
    int const width = static_cast<int>(set.width(text, font));
    REQUIRE(width > 800);
    auto ink_columns = [&](int max_texture_width, std::size_t& textures) {
        OffscreenCanvas canvas(width + 40, 60);
        canvas.clear(white);
        DisplayListPlayer player(canvas.renderer(), set);
        player.set_max_texture_width(max_texture_width);
        DisplayList list;
        list.text(20, 40, text, font, black);
        player.play(list);
        textures = player.cached_textures();
        std::vector<int> columns;
        for (int x = 0; x < width + 40; x += 4)
            columns.push_back(test::count_not(canvas, x, 0, x + 4, 60, white) > 0);
        return columns;
    };
    std::size_t whole_textures = 0;
    std::size_t piece_textures = 0;
    auto const whole = ink_columns(0, whole_textures);
    auto const pieces = ink_columns(200, piece_textures);
    CHECK(whole_textures == 1);
    CHECK(piece_textures >= 4);
    int differing = 0;
    for (std::size_t i = 0; i < whole.size(); ++i)
        differing += whole[i] != pieces[i];
    CHECK(differing <= 3); // the same strips of ink, give or take a rounding at a seam
}

TEST_CASE("Rounded rectangles have smooth transparent corners and solid sides")
{
    FontSet& set = test::fonts();
    OffscreenCanvas canvas(200, 200);
    canvas.clear(white);
    DisplayListPlayer player(canvas.renderer(), set);
    struct Row {
        float radius;
    };
    for (Row row : { Row { 4 }, Row { 12 }, Row { 30 }, Row { 500 } }) {
        CAPTURE(row.radius);
        canvas.clear(white);
        DisplayList list;
        list.fill(Rect { 20, 20, 120, 80 }, red, row.radius);
        player.play(list);
        int const r = std::min(static_cast<int>(row.radius), 40); // clamped to half the short side
        CHECK(canvas.pixel(20, 20) == white);                     // the very corner is cut away
        CHECK(canvas.pixel(139, 99) == white);
        CHECK(canvas.pixel(20 + r, 20) == red); // the top edge is straight past the corner
        CHECK(canvas.pixel(20, 20 + r) == red);
        CHECK(canvas.pixel(80, 60) == red);
        CHECK(canvas.pixel(140, 60) == white);
        // Along the diagonal of a big enough corner there are blended (anti-aliased) pixels.
        if (r >= 12) {
            int partial = 0;
            for (int d = 0; d < r; ++d) {
                Color const c = canvas.pixel(20 + d, 20 + d);
                partial += c != white && c != red;
            }
            CHECK(partial >= 1);
        }
    }
}

TEST_CASE("Translucent rounded rectangles blend evenly, without darker seams")
{
    OffscreenCanvas canvas(200, 120);
    canvas.clear(white);
    DisplayListPlayer player(canvas.renderer(), test::fonts());
    DisplayList list;
    list.fill(Rect { 10, 10, 180, 100 }, Color { 0, 0, 0, 128 }, 20);
    player.play(list);
    Color const reference = canvas.pixel(100, 60);
    for (auto const& point : { std::pair { 30, 10 }, std::pair { 10, 30 }, std::pair { 189, 60 },
             std::pair { 100, 109 }, std::pair { 29, 29 }, std::pair { 31, 60 } }) {
        // Named variables, not a structured binding: CAPTURE's lambda cannot capture bindings under clang 14.
        int const x = point.first;
        int const y = point.second;
        CAPTURE(x);
        CAPTURE(y);
        CHECK(test::near_color(canvas.pixel(x, y), reference, 1));
    }
}

TEST_CASE("Lines: straight shafts, slanted shafts and arrow heads")
{
    OffscreenCanvas canvas(300, 200);
    DisplayListPlayer player(canvas.renderer(), test::fonts());

    SUBCASE("a horizontal arrow")
    {
        canvas.clear(white);
        DisplayList list;
        list.line(20, 50, 220, 50, 6, green, true);
        player.play(list);
        CHECK(canvas.pixel(100, 50) == green);
        CHECK(canvas.pixel(100, 48) == green);
        CHECK(canvas.pixel(100, 56) == white);
        CHECK(canvas.pixel(100, 44) == white);
        // The head is wider than the shaft near its base and ends at the tip.
        CHECK(canvas.pixel(205, 50 - 8) == green);
        CHECK(canvas.pixel(205, 50 + 8) == green);
        CHECK(canvas.pixel(218, 50) == green);
        CHECK(canvas.pixel(224, 50) == white);
    }
    SUBCASE("a vertical arrow pointing up")
    {
        canvas.clear(white);
        DisplayList list;
        list.line(100, 180, 100, 20, 4, green, true);
        player.play(list);
        CHECK(canvas.pixel(100, 100) == green);
        CHECK(canvas.pixel(100, 22) == green);
        CHECK(canvas.pixel(100, 15) == white);
        CHECK(canvas.pixel(100 - 6, 20 + 12) == green);
    }
    SUBCASE("a slanted thick line is solid along its middle and blended at its edges")
    {
        canvas.clear(white);
        DisplayList list;
        list.line(20, 20, 220, 170, 8, red);
        player.play(list);
        CHECK(canvas.pixel(120, 95) == red);
        CHECK(canvas.pixel(60, 50) == red);
        CHECK(canvas.pixel(120, 120) == white);
        int partial = 0;
        for (int y = 80; y < 110; ++y) {
            Color const c = canvas.pixel(120, y);
            partial += c != white && c != red;
        }
        CHECK(partial >= 2);
    }
    SUBCASE("a zero-length line draws nothing")
    {
        canvas.clear(white);
        DisplayList list;
        list.line(50, 50, 50, 50, 4, red, true);
        player.play(list);
        CHECK(test::count_not(canvas, 0, 0, 300, 200, white) == 0);
    }
}

TEST_CASE("The texture cache stays within its byte budget")
{
    FontSet& set = test::fonts();
    OffscreenCanvas canvas(800, 100);
    std::size_t const budget = 256 * 1024;
    DisplayListPlayer player(canvas.renderer(), set, budget);
    std::size_t most = 0;
    for (int i = 0; i < 200; ++i) {
        DisplayList list;
        list.text(0, 60, "第" + std::to_string(i) + "条 停电通知", FontSpec { 40, FontWeight::Regular }, black);
        player.play(list);
        most = std::max(most, player.cached_bytes());
        CHECK(player.cached_bytes() <= budget);
    }
    CHECK(most > budget / 2); // the cache was really used
    CHECK(player.cached_textures() < 200);
    CHECK(player.cached_textures() > 1);

    SUBCASE("a smaller budget evicts at once")
    {
        player.set_cache_budget(budget / 2);
        CHECK(player.cached_bytes() <= budget / 2);
        CHECK(player.cached_textures() >= 1);
    }
    SUBCASE("clear empties it")
    {
        player.clear();
        CHECK(player.cached_bytes() == 0);
        CHECK(player.cached_textures() == 0);
    }
    SUBCASE("repeated text is served from the cache")
    {
        std::size_t const textures = player.cached_textures();
        DisplayList list;
        list.text(0, 60, "第199条 停电通知", FontSpec { 40, FontWeight::Regular }, red);
        player.play(list);
        CHECK(player.cached_textures() == textures);
    }
}

} // namespace hallboard
