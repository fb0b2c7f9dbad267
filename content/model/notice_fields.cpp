// Readers for the typed fields of notice files: each explains a bad value to a non-programmer.
#include "content/model/notice_parsing.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace hallboard::parsing {

std::string tidy(std::string_view text)
{
    auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
    while (!text.empty() && is_space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && is_space(text.back()))
        text.remove_suffix(1);
    return std::string(text);
}

YAML::Node value_of(const YAML::Node& map, std::string_view key)
{
    if (map.IsDefined() && map.IsMap()) {
        for (auto const& entry : map) {
            if (entry.first.IsScalar() && entry.first.Scalar() == key)
                return entry.second;
        }
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

bool has_key(const YAML::Node& map, std::string_view key)
{
    return value_of(map, key).IsDefined();
}

static std::string quoted(std::string_view key)
{
    return "'" + std::string(key) + "'";
}

// Reports an empty value at its key, since an empty value has no position of its own.
static void report_empty(YamlFile& file, const YAML::Node& map, std::string_view key, std::string_view hint)
{
    file.error(file.key_node(map, key), quoted(key) + " is empty", std::string(hint));
}

std::optional<std::string> read_text(
    YamlFile& file, const YAML::Node& map, std::string_view key, Presence presence, std::string_view hint_when_missing)
{
    auto node = value_of(map, key);
    if (!node.IsDefined()) {
        if (presence == Presence::Required)
            file.error(map, "missing required key " + quoted(key), std::string(hint_when_missing));
        return std::nullopt;
    }
    if (node.IsNull()) {
        if (presence == Presence::Required)
            report_empty(file, map, key, hint_when_missing);
        return std::nullopt;
    }
    auto value = file.scalar(node, quoted(key));
    if (!value)
        return std::nullopt;
    auto text = tidy(*value);
    if (text.empty() && presence == Presence::Required) {
        file.error(node, quoted(key) + " is empty", std::string(hint_when_missing));
        return std::nullopt;
    }
    return text;
}

bool for_each_item(YamlFile& file, const YAML::Node& map, std::string_view key, Presence presence,
    std::string_view empty_hint, const std::function<void(const YAML::Node& item, int number)>& each)
{
    auto node = value_of(map, key);
    if (!node.IsDefined() || (node.IsNull() && presence == Presence::Optional)) {
        if (presence == Presence::Required)
            file.error(map, "missing required key " + quoted(key), std::string(empty_hint));
        return false;
    }
    if (node.IsNull()) {
        report_empty(file, map, key, empty_hint);
        return false;
    }
    if (!node.IsSequence()) {
        file.error(node, quoted(key) + " must be a list, like [a, b] or lines starting with '- '",
            node.IsMap() ? "put '- ' in front of each item" : "put the items in [ ], separated by commas");
        return false;
    }
    if (node.size() == 0 && presence == Presence::Required) {
        file.error(node, quoted(key) + " is an empty list", std::string(empty_hint));
        return false;
    }
    int number = 0;
    for (auto const& item : node) {
        if (file.over_text_budget())
            break;
        each(item, ++number);
    }
    return true;
}

std::optional<std::vector<std::string>> read_text_list(
    YamlFile& file, const YAML::Node& map, std::string_view key, Presence presence, std::string_view hint_when_empty)
{
    std::vector<std::string> items;
    bool ok = true;
    bool present = for_each_item(file, map, key, presence, hint_when_empty, [&](const YAML::Node& item, int number) {
        auto value = file.scalar(item, "item " + std::to_string(number) + " of " + quoted(key));
        if (value)
            items.push_back(tidy(*value));
        else
            ok = false;
    });
    if (!present || !ok)
        return std::nullopt;
    return items;
}

// Explains why `text` is not a duration; parse_duration already said that it is not one.
static Problem duration_problem(std::string_view key, std::string_view text)
{
    std::string message = std::string(key) + " '" + std::string(text) + "' is not a duration";
    std::string hint = "write it like 8s, 1500ms or 2m";
    size_t digits = 0;
    while (digits < text.size() && ((text[digits] >= '0' && text[digits] <= '9') || text[digits] == '.'))
        ++digits;
    auto unit = text.substr(digits);
    if (!text.empty() && text.front() == '-') {
        message = std::string(key) + " '" + std::string(text) + "' is negative";
        hint = "a duration must be longer than zero, like 8s";
    } else if (digits > 0 && unit.empty()) {
        hint = "add a unit: '" + std::string(text) + "s' for seconds";
    } else if (digits > 0 && (unit == "ms" || unit == "s" || unit == "m" || unit == "h")) {
        double value = 0;
        auto number = text.substr(0, digits);
        auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
        if (error == std::errc() && end == number.data() + number.size()) {
            if (value == 0 || (unit == "ms" && value < 0.5)) {
                message = std::string(key) + " '" + std::string(text) + "' is zero";
                hint = "a duration must be longer than zero, like 8s";
            } else {
                message = std::string(key) + " '" + std::string(text) + "' is longer than a day";
                hint = "use at most 24h";
            }
        }
    }
    return { message, hint };
}

std::optional<std::chrono::milliseconds> read_duration(YamlFile& file, const YAML::Node& map, std::string_view key)
{
    auto text = read_text(file, map, key, Presence::Optional);
    if (!text)
        return std::nullopt;
    if (auto duration = parse_duration(*text))
        return duration;
    auto problem = duration_problem(key, *text);
    file.error(value_of(map, key), problem.message, problem.hint);
    return std::nullopt;
}

// Says what exactly is impossible about a date or time that has the right shape.
static std::string date_detail(std::string_view text)
{
    auto digits = [&](size_t offset, size_t count) -> std::optional<int> {
        if (offset + count > text.size())
            return std::nullopt;
        int value = 0;
        for (size_t i = offset; i < offset + count; ++i) {
            if (text[i] < '0' || text[i] > '9')
                return std::nullopt;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    if (text.size() < 10 || text[4] != '-' || text[7] != '-')
        return {};
    auto year = digits(0, 4), month = digits(5, 2), day = digits(8, 2);
    if (!year || !month || !day)
        return {};
    if (*month < 1 || *month > 12)
        return ": there is no month " + std::to_string(*month);
    if (!is_valid_date({ *year, *month, 1 }))
        return {};
    int last_day = 28;
    while (last_day < 31 && is_valid_date({ *year, *month, last_day + 1 }))
        ++last_day;
    if (*day < 1)
        return ": there is no day 0";
    if (*day > last_day)
        return ": " + std::string(text.substr(0, 7)) + " has only " + std::to_string(last_day) + " days";
    if (text.size() == 16 && text[10] == ' ' && text[13] == ':') {
        auto hour = digits(11, 2), minute = digits(14, 2);
        if (hour && minute && (*hour > 23 || *minute > 59))
            return ": " + std::string(text.substr(11)) + " is not a time of day (00:00 to 23:59)";
    }
    return {};
}

std::optional<Date> read_date(YamlFile& file, const YAML::Node& map, std::string_view key)
{
    auto text = read_text(file, map, key, Presence::Optional);
    if (!text)
        return std::nullopt;
    if (auto date = parse_date(*text))
        return date;
    file.error(value_of(map, key), std::string(key) + " '" + *text + "' is not a date" + date_detail(*text),
        "write it like 2026-12-01");
    return std::nullopt;
}

std::optional<LocalDateTime> read_date_time(
    YamlFile& file, const YAML::Node& map, std::string_view key, DateOnlyMeans date_only)
{
    auto text = read_text(file, map, key, Presence::Optional);
    if (!text)
        return std::nullopt;
    auto moment = parse_date_time(*text);
    if (!moment) {
        std::string hint = "write it like 2026-12-01 or 2026-12-01 09:00";
        if (text->find('T') != std::string::npos || text->find('/') != std::string::npos)
            hint = "write the date with '-' and a space before the time: 2026-12-01 09:00";
        file.error(value_of(map, key), std::string(key) + " '" + *text + "' is not a date" + date_detail(*text), hint);
        return std::nullopt;
    }
    if (text->size() == 10 && date_only == DateOnlyMeans::EndOfDay)
        moment->minute_of_day = 24 * 60 - 1;
    return moment;
}

static constexpr std::array<std::string_view, 7> day_names { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

static std::string day_hint(std::string_view word)
{
    std::string lower;
    for (char c : word)
        lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    // "Monday", "MON", "tues": the first three letters name the day.
    if (lower.size() >= 3) {
        for (auto name : day_names) {
            if (lower.compare(0, 3, name) == 0)
                return "write '" + std::string(name) + "'";
        }
    }
    auto hint = did_you_mean(lower, weekday_words);
    return hint.empty() ? "use mon, tue, wed, thu, fri, sat or sun" : hint;
}

std::optional<std::vector<Weekday>> read_days(YamlFile& file, const YAML::Node& map)
{
    auto node = value_of(map, "days");
    if (node.IsDefined() && node.IsScalar()) {
        file.error(node, "'days' must be a list of weekdays", "write it like [mon, tue, wed, thu, fri]");
        return std::nullopt;
    }
    std::vector<Weekday> days;
    bool ok = true;
    bool present = for_each_item(file, map, "days", Presence::Optional, {}, [&](const YAML::Node& item, int number) {
        auto word = file.scalar(item, "day " + std::to_string(number) + " of 'days'");
        if (!word) {
            ok = false;
            return;
        }
        auto day = parse_weekday(*word);
        if (!day) {
            file.error(item, "'" + *word + "' is not a day of the week", day_hint(*word));
            ok = false;
            return;
        }
        if (std::find(days.begin(), days.end(), *day) == days.end())
            days.push_back(*day);
    });
    if (!present || !ok)
        return std::nullopt;
    if (days.empty()) {
        file.error(node, "'days' lists no day", "remove 'days' to show the notice on every day");
        return std::nullopt;
    }
    std::sort(days.begin(), days.end());
    return days;
}

static bool contains_any(std::string_view text, std::initializer_list<std::string_view> needles)
{
    return std::any_of(
        needles.begin(), needles.end(), [&](auto needle) { return text.find(needle) != std::string_view::npos; });
}

static std::optional<TimeOfDayRange> read_one_range(YamlFile& file, const YAML::Node& at, std::string_view piece)
{
    auto text = tidy(piece);
    if (auto range = parse_time_range(text))
        return range;
    std::string message = "'" + text + "' in 'hours' is not a time range";
    std::string hint = "write it like 08:30-17:30, with two-digit hours; separate several ranges with commas";
    if (contains_any(text, { "–", "—", "~", "～", "至", "到", "－" })) {
        hint = "use a plain '-' between the two times, like 08:30-17:30";
    } else if (auto dash = text.find('-'); dash != std::string::npos) {
        auto start = parse_time_of_day(tidy(text.substr(0, dash)));
        auto end = parse_time_of_day(tidy(text.substr(dash + 1)));
        if (start && end && *start == *end) {
            message = "'" + text + "' in 'hours' starts and ends at the same time";
            hint = "use 00:00-24:00 for the whole day, or remove 'hours'";
        } else if (start && *start == 24 * 60) {
            hint = "24:00 can only end a range; start at 00:00 instead";
        }
    }
    file.error(at, message, hint);
    return std::nullopt;
}

std::optional<std::vector<TimeOfDayRange>> read_hours(YamlFile& file, const YAML::Node& map)
{
    auto node = value_of(map, "hours");
    if (!node.IsDefined() || node.IsNull())
        return std::nullopt;
    std::vector<TimeOfDayRange> ranges;
    bool ok = true;
    auto read_pieces = [&](const YAML::Node& at, const std::string& text) {
        size_t start = 0;
        while (start <= text.size()) {
            auto ascii_comma = text.find(',', start);
            auto wide_comma = text.find("，", start); // people typing Chinese often use the full-width comma
            auto comma = std::min(ascii_comma, wide_comma);
            size_t comma_length = comma == ascii_comma ? 1 : std::string_view("，").size();
            auto piece = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            if (auto range = read_one_range(file, at, piece))
                ranges.push_back(*range);
            else
                ok = false;
            if (comma == std::string::npos)
                break;
            start = comma + comma_length;
        }
    };
    if (node.IsSequence()) {
        // A list of ranges is accepted too: ["08:00-12:00", "14:00-17:30"].
        for_each_item(file, map, "hours", Presence::Optional, {}, [&](const YAML::Node& item, int number) {
            if (auto text = file.scalar(item, "range " + std::to_string(number) + " of 'hours'"))
                read_pieces(item, *text);
            else
                ok = false;
        });
        if (ok && ranges.empty()) {
            file.error(node, "'hours' lists no time range", "remove 'hours' to show the notice all day");
            return std::nullopt;
        }
    } else if (auto text = file.scalar(node, "'hours'")) {
        read_pieces(node, *text);
    } else {
        ok = false;
    }
    if (!ok)
        return std::nullopt;
    return ranges;
}

std::optional<std::vector<std::string>> read_tags(YamlFile& file, const YAML::Node& map)
{
    const auto node = value_of(map, "tags");
    if (node.IsDefined() && node.IsScalar()) {
        file.error(node, "'tags' must be a list of words", "write it like [guangzhou, lobby]");
        return std::nullopt;
    }
    auto tags = read_text_list(file, map, "tags", Presence::Optional);
    if (!tags)
        return std::nullopt;
    bool ok = true;
    int number = 0;
    for (auto const& tag : *tags) {
        auto item = node[static_cast<size_t>(number++)];
        if (tag.empty()) {
            file.error(item, "tag " + std::to_string(number) + " is empty", "remove it or write a word");
            ok = false;
        } else if (contains_any(tag, { " ", ",", "，", "\t" })) {
            file.error(
                item, "tag '" + tag + "' is more than one word", "a tag is a single word; write [a, b] for two tags");
            ok = false;
        }
    }
    if (!ok)
        return std::nullopt;
    return tags;
}

std::optional<size_t> read_choice(
    YamlFile& file, const YAML::Node& map, std::string_view key, std::initializer_list<std::string_view> choices)
{
    auto text = read_text(file, map, key, Presence::Optional);
    if (!text)
        return std::nullopt;
    for (size_t i = 0; i < choices.size(); ++i) {
        if (*text == *(choices.begin() + i))
            return i;
    }
    std::string list;
    for (size_t i = 0; i < choices.size(); ++i)
        list += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + std::string(*(choices.begin() + i));
    auto hint = did_you_mean(*text, choices);
    file.error(
        value_of(map, key), "unknown " + std::string(key) + " '" + *text + "'", hint.empty() ? "use " + list : hint);
    return std::nullopt;
}

std::optional<Problem> asset_path_problem(std::string_view relative)
{
    std::string path(relative);
    static constexpr std::string_view example = "write it like assets/poster.png";
    if (path.empty())
        return Problem { "the picture path is empty", std::string(example) };
    if (path.find('\\') != std::string::npos)
        return Problem { "picture path '" + path + "' uses '\\'", "use '/' between folders: " + std::string(example) };
    if (path.front() == '/' || path.front() == '~' || (path.size() >= 2 && path[1] == ':'))
        return Problem { "picture path '" + path + "' is an absolute path",
            "put the picture into the content's assets/ folder and " + std::string(example) };
    size_t start = 0;
    while (start <= path.size()) {
        auto slash = path.find('/', start);
        auto part = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (part == "..")
            return Problem { "picture path '" + path + "' leaves its folder with '..'",
                "pictures must stay inside assets/; " + std::string(example) };
        if (part.empty() || part == ".")
            return Problem { "picture path '" + path + "' has an empty or '.' part", std::string(example) };
        if (slash == std::string::npos)
            break;
        start = slash + 1;
    }
    if (path.rfind("assets/", 0) != 0)
        return Problem { "picture path '" + path + "' is not inside assets/",
            "put the picture into the content's assets/ folder and " + std::string(example) };
    return std::nullopt;
}

std::optional<std::string> read_asset_path(
    YamlFile& file, const YAML::Node& map, std::string_view key, Presence presence, std::vector<AssetReference>& assets)
{
    auto path = read_text(file, map, key, presence, "write the picture's path, like assets/poster.png");
    if (!path)
        return std::nullopt;
    auto node = value_of(map, key);
    if (auto problem = asset_path_problem(*path)) {
        file.error(node, problem->message, problem->hint);
        return std::nullopt;
    }
    assets.push_back({ *path, file.at(node) });
    return path;
}

} // namespace hallboard::parsing
