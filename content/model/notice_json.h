// Internal to the content module: a normalised notice (and the channel defaults) as manifest JSON,
// and back, strictly.
#pragma once

#include "content/model/json_reading.h"
#include "content/model/notice.h"

#include <optional>
#include <string>

namespace hallboard {

// Every field of the model, always written (absent optional values as null), keys in a fixed
// order, so that the bytes are canonical. The kind's block is named after the kind, as in YAML.
json_reading::OrderedJson notice_to_json(const Notice& notice);
json_reading::OrderedJson channel_to_json(const ChannelDefaults& channel);

// The strict inverse: every field present, of its type and range, the invariants the loader
// guarantees checked again (id form, row lengths, sections inside the table, asset paths,
// valid dates and times). Problems go to `errors` under `path`; nullopt when there were any.
std::optional<Notice> notice_from_json(
    const json_reading::Json& value, const std::string& path, json_reading::JsonErrors& errors);
std::optional<ChannelDefaults> channel_from_json(
    const json_reading::Json& value, const std::string& path, json_reading::JsonErrors& errors);

// calendar.yaml in the manifest: {"holidays": [{name, first, last}], "workdays": [{name, date,
// follows}]}, dates as 2026-10-01, weekdays as mon..sun. The reader checks dates, order within
// each holiday and the entry bound.
json_reading::OrderedJson calendar_to_json(const HolidayCalendar& calendar);
std::optional<HolidayCalendar> calendar_from_json(
    const json_reading::Json& value, const std::string& path, json_reading::JsonErrors& errors);

// "08:30-17:30"; an end at midnight is "24:00".
std::string format_time_range(const TimeOfDayRange& range);

} // namespace hallboard
