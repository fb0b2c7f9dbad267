// wrap_text with the fixed-advance fake: clreq prohibitions, whole words and numbers,
// hard newlines, overflow, and the invariants every wrap must keep.
#include "player/layout/line_breaking.h"
#include "player/layout/text_layout.h"
#include "base/utf8.h"

#include "text_test_support.h"

#include <string>
#include <string_view>
#include <vector>

using namespace hallboard;

namespace {

constexpr int em = 10;
constexpr FontSpec font { em, FontWeight::Regular };

using Lines = std::vector<std::string>;

WrappedText wrap(std::string_view text, float width_in_ems)
{
    FixedAdvanceMeasurer measurer;
    return wrap_text(text, width_in_ems * em, font, measurer);
}

char32_t first_code_point(std::string_view text)
{
    return decode_utf8(text, 0).code_point;
}
char32_t last_code_point(std::string_view text)
{
    return decode_utf8(text, previous_code_point_start(text, text.size())).code_point;
}

std::string without_whitespace(std::string_view text)
{
    std::string out;
    for (size_t offset = 0; offset < text.size();) {
        auto decoded = decode_utf8(text, offset);
        if (!is_whitespace(decoded.code_point))
            out.append(text.substr(offset, decoded.length));
        offset += decoded.length;
    }
    return out;
}

// What must hold for any text and width: nothing lost or reordered, lines fit unless the
// result says it overflowed, no prohibited punctuation at line edges, no spaces at line ends.
void check_invariants(std::string_view text, float width_in_ems)
{
    CAPTURE(text);
    CAPTURE(width_in_ems);
    FixedAdvanceMeasurer measurer;
    auto const wrapped = wrap(text, width_in_ems);
    std::string joined;
    float widest = 0;
    for (auto const& line : wrapped.lines) {
        CAPTURE(line);
        joined += line;
        float const width = measurer.width(line, font);
        widest = std::max(widest, width);
        if (!wrapped.overflow)
            CHECK(width <= width_in_ems * em);
        if (line.empty())
            continue;
        CHECK_FALSE(is_whitespace(last_code_point(line)));
        if (!wrapped.overflow) {
            CHECK_FALSE(is_line_start_prohibited(first_code_point(line)));
            CHECK_FALSE(is_line_end_prohibited(last_code_point(line)));
        }
    }
    CHECK(without_whitespace(joined) == without_whitespace(text));
    CHECK(wrapped.widest == doctest::Approx(widest));
}

} // namespace

TEST_CASE("wrap_text keeps closing punctuation off the line start")
{
    // Each text would put the punctuation at the start of line 2 if broken naively after
    // four ems; instead the character before it moves down with it.
    struct Case {
        char const* name;
        char const* text;
        Lines expected;
    };
    Case const cases[] = {
        { "，", "一二三四，五六", { "一二三", "四，五六" } },
        { "。", "一二三四。五六", { "一二三", "四。五六" } },
        { "、", "一二三四、五六", { "一二三", "四、五六" } },
        { "；", "一二三四；五六", { "一二三", "四；五六" } },
        { "：", "一二三四：五六", { "一二三", "四：五六" } },
        { "？", "一二三四？五六", { "一二三", "四？五六" } },
        { "！", "一二三四！五六", { "一二三", "四！五六" } },
        { "）", "（二三四）五六", { "（二三", "四）五六" } },
        { "」", "「二三四」五六", { "「二三", "四」五六" } },
        { "』", "『二三四』五六", { "『二三", "四』五六" } },
        { "】", "【二三四】五六", { "【二三", "四】五六" } },
        { "〉", "〈二三四〉五六", { "〈二三", "四〉五六" } },
        { "》", "《二三四》五六", { "《二三", "四》五六" } },
        { "〕", "〔二三四〕五六", { "〔二三", "四〕五六" } },
        { "｝", "｛二三四｝五六", { "｛二三", "四｝五六" } },
        { "％", "一二三四％五六", { "一二三", "四％五六" } },
        { "．", "一二三四．五六", { "一二三", "四．五六" } },
        { "closing quote and full stop together", "一二三“四”。五", { "一二三", "“四”。五" } },
        { "ASCII comma", "一二三四,五六", { "一二三", "四,五六" } },
        { "ASCII full stop", "一二三四.五六", { "一二三", "四.五六" } },
        { "ASCII closing parenthesis", "一二三四)五六", { "一二三", "四)五六" } },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            auto const wrapped = wrap(c.text, 4);
            CHECK(wrapped.lines == c.expected);
            CHECK_FALSE(wrapped.overflow);
        }
    }
}

TEST_CASE("wrap_text keeps opening punctuation off the line end")
{
    // Naively line 1 would end with the opening mark after three ems.
    struct Case {
        char const* name;
        char const* text;
        Lines expected;
    };
    Case const cases[] = {
        { "（", "一二三（四）", { "一二三", "（四）" } },
        { "「", "一二三「四」", { "一二三", "「四」" } },
        { "『", "一二三『四』", { "一二三", "『四』" } },
        { "【", "一二三【四】", { "一二三", "【四】" } },
        { "〈", "一二三〈四〉", { "一二三", "〈四〉" } },
        { "《", "一二三《四》", { "一二三", "《四》" } },
        { "〔", "一二三〔四〕", { "一二三", "〔四〕" } },
        { "｛", "一二三｛四｝", { "一二三", "｛四｝" } },
        { "“", "一二三“四”", { "一二三", "“四”" } },
        { "‘", "一二三‘四’", { "一二三", "‘四’" } },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            CHECK(wrap(c.text, 3.5f).lines == c.expected);
        }
    }
}

TEST_CASE("wrap_text keeps words, numbers and doubled marks whole")
{
    struct Case {
        char const* name;
        char const* text;
        float width_in_ems;
        Lines expected;
    };
    Case const cases[] = {
        // "一二" is 2 em, "Hallboard" 4.5 em: the word moves down whole.
        // The fake makes — and … half an em.
        { "Latin word", "一二Hallboard三", 6, { "一二", "Hallboard三" } },
        { "Latin words break at spaces, spaces dropped", "State Grid service", 4.5f, { "State", "Grid", "service" } },
        { "decimal", "电价为0.4883元", 5, { "电价为", "0.4883元" } },
        { "range", "第二档2161–4200度", 6, { "第二档", "2161–4200度" } },
        { "phone number", "拨打020-12345678", 7, { "拨打", "020-12345678" } },
        { "number with unit", "承诺五个工作日内3个工作日", 8, { "承诺五个工作日内", "3个工作日" } },
        // ... and, chosen by cost, does not end the paragraph as a stub of two characters.
        { "number with unit moves down together", "一二三四五六3个", 7, { "一二三四五", "六3个" } },
        // Breaks chosen by cost: no paragraph ending in a lone 五.
        { "double em dash", "一二三——四五", 3.5f, { "一二", "三——", "四五" } },
        { "double ellipsis", "一二三……四五", 3.5f, { "一二", "三……", "四五" } },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            auto const wrapped = wrap(c.text, c.width_in_ems);
            CHECK(wrapped.lines == c.expected);
            CHECK_FALSE(wrapped.overflow);
        }
    }
}

TEST_CASE("wrap_text: newlines, blanks and spaces")
{
    struct Case {
        char const* name;
        char const* text;
        Lines expected;
    };
    Case const cases[] = {
        { "empty text has no lines", "", {} },
        { "whitespace only has no lines", "  \u3000 \n \t", {} },
        { "a lone newline has no lines", "\n", {} },
        { "hard newline", "一二\n三四", { "一二", "三四" } },
        { "trailing newline ignored", "一二\n三四\n", { "一二", "三四" } },
        { "blank lines kept", "一二\n\n三四\n", { "一二", "", "三四" } },
        { "a line of spaces is a blank line", "一二\n   \n三四", { "一二", "", "三四" } },
        { "second trailing newline is a blank line", "一二\n\n", { "一二", "" } },
        { "CRLF", "一二\r\n三四\r\n", { "一二", "三四" } },
        { "line separator is a hard break", "一二\u2028三四", { "一二", "三四" } },
        { "lone carriage return is a hard break", "一二\r三四", { "一二", "三四" } },
        { "fits on one line", "一二三", { "一二三" } },
        { "trailing spaces dropped", "ab cd ef gh ij kl", { "ab cd ef", "gh ij kl" } },
        { "ideographic space at line end dropped", "一二三四五\u3000六七八", { "一二三四五", "六七八" } },
        { "leading indent kept", "\u3000\u3000甲乙丙丁戊己", { "\u3000\u3000甲乙丙", "丁戊己" } },
        { "wrapped lines of a hard-broken text", "一二三四五六七八\n九", { "一二三四五", "六七八", "九" } },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            auto const wrapped = wrap(c.text, 5);
            CHECK(wrapped.lines == c.expected);
            CHECK_FALSE(wrapped.overflow);
        }
    }
}

TEST_CASE("wrap_text cuts a piece wider than the box and reports overflow")
{
    struct Case {
        char const* name;
        char const* text;
        float width_in_ems;
        Lines expected;
    };
    Case const cases[] = {
        { "long Latin word", "Hallboard", 2, { "Hall", "boar", "d" } },
        { "long number", "12345678", 2, { "1234", "5678" } },
        { "word after Han goes to its own lines", "一Hallboard", 3, { "一", "Hallbo", "ard" } },
        { "character with punctuation in a one-em box", "一。", 1, { "一", "。" } },
        { "box narrower than one character still progresses", "一二", 0.5f, { "一", "二" } },
        { "zero width", "ab", 0, { "a", "b" } },
        { "indent wider than the box stays with a character", "\u3000\u3000Hallboard", 1.5f,
            { "\u3000\u3000H", "all", "boa", "rd" } },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            auto const wrapped = wrap(c.text, c.width_in_ems);
            CHECK(wrapped.lines == c.expected);
            CHECK(wrapped.overflow);
        }
    }
    SUBCASE("cuts only between code points")
    {
        // "甲乙丙" is 3 bytes per character: a 1-em box must keep every sequence intact.
        auto const wrapped = wrap("甲乙丙", 1);
        CHECK(wrapped.lines == Lines { "甲", "乙", "丙" });
        CHECK_FALSE(wrapped.overflow);
    }
}

TEST_CASE("wrap_text reports the widest line")
{
    struct Case {
        char const* name;
        char const* text;
        float expected_ems;
    };
    Case const cases[] = {
        { "one line", "一二三", 3 },
        { "first line widest", "一二三四五六七八", 5 },
        { "second line widest", "一\n二三四", 3 },
        { "empty", "", 0 },
        { "trailing spaces not counted", "ab  \ncd", 1 },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            CHECK(wrap(c.text, 5).widest == doctest::Approx(c.expected_ems * em));
        }
    }
}

TEST_CASE("wrap_text invariants over real notice text and many widths")
{
    char const* const texts[] = {
        "居民用户新装、增容：申请受理（营业厅、“网上国网”App、95598）→现场勘查→装表接电，全过程不超过5个工作日。",
        "第一档≤2760 kWh：0.538元/kWh（峰0.568／谷0.288）；第二档2761–4800 kWh：0.588元/kWh。",
        "停电通知：因设备检修，2025年3月12日8:00～17:00，以下区域停电……请提前做好准备——谢谢配合！",
        "服务热线 95598，24小时受理故障报修、咨询、投诉。Hotline: 95598 (24 h).",
        "「一证办电」：凭《用电人有效身份证明》即可办理，无需其他材料。",
        "价格包含国家重大水利工程建设基金、大中型水库移民后期扶持基金、可再生能源电价附加。",
        "The quick brown fox jumps over the lazy dog, then (again) over the fence.",
    };
    for (char const* text : texts) {
        for (float width = 1; width <= 30; width += 0.5f)
            check_invariants(text, width);
    }
}

TEST_CASE("wrap_text handles invalid UTF-8 without splitting or crashing")
{
    std::string const text = std::string("一二") + "\xE4\xB8" + "三四\xFF五六";
    auto const wrapped = wrap(text, 3);
    std::string joined;
    for (auto const& line : wrapped.lines) {
        CHECK(is_valid_utf8(line));
        joined += line;
    }
    CHECK(joined == "一二\uFFFD\uFFFD三四\uFFFD五六");
}

TEST_CASE("wrap_text of a long paragraph")
{
    // Linear-time sanity: 2000+ characters in a narrow and in a very wide box. Not timed;
    // a quadratic-per-paragraph wrapper would make this suite noticeably slow.
    std::string paragraph;
    while (count_characters(paragraph) < 2000)
        paragraph += "供电营业厅提供新装、增容、过户等业务，全过程不超过5个工作日；咨询请拨打95598。";
    FixedAdvanceMeasurer measurer;
    auto const narrow = wrap_text(paragraph, 20 * em, font, measurer);
    auto const lines_needed = measurer.width(paragraph, font) / (20 * em);
    CHECK(static_cast<float>(narrow.lines.size()) >= lines_needed);
    CHECK(static_cast<float>(narrow.lines.size()) <= lines_needed * 1.2f);
    CHECK_FALSE(narrow.overflow);
    auto const wide = wrap_text(paragraph, 1e6f, font, measurer);
    CHECK(wide.lines == Lines { paragraph });
    check_invariants(paragraph, 20);
}

namespace {

// Counts how much text was measured: a wrapper that re-measures every prefix of a line
// (or of the paragraph) measures many times the text's length.
class CountingMeasurer final : public TextMeasurer {
public:
    float width(std::string_view utf8, FontSpec font_spec) override
    {
        m_bytes_measured += utf8.size();
        return m_inner.width(utf8, font_spec);
    }
    float ascent(FontSpec font_spec) override { return m_inner.ascent(font_spec); }
    float descent(FontSpec font_spec) override { return m_inner.descent(font_spec); }
    size_t bytes_measured() const { return m_bytes_measured; }

private:
    FixedAdvanceMeasurer m_inner;
    size_t m_bytes_measured = 0;
};

} // namespace

TEST_CASE("wrap_text measures each part of the text a bounded number of times")
{
    std::string paragraph;
    while (count_characters(paragraph) < 2000)
        paragraph += "供电营业厅提供新装、增容、过户等业务，全过程不超过5个工作日；Hotline 95598.";
    for (float width_in_ems : { 4.f, 40.f, 1e5f }) {
        CAPTURE(width_in_ems);
        CountingMeasurer measurer;
        auto const wrapped = wrap_text(paragraph, width_in_ems * em, font, measurer);
        CHECK_FALSE(wrapped.overflow);
        CHECK(measurer.bytes_measured() <= 6 * paragraph.size());
    }
}

namespace {

// Shaping stand-ins: the width of a string is not the sum of its parts.
enum class Shaping { Tighter, Looser };

class NonAdditiveMeasurer final : public TextMeasurer {
public:
    explicit NonAdditiveMeasurer(Shaping shaping)
        : m_shaping(shaping)
    {
    }
    float width(std::string_view utf8, FontSpec font_spec) override
    {
        float const base = m_inner.width(utf8, font_spec);
        int const code_points = count_characters(utf8) + static_cast<int>(utf8.size())
            - static_cast<int>(without_whitespace(utf8).size());
        if (code_points < 2)
            return base;
        // Tighter: kerning pulls every pair 1 px closer; looser: tracking pushes 1 px apart.
        float const per_pair = m_shaping == Shaping::Tighter ? -1.f : 1.f;
        return base + per_pair * static_cast<float>(code_points - 1);
    }
    float ascent(FontSpec font_spec) override { return m_inner.ascent(font_spec); }
    float descent(FontSpec font_spec) override { return m_inner.descent(font_spec); }

private:
    Shaping m_shaping;
    FixedAdvanceMeasurer m_inner;
};

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && is_whitespace(last_code_point(text)))
        text = text.substr(0, previous_code_point_start(text, text.size()));
    return text;
}

// The obvious greedy wrapper: measure every candidate line whole. Quadratic, but the oracle.
Lines reference_wrap(std::string_view paragraph, float max_width, TextMeasurer& measurer)
{
    std::vector<size_t> ends;
    for (auto const& opportunity : break_opportunities(paragraph))
        ends.push_back(opportunity.offset);
    ends.push_back(paragraph.size());
    Lines lines;
    size_t start = 0;
    size_t accepted = 0;
    for (size_t end : ends) {
        auto const candidate = trimmed(paragraph.substr(start, end - start));
        if (accepted > start && measurer.width(candidate, font) > max_width) {
            lines.emplace_back(trimmed(paragraph.substr(start, accepted - start)));
            start = accepted;
        }
        accepted = end;
    }
    lines.emplace_back(trimmed(paragraph.substr(start)));
    return lines;
}

} // namespace

TEST_CASE("wrap_text matches whole-line measuring when shaping is not additive")
{
    char const* const texts[] = {
        "居民用户新装、增容：申请受理（营业厅、“网上国网”App、95598）→现场勘查→装表接电，全过程不超过5个工作日。",
        "The quick brown fox jumps over the lazy dog, then (again) over the fence and far away.",
        "停电通知：因设备检修，2025年3月12日8:00～17:00，以下区域停电……请提前做好准备——谢谢配合！",
    };
    for (auto shaping : { Shaping::Tighter, Shaping::Looser }) {
        NonAdditiveMeasurer measurer(shaping);
        for (char const* text : texts) {
            for (float width = 80; width <= 400; width += 7) {
                CAPTURE(static_cast<int>(shaping));
                CAPTURE(text);
                CAPTURE(width);
                auto const wrapped = wrap_text(text, width, font, measurer);
                CHECK_FALSE(wrapped.overflow);
                // Breaks are chosen by cost, not greedily: as many lines as greedy filling
                // needs, each of them fitting when measured whole, the text all there.
                auto const reference = reference_wrap(text, width, measurer);
                CHECK(wrapped.lines.size() == reference.size());
                std::string joined;
                for (auto const& line : wrapped.lines) {
                    CHECK(measurer.width(line, font) <= width);
                    joined += line;
                }
                std::string reference_joined;
                for (auto const& line : reference)
                    reference_joined += line;
                // The spaces dropped at line ends differ with the breaks.
                std::erase(joined, ' ');
                std::erase(reference_joined, ' ');
                CHECK(joined == reference_joined);
            }
        }
    }
}
