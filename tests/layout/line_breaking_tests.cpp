// Break opportunities: UAX #14 from libunibreak narrowed by the clreq prohibitions.
#include "player/layout/line_breaking.h"
#include "base/utf8.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

using namespace hallboard;

namespace {

// The text with '|' at every allowed break and '!' at every mandatory one.
std::string mark_breaks(std::string_view text)
{
    std::string marked;
    size_t previous = 0;
    for (auto const& opportunity : break_opportunities(text)) {
        marked.append(text.substr(previous, opportunity.offset - previous));
        marked.push_back(opportunity.kind == BreakKind::Allowed ? '|' : '!');
        previous = opportunity.offset;
    }
    marked.append(text.substr(previous));
    return marked;
}

} // namespace

TEST_CASE("break opportunities between Han characters and around punctuation")
{
    struct Case {
        char const* name;
        char const* text;
        char const* expected;
    };
    Case const cases[] = {
        { "Han characters break anywhere", "申请受理", "申|请|受|理" },
        { "comma stays with the character before", "供电，营业", "供|电，|营|业" },
        { "full stop stays with the character before", "办结。谢谢", "办|结。|谢|谢" },
        { "enumeration comma", "甲、乙", "甲、|乙" },
        { "colon and semicolon", "注：甲；乙", "注：|甲；|乙" },
        { "question and exclamation marks", "吗？好！", "吗？|好！" },
        { "closing bracket", "（营业厅）办理", "（营|业|厅）|办|理" },
        { "corner brackets", "「网上国网」", "「网|上|国|网」" },
        { "book title marks", "见《通知》。", "见|《通|知》。" },
        { "curly quotes", "称“一证办电”。", "称|“一|证|办|电”。" },
        { "single quotes", "‘好’字", "‘好’|字" },
        { "lenticular brackets", "【公告】内容", "【公|告】|内|容" },
        { "double em dash stays whole", "办理——完成", "办|理——|完|成" },
        { "double ellipsis stays whole", "等等……完", "等|等……|完" },
        { "middle dot", "居民·用电", "居|民·|用|电" },
        { "full-width full stop", "甲．乙", "甲．|乙" },
        { "percent", "约95%以上", "约|95%|以|上" },
        { "ASCII punctuation after Han", "甲,乙.丙;丁:戊?己!", "甲,|乙.|丙;|丁:|戊?|己!" },
        { "ASCII brackets", "甲(乙)丙[丁]", "甲|(乙)|丙|[丁]" },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            CHECK(mark_breaks(c.text) == c.expected);
        }
    }
}

TEST_CASE("numbers, units and Latin words stay whole")
{
    struct Case {
        char const* name;
        char const* text;
        char const* expected;
    };
    Case const cases[] = {
        { "Latin words break only at spaces", "State Grid Hallboard", "State |Grid |Hallboard" },
        { "Latin word between Han", "使用Hallboard系统", "使|用|Hallboard|系|统" },
        { "decimal number", "电价0.4883元", "电|价|0.4883元" },
        { "en-dash range", "第二档2161–4200千瓦时", "第|二|档|2161–4200千|瓦|时" },
        { "tilde range of times", "时间8:00～17:00办理", "时|间|8:00～17:00办|理" },
        { "phone number", "电话020-12345678咨询", "电|话|020-12345678咨|询" },
        { "number with its unit", "需3个工作日", "需|3个|工|作|日" },
        { "number with its unit across a thin space", "需\u20093\u2009个工作日", "需\u2009|3\u2009个|工|作|日" },
        { "number with its unit across a typed space", "1–28 幢停电", "1–28 幢|停|电" },
        { "number, space, Han word: the space still breaks after the word", "共 3 个 工作日", "共 |3 个 |工|作|日" },
        { "number, space, a word that is no unit: breakable", "95598 均可", "95598 |均|可" },
        { "full-width digits", "第１２期", "第|１２期" },
        { "thousands separator", "共1,234户", "共|1,234户" },
        { "number then Latin unit", "0.538元/kWh", "0.538元/|kWh" },
        { "number, space, Latin unit", "共2760 kWh电量", "共|2760 kWh|电|量" },
        { "number, thin space, Latin unit", "共2760\u2009kWh", "共|2760\u2009kWh" },
        { "word, space, word still breaks", "State Grid 95598", "State |Grid |95598" },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            CHECK(mark_breaks(c.text) == c.expected);
        }
    }
}

TEST_CASE("break opportunities: spaces and mandatory breaks")
{
    SUBCASE("break after the spaces, never before")
    {
        CHECK(mark_breaks("ab  cd") == "ab  |cd");
    }
    SUBCASE("ideographic space")
    {
        CHECK(mark_breaks("甲\u3000乙") == "甲\u3000|乙");
    }
    SUBCASE("line separator is mandatory")
    {
        CHECK(mark_breaks("甲\u2028乙") == "甲\u2028!乙");
    }
    SUBCASE("empty text")
    {
        CHECK(break_opportunities("").empty());
    }
    SUBCASE("one character")
    {
        CHECK(break_opportunities("甲").empty());
    }
    SUBCASE("offsets are code point boundaries")
    {
        std::string const text = "供电营业厅，欢迎您！Welcome to 95598 服务。";
        for (auto const& opportunity : break_opportunities(text)) {
            CHECK(opportunity.offset > 0);
            CHECK(opportunity.offset < text.size());
            CHECK((static_cast<unsigned char>(text[opportunity.offset]) & 0xC0) != 0x80);
        }
    }
}

TEST_CASE("prohibited character sets")
{
    for (char32_t c : std::u32string_view(U"，。、；：？！）」』】〉》〕｝”’％…—·．,.;:?!)]}%")) {
        CAPTURE(static_cast<unsigned>(c));
        CHECK(is_line_start_prohibited(c));
        CHECK_FALSE(is_line_end_prohibited(c));
    }
    for (char32_t c : std::u32string_view(U"（「『【〈《〔｛“‘([{")) {
        CAPTURE(static_cast<unsigned>(c));
        CHECK(is_line_end_prohibited(c));
        CHECK_FALSE(is_line_start_prohibited(c));
    }
    for (char32_t c : std::u32string_view(U"甲a1 ")) {
        CHECK_FALSE(is_line_start_prohibited(c));
        CHECK_FALSE(is_line_end_prohibited(c));
    }
}
