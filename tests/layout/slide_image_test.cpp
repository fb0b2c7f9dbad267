// Image slides: the image box fills the body, the caption is centred below it, the asset
// path resolves against the source root, and a slide without a title uses the whole height.
#include "player/layout/slide_chrome.h"

#include "layout_test_support.h"

#include <doctest/doctest.h>

using namespace hallboard;
using namespace hallboard::test;

namespace {

SlideLayout lay_out(const ImageSlide& image, TestSlide& slide, std::string title = {}, std::string footer = {})
{
    return layout_image(make_notice(std::move(title), image, std::move(footer)), image, slide.context);
}

} // namespace

TEST_CASE("an image fills the body and its caption is centred below it")
{
    struct Case {
        const char* name;
        std::string title;
        std::string caption;
        std::string footer;
        ImageFit fit;
    };
    Case const cases[] = {
        { "bare", "", "", "", ImageFit::Contain },
        { "caption", "", "节约用电 从我做起", "", ImageFit::Contain },
        { "title and caption", "节能宣传", "节约用电 从我做起", "", ImageFit::Cover },
        { "title, caption, footer", "节能宣传", "节约用电 从我做起", "某某供电局宣", ImageFit::Contain },
        { "long caption", "",
            "节约用电从我做起，随手关灯，空调温度夏季不低于26度冬季不高于20度，电器不用时拔掉插头，选用节能家电，共建绿"
            "色家园",
            "", ImageFit::Contain },
    };
    for (auto const& screen : test_screens) {
        for (auto const& test : cases) {
            SUBCASE((std::string(screen.name) + ", " + test.name).c_str())
            {
                TestSlide slide(screen, "/srv/content");
                auto const layout = lay_out(
                    ImageSlide { "assets/poster.png", test.fit, test.caption }, slide, test.title, test.footer);
                CHECK(layout.problems.empty());
                REQUIRE(layout.pages.size() == 1);
                auto const& page = layout.pages[0];
                auto const issues = page_issues(page, slide);
                INFO(join_lines(issues));
                CHECK(issues.empty());

                auto const images = commands_of<ImageDraw>(page);
                REQUIRE(images.size() == 1);
                auto const& image = *images[0];
                CHECK(image.path == "/srv/content/assets/poster.png");
                CHECK(image.fit == test.fit);
                auto const notice = make_notice(test.title, ImageSlide {}, test.footer);
                Rect const body = measure_chrome(notice, slide.context, 1).body;
                CHECK(image.rect.x == doctest::Approx(body.x));
                CHECK(image.rect.w == doctest::Approx(body.w));
                CHECK(image.rect.y == doctest::Approx(body.y));
                if (test.title.empty())
                    CHECK(image.rect.y == doctest::Approx(slide.margin()));
                // Most of the slide is picture.
                CHECK(image.rect.h > 0.6f * body.h);

                std::vector<TextBox> caption_lines;
                for (auto const& box : text_boxes(page, slide.measurer)) {
                    if (box.run->color == slide.theme.text && box.run->font.weight == FontWeight::Regular)
                        caption_lines.push_back(box);
                }
                if (test.caption.empty()) {
                    CHECK(caption_lines.empty());
                    CHECK(image.rect.bottom() == doctest::Approx(body.bottom()));
                    continue;
                }
                REQUIRE(!caption_lines.empty());
                CHECK(caption_lines.size() <= 3);
                std::string caption;
                for (auto const& line : caption_lines) {
                    caption += line.run->text;
                    CHECK(line.box.y >= image.rect.bottom());
                    CHECK(line.box.bottom() <= body.bottom() + 0.5f);
                    CHECK(line.run->font.pixel_size >= slide.min_px());
                    CHECK(line.run->font.pixel_size <= slide.body_px());
                    // Centred under the picture.
                    float const centre = line.box.x + line.box.w / 2;
                    CHECK(centre == doctest::Approx(image.rect.x + image.rect.w / 2).epsilon(0.001));
                }
                CHECK(caption.size() + 1 >= test.caption.size()); // a space may go at a line end
                if (test.caption.size() < 40)
                    CHECK(caption_lines[0].run->font.pixel_size == slide.body_px());
            }
        }
    }
}

TEST_CASE("the asset path joins the source root and the src")
{
    struct Case {
        const char* root;
        const char* expected;
    };
    Case const cases[] = {
        { "/srv/content", "/srv/content/assets/a.png" },
        { "/srv/content/", "/srv/content/assets/a.png" },
        { "", "assets/a.png" },
    };
    for (auto const& test : cases) {
        CAPTURE(test.root);
        TestSlide slide(test_screens[0], test.root);
        auto const layout = lay_out(ImageSlide { "assets/a.png", ImageFit::Contain, "" }, slide);
        REQUIRE(layout.pages.size() == 1);
        auto const images = commands_of<ImageDraw>(layout.pages[0]);
        REQUIRE(images.size() == 1);
        CHECK(images[0]->path == test.expected);
    }
}

TEST_CASE("a caption too long for two lines at the minimum size is reported")
{
    TestSlide slide(test_screens[1]);
    std::string caption;
    for (int i = 0; i < 10; ++i)
        caption += "节约用电从我做起，随手关灯，人走灯灭。";
    auto const layout = lay_out(ImageSlide { "assets/poster.png", ImageFit::Contain, caption }, slide);
    CHECK(!layout.problems.empty());
    REQUIRE(layout.pages.size() == 1);
    auto const issues = page_issues(layout.pages[0], slide);
    INFO(join_lines(issues));
    CHECK(issues.empty());
}

TEST_CASE("a caption of two lines breaks into lines of similar length")
{
    for (auto const& screen : test_screens) {
        SUBCASE(screen.name)
        {
            TestSlide slide(screen);
            ImageSlide image;
            image.src = "assets/poster.png";
            // A little longer than one line at the body size: a greedy break leaves a stub.
            std::string caption;
            float const width = slide.content_box().w;
            while (slide.measurer.width(caption, FontSpec { slide.body_px() })
                < width + 2.0f * static_cast<float>(slide.body_px()))
                caption += "节约用电";
            image.caption = caption;
            auto const layout = lay_out(image, slide);
            CHECK(layout.problems.empty());
            std::vector<const TextRun*> lines;
            for (auto const* run : text_runs(layout.pages[0]))
                lines.push_back(run);
            REQUIRE(lines.size() == 2);
            float const first = slide.measurer.width(lines[0]->text, lines[0]->font);
            float const second = slide.measurer.width(lines[1]->text, lines[1]->font);
            CHECK(std::abs(first - second) <= 4.5f * static_cast<float>(lines[0]->font.pixel_size));
            CHECK(lines[0]->text + lines[1]->text == caption);
            INFO(join_lines(layout_issues(layout, slide)));
            CHECK(layout_issues(layout, slide).empty());
        }
    }
}
