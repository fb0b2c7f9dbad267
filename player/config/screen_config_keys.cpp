// The screen config's key table (formats.md section 3) and each key's reader, with its range or word table.
#include "player/config/screen_config_keys.h"

#include "player/config/base64.h"
#include "player/config/config_values.h"

#include <algorithm>
#include <charconv>
#include <vector>

namespace hallboard {

using namespace config_detail;
using namespace std::chrono_literals;

namespace {

// Zones a Chinese utility is likely to mean, for a did-you-mean on a misspelt name.
const std::vector<std::string> common_time_zones = {
    "Asia/Shanghai",
    "Asia/Urumqi",
    "Asia/Hong_Kong",
    "Asia/Macau",
    "Asia/Taipei",
    "Asia/Chongqing",
    "Asia/Harbin",
    "UTC",
};

std::filesystem::path const zoneinfo_folder = "/usr/share/zoneinfo";

bool is_time_zone_name(std::string_view name)
{
    if (name.empty() || name.front() == '/' || name.back() == '/' || name.find("..") != std::string_view::npos)
        return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '_'
            || c == '-' || c == '+';
    });
}

// http(s)://host[:port][/path]: enough to catch the usual slips (no scheme, a space, a
// stray port) before the player spends its life polling a wrong address.
std::optional<std::string> check_server_url(std::string_view url)
{
    std::string_view rest;
    if (url.starts_with("http://"))
        rest = url.substr(7);
    else if (url.starts_with("https://"))
        rest = url.substr(8);
    else
        return std::nullopt;
    if (std::any_of(url.begin(), url.end(),
            [](char c) { return c == ' ' || c == '\t' || static_cast<unsigned char>(c) < 0x20; }))
        return std::nullopt;
    auto authority = rest.substr(0, rest.find_first_of("/?#"));
    if (authority.empty() || authority.find('@') != std::string_view::npos)
        return std::nullopt;
    std::string_view host = authority;
    if (authority.front() == '[') {
        auto close = authority.find(']');
        if (close == std::string_view::npos)
            return std::nullopt;
        host = authority.substr(0, close + 1);
        auto after = authority.substr(close + 1);
        if (!after.empty() && after.front() != ':')
            return std::nullopt;
    } else {
        host = authority.substr(0, authority.find(':'));
        bool host_ok = !host.empty() && std::all_of(host.begin(), host.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'
                || c == '_';
        });
        if (!host_ok)
            return std::nullopt;
    }
    if (host.size() < authority.size()) {
        auto port_text = authority.substr(host.size() + 1);
        int port = 0;
        auto result = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
        if (port_text.empty() || result.ec != std::errc() || result.ptr != port_text.data() + port_text.size()
            || port < 1 || port > 65535)
            return std::nullopt;
    }
    // Without the trailing slash, "<server>/manifest.json" is always one slash.
    std::string normal(url);
    while (normal.back() == '/') // stops at the authority, which is not empty
        normal.pop_back();
    return normal;
}

std::string quoted(std::string_view key)
{
    return "'" + std::string(key) + "'";
}

// The name, as written in its section, of the key read by `read`: a rule between two keys
// names the other one through the table, never by a second spelling.
std::string_view key_name(ReadKey read);

// An enum key's words: parsing, the error's list of allowed values and did-you-mean all read it.
template <typename T>
struct Word {
    std::string_view word;
    T value;
};

template <typename T>
struct Choices {
    std::span<const Word<T>> words;
    std::string_view hint; // when no did-you-mean fits; empty: none
};

template <typename T>
std::optional<T> value_named(const Choices<T>& choices, std::string_view word)
{
    for (auto const& choice : choices.words) {
        if (choice.word == word)
            return choice.value;
    }
    return std::nullopt;
}

// "auto, gpu or software"
template <typename T>
std::string word_list(const Choices<T>& choices)
{
    std::string list;
    for (size_t i = 0; i < choices.words.size(); ++i) {
        if (i > 0)
            list += i + 1 == choices.words.size() ? " or " : ", ";
        list += choices.words[i].word;
    }
    return list;
}

constexpr Word<RendererSetting> renderer_words[] = {
    { "auto", RendererSetting::Auto },
    { "gpu", RendererSetting::Gpu },
    { "software", RendererSetting::Software },
};
constexpr Choices<RendererSetting> renderer_choices { renderer_words,
    "auto picks the GPU when there is a real one; software never touches OpenGL" };

constexpr Word<OffHours> off_hours_words[] = {
    { "blank", OffHours::Blank },
    { "clock", OffHours::DimmedClock },
};
constexpr Choices<OffHours> off_hours_choices { off_hours_words,
    "blank: a black screen; clock: a dimmed clock on black" };

constexpr Word<Transition> transition_words[] = {
    { "fade", Transition::Fade },
    { "slide", Transition::Slide },
    { "cut", Transition::Cut },
};
constexpr Choices<Transition> transition_choices { transition_words, "" };

// Read as a number, not a word ("090" is 90), so its hint is the meaning, never a did-you-mean.
constexpr Word<int> rotate_words[] = { { "0", 0 }, { "90", 90 }, { "180", 180 }, { "270", 270 } };
constexpr Choices<int> rotate_choices { rotate_words,
    "degrees clockwise; 90 or 270 for a landscape panel mounted as a portrait screen" };

// The word's value into `into`; false (and an error at the value) when it is none of the words.
template <typename T>
bool read_word(const KeyReader& reader, const Choices<T>& choices, T& into)
{
    auto text = reader.file.text(reader.map, reader.name, Presence::Optional);
    if (!text)
        return false;
    auto word = trim(*text);
    if (auto value = value_named(choices, word)) {
        into = *value;
        return true;
    }
    std::vector<std::string_view> names;
    for (auto const& choice : choices.words)
        names.push_back(choice.word);
    auto hint = did_you_mean(word, names);
    if (hint.empty())
        hint = choices.hint;
    reader.file.error(reader.map[std::string(reader.name)],
        quoted(reader.name) + " must be " + word_list(choices) + ", not '" + *text + "'", hint);
    return false;
}

// A duration bound as a template argument (std::chrono::duration is not one).
struct Millis {
    long long count;
    template <typename Rep, typename Period>
    constexpr Millis(std::chrono::duration<Rep, Period> duration)
        : count(std::chrono::duration_cast<std::chrono::milliseconds>(duration).count())
    {
    }
    constexpr std::chrono::milliseconds value() const { return std::chrono::milliseconds(count); }
};

template <auto Member>
bool differs(const ScreenConfig& a, const ScreenConfig& b)
{
    return !(a.*Member == b.*Member);
}

template <auto Member>
void switch_into(const KeyReader& reader, ScreenConfig& config)
{
    if (auto value = read_switch(reader.file, reader.map, reader.name))
        config.*Member = *value;
}

template <auto Member, int Min, int Max>
void whole_number_into(const KeyReader& reader, ScreenConfig& config)
{
    if (auto value = read_integer(reader.file, reader.map, reader.name, Min, Max))
        config.*Member = *value;
}

template <auto Member, Millis Min, Millis Max>
void duration_into(const KeyReader& reader, ScreenConfig& config)
{
    if (auto value = read_duration(reader.file, reader.map, reader.name, Min.value(), Max.value()))
        config.*Member = *value;
}

template <auto Member, const auto& Words>
void word_into(const KeyReader& reader, ScreenConfig& config)
{
    read_word(reader, Words, config.*Member);
}

// The table's field kinds: how a key is read into which member, and compared there.
template <auto Member>
constexpr KeyField as_switch { switch_into<Member>, differs<Member> };
template <auto Member, int Min, int Max>
constexpr KeyField as_whole_number { whole_number_into<Member, Min, Max>, differs<Member> };
template <auto Member, Millis Min, Millis Max>
constexpr KeyField as_duration { duration_into<Member, Min, Max>, differs<Member> };
template <auto Member, const auto& Words>
constexpr KeyField as_word { word_into<Member, Words>, differs<Member> };
template <auto Member, ReadKey Read>
constexpr KeyField read_by { Read, differs<Member> };

// The keys whose reading has rules of its own.

void read_id(const KeyReader& reader, ScreenConfig& config)
{
    if (auto id = reader.file.text(reader.map, reader.name, Presence::Required)) {
        if (is_valid_identifier(*id)) {
            config.id = *id;
            // The packaged /etc/hallboard/screen.yaml's id: two screens left with it report as one.
            if (config.id.rfind("change-me", 0) == 0)
                reader.file.warning(reader.map[std::string(reader.name)],
                    "screen id '" + *id + "' is the packaged placeholder",
                    "give every screen its own id, e.g. hz-chengxi-01: the server tells screens apart by it");
        } else
            reader.file.error(reader.map[std::string(reader.name)], "screen id '" + *id + "' is not a valid id",
                "use 1 to 64 lowercase letters, digits, '-' or '_', starting with a letter or digit, e.g. "
                "hz-chengxi-01");
    }
}

void read_hall(const KeyReader& reader, ScreenConfig& config)
{
    if (auto hall = reader.file.text(reader.map, reader.name, Presence::Required)) {
        if (trim(*hall).empty())
            reader.file.error(reader.map[std::string(reader.name)], quoted(reader.name) + " is empty",
                "write the hall's name as customers know it");
        else
            config.hall = std::string(trim(*hall));
    }
}

void read_tags(const KeyReader& reader, ScreenConfig& config)
{
    auto tags = reader.file.text_list(reader.map, reader.name, Presence::Optional);
    if (!tags)
        return;
    for (auto const& tag : *tags) {
        auto word = trim(tag);
        if (word.empty()) {
            reader.file.error(reader.map[std::string(reader.name)], quoted(reader.name) + " has an empty tag");
            continue;
        }
        if (std::find(config.tags.begin(), config.tags.end(), word) == config.tags.end())
            config.tags.emplace_back(word);
    }
}

void read_size(const KeyReader& reader, ScreenConfig& config)
{
    if (auto text = reader.file.text(reader.map, reader.name, Presence::Optional)) {
        if (auto size = parse_screen_size(trim(*text)))
            config.size = *size;
        else
            reader.file.error(reader.map[std::string(reader.name)],
                quoted(reader.name) + " must be width x height in pixels, like 1920x1080, not '" + *text + "'",
                "write the two numbers with a lowercase x between them, each from 64 to 16384");
    }
}

void read_rotate(const KeyReader& reader, ScreenConfig& config)
{
    auto node = lookup(reader.map, reader.name);
    if (!node)
        return;
    auto text = reader.file.scalar(*node, quoted(reader.name));
    int degrees = -1;
    if (text) {
        auto digits = trim(*text);
        auto result = std::from_chars(digits.data(), digits.data() + digits.size(), degrees);
        if (result.ec != std::errc() || result.ptr != digits.data() + digits.size())
            degrees = -1;
    }
    bool allowed = std::any_of(rotate_choices.words.begin(), rotate_choices.words.end(),
        [&](auto const& choice) { return choice.value == degrees; });
    if (allowed) {
        config.rotate = degrees;
        // size is what the computer reports; a portrait size turned again is landscape on the panel.
        bool sideways = degrees == 90 || degrees == 270;
        if (sideways && config.size.height > config.size.width)
            reader.file.warning(*node,
                quoted(reader.name) + " " + std::to_string(degrees) + " turns the portrait size "
                    + std::to_string(config.size.width) + "x" + std::to_string(config.size.height)
                    + " on its side: the slides are laid out landscape, " + std::to_string(config.size.height) + "x"
                    + std::to_string(config.size.width),
                "'size' is the size the computer reports; for a portrait panel it already reports, keep rotate: 0; for "
                "a landscape "
                "monitor mounted on its side write size: "
                    + std::to_string(config.size.height) + "x" + std::to_string(config.size.width));
    } else if (text)
        reader.file.error(*node,
            quoted(reader.name) + " must be " + word_list(rotate_choices) + ", not '" + *text + "'",
            std::string(rotate_choices.hint));
}

// Comma-separated HH:MM-HH:MM ranges, in one string or a YAML list of them, into `into`.
void read_ranges(YamlFile& file, const YAML::Node& node, const std::string& what, DayHours& into)
{
    std::vector<std::pair<std::string, YAML::Node>> texts;
    if (node.IsSequence()) {
        for (auto const& item : node) {
            if (auto text = file.scalar(item, "an item of " + what))
                texts.emplace_back(*text, item);
        }
    } else if (auto text = file.scalar(node, what)) {
        texts.emplace_back(*text, node);
    }
    for (auto const& [text, where] : texts) {
        std::string_view rest = text;
        while (true) {
            auto comma = rest.find(',');
            auto piece = trim(rest.substr(0, comma));
            if (auto range = parse_time_range(piece))
                into.push_back(*range);
            else
                file.error(where, what + " has a malformed time range '" + std::string(piece) + "'",
                    "write HH:MM-HH:MM ranges separated by commas, in quotes: \"07:30-12:00, 13:30-18:30\"");
            if (comma == std::string_view::npos)
                break;
            rest.remove_prefix(comma + 1);
        }
    }
}

constexpr std::string_view holiday_word = "holiday";

// "mon", "sat-sun", "fri-mon" (round the weekend) into the weekdays it names; nullopt when it
// names none.
std::optional<std::vector<Weekday>> weekdays_named(std::string_view key)
{
    auto dash = key.find('-');
    auto first = parse_weekday(trim(key.substr(0, dash)));
    auto last = dash == std::string_view::npos ? first : parse_weekday(trim(key.substr(dash + 1)));
    if (!first || !last)
        return std::nullopt;
    std::vector<Weekday> days;
    for (int day = static_cast<int>(*first);; day = (day + 1) % 7) {
        days.push_back(static_cast<Weekday>(day));
        if (day == static_cast<int>(*last))
            break;
    }
    return days;
}

// One day's value in the weekday form: ranges, or "off" for closed all day.
DayHours read_day_value(YamlFile& file, const YAML::Node& value, const std::string& what)
{
    DayHours hours;
    if (value.IsScalar() && trim(value.Scalar()) == "off")
        return hours;
    read_ranges(file, value, what, hours);
    return hours;
}

// The weekday form: {mon-fri: "08:30-17:30", sat: "09:00-12:00", sun: off, holiday: off}.
// A day not named is off; each day may be named once.
void read_weekly_hours(const KeyReader& reader, const YAML::Node& map, WeeklyHours& hours)
{
    hours.always_on = false;
    hours.holiday = DayHours {};                // halls close on public holidays unless the config says otherwise
    std::array<std::optional<int>, 7> named_at; // the line that named each weekday
    for (auto const& entry : map) {
        auto key_text = reader.file.scalar(entry.first, "a key of " + quoted(reader.name));
        if (!key_text)
            continue;
        auto key = trim(*key_text);
        std::string const dotted = std::string(reader.name) + "." + std::string(key);
        std::string what = quoted(std::string_view(dotted));
        if (key == holiday_word) {
            hours.holiday = read_day_value(reader.file, entry.second, what);
            continue;
        }
        auto days = weekdays_named(key);
        if (!days) {
            std::vector<std::string_view> words(weekday_words.begin(), weekday_words.end());
            words.push_back(holiday_word);
            words.push_back("mon-fri");
            words.push_back("sat-sun");
            auto hint = did_you_mean(key, words);
            reader.file.error(entry.first, quoted(key) + " in " + quoted(reader.name) + " is not a day",
                hint.empty() ? "write mon, tue, wed, thu, fri, sat, sun, a span like mon-fri, or holiday" : hint);
            continue;
        }
        int line = reader.file.at(entry.first).line;
        bool clash = false;
        for (auto day : *days) {
            auto& earlier = named_at[static_cast<size_t>(day)];
            if (earlier && !clash) {
                reader.file.error(entry.first,
                    std::string(weekday_words[static_cast<size_t>(day)]) + " is given twice in " + quoted(reader.name)
                        + ": by '" + std::string(key) + "' and on line " + std::to_string(*earlier),
                    "name each day once, e.g. mon-fri and sat, not mon-fri and fri");
                clash = true;
            }
            earlier = line;
        }
        auto day_hours = read_day_value(reader.file, entry.second, what);
        for (auto day : *days)
            hours.by_weekday[static_cast<size_t>(day)] = day_hours;
    }
}

void read_on_hours(const KeyReader& reader, ScreenConfig& config)
{
    auto node = lookup(reader.map, reader.name);
    if (!node)
        return;
    if (node->IsMap()) {
        read_weekly_hours(reader, *node, config.on_hours);
        return;
    }
    // One string of comma-separated ranges as formats.md shows (a YAML list of them works
    // too): the same hours every day, holidays included.
    DayHours every_day;
    read_ranges(reader.file, *node, quoted(reader.name), every_day);
    config.on_hours = WeeklyHours::every_day(std::move(every_day));
}

void read_off_hours(const KeyReader& reader, ScreenConfig& config)
{
    if (!read_word(reader, off_hours_choices, config.off_hours))
        return;
    auto on_hours = key_name(read_on_hours);
    if (!lookup(reader.map, on_hours))
        reader.file.warning(reader.map[std::string(reader.name)],
            quoted(reader.name) + " has no effect without " + quoted(on_hours),
            "the screen is always on; add " + std::string(on_hours)
                + ": \"07:30-18:30\" to switch it off outside those hours");
}

void read_server(const KeyReader& reader, ScreenConfig& config)
{
    auto node = lookup(reader.map, reader.name);
    if (!node)
        return;
    auto text = reader.file.scalar(*node, quoted(reader.name));
    if (!text)
        return;
    auto url = trim(*text);
    if (auto normal = check_server_url(url)) {
        config.server = *normal;
        // The screen adds /manifest.json itself; <server>/manifest.json/manifest.json does not exist.
        auto last_slash = url.find_last_not_of('/');
        auto trimmed = url.substr(0, last_slash == std::string_view::npos ? 0 : last_slash + 1);
        if (trimmed.ends_with("/manifest.json"))
            reader.file.warning(*node, quoted(reader.name) + " ends in /manifest.json: the screen adds that itself",
                "write the address of the published tree: " + std::string(trimmed.substr(0, trimmed.size() - 14)));
    } else {
        bool no_scheme = url.find("://") == std::string_view::npos;
        reader.file.error(*node,
            quoted(reader.name) + " must be a web address starting with http:// or https://, not '" + *text + "'",
            no_scheme ? "add the scheme: http://" + std::string(url) : "");
    }
}

void read_source(const KeyReader& reader, ScreenConfig& config)
{
    auto node = lookup(reader.map, reader.name);
    if (!node)
        return;
    if (auto text = reader.file.scalar(*node, quoted(reader.name))) {
        if (trim(*text).empty())
            reader.file.error(*node, quoted(reader.name) + " is empty");
        else
            config.source = resolve_path(reader.folder, std::string(trim(*text)));
    }
}

// 'content' takes a local folder or a server, never both; its other keys' warnings depend on which.
void check_content_sources(YamlFile& file, const YAML::Node& content)
{
    auto server = key_name(read_server);
    auto source = key_name(read_source);
    auto server_node = lookup(content, server);
    auto source_node = lookup(content, source);
    if (server_node && source_node) {
        file.error(*source_node, "'content' has both " + quoted(server) + " and " + quoted(source),
            "keep one: " + quoted(server) + " to pull published content, " + quoted(source)
                + " to play a local content folder");
    } else if (!server_node && !source_node) {
        file.error(content, "'content' needs " + quoted(server) + " or " + quoted(source),
            "add '" + std::string(source) + ": ../content/demo' for a local folder, or '" + std::string(server)
                + ": http://host:8080' for published content");
    }
}

bool has_local_source(const YAML::Node& content)
{
    return lookup(content, key_name(read_source)) && !lookup(content, key_name(read_server));
}

// Our extension to formats.md: the server judges staleness from the interval each screen
// reports, so a short one (tests, labs) needs nothing set on the server or in `screens`.
void read_heartbeat(const KeyReader& reader, ScreenConfig& config)
{
    auto interval = read_duration(reader.file, reader.map, reader.name, 1s, 60min);
    if (!interval)
        return;
    auto node = reader.map[std::string(reader.name)];
    if (*interval % 1s != 0ms) {
        auto whole = std::chrono::duration_cast<std::chrono::seconds>(*interval);
        reader.file.error(node, quoted(reader.name) + " must be whole seconds, not " + std::string(trim(node.Scalar())),
            "a heartbeat carries its interval in seconds: write e.g. " + format_duration(whole));
        return;
    }
    config.heartbeat = std::chrono::duration_cast<std::chrono::seconds>(*interval);
    if (has_local_source(reader.map))
        reader.file.warning(node, quoted(reader.name) + " has no effect with a local " + quoted(key_name(read_source)),
            "heartbeats go only to a " + quoted(key_name(read_server)));
}

void read_cache(const KeyReader& reader, ScreenConfig& config)
{
    if (auto cache = reader.file.text(reader.map, reader.name, Presence::Optional)) {
        if (trim(*cache).empty())
            reader.file.error(reader.map[std::string(reader.name)], quoted(reader.name) + " is empty");
        else
            config.cache = resolve_path(reader.folder, std::string(trim(*cache)));
    }
}

bool public_key_into(const KeyReader& reader, const YAML::Node& node, ScreenConfig& config)
{
    auto text = reader.file.scalar(node, quoted(reader.name));
    if (!text)
        return false;
    auto key = trim(*text);
    auto bytes = decode_base64(key);
    if (!bytes) {
        reader.file.error(node, quoted(reader.name) + " is not valid base64 text",
            "copy the key exactly as the publisher printed it: 44 characters, ending in '='");
        return false;
    }
    if (bytes->size() != 32) {
        reader.file.error(node,
            quoted(reader.name) + " decodes to " + std::to_string(bytes->size())
                + " bytes; an Ed25519 public key has 32",
            "copy the key exactly as the publisher printed it: 44 characters, ending in '='");
        return false;
    }
    config.public_key = std::string(key);
    return true;
}

// Read after 'server': config.server is set exactly when the server's address was good.
void read_public_key(const KeyReader& reader, ScreenConfig& config)
{
    if (auto key_node = lookup(reader.map, reader.name)) {
        if (public_key_into(reader, *key_node, config) && has_local_source(reader.map))
            reader.file.warning(*key_node,
                quoted(reader.name) + " has no effect with a local " + quoted(key_name(read_source)),
                "signatures are checked only on content pulled from a " + quoted(key_name(read_server)));
    } else if (!config.server.empty() && !lookup(reader.map, key_name(read_source))) {
        // Fail closed: without a key the screen would show whatever anyone on the network serves.
        auto server = reader.map[std::string(key_name(read_server))];
        if (config.allow_unsigned)
            reader.file.warning(server,
                "no " + quoted(reader.name)
                    + " and allow_unsigned: true: unsigned content from this server will be accepted",
                "for tests only; add the publisher's " + std::string(reader.name)
                    + " so that only signed content is shown");
        else
            reader.file.error(server,
                "no " + quoted(reader.name) + ": this screen would accept content anyone could forge",
                "add the publisher's " + std::string(reader.name)
                    + " ('hallboard keygen' prints it), or, for a test, allow_unsigned: true");
    }
}

void read_theme(const KeyReader& reader, ScreenConfig& config)
{
    if (auto theme = reader.file.text(reader.map, reader.name, Presence::Optional)) {
        if (trim(*theme).empty())
            reader.file.error(reader.map[std::string(reader.name)], quoted(reader.name) + " is empty",
                "name a theme file, e.g. ../themes/default.yaml");
        else
            config.theme_file = resolve_path(reader.folder, std::string(trim(*theme)));
    }
}

// A move to another file with the same content still counts: the watch has to follow it.
bool theme_differs(const ScreenConfig& a, const ScreenConfig& b)
{
    return a.theme_file != b.theme_file || !(a.theme == b.theme);
}

void read_timezone(const KeyReader& reader, ScreenConfig& config)
{
    auto text = reader.file.text(reader.map, reader.name, Presence::Optional);
    if (!text)
        return;
    auto node = reader.map[std::string(reader.name)];
    auto name = trim(*text);
    if (!is_time_zone_name(name)) {
        reader.file.error(
            node, quoted(reader.name) + " must be a time zone name like Asia/Shanghai, not '" + *text + "'");
        return;
    }
    config.timezone = std::string(name);
    std::error_code error;
    if (!std::filesystem::is_regular_file(zoneinfo_folder / config.timezone, error)) {
        auto hint = did_you_mean(name, common_time_zones);
        if (hint.empty())
            hint = "check the spelling (Asia/Shanghai), or install the tzdata package";
        reader.file.warning(node,
            "time zone '" + config.timezone + "' is not installed on this machine ("
                + (zoneinfo_folder / config.timezone).string() + " not found)",
            hint);
    }
}

using C = ScreenConfig;

// One row per key: its name, how it is read into which member (with its range or words), how a
// running player takes a change, and the default as the docs write it. The order is a config
// file's: sections are read, and their keys listed in hints, in this order.
constexpr ScreenConfigKey keys[] = {
    { "screen.id", read_by<&C::id, read_id>, Apply::Restart, "**required**" }, // names the heartbeats and the cache
    { "screen.hall", read_by<&C::hall, read_hall>, Apply::Live, "**required**" },
    { "screen.tags", read_by<&C::tags, read_tags>, Apply::Live, "none" },
    // The window and the renderer are made once.
    { "display.fullscreen", as_switch<&C::fullscreen>, Apply::Restart, "`true`" },
    { "display.index", as_whole_number<&C::display_index, 0, 15>, Apply::Restart, "`0`" },
    { "display.size", read_by<&C::size, read_size>, Apply::Restart, "`1920x1080`" },
    { "display.rotate", read_by<&C::rotate, read_rotate>, Apply::Restart, "`0`" },
    { "display.on_hours", read_by<&C::on_hours, read_on_hours>, Apply::Live, "always on" },
    { "display.off_hours", read_by<&C::off_hours, read_off_hours>, Apply::Live, "`blank`" },
    { "display.renderer", as_word<&C::renderer, renderer_choices>, Apply::Restart, "`auto`" },
    // The sync thread, the heartbeat sender and the cache are set up once.
    { "content.server", read_by<&C::server, read_server>, Apply::Restart, "—" },
    { "content.source", read_by<&C::source, read_source>, Apply::Restart, "—" },
    { "content.poll", as_duration<&C::poll, 1s, 60min>, Apply::Restart, "`30s`" },
    { "content.heartbeat", read_by<&C::heartbeat, read_heartbeat>, Apply::Restart, "`60s`" },
    { "content.cache", read_by<&C::cache, read_cache>, Apply::Restart, "`/var/lib/hallboard`" },
    // Read before public_key, whose absence it excuses.
    { "content.allow_unsigned", as_switch<&C::allow_unsigned>, Apply::Restart, "`false`" },
    { "content.public_key", read_by<&C::public_key, read_public_key>, Apply::Restart, "none" },
    { theme_key, { read_theme, theme_differs }, Apply::Live, "the built-in default theme" },
    { "timezone", read_by<&C::timezone, read_timezone>, Apply::Restart, "the system's" }, // read once at start
    // These only change what is drawn and when, from the next slide on.
    { "rotation.transition", as_word<&C::transition, transition_choices>, Apply::Live, "`fade`" },
    { "rotation.transition_time", as_duration<&C::transition_time, 0ms, 5s>, Apply::Live, "`600ms`" },
    { "rotation.default_duration", as_duration<&C::default_duration, 1s, 60min>, Apply::Live, "none" },
};

constexpr ScreenConfigSection sections[] = {
    { "screen", Presence::Required, "add screen: {id: ..., hall: ...}", nullptr },
    { "content", Presence::Required, "add content: with 'source: <folder>' or 'server: <URL>'", check_content_sources },
};

std::string_view key_name(ReadKey read)
{
    for (auto const& row : keys) {
        if (row.field.read == read)
            return row.key.substr(row.key.find('.') + 1);
    }
    return {}; // not reached: every reader named is a row's
}

} // namespace

std::span<const ScreenConfigKey> screen_config_keys()
{
    return keys;
}

std::span<const ScreenConfigSection> screen_config_sections()
{
    return sections;
}

std::optional<RendererSetting> renderer_setting_named(std::string_view word)
{
    return value_named(renderer_choices, word);
}

std::string renderer_setting_words()
{
    return word_list(renderer_choices);
}

} // namespace hallboard
