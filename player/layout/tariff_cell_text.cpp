// Reading a tariff cell's text: numbers and placeholders (how a cell aligns), and the widest
// piece of a cell that cannot be broken across lines.
#include "player/layout/tariff_columns.h"

#include "player/layout/line_breaking.h"
#include "base/utf8.h"

#include <algorithm>
#include <string>

namespace hallboard {

namespace {

std::string_view trim(std::string_view text)
{
    auto is_space_at = [&](size_t offset) { return is_whitespace(decode_utf8(text, offset).code_point); };
    while (!text.empty() && is_space_at(0))
        text.remove_prefix(decode_utf8(text, 0).length);
    while (!text.empty()) {
        size_t const start = previous_code_point_start(text, text.size());
        if (!is_whitespace(decode_utf8(text, start).code_point))
            break;
        text = text.substr(0, start);
    }
    return text;
}

bool consume(std::string_view& text, std::string_view prefix)
{
    if (!text.starts_with(prefix))
        return false;
    text.remove_prefix(prefix.size());
    return true;
}

bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

bool is_numeric_cell(std::string_view text)
{
    text = trim(text);
    if (!consume(text, "-") && !consume(text, "+"))
        consume(text, "\u2212"); // minus sign
    bool digits = false;
    bool decimal_point = false;
    bool fraction_digits = false;
    while (!text.empty()) {
        char const c = text.front();
        if (is_digit(c)) {
            digits = true;
            fraction_digits = decimal_point;
        } else if (c == '.' && digits && !decimal_point) {
            decimal_point = true;
        } else if (c == ',' && digits && !decimal_point && text.size() > 1 && is_digit(text[1])) {
            // Thousands grouping: a comma between digits.
        } else {
            break;
        }
        text.remove_prefix(1);
    }
    if (!digits || (decimal_point && !fraction_digits))
        return false;
    if (!consume(text, "%"))
        consume(text, "\uff05");
    return text.empty();
}

bool is_placeholder_cell(std::string_view text)
{
    text = trim(text);
    static constexpr std::string_view placeholders[]
        = { "", "-", "--", "/", "\u2014", "\u2014\u2014", "\u2013", "\uff0d", "\uff0f" };
    return std::find(std::begin(placeholders), std::end(placeholders), text) != std::end(placeholders);
}

float min_content_width(std::string_view text, FontSpec font, TextMeasurer& measurer)
{
    std::string const valid = sanitize_utf8(text);
    std::string_view remaining = valid;
    float widest = 0;
    while (true) {
        size_t const newline = remaining.find('\n');
        std::string_view const paragraph = remaining.substr(0, newline);
        size_t begin = 0;
        auto measure_piece = [&](size_t end) {
            widest = std::max(widest, measurer.width(trim(paragraph.substr(begin, end - begin)), font));
            begin = end;
        };
        for (auto const& opportunity : break_opportunities(paragraph))
            measure_piece(opportunity.offset);
        measure_piece(paragraph.size());
        if (newline == std::string_view::npos)
            break;
        remaining.remove_prefix(newline + 1);
    }
    return widest;
}

TextAlign cell_alignment(std::string_view text, TextAlign column_align)
{
    if (is_numeric_cell(text))
        return TextAlign::Right;
    if (is_placeholder_cell(text))
        return column_align;
    return TextAlign::Left;
}

} // namespace hallboard
