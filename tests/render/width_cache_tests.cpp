// The measured-width cache stays within its byte budget however many texts are measured (the
// clock alone measures 86 400 a day), and still answers correctly after it turns over.
#include "render_test_support.h"

#include <cstdio>

namespace hallboard {

TEST_CASE("the width cache is bounded in bytes and keeps answering the same")
{
    FontSet& fonts = test::fonts();
    FontSpec const clock { 48, FontWeight::Bold };
    float const reference = fonts.width("营业时间 08:00:00", clock);
    char text[64];
    std::size_t most = 0;
    for (int second = 0; second < 30000; ++second) {
        std::snprintf(text, sizeof text, "营业时间 %02d:%02d:%02d", second / 3600 % 24, second / 60 % 60, second % 60);
        fonts.width(text, clock);
        most = std::max(most, fonts.width_cache_bytes());
    }
    CHECK(most <= FontSet::width_cache_budget);
    CHECK(most > FontSet::width_cache_budget / 4); // it did fill up: the bound was what held it
    // A width asked for again, long after it left the cache, is measured again the same.
    CHECK(fonts.width("营业时间 08:00:00", clock) == reference);
    CHECK(fonts.width("营业时间 08:00:00", clock) == reference);
}

} // namespace hallboard
