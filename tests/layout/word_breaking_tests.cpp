// Choosing among legal line breaks by cost: words (ICU), terms of the trade, numbers with
// their units and 《》 names stay whole when another break costs little.
#include "player/layout/break_costs.h"
#include "player/layout/line_breaking.h"
#include "player/layout/text_layout.h"
#include "text_test_support.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

using namespace hallboard;

namespace {

// The text with '|' at every legal break that costs nothing and '^' at every one that costs.
std::string mark_costly_breaks(std::string_view text)
{
    std::vector<size_t> offsets;
    for (auto const& opportunity : break_opportunities(text))
        offsets.push_back(opportunity.offset);
    auto penalties = break_penalties(text, offsets);
    std::string marked;
    size_t previous = 0;
    for (size_t index = 0; index < offsets.size(); ++index) {
        marked.append(text.substr(previous, offsets[index] - previous));
        marked.push_back(penalties[index] > 0 ? '^' : '|');
        previous = offsets[index];
    }
    marked.append(text.substr(previous));
    return marked;
}

std::vector<std::string> wrap_at(std::string_view text, float ems)
{
    FixedAdvanceMeasurer measurer;
    FontSpec const font { 40, FontWeight::Regular };
    return wrap_text(text, ems * 40, font, measurer).lines;
}

} // namespace

TEST_CASE("breaks inside words, terms, numbers with units and names cost; between words they do not")
{
    struct Case {
        char const* text;
        char const* inside; // a piece of the marked text that must appear
    };
    Case const cases[] = {
        { "签订供用电合同", "供^用^电|合^同" },
        { "登录网上国网办理", "网^上^国^网|" },
        { "与竣工检验同步", "与|竣^工^检^验|" },
        { "受理后22 个工作日内", "22 个^工^作^日" },
        { "十千伏线路", "十^千^伏|" },
        { "停电约45 分钟", "45 分^钟" },
        { "详见《供电营业规则》", "《供^电^营^业^规^则》" },
    };
    for (auto const& each : cases) {
        CAPTURE(each.text);
        auto marked = mark_costly_breaks(each.text);
        CAPTURE(marked);
        CHECK(marked.find(each.inside) != std::string::npos);
    }
}

TEST_CASE("a number that is not followed by a unit may end a line for free")
{
    auto const marked = mark_costly_breaks("拨打95598 均可申请");
    CAPTURE(marked);
    CHECK(marked.find("95598 |均") != std::string::npos);
}

TEST_CASE("lines break between words when that costs no extra line")
{
    // Greedy filling gives 我们将在签订供用 / 电合同后办理.
    CHECK(
        wrap_at("我们将在签订供用电合同后办理", 8) == std::vector<std::string> { "我们将在签订", "供用电合同后办理" });
    // Greedy filling gives 请在受理后22 个 / 工作日内.
    CHECK(wrap_at("请在受理后22 个工作日内", 8) == std::vector<std::string> { "请在受理后", "22 个工作日内" });
}

TEST_CASE("a word is still split when keeping it whole would take another line")
{
    auto lines = wrap_at("签订供用电合同", 4);
    CHECK(lines.size() == 2);
}

TEST_CASE("a paragraph does not end in a single character when a break earlier costs little")
{
    // Greedy: 请携带本人身份证 / 原件到营业厅办理 / 。is impossible (clreq), but a lone 理。 is not.
    auto lines = wrap_at("请携带本人身份证原件到营业厅办理业务。", 9);
    REQUIRE(lines.size() == 3);
    CHECK(lines.back().size() > std::string("务。").size());
}
