// The notice model as manifest JSON: written canonically, read back strictly.
#include "content/model/notice_json.h"
#include "content/model/notice_parsing.h"

#include <algorithm>
#include <array>

namespace hallboard {

using json_reading::Emptiness;
using json_reading::item_path;
using json_reading::Json;
using json_reading::JsonErrors;
using json_reading::ObjectReader;
using json_reading::OrderedJson;
using json_reading::quote_text;
using json_reading::text_item;
using json_reading::type_name;

namespace {

constexpr std::uint64_t longest_duration_ms = 24ull * 60 * 60 * 1000; // as parse_duration allows
constexpr size_t longest_id = 64;

OrderedJson texts(const std::vector<std::string>& items)
{
    auto list = OrderedJson::array();
    for (auto const& item : items)
        list.push_back(item);
    return list;
}

OrderedJson nullable_date(const std::optional<Date>& date)
{
    return date ? OrderedJson(format_date(*date)) : OrderedJson(nullptr);
}

OrderedJson nullable_date_time(const std::optional<LocalDateTime>& moment)
{
    return moment ? OrderedJson(format_date_time(*moment)) : OrderedJson(nullptr);
}

OrderedJson nullable_duration(const std::optional<std::chrono::milliseconds>& duration)
{
    return duration ? OrderedJson(static_cast<std::uint64_t>(duration->count())) : OrderedJson(nullptr);
}

struct BlockWriter {
    OrderedJson operator()(const TariffTable& table) const
    {
        OrderedJson block;
        block["unit"] = table.unit;
        block["columns"] = texts(table.columns);
        auto rows = OrderedJson::array();
        for (auto const& row : table.rows)
            rows.push_back(texts(row));
        block["rows"] = std::move(rows);
        auto sections = OrderedJson::array();
        for (auto const& section : table.sections)
            sections.push_back(OrderedJson { { "before", section.before_row }, { "text", section.text } });
        block["sections"] = std::move(sections);
        block["notes"] = texts(table.notes);
        block["effective"] = nullable_date(table.effective);
        return block;
    }
    OrderedJson operator()(const Flow& flow) const
    {
        OrderedJson block;
        auto steps = OrderedJson::array();
        for (auto const& step : flow.steps)
            steps.push_back(OrderedJson { { "name", step.name }, { "limit", step.limit }, { "detail", step.detail } });
        block["steps"] = std::move(steps);
        block["materials"] = texts(flow.materials);
        block["total"] = flow.total;
        return block;
    }
    OrderedJson operator()(const Commitments& commitments) const
    {
        auto items = OrderedJson::array();
        for (auto const& item : commitments.items)
            items.push_back(OrderedJson { { "heading", item.heading }, { "detail", item.detail } });
        return OrderedJson { { "items", std::move(items) } };
    }
    OrderedJson operator()(const Hotlines& hotlines) const
    {
        auto entries = OrderedJson::array();
        for (auto const& entry : hotlines.entries) {
            entries.push_back(OrderedJson {
                { "label", entry.label }, { "number", entry.number }, { "note", entry.note }, { "qr", entry.qr } });
        }
        return OrderedJson { { "entries", std::move(entries) } };
    }
    OrderedJson operator()(const FreeText& text) const
    {
        OrderedJson block;
        block["level"] = text.level == NoticeLevel::Warning ? "warning" : "info";
        block["body"] = text.body;
        block["issuer"] = text.issuer;
        block["date"] = nullable_date(text.date);
        return block;
    }
    OrderedJson operator()(const ImageSlide& image) const
    {
        OrderedJson block;
        block["src"] = image.src;
        block["fit"] = image.fit == ImageFit::Cover ? "cover" : "contain";
        block["caption"] = image.caption;
        return block;
    }
    OrderedJson operator()(const TickerMessage& ticker) const { return OrderedJson { { "text", ticker.text } }; }
};

// Readers of the typed text fields. Each insists on the canonical form the writer produces,
// so that one manifest has exactly one spelling and the bytes stay canonical.

std::optional<Date> read_date(ObjectReader& reader, std::string_view key, JsonErrors& errors)
{
    auto text = reader.nullable_text(key);
    if (!text)
        return std::nullopt;
    auto date = parse_date(*text);
    if (!date)
        errors.error(reader.path_of(key), quote_text(*text) + " is not a date written as YYYY-MM-DD");
    return date;
}

std::optional<LocalDateTime> read_date_time(ObjectReader& reader, std::string_view key, JsonErrors& errors)
{
    auto text = reader.nullable_text(key);
    if (!text)
        return std::nullopt;
    auto moment = parse_date_time(*text);
    if (!moment || format_date_time(*moment) != *text) {
        errors.error(reader.path_of(key), quote_text(*text) + " is not a date and time written as YYYY-MM-DD HH:MM");
        return std::nullopt;
    }
    return moment;
}

std::string read_asset(ObjectReader& reader, std::string_view key, Emptiness emptiness, JsonErrors& errors)
{
    auto path = reader.text(key, emptiness);
    if (path.empty())
        return path;
    if (auto problem = parsing::asset_path_problem(path))
        errors.error(reader.path_of(key), problem->message);
    return path;
}

bool is_id_character(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

bool is_valid_id(std::string_view id)
{
    return !id.empty() && id.size() <= longest_id && std::all_of(id.begin(), id.end(), is_id_character)
        && id.front() != '-' && id.front() != '_';
}

// Calls `each` for every item of the list at `key`.
template <typename Each>
void for_each_item(ObjectReader& reader, std::string_view key, Emptiness list, Each each)
{
    auto const* items = reader.array(key, list);
    if (!items)
        return;
    for (size_t i = 0; i < items->size(); ++i)
        each((*items)[i], item_path(reader.path_of(key), i));
}

TariffTable read_tariff(ObjectReader& reader, JsonErrors& errors)
{
    TariffTable table;
    table.unit = reader.text("unit", Emptiness::Allowed);
    table.columns = reader.text_list("columns", Emptiness::Allowed, Emptiness::Refused);
    for_each_item(reader, "rows", Emptiness::Refused, [&](const Json& item, const std::string& path) {
        std::vector<std::string> row;
        if (!item.is_array()) {
            errors.error(path, "expected a list of cells, found " + type_name(item));
        } else {
            for (size_t i = 0; i < item.size(); ++i)
                row.push_back(text_item(item[i], item_path(path, i), Emptiness::Allowed, errors));
            if (row.size() != table.columns.size())
                errors.error(path,
                    "has " + std::to_string(row.size()) + " cell(s), the table has "
                        + std::to_string(table.columns.size()) + " column(s)");
        }
        table.rows.push_back(std::move(row));
    });
    for_each_item(reader, "sections", Emptiness::Allowed, [&](const Json& item, const std::string& path) {
        ObjectReader section(item, path, errors);
        TariffSection value;
        if (auto before = section.integer("before", 0, table.rows.size()))
            value.before_row = static_cast<int>(*before);
        value.text = section.text("text", Emptiness::Refused);
        if (!table.sections.empty() && value.before_row < table.sections.back().before_row)
            errors.error(path, "sections must be in row order");
        table.sections.push_back(std::move(value));
    });
    table.notes = reader.text_list("notes", Emptiness::Allowed, Emptiness::Allowed);
    table.effective = read_date(reader, "effective", errors);
    return table;
}

Flow read_flow(ObjectReader& reader, JsonErrors& errors)
{
    Flow flow;
    for_each_item(reader, "steps", Emptiness::Refused, [&](const Json& item, const std::string& path) {
        ObjectReader step(item, path, errors);
        FlowStep value;
        value.name = step.text("name", Emptiness::Refused);
        value.limit = step.text("limit", Emptiness::Allowed);
        value.detail = step.text("detail", Emptiness::Allowed);
        flow.steps.push_back(std::move(value));
    });
    flow.materials = reader.text_list("materials", Emptiness::Allowed, Emptiness::Allowed);
    flow.total = reader.text("total", Emptiness::Allowed);
    return flow;
}

Commitments read_commitments(ObjectReader& reader, JsonErrors& errors)
{
    Commitments commitments;
    for_each_item(reader, "items", Emptiness::Refused, [&](const Json& item, const std::string& path) {
        ObjectReader entry(item, path, errors);
        CommitmentItem value;
        value.heading = entry.text("heading", Emptiness::Allowed);
        value.detail = entry.text("detail", Emptiness::Refused);
        commitments.items.push_back(std::move(value));
    });
    return commitments;
}

Hotlines read_hotlines(ObjectReader& reader, JsonErrors& errors)
{
    Hotlines hotlines;
    for_each_item(reader, "entries", Emptiness::Refused, [&](const Json& item, const std::string& path) {
        ObjectReader entry(item, path, errors);
        Hotline value;
        value.label = entry.text("label", Emptiness::Refused);
        value.number = entry.text("number", Emptiness::Refused);
        value.note = entry.text("note", Emptiness::Allowed);
        value.qr = read_asset(entry, "qr", Emptiness::Allowed, errors);
        hotlines.entries.push_back(std::move(value));
    });
    return hotlines;
}

FreeText read_free_text(ObjectReader& reader, JsonErrors& errors)
{
    FreeText text;
    if (auto level = reader.choice("level", { "info", "warning" }))
        text.level = *level == 0 ? NoticeLevel::Info : NoticeLevel::Warning;
    text.body = reader.text("body", Emptiness::Refused);
    text.issuer = reader.text("issuer", Emptiness::Allowed);
    text.date = read_date(reader, "date", errors);
    return text;
}

ImageSlide read_image(ObjectReader& reader, JsonErrors& errors)
{
    ImageSlide image;
    image.src = read_asset(reader, "src", Emptiness::Refused, errors);
    if (auto fit = reader.choice("fit", { "contain", "cover" }))
        image.fit = *fit == 0 ? ImageFit::Contain : ImageFit::Cover;
    image.caption = reader.text("caption", Emptiness::Allowed);
    return image;
}

NoticeBody read_block(NoticeKind kind, const Json& value, const std::string& path, JsonErrors& errors)
{
    ObjectReader reader(value, path, errors);
    if (!reader.is_object())
        return FreeText {};
    switch (kind) {
    case NoticeKind::Tariff:
        return read_tariff(reader, errors);
    case NoticeKind::Flow:
        return read_flow(reader, errors);
    case NoticeKind::Commitments:
        return read_commitments(reader, errors);
    case NoticeKind::Hotlines:
        return read_hotlines(reader, errors);
    case NoticeKind::Notice:
        return read_free_text(reader, errors);
    case NoticeKind::Image:
        return read_image(reader, errors);
    case NoticeKind::Ticker:
        return TickerMessage { reader.text("text", Emptiness::Refused) };
    }
    return FreeText {};
}

std::vector<Weekday> read_days(ObjectReader& reader, JsonErrors& errors)
{
    std::vector<Weekday> days;
    for_each_item(reader, "days", Emptiness::Allowed, [&](const Json& item, const std::string& path) {
        auto word = text_item(item, path, Emptiness::Refused, errors);
        auto day = parse_weekday(word);
        if (!day) {
            if (item.is_string())
                errors.error(path, quote_text(word) + " is not one of mon, tue, wed, thu, fri, sat, sun");
            return;
        }
        if (std::find(days.begin(), days.end(), *day) != days.end())
            errors.error(path, quote_text(word) + " is listed twice");
        days.push_back(*day);
    });
    return days;
}

std::vector<TimeOfDayRange> read_hours(ObjectReader& reader, JsonErrors& errors)
{
    std::vector<TimeOfDayRange> hours;
    for_each_item(reader, "hours", Emptiness::Allowed, [&](const Json& item, const std::string& path) {
        auto text = text_item(item, path, Emptiness::Refused, errors);
        auto range = parse_time_range(text);
        if (!range || format_time_range(*range) != text) {
            if (item.is_string())
                errors.error(path, quote_text(text) + " is not a time range written as HH:MM-HH:MM");
            return;
        }
        hours.push_back(*range);
    });
    return hours;
}

std::vector<std::string> read_tags(ObjectReader& reader, JsonErrors& errors)
{
    auto tags = reader.text_list("tags", Emptiness::Refused, Emptiness::Allowed);
    for (size_t i = 0; i < tags.size(); ++i) {
        auto const& tag = tags[i];
        for (std::string_view separator : { " ", ",", "，", "\t" }) {
            if (tag.find(separator) != std::string::npos) {
                errors.error(item_path(reader.path_of("tags"), i), quote_text(tag) + " is more than one word");
                break;
            }
        }
    }
    return tags;
}

} // namespace

std::string format_time_range(const TimeOfDayRange& range)
{
    auto clock = [](int minute) {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%02d:%02d", minute / 60, minute % 60);
        return std::string(buffer);
    };
    return clock(range.start_minute) + "-" + clock(range.end_minute);
}

OrderedJson notice_to_json(const Notice& notice)
{
    OrderedJson value;
    value["id"] = notice.id;
    value["kind"] = to_string(notice.kind);
    value["file"] = notice.defined_at.file;
    value["title"] = notice.title;
    value["duration_ms"] = nullable_duration(notice.duration);
    value["valid_from"] = nullable_date_time(notice.valid_from);
    value["valid_until"] = nullable_date_time(notice.valid_until);
    auto days = OrderedJson::array();
    for (auto day : notice.days)
        days.push_back(weekday_words[static_cast<size_t>(day)]);
    value["days"] = std::move(days);
    auto hours = OrderedJson::array();
    for (auto const& range : notice.hours)
        hours.push_back(format_time_range(range));
    value["hours"] = std::move(hours);
    value["priority"] = to_string(notice.priority);
    value["tags"] = texts(notice.tags);
    value["footer"] = notice.footer;
    // The block is named after the body actually held, so that a model whose kind and body
    // disagree gives a manifest the reader refuses rather than a silently different notice.
    value[std::string(notice_kinds[notice.body.index()].name)] = std::visit(BlockWriter {}, notice.body);
    return value;
}

std::optional<Notice> notice_from_json(const Json& value, const std::string& path, JsonErrors& errors)
{
    int errors_before = errors.count();
    Notice notice;
    {
        ObjectReader reader(value, path, errors);
        if (!reader.is_object())
            return std::nullopt;
        notice.id = reader.text("id", Emptiness::Refused);
        if (!notice.id.empty() && !is_valid_id(notice.id))
            errors.error(reader.path_of("id"),
                quote_text(notice.id)
                    + " is not an id (up to 64 of a-z, 0-9, '-' and '_', starting with a letter or digit)");
        auto kind_index = reader.choice("kind", notice_kind_names());
        std::optional<NoticeKind> kind;
        if (kind_index)
            kind = notice_kinds[*kind_index].kind;
        notice.defined_at = { reader.text("file", Emptiness::Allowed), 0, 0 };
        notice.title = reader.text("title", Emptiness::Allowed);
        if (kind && notice.title.empty() && *kind != NoticeKind::Ticker && *kind != NoticeKind::Image)
            errors.error(reader.path_of("title"),
                "must not be empty for a slide of kind '" + std::string(to_string(*kind)) + "'");
        if (auto duration = reader.nullable_integer("duration_ms", 1, longest_duration_ms))
            notice.duration = std::chrono::milliseconds(static_cast<std::chrono::milliseconds::rep>(*duration));
        notice.valid_from = read_date_time(reader, "valid_from", errors);
        notice.valid_until = read_date_time(reader, "valid_until", errors);
        if (notice.valid_from && notice.valid_until && *notice.valid_until < *notice.valid_from)
            errors.error(reader.path_of("valid_until"), "is before valid_from");
        notice.days = read_days(reader, errors);
        notice.hours = read_hours(reader, errors);
        if (auto priority = reader.choice("priority", { "normal", "high", "urgent" }))
            notice.priority = static_cast<Priority>(*priority);
        notice.tags = read_tags(reader, errors);
        notice.footer = reader.text("footer", Emptiness::Allowed);
        if (kind) {
            notice.kind = *kind;
            auto name = to_string(*kind);
            if (auto const* block = reader.member(name))
                notice.body = read_block(notice.kind, *block, reader.path_of(name), errors);
        }
    } // the reader reports unknown fields (another kind's block among them) here
    if (errors.count() != errors_before)
        return std::nullopt;
    return notice;
}

OrderedJson channel_to_json(const ChannelDefaults& channel)
{
    OrderedJson value;
    value["duration_ms"] = nullable_duration(channel.duration);
    value["tags"] = texts(channel.tags);
    value["footer"] = channel.footer;
    value["reading_speed"] = channel.reading_speed ? OrderedJson(*channel.reading_speed) : OrderedJson(nullptr);
    value["min_duration_ms"] = nullable_duration(channel.min_duration);
    value["max_duration_ms"] = nullable_duration(channel.max_duration);
    return value;
}

std::optional<ChannelDefaults> channel_from_json(const Json& value, const std::string& path, JsonErrors& errors)
{
    int errors_before = errors.count();
    ChannelDefaults channel;
    {
        ObjectReader reader(value, path, errors);
        if (!reader.is_object())
            return std::nullopt;
        auto duration = [&](std::string_view key) -> std::optional<std::chrono::milliseconds> {
            if (auto count = reader.nullable_integer(key, 1, longest_duration_ms))
                return std::chrono::milliseconds(static_cast<std::chrono::milliseconds::rep>(*count));
            return std::nullopt;
        };
        channel.duration = duration("duration_ms");
        channel.tags = read_tags(reader, errors);
        channel.footer = reader.text("footer", Emptiness::Allowed);
        channel.reading_speed = reader.nullable_number("reading_speed", 0, 100); // as channel.yaml allows
        channel.min_duration = duration("min_duration_ms");
        channel.max_duration = duration("max_duration_ms");
        if (channel.min_duration && channel.max_duration && *channel.max_duration < *channel.min_duration)
            errors.error(reader.path_of("max_duration_ms"), "is shorter than min_duration_ms");
    }
    if (errors.count() != errors_before)
        return std::nullopt;
    return channel;
}

} // namespace hallboard
