// Building notices for schedule tests from the same text an admin would write.
#pragma once

#include "base/local_time.h"
#include "content/model/notice.h"

#include <doctest/doctest.h>

#include <initializer_list>
#include <string>

namespace hallboard::test {

inline LocalDateTime at(const char* text)
{
    auto moment = parse_date_time(text);
    REQUIRE_MESSAGE(moment, text);
    return *moment;
}

inline Notice slide(std::string id, Priority priority = Priority::Normal)
{
    Notice notice;
    notice.id = id;
    notice.kind = NoticeKind::Notice;
    notice.title = "title of " + id;
    notice.priority = priority;
    notice.body = FreeText { NoticeLevel::Info, "body of " + id, "", std::nullopt };
    return notice;
}

inline Notice ticker(std::string id, std::string text, Priority priority = Priority::Normal)
{
    Notice notice;
    notice.id = std::move(id);
    notice.kind = NoticeKind::Ticker;
    notice.priority = priority;
    notice.body = TickerMessage { std::move(text) };
    return notice;
}

inline std::vector<Weekday> days(std::initializer_list<const char*> names)
{
    std::vector<Weekday> result;
    for (auto const* name : names) {
        auto day = parse_weekday(name);
        REQUIRE_MESSAGE(day, name);
        result.push_back(*day);
    }
    return result;
}

inline std::vector<TimeOfDayRange> hours(std::initializer_list<const char*> ranges)
{
    std::vector<TimeOfDayRange> result;
    for (auto const* text : ranges) {
        auto range = parse_time_range(text);
        REQUIRE_MESSAGE(range, text);
        result.push_back(*range);
    }
    return result;
}

} // namespace hallboard::test
