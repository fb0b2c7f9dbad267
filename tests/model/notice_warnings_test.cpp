// The warnings `check` gives about notices that play but are probably not meant so.
#include "content/model/notice_warnings.h"

#include <doctest/doctest.h>

using namespace hallboard;

TEST_CASE("a title's width counts Chinese characters whole and the rest half")
{
    struct Case {
        char const* title;
        double width;
    };
    Case const cases[] = {
        { "", 0 }, { "ABCD", 2 }, { "居民电价", 4 }, { "2026年电价", 5 },
        { "（通知）", 4 }, // full-width punctuation is as wide as a character
    };
    for (auto const& test_case : cases) {
        CAPTURE(test_case.title);
        CHECK(title_width(test_case.title) == test_case.width);
    }
}

TEST_CASE("a key is found at its value's first character, columns in characters")
{
    struct Case {
        char const* text;
        char const* key;
        int line;
        int column;
    };
    Case const cases[] = {
        { "id: a\ntitle: 电价\n", "title", 2, 8 },
        { "id: a\n  title:   x\n", "title", 2, 12 }, // indented, spaces before the value
        { "body: 说明\ntitle: x\n", "title", 2, 8 },
        { "标题: 电价\ntitle:\n", "title", 2, 1 }, // no value: the key itself
        { "x: 电价 title: y\n", "title", 0, 0 },   // only at the start of a line
        { "titles: x\n", "title", 0, 0 },          // another key that starts the same
        { "", "title", 0, 0 },
    };
    for (auto const& test_case : cases) {
        CAPTURE(test_case.text);
        CHECK(location_of_key(test_case.text, "n.yaml", test_case.key)
            == SourceLocation { "n.yaml", test_case.line, test_case.column });
    }
    // Columns count characters, not bytes.
    CHECK(location_of_key("标题: x\n", "n.yaml", "标题").column == 5);
}

TEST_CASE("notices that ended long ago and titles longer than a line are warned about")
{
    Date const today { 2026, 12, 5 };
    auto notice_ending = [](Date date) {
        Notice notice;
        notice.id = "n";
        notice.title = "电价";
        notice.valid_until = LocalDateTime { date, 24 * 60 - 1 };
        return notice;
    };
    CHECK(notice_warnings(notice_ending({ 2026, 11, 5 }), today).empty()); // 30 days ago: left alone
    auto expired = notice_warnings(notice_ending({ 2026, 11, 4 }), today);
    REQUIRE(expired.size() == 1);
    CHECK(expired[0].key == "valid_until");
    CHECK(expired[0].message == "notice 'n' ended on 2026-11-04, 31 days ago: it is never shown again");
    CHECK(notice_warnings(notice_ending({ 2027, 1, 1 }), today).empty());

    Notice titled;
    titled.id = "t";
    titled.title = std::string(26 * 3, 'x') + "x"; // 26 * 3 + 1 ASCII characters: 39.5 wide
    auto long_title = notice_warnings(titled, today);
    REQUIRE(long_title.size() == 1);
    CHECK(long_title[0].key == "title");
    titled.title = std::string(52, 'x'); // exactly one line
    CHECK(notice_warnings(titled, today).empty());
}

TEST_CASE("a notice's pictures are its image and its QR codes, in slide order")
{
    Notice image;
    image.body = ImageSlide { "assets/poster.png", ImageFit::Contain, "" };
    CHECK(pictures_of(image) == std::vector<std::string> { "assets/poster.png" });
    Notice hotlines;
    hotlines.body
        = Hotlines { { { "a", "1", "", "assets/a.png" }, { "b", "2", "", "" }, { "c", "3", "", "assets/c.png" } } };
    CHECK(pictures_of(hotlines) == std::vector<std::string> { "assets/a.png", "assets/c.png" });
    CHECK(pictures_of(Notice {}).empty());
}
