// Word boundaries (ICU), terms of the trade, numbers with their units, quotations.
#include "player/layout/break_costs.h"

#include "base/utf8.h"

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace hallboard {

namespace {

// Terms of electricity-utility service halls that ICU's general dictionary cuts in two (or
// that must not be broken even where it does not): a break inside one costs a word split.
constexpr std::string_view trade_terms[] = {
    "网上国网",
    "国家电网",
    "南方电网",
    "供用电",
    "供电营业厅",
    "营业厅",
    "供电所",
    "供电局",
    "供电公司",
    "用电",
    "供电",
    "电费",
    "电价",
    "电能表",
    "电表",
    "千伏安",
    "千伏",
    "千瓦时",
    "千瓦",
    "兆瓦",
    "伏安",
    "工作日",
    "自然日",
    "小时",
    "分钟",
    "竣工检验",
    "竣工",
    "检验",
    "装表接电",
    "装表",
    "接电",
    "业扩报装",
    "报装",
    "增容",
    "减容",
    "峰谷",
    "分时电价",
    "阶梯电价",
    "代理购电",
    "居民用户",
    "一户一表",
    "合表用户",
    "停电",
    "复电",
    "抢修",
    "95598",
    "12398",
};

// Measure words and units that stay with the number before them. A one-character measure
// word (个, 项) also keeps the word it counts (22 个工作日).
constexpr std::string_view measure_words[] = { "个", "项", "名", "位", "户", "次", "天", "日", "年", "月", "周", "元",
    "角", "分", "度", "台", "幢", "栋", "米", "处", "份", "张", "条", "档", "倍", "％", "%" };

// Units a number keeps (10 千伏, 45 分钟, 22 个工作日 through 个).
constexpr std::string_view units[] = { "千伏", "伏", "千伏安", "千瓦", "千瓦时", "兆瓦", "瓦", "度", "分钟", "小时",
    "秒", "工作日", "自然日", "个月", "公里", "千米", "平方米", "立方米", "万元", "元", "吨", "年度" };

bool is_unit(std::string_view word)
{
    return std::find(std::begin(units), std::end(units), word) != std::end(units);
}

bool is_measure_word(std::string_view word)
{
    return std::find(std::begin(measure_words), std::end(measure_words), word) != std::end(measure_words);
}

bool is_digit(char32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

bool is_chinese_numeral(char32_t c)
{
    static constexpr std::u32string_view numerals = U"零〇一二两三四五六七八九十百千万亿";
    return numerals.find(c) != std::u32string_view::npos;
}

bool is_space(char32_t c)
{
    return c == ' ' || c == 0x2009 || c == 0x3000 || c == 0xA0;
}

// Byte offsets where ICU's word iterator (locale zh, dictionary-based for Han) puts a boundary.
std::vector<size_t> word_boundaries(std::string_view text)
{
    std::vector<size_t> boundaries;
    UErrorCode status = U_ZERO_ERROR;
    UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    std::unique_ptr<UText, decltype(&utext_close)> owned_text(utext, &utext_close);
    UBreakIterator* iterator = ubrk_open(UBRK_WORD, "zh", nullptr, 0, &status);
    std::unique_ptr<UBreakIterator, decltype(&ubrk_close)> owned_iterator(iterator, &ubrk_close);
    if (U_FAILURE(status))
        return boundaries;
    ubrk_setUText(iterator, utext, &status);
    if (U_FAILURE(status))
        return boundaries;
    // With a UTF-8 UText, ICU's indices are byte offsets into `text`.
    for (int32_t boundary = ubrk_first(iterator); boundary != UBRK_DONE; boundary = ubrk_next(iterator))
        boundaries.push_back(static_cast<size_t>(boundary));
    return boundaries;
}

struct CodePoint {
    size_t offset;
    char32_t value;
};

} // namespace

namespace {

std::vector<float> compute_penalties(std::string_view paragraph, const std::vector<size_t>& offsets);

} // namespace

std::vector<float> break_penalties(std::string_view paragraph, const std::vector<size_t>& offsets)
{
    // Fitting text tries several sizes and widths of the same paragraphs, whose penalties do
    // not change: remember them (per thread, as layout may run on several).
    thread_local std::unordered_map<std::string, std::vector<float>> cache;
    std::string key(paragraph);
    key += '\0';
    for (size_t offset : offsets)
        key += std::to_string(offset) + ',';
    if (auto found = cache.find(key); found != cache.end())
        return found->second;
    if (cache.size() > 4096)
        cache.clear();
    auto penalties = compute_penalties(paragraph, offsets);
    cache.emplace(std::move(key), penalties);
    return penalties;
}

namespace {

std::vector<float> compute_penalties(std::string_view paragraph, const std::vector<size_t>& offsets)
{
    std::vector<float> penalties(offsets.size(), break_penalty::between_words);
    if (offsets.empty())
        return penalties;
    std::vector<CodePoint> points;
    for (size_t offset = 0; offset < paragraph.size();) {
        auto decoded = decode_utf8(paragraph, offset);
        points.push_back({ offset, decoded.code_point });
        offset += std::max<size_t>(1, decoded.length);
    }
    // penalty_at[i]: the penalty of a break before code point i.
    std::vector<float> penalty_at(points.size() + 1, break_penalty::between_words);
    auto raise = [&](size_t index, float penalty) { penalty_at[index] = std::max(penalty_at[index], penalty); };
    auto index_of = [&](size_t byte) {
        auto it = std::lower_bound(points.begin(), points.end(), byte,
            [](const CodePoint& point, size_t value) { return point.offset < value; });
        return static_cast<size_t>(it - points.begin());
    };

    // Inside a word: between two code points with no ICU boundary between them.
    auto boundaries = word_boundaries(paragraph);
    std::vector<bool> is_boundary(points.size() + 1, false);
    for (size_t boundary : boundaries)
        is_boundary[index_of(boundary)] = true;
    for (size_t index = 1; index < points.size(); ++index) {
        if (!is_boundary[index] && !is_space(points[index].value) && !is_space(points[index - 1].value))
            raise(index, break_penalty::inside_word);
    }

    // Terms of the trade, wherever ICU put its boundaries.
    for (auto term : trade_terms) {
        for (size_t found = paragraph.find(term); found != std::string_view::npos;
             found = paragraph.find(term, found + 1)) {
            size_t const first = index_of(found);
            size_t const end = index_of(found + term.size());
            for (size_t index = first + 1; index < end; ++index)
                raise(index, break_penalty::inside_word);
        }
    }

    // Words as ICU sees them, to find what follows a number.
    std::vector<std::pair<size_t, size_t>> words; // [first, end) code point indices
    for (size_t index = 1; index < boundaries.size(); ++index)
        words.emplace_back(index_of(boundaries[index - 1]), index_of(boundaries[index]));
    auto word_text = [&](std::pair<size_t, size_t> word) {
        size_t const begin = points[word.first].offset;
        size_t const end = word.second < points.size() ? points[word.second].offset : paragraph.size();
        return paragraph.substr(begin, end - begin);
    };
    auto is_number_word = [&](std::pair<size_t, size_t> word) {
        for (size_t index = word.first; index < word.second; ++index) {
            char32_t const c = points[index].value;
            if (!is_digit(c) && !is_chinese_numeral(c) && c != '.')
                return false;
        }
        return word.second > word.first;
    };
    auto is_space_word = [&](std::pair<size_t, size_t> word) {
        for (size_t index = word.first; index < word.second; ++index) {
            if (!is_space(points[index].value))
                return false;
        }
        return true;
    };
    for (size_t index = 0; index + 1 < words.size(); ++index) {
        auto const& number = words[index];
        // A number ending in Chinese numerals may have swallowed a unit's first character
        // (十千 / 伏): the term list joins those; here the number joins what follows.
        if (!is_number_word(number) && !(is_digit(points[number.second - 1].value)))
            continue;
        size_t next = index + 1;
        while (next < words.size() && is_space_word(words[next]))
            ++next;
        if (next >= words.size())
            continue;
        auto unit = words[next];
        if (is_number_word(unit))
            continue; // 一二三四 五六: numerals, not a number and its unit
        // The unit (or measure word) and, after a one-character measure word, what it counts.
        size_t end = unit.second;
        if (is_measure_word(word_text(unit)) && next + 1 < words.size() && !is_space_word(words[next + 1]))
            end = words[next + 1].second;
        // Only Han units and measure words: "95598 均可" may break after the number.
        if (points[unit.first].value < 0x2E80 && !is_measure_word(word_text(unit)))
            continue;
        if (!is_measure_word(word_text(unit)) && !is_unit(word_text(unit)))
            continue; // a word, not a unit: 千伏, 分钟, 千瓦时 are units; 均可 is not
        for (size_t inside = number.second; inside < end; ++inside)
            raise(inside, break_penalty::number_unit);
    }

    // Inside a quotation or a title in 《》: the whole name reads as one.
    int depth = 0;
    for (size_t index = 0; index < points.size(); ++index) {
        char32_t const c = points[index].value;
        if (c == U'《' || c == U'“' || c == U'「' || c == U'『')
            ++depth;
        else if ((c == U'》' || c == U'”' || c == U'」' || c == U'』') && depth > 0)
            --depth;
        else if (depth > 0 && index > 0)
            raise(index, break_penalty::inside_quote);
    }

    for (size_t index = 0; index < offsets.size(); ++index)
        penalties[index] = penalty_at[index_of(offsets[index])];
    return penalties;
}

} // namespace

} // namespace hallboard
