// The holiday calendar in manifest JSON, and back, strictly.
#include "content/model/notice_json.h"

namespace hallboard {

using json_reading::Emptiness;
using json_reading::item_path;
using json_reading::Json;
using json_reading::JsonErrors;
using json_reading::ObjectReader;
using json_reading::OrderedJson;
using json_reading::quote_text;

namespace {

std::optional<Date> date_member(ObjectReader& reader, std::string_view key, JsonErrors& errors)
{
    auto text = reader.text(key, Emptiness::Refused);
    if (text.empty())
        return std::nullopt;
    auto date = parse_date(text);
    if (!date)
        errors.error(reader.path_of(key), quote_text(text) + " is not a date written as YYYY-MM-DD");
    return date;
}

} // namespace

OrderedJson calendar_to_json(const HolidayCalendar& calendar)
{
    auto holidays = OrderedJson::array();
    for (auto const& holiday : calendar.holidays)
        holidays.push_back(OrderedJson {
            { "name", holiday.name }, { "first", format_date(holiday.first) }, { "last", format_date(holiday.last) } });
    auto workdays = OrderedJson::array();
    for (auto const& workday : calendar.workdays)
        workdays.push_back(OrderedJson { { "name", workday.name }, { "date", format_date(workday.date) },
            { "follows", weekday_words[static_cast<size_t>(workday.follows)] } });
    return OrderedJson { { "holidays", std::move(holidays) }, { "workdays", std::move(workdays) } };
}

std::optional<HolidayCalendar> calendar_from_json(const Json& value, const std::string& path, JsonErrors& errors)
{
    int errors_before = errors.count();
    HolidayCalendar calendar;
    {
        ObjectReader reader(value, path, errors);
        if (!reader.is_object())
            return std::nullopt;
        auto const* holidays = reader.array("holidays", Emptiness::Allowed);
        auto const* workdays = reader.array("workdays", Emptiness::Allowed);
        size_t entries = (holidays ? holidays->size() : 0) + (workdays ? workdays->size() : 0);
        if (entries > static_cast<size_t>(max_calendar_entries)) {
            errors.error(path,
                "holds " + std::to_string(entries) + " entries, more than the limit of "
                    + std::to_string(max_calendar_entries));
            return std::nullopt;
        }
        for (size_t i = 0; holidays && i < holidays->size(); ++i) {
            ObjectReader item((*holidays)[i], item_path(reader.path_of("holidays"), i), errors);
            if (!item.is_object())
                continue;
            Holiday holiday;
            holiday.name = item.text("name", Emptiness::Refused);
            auto first = date_member(item, "first", errors);
            auto last = date_member(item, "last", errors);
            if (first && last && *last < *first)
                errors.error(item.path_of("last"), "is before first");
            if (first && last)
                calendar.holidays.push_back({ holiday.name, *first, *last });
        }
        for (size_t i = 0; workdays && i < workdays->size(); ++i) {
            ObjectReader item((*workdays)[i], item_path(reader.path_of("workdays"), i), errors);
            if (!item.is_object())
                continue;
            MakeUpWorkday workday;
            workday.name = item.text("name", Emptiness::Refused);
            auto date = date_member(item, "date", errors);
            auto follows = item.choice("follows", weekday_words);
            if (date && follows)
                calendar.workdays.push_back({ workday.name, *date, static_cast<Weekday>(*follows) });
        }
    }
    if (errors.count() != errors_before)
        return std::nullopt;
    return calendar;
}

} // namespace hallboard
