// Civil calendar arithmetic and the strict parsers for dates, times, ranges and durations.
#include "base/local_time.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace hallboard {

static constexpr int minutes_per_day = 24 * 60;

bool TimeOfDayRange::contains(int minute_of_day) const
{
    if (start_minute < end_minute)
        return minute_of_day >= start_minute && minute_of_day < end_minute;
    // end <= start: the range runs past midnight, e.g. 22:00-06:00.
    return minute_of_day >= start_minute || minute_of_day < end_minute;
}

static bool is_leap_year(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int year, int month)
{
    static constexpr std::array<int, 12> lengths { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (month == 2 && is_leap_year(year))
        return 29;
    return lengths[static_cast<size_t>(month - 1)];
}

bool is_valid_date(const Date& date)
{
    // Four-digit years only: that is all the file format can express.
    if (date.year < 1 || date.year > 9999 || date.month < 1 || date.month > 12)
        return false;
    return date.day >= 1 && date.day <= days_in_month(date.year, date.month);
}

// Howard Hinnant's days_from_civil: eras of 400 years keep the arithmetic exact for any year.
long days_from_civil(const Date& date)
{
    long year = date.year - (date.month <= 2 ? 1 : 0);
    long era = (year >= 0 ? year : year - 399) / 400;
    long year_of_era = year - era * 400;
    long month = date.month;
    long day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + date.day - 1;
    long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

Date civil_from_days(long days)
{
    days += 719468;
    long era = (days >= 0 ? days : days - 146096) / 146097;
    long day_of_era = days - era * 146097;
    long year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    long shifted_month = (5 * day_of_year + 2) / 153;
    long day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    long month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
    long year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
    return { static_cast<int>(year), static_cast<int>(month), static_cast<int>(day) };
}

Weekday weekday_of(const Date& date)
{
    // 1970-01-01 was a Thursday, index 3 when Monday is 0.
    long index = (days_from_civil(date) + 3) % 7;
    if (index < 0)
        index += 7;
    return static_cast<Weekday>(index);
}

// Reads exactly `count` ASCII digits at `offset`; no signs, no spaces.
static std::optional<int> fixed_digits(std::string_view text, size_t offset, size_t count)
{
    if (offset + count > text.size())
        return std::nullopt;
    int value = 0;
    for (size_t i = offset; i < offset + count; ++i) {
        char c = text[i];
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

std::optional<Date> parse_date(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    auto year = fixed_digits(text, 0, 4);
    auto month = fixed_digits(text, 5, 2);
    auto day = fixed_digits(text, 8, 2);
    if (!year || !month || !day)
        return std::nullopt;
    Date date { *year, *month, *day };
    if (!is_valid_date(date))
        return std::nullopt;
    return date;
}

std::optional<int> parse_time_of_day(std::string_view text)
{
    if (text.size() != 5 || text[2] != ':')
        return std::nullopt;
    auto hour = fixed_digits(text, 0, 2);
    auto minute = fixed_digits(text, 3, 2);
    if (!hour || !minute || *minute > 59)
        return std::nullopt;
    if (*hour == 24 && *minute == 0)
        return minutes_per_day; // only meaningful as the end of a range
    if (*hour > 23)
        return std::nullopt;
    return *hour * 60 + *minute;
}

std::optional<LocalDateTime> parse_date_time(std::string_view text)
{
    if (text.size() == 10) {
        auto date = parse_date(text);
        if (!date)
            return std::nullopt;
        return LocalDateTime { *date, 0 };
    }
    if (text.size() != 16 || text[10] != ' ')
        return std::nullopt;
    auto date = parse_date(text.substr(0, 10));
    auto minute = parse_time_of_day(text.substr(11));
    if (!date || !minute || *minute >= minutes_per_day)
        return std::nullopt;
    return LocalDateTime { *date, *minute };
}

static std::string_view trim_spaces(std::string_view text)
{
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ')
        text.remove_suffix(1);
    return text;
}

std::optional<TimeOfDayRange> parse_time_range(std::string_view text)
{
    auto dash = text.find('-');
    if (dash == std::string_view::npos || text.find('-', dash + 1) != std::string_view::npos)
        return std::nullopt;
    auto start = parse_time_of_day(trim_spaces(text.substr(0, dash)));
    auto end = parse_time_of_day(trim_spaces(text.substr(dash + 1)));
    // 24:00 ends a day but cannot start one; an empty range is almost certainly a typo.
    if (!start || !end || *start >= minutes_per_day || *start == *end)
        return std::nullopt;
    return TimeOfDayRange { *start, *end };
}

std::optional<std::chrono::milliseconds> parse_duration(std::string_view text)
{
    size_t digits_end = 0;
    while (digits_end < text.size() && text[digits_end] >= '0' && text[digits_end] <= '9')
        ++digits_end;
    if (digits_end == 0)
        return std::nullopt;
    size_t number_end = digits_end;
    if (number_end < text.size() && text[number_end] == '.') {
        size_t fraction_end = number_end + 1;
        while (fraction_end < text.size() && text[fraction_end] >= '0' && text[fraction_end] <= '9')
            ++fraction_end;
        if (fraction_end == number_end + 1)
            return std::nullopt; // "1.s"
        number_end = fraction_end;
    }
    // A valid duration never needs more than a few digits; the bound also keeps the double exact enough.
    if (number_end > 15)
        return std::nullopt;
    auto unit = text.substr(number_end);
    double factor = 0;
    if (unit == "ms")
        factor = 1;
    else if (unit == "s")
        factor = 1000;
    else if (unit == "m")
        factor = 60 * 1000;
    else if (unit == "h")
        factor = 60 * 60 * 1000;
    else
        return std::nullopt;
    double value = 0;
    auto number = text.substr(0, number_end);
    auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
    if (error != std::errc() || end != number.data() + number.size())
        return std::nullopt;
    double milliseconds = std::round(value * factor);
    if (milliseconds < 1 || milliseconds > 24.0 * 60 * 60 * 1000)
        return std::nullopt;
    return std::chrono::milliseconds(static_cast<long long>(milliseconds));
}

std::optional<Weekday> parse_weekday(std::string_view text)
{
    for (size_t i = 0; i < weekday_words.size(); ++i) {
        if (text == weekday_words[i])
            return static_cast<Weekday>(i);
    }
    return std::nullopt;
}

std::string format_date(const Date& date)
{
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
}

std::string format_date_time(const LocalDateTime& moment)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, " %02d:%02d", moment.minute_of_day / 60, moment.minute_of_day % 60);
    return format_date(moment.date) + buffer;
}

std::string weekday_in_chinese(Weekday weekday)
{
    static constexpr std::array<std::string_view, 7> names { "星期一", "星期二", "星期三", "星期四", "星期五", "星期六",
        "星期日" };
    auto index = static_cast<size_t>(weekday);
    if (index >= names.size())
        return {};
    return std::string(names[index]);
}

} // namespace hallboard
