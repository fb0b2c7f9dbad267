// The heartbeat's JSON form: compact to write, strict to read (it arrives from the network).
#include "content/heartbeat/heartbeat.h"

#include "base/terminal_text.h"
#include "base/utf8.h"

#include "content/publish/manifest.h"
#include "content/model/strict_json.h"

#include <algorithm>
#include <map>
#include <utility>

namespace hallboard {

using json_reading::Emptiness;
using json_reading::Json;
using json_reading::JsonErrors;
using json_reading::ObjectReader;
using json_reading::quote_text;

namespace {

constexpr int max_heartbeat_depth = 4; // {"plays": [{...}]} is 3 deep
constexpr std::uint64_t max_uptime_s = 20ull * 365 * 86400;
constexpr std::uint64_t max_version = (1ull << 53) - 1; // exact in every JSON reader

// Why escape rather than refuse: a heartbeat is a screen's whole status, and a hall name with a
// stray control character (pasted from a spreadsheet, say) must not make the screen vanish from
// `hallboard screens`. So the free-text fields (hall, sync.error) are stored with their control
// characters written out (base/terminal_text.h), and only the escaped form must fit the bound,
// so what is stored is what is printed, within the bound the server documents.
std::string too_long_message(std::string_view sent, std::string_view escaped, std::size_t bound)
{
    return "is longer than " + std::to_string(bound) + " bytes"
        + (escaped.size() != sent.size() ? std::string(" (with its control characters written out)") : std::string());
}

Json nullable(const std::optional<std::string>& text)
{
    return text ? Json(*text) : Json(nullptr);
}
Json nullable(const std::string& text)
{
    return text.empty() ? Json(nullptr) : Json(text);
}

void read_sync(ObjectReader& parent, Heartbeat& heartbeat, JsonErrors& errors)
{
    auto const* value = parent.member("sync");
    if (!value)
        return;
    ObjectReader reader(*value, parent.path_of("sync"), errors);
    if (!reader.is_object())
        return;
    auto result = reader.choice("result", { "ok", "failed", "never" });
    auto error = reader.nullable_text("error");
    auto at = reader.nullable_text("at");
    if (!result)
        return;
    heartbeat.sync.result = static_cast<SyncResult>(*result);
    bool failed = heartbeat.sync.result == SyncResult::Failed;
    if (failed && (!error || error->empty()))
        errors.error(reader.path_of("error"), "a failed sync needs its error");
    else if (!failed && error)
        errors.error(reader.path_of("error"), "must be null unless the result is failed");
    else if (error) {
        heartbeat.sync.error = escape_terminal_text(*error);
        if (heartbeat.sync.error.size() > max_sync_error_bytes)
            errors.error(reader.path_of("error"), too_long_message(*error, heartbeat.sync.error, max_sync_error_bytes));
    }
    bool never = heartbeat.sync.result == SyncResult::Never;
    if (never && at)
        errors.error(reader.path_of("at"), "must be null when there has never been a sync");
    else if (!never && !at)
        errors.error(reader.path_of("at"), "the time of the last sync is missing");
    else if (at && !is_utc_timestamp(*at))
        errors.error(reader.path_of("at"), quote_text(*at) + " is not a UTC time written as YYYY-MM-DDTHH:MM:SSZ");
    else if (at)
        heartbeat.sync.at = *at;
}

std::optional<PlayTotal> read_play(const Json& value, const std::string& path, JsonErrors& errors)
{
    int errors_before = errors.count();
    PlayTotal play;
    {
        ObjectReader reader(value, path, errors);
        if (!reader.is_object())
            return std::nullopt;
        auto date = reader.text("date", Emptiness::Refused);
        if (auto parsed = parse_date(date))
            play.date = *parsed;
        else if (!date.empty())
            errors.error(reader.path_of("date"), quote_text(date) + " is not a date written as YYYY-MM-DD");
        play.notice = reader.text("notice", Emptiness::Refused);
        if (!play.notice.empty() && !is_valid_screen_id(play.notice))
            errors.error(reader.path_of("notice"), quote_text(play.notice) + " is not a notice id");
        play.count = reader.integer("count", 1, max_plays_per_day).value_or(0);
        play.seconds = reader.integer("seconds", 0, max_play_seconds_per_day).value_or(0);
    }
    if (errors.count() != errors_before)
        return std::nullopt;
    return play;
}

void read_plays(ObjectReader& reader, Heartbeat& heartbeat, JsonErrors& errors)
{
    auto const* plays = reader.array("plays", Emptiness::Allowed);
    if (!plays)
        return;
    if (plays->size() > max_heartbeat_plays) {
        errors.error("plays",
            "holds " + std::to_string(plays->size()) + " entries, more than the limit of "
                + std::to_string(max_heartbeat_plays));
        return;
    }
    std::map<std::pair<Date, std::string>, size_t> seen;
    for (size_t i = 0; i < plays->size(); ++i) {
        auto path = json_reading::item_path("plays", i);
        auto play = read_play((*plays)[i], path, errors);
        if (!play)
            continue;
        auto [first, inserted] = seen.emplace(std::make_pair(play->date, play->notice), i);
        if (!inserted) {
            errors.error(path, "repeats the date and notice of " + json_reading::item_path("plays", first->second));
            continue;
        }
        heartbeat.plays.push_back(std::move(*play));
    }
}

} // namespace

bool is_valid_screen_id(std::string_view text)
{
    if (text.empty() || text.size() > 64)
        return false;
    auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!lower_or_digit(text[0]))
        return false;
    return std::all_of(text.begin() + 1, text.end(), [&](char c) { return lower_or_digit(c) || c == '_' || c == '-'; });
}

std::size_t fit_heartbeat_to_bounds(Heartbeat& heartbeat)
{
    // Escaped before the cut, as the server reads them: an escaped control character takes more
    // bytes, and the escaped form is what the server's bound applies to.
    heartbeat.hall = std::string(truncate_utf8(escape_terminal_text(heartbeat.hall), max_hall_bytes));
    heartbeat.sync.error = std::string(truncate_utf8(escape_terminal_text(heartbeat.sync.error), max_sync_error_bytes));
    heartbeat.interval_s = std::clamp<std::uint64_t>(heartbeat.interval_s, 1, max_heartbeat_interval_s);
    heartbeat.uptime_s = std::min(heartbeat.uptime_s, max_uptime_s);
    for (auto& play : heartbeat.plays) {
        play.count = std::min(play.count, max_plays_per_day);
        play.seconds = std::min(play.seconds, max_play_seconds_per_day);
    }
    std::erase_if(heartbeat.plays, [](const PlayTotal& play) { return play.count == 0; });
    if (heartbeat.plays.size() <= max_heartbeat_plays)
        return 0;
    // Newest days first: today's totals matter most, and older ones can follow next time.
    std::stable_sort(heartbeat.plays.begin(), heartbeat.plays.end(),
        [](const PlayTotal& a, const PlayTotal& b) { return a.date > b.date; });
    size_t left_out = heartbeat.plays.size() - max_heartbeat_plays;
    heartbeat.plays.resize(max_heartbeat_plays);
    return left_out;
}

std::string heartbeat_to_json(const Heartbeat& heartbeat)
{
    json_reading::OrderedJson document;
    document["screen"] = heartbeat.screen;
    document["hall"] = heartbeat.hall;
    document["version"] = heartbeat.version;
    document["current_notice"] = nullable(heartbeat.current_notice);
    document["uptime_s"] = heartbeat.uptime_s;
    document["interval_s"] = heartbeat.interval_s;
    document["sent_at"] = heartbeat.sent_at;
    document["sync"] = { { "result", sync_result_name(heartbeat.sync.result) },
        { "error", nullable(heartbeat.sync.error) }, { "at", nullable(heartbeat.sync.at) } };
    auto plays = json_reading::OrderedJson::array();
    for (auto const& play : heartbeat.plays) {
        plays.push_back({ { "date", format_date(play.date) }, { "notice", play.notice }, { "count", play.count },
            { "seconds", play.seconds } });
    }
    document["plays"] = std::move(plays);
    return document.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::optional<Heartbeat> heartbeat_from_json(std::string_view json_text, Diagnostics& diagnostics)
{
    JsonErrors errors("heartbeat", diagnostics);
    if (json_text.size() > max_heartbeat_bytes) {
        errors.error("",
            "is " + std::to_string(json_text.size()) + " bytes, more than the limit of "
                + std::to_string(max_heartbeat_bytes));
        return std::nullopt;
    }
    auto document = json_reading::parse_strict_json(json_text, max_heartbeat_depth, errors);
    if (!document)
        return std::nullopt;
    Heartbeat heartbeat;
    {
        ObjectReader reader(*document, "", errors);
        if (!reader.is_object())
            return std::nullopt;
        heartbeat.screen = reader.text("screen", Emptiness::Refused);
        if (!heartbeat.screen.empty() && !is_valid_screen_id(heartbeat.screen))
            errors.error("screen",
                quote_text(heartbeat.screen)
                    + " is not a screen id (1 to 64 lowercase letters, digits, '-' or '_', starting with a letter or "
                      "digit)");
        auto hall = reader.text("hall", Emptiness::Refused);
        heartbeat.hall = escape_terminal_text(hall);
        if (heartbeat.hall.size() > max_hall_bytes)
            errors.error("hall", too_long_message(hall, heartbeat.hall, max_hall_bytes));
        heartbeat.version = reader.integer("version", 0, max_version).value_or(0);
        heartbeat.current_notice = reader.nullable_text("current_notice");
        if (heartbeat.current_notice && !is_valid_screen_id(*heartbeat.current_notice))
            errors.error("current_notice", quote_text(*heartbeat.current_notice) + " is not a notice id");
        heartbeat.uptime_s = reader.integer("uptime_s", 0, max_uptime_s).value_or(0);
        heartbeat.interval_s = reader.integer("interval_s", 1, max_heartbeat_interval_s).value_or(0);
        heartbeat.sent_at = reader.text("sent_at", Emptiness::Refused);
        if (!heartbeat.sent_at.empty() && !is_utc_timestamp(heartbeat.sent_at))
            errors.error(
                "sent_at", quote_text(heartbeat.sent_at) + " is not a UTC time written as YYYY-MM-DDTHH:MM:SSZ");
        read_sync(reader, heartbeat, errors);
        read_plays(reader, heartbeat, errors);
    }
    if (errors.count() > 0)
        return std::nullopt;
    return heartbeat;
}

std::string heartbeat_answer_to_json(const HeartbeatAnswer& answer)
{
    return Json { { "thumbnail_requested", answer.thumbnail_requested } }.dump();
}

std::optional<HeartbeatAnswer> heartbeat_answer_from_json(std::string_view json_text)
{
    auto document = Json::parse(json_text, nullptr, false);
    if (document.is_discarded() || !document.is_object())
        return std::nullopt;
    auto requested = document.find("thumbnail_requested");
    if (requested == document.end() || !requested->is_boolean())
        return std::nullopt;
    return HeartbeatAnswer { requested->get<bool>() };
}

char const* sync_result_name(SyncResult result)
{
    switch (result) {
    case SyncResult::Ok:
        return "ok";
    case SyncResult::Failed:
        return "failed";
    case SyncResult::Never:
        return "never";
    }
    return "never";
}

std::optional<std::chrono::system_clock::time_point> parse_utc_timestamp(std::string_view text)
{
    if (!is_utc_timestamp(text))
        return std::nullopt;
    auto date = parse_date(text.substr(0, 10));
    // system_clock counts nanoseconds in 64 bits: about 292 years either side of 1970. A year
    // such as 1014 (which any client may send in a heartbeat) overflowed the conversion, and the
    // difference of two time points must fit too, so only 1970-2199 is read.
    if (date->year < 1970 || date->year > 2199)
        return std::nullopt;
    auto number = [&](size_t offset) { return (text[offset] - '0') * 10 + (text[offset + 1] - '0'); };
    long long seconds
        = static_cast<long long>(days_from_civil(*date)) * 86400 + number(11) * 3600 + number(14) * 60 + number(17);
    return std::chrono::system_clock::time_point(std::chrono::seconds(seconds));
}

} // namespace hallboard
