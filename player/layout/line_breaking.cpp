// UAX #14 break opportunities (libunibreak) with the clreq prohibitions applied on top.
#include "player/layout/line_breaking.h"

#include "base/utf8.h"

#include <linebreak.h>

#include <string>
#include <string_view>

namespace hallboard {

static void ensure_libunibreak_initialized()
{
    // init_linebreak fills lookup tables; a function-local static makes it once and thread-safe.
    static bool const initialized = [] {
        init_linebreak();
        return true;
    }();
    (void)initialized;
}

bool is_line_start_prohibited(char32_t c)
{
    static constexpr std::u32string_view prohibited
        = U"，。、；：？！）」』】〉》〕｝”’％…—·．,.;:?!)]}%"
          U"\u2015\u2E3A\u22EF\u30FB\uFF5D\uFF60\u3009\u300B\u3011\u3015\u3017\u3019\u301B\uFE50\uFE52";
    return prohibited.find(c) != std::u32string_view::npos;
}

bool is_line_end_prohibited(char32_t c)
{
    static constexpr std::u32string_view prohibited = U"（「『【〈《〔｛“‘([{\u3016\u3018\u301A\uFF5F";
    return prohibited.find(c) != std::u32string_view::npos;
}

static bool is_digit(char32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

// Characters that join two digits into one number: decimal points, thousands separators,
// time colons, date slashes, range dashes and tildes, phone-number hyphens.
static bool is_number_joiner(char32_t c)
{
    switch (c) {
    case '.':
    case ',':
    case ':':
    case '/':
    case '-':
    case '~':
    case 0x2010: // hyphen
    case 0x2011: // non-breaking hyphen
    case 0x2012: // figure dash
    case 0x2013: // en dash
    case 0x2212: // minus
    case 0x301C: // wave dash
    case 0xFF5E: // full-width tilde
    case 0xFF0D: // full-width hyphen-minus
    case 0xFF0E: // full-width full stop
    case 0xFF1A: // full-width colon
        return true;
    default:
        return false;
    }
}

static bool is_unit_space(char32_t c)
{
    return c == ' ' || c == 0xA0 || c == 0x2009 || c == 0x202F;
}

// Han characters that follow a number as its measure word or unit, or start one (小时, 千瓦时,
// 公里): the words a notice counts buildings, days, money and energy in.
static bool is_measure_word(char32_t c)
{
    static constexpr std::u32string_view words
        = U"个幢栋号户元角分度天日月年时小秒周千万亿伏安瓦米公家人次项份件张台套条处层室楼页档级期倍成";
    return words.find(c) != std::u32string_view::npos;
}

static bool is_doubled_mark(char32_t c)
{
    return c == 0x2014 || c == 0x2015 || c == 0x2026 || c == 0x22EF;
}

namespace {

struct CodePointAt {
    char32_t code_point;
    size_t offset;
};

} // namespace

// Whether clreq forbids a break between code points[index] and code points[index + 1].
static bool clreq_forbids_break(const std::vector<CodePointAt>& code_points, size_t index)
{
    char32_t const before = code_points[index].code_point;
    char32_t const after = code_points[index + 1].code_point;
    auto at = [&](size_t i, int delta) -> char32_t {
        auto j = static_cast<long long>(i) + delta;
        if (j < 0 || static_cast<size_t>(j) >= code_points.size())
            return 0;
        return code_points[static_cast<size_t>(j)].code_point;
    };

    if (is_line_start_prohibited(after) || is_line_end_prohibited(before))
        return true;
    // Spaces end a line, where they are dropped; libunibreak breaks before U+3000.
    if (is_whitespace(after))
        return true;
    if (before == after && is_doubled_mark(before))
        return true;
    if (is_digit(before) && is_digit(after))
        return true;
    if (is_digit(before) && is_number_joiner(after) && is_digit(at(index, 2)))
        return true;
    if (is_number_joiner(before) && is_digit(at(index, -1)) && is_digit(after))
        return true;
    // A number and its unit; add_cjk_latin_spacing may have put a thin space between them.
    if (is_han(after)) {
        char32_t number_end = before;
        if (before == 0x2009)
            number_end = at(index, -1);
        if (is_digit(number_end))
            return true;
    }
    // Across a space a writer typed, only a measure word or unit stays with the number
    // (1–28 幢, 3 个工作日); other words after a number start a phrase (95598 均可申请).
    if (is_unit_space(before) && is_digit(at(index, -1)) && is_measure_word(after))
        return true;
    // A number, one space and a Latin unit: 2760 kWh, 24 h.
    bool const latin_after = (after >= 'a' && after <= 'z') || (after >= 'A' && after <= 'Z');
    if (latin_after && is_unit_space(before) && is_digit(at(index, -1)))
        return true;
    return false;
}

std::vector<BreakOpportunity> break_opportunities(std::string_view paragraph)
{
    std::vector<BreakOpportunity> result;
    if (paragraph.empty())
        return result;
    ensure_libunibreak_initialized();

    std::vector<char> breaks(paragraph.size(), LINEBREAK_NOBREAK);
    set_linebreaks_utf8(reinterpret_cast<const utf8_t*>(paragraph.data()), paragraph.size(), "zh", breaks.data());

    std::vector<CodePointAt> code_points;
    code_points.reserve(paragraph.size());
    for (size_t offset = 0; offset < paragraph.size();) {
        auto decoded = decode_utf8(paragraph, offset);
        code_points.push_back({ decoded.code_point, offset });
        offset += decoded.length;
    }

    for (size_t index = 0; index + 1 < code_points.size(); ++index) {
        size_t const next = code_points[index + 1].offset;
        char const kind = breaks[next - 1];
        if (kind == LINEBREAK_MUSTBREAK) {
            result.push_back({ next, BreakKind::Mandatory });
        } else if (kind == LINEBREAK_ALLOWBREAK && !clreq_forbids_break(code_points, index)) {
            result.push_back({ next, BreakKind::Allowed });
        }
    }
    return result;
}

} // namespace hallboard
