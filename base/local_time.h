// Calendar values in the screen's local time, free of any clock or time-zone library so that
// content and scheduling logic stay pure and testable.
#pragma once

#include <array>
#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace hallboard {

struct Date {
    int year = 0;
    int month = 0; // 1..12
    int day = 0;   // 1..31
    auto operator<=>(const Date&) const = default;
};

struct LocalDateTime {
    Date date;
    int minute_of_day = 0; // 0..1439
    auto operator<=>(const LocalDateTime&) const = default;
};

enum class Weekday { Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday };

// The words for weekdays in every file people write and every file Hallboard writes, Monday
// first as Weekday counts: what parse_weekday reads, and what did-you-mean hints offer.
inline constexpr std::array<std::string_view, 7> weekday_words { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

// A span of the day, e.g. 08:30-17:30. End is exclusive. When end <= start the range
// runs past midnight ("22:00-06:00").
struct TimeOfDayRange {
    int start_minute = 0;
    int end_minute = 0;
    bool contains(int minute_of_day) const;
    bool operator==(const TimeOfDayRange&) const = default;
};

bool is_valid_date(const Date& date);
Weekday weekday_of(const Date& date);
// Days since 1970-01-01 (may be negative); used to add days and compare.
long days_from_civil(const Date& date);
Date civil_from_days(long days);

// Parsers return nullopt on anything malformed or impossible (2026-13-01, 2026-02-30, 25:00).
std::optional<Date> parse_date(std::string_view text);                          // 2026-12-01
std::optional<LocalDateTime> parse_date_time(std::string_view text);            // 2026-12-01 or 2026-12-01 09:00
std::optional<int> parse_time_of_day(std::string_view text);                    // 09:00 -> 540; 24:00 allowed as 1440
std::optional<TimeOfDayRange> parse_time_range(std::string_view text);          // 08:30-17:30
std::optional<std::chrono::milliseconds> parse_duration(std::string_view text); // 8s, 1500ms, 2m, 1.5s
std::optional<Weekday> parse_weekday(std::string_view text);                    // mon..sun

std::string format_date(const Date& date);                 // 2026-12-01
std::string format_date_time(const LocalDateTime& moment); // 2026-12-01 09:00
std::string weekday_in_chinese(Weekday weekday);           // 星期一 … 星期日

} // namespace hallboard
