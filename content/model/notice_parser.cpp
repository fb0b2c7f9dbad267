// Parses one notice file (common fields, then the kind block) and channel.yaml.
#include "content/model/notice_parsing.h"
#include "content/model/source_loader.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <exception>
#include <utility>

namespace hallboard {
namespace parsing {

namespace {

std::string kind_list()
{
    std::string list;
    for (auto const& entry : notice_kinds)
        list += (list.empty() ? "" : ", ") + std::string(entry.name);
    return list;
}

bool is_id_character(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

// A valid id close to what the user wrote ("Tariff 2026" -> "tariff-2026"), or "" when nothing
// usable is left (an all-Chinese id).
std::string suggest_id(std::string_view text)
{
    std::string id;
    for (char c : text) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
        if (is_id_character(c))
            id += c;
        else if (!id.empty() && id.back() != '-')
            id += '-';
    }
    while (!id.empty() && (id.front() == '-' || id.front() == '_'))
        id.erase(id.begin());
    while (!id.empty() && id.back() == '-')
        id.pop_back();
    if (id.size() > 64)
        id.resize(64);
    return id;
}

// Reads and checks `id`; returns it even when it is malformed so that parsing can go on.
void read_id(YamlFile& file, const YAML::Node& root, ParsedNotice& result, Notice& notice)
{
    auto id = read_text(file, root, "id", Presence::Required,
        "add a line like 'id: tariff-2026' (lowercase letters, digits, '-' and '_')");
    if (!id)
        return;
    auto node = value_of(root, "id");
    bool characters_ok
        = std::all_of(id->begin(), id->end(), is_id_character) && id->front() != '-' && id->front() != '_';
    if (!characters_ok) {
        auto suggestion = suggest_id(*id);
        file.error(node,
            "id '" + *id
                + "' may only use lowercase letters a-z, digits, '-' and '_', and must start with a letter or digit",
            suggestion.empty() ? std::string("for example 'outage-2026-12'") : "for example '" + suggestion + "'");
        return;
    }
    if (id->size() > 64) {
        file.error(node, "id is " + std::to_string(id->size()) + " characters long, more than the limit of 64",
            "shorten it to " + id->substr(0, 64));
        return;
    }
    notice.id = *id;
    result.id = *id;
    result.id_at = file.at(node);
}

// The names of the kind blocks present in `root`, in file order.
std::vector<YAML::Node> kind_blocks(const YAML::Node& root)
{
    std::vector<YAML::Node> keys;
    for (auto const& entry : root) {
        if (entry.first.IsScalar() && notice_kind_named(entry.first.Scalar()))
            keys.push_back(entry.first);
    }
    return keys;
}

std::optional<NoticeKind> read_kind(YamlFile& file, const YAML::Node& root, const std::vector<YAML::Node>& blocks)
{
    std::string missing_hint = "add 'kind:' with one of " + kind_list();
    if (blocks.size() == 1)
        missing_hint = "add 'kind: " + blocks.front().Scalar() + "'";
    auto name = read_text(file, root, "kind", Presence::Required, missing_hint);
    if (!name)
        return std::nullopt;
    auto kind = notice_kind_named(*name);
    if (!kind) {
        auto hint = did_you_mean(*name, notice_kind_names());
        file.error(
            value_of(root, "kind"), "unknown kind '" + *name + "'", hint.empty() ? "use one of " + kind_list() : hint);
    }
    return kind;
}

NoticeBody parse_block(YamlFile& file, NoticeKind kind, const YAML::Node& block, std::vector<AssetReference>& assets)
{
    switch (kind) {
    case NoticeKind::Tariff:
        return parse_tariff(file, block);
    case NoticeKind::Flow:
        return parse_flow(file, block);
    case NoticeKind::Commitments:
        return parse_commitments(file, block);
    case NoticeKind::Hotlines:
        return parse_hotlines(file, block, assets);
    case NoticeKind::Notice:
        return parse_free_text(file, block);
    case NoticeKind::Image:
        return parse_image(file, block, assets);
    case NoticeKind::Ticker:
        return parse_ticker(file, block);
    }
    return FreeText {};
}

// Finds the block named after the kind and reports blocks that belong to other kinds. When
// the kind is missing or unknown but a single block is there, that block is still checked
// so that all of its problems show up in the same run.
void read_body(YamlFile& file, const YAML::Node& root, std::optional<NoticeKind> kind,
    const std::vector<YAML::Node>& blocks, Notice& notice, std::vector<AssetReference>& assets)
{
    if (!kind) {
        if (blocks.size() != 1)
            return;
        kind = notice_kind_named(blocks.front().Scalar());
    }
    auto name = std::string(to_string(*kind));
    auto block = value_of(root, name);
    for (auto const& other : blocks) {
        if (other.Scalar() == name)
            continue;
        if (!block.IsDefined() && blocks.size() == 1) {
            file.error(other, "this notice is of kind '" + name + "' but its block is named '" + other.Scalar() + "'",
                "rename '" + other.Scalar() + ":' to '" + name + ":', or change the kind to '" + other.Scalar() + "'");
            return;
        }
        file.error(other, "a '" + name + "' notice cannot have a '" + other.Scalar() + "' block",
            "remove it, or move it into a notice file of its own");
    }
    if (!block.IsDefined()) {
        file.error(value_of(root, "kind"), "a '" + name + "' notice needs a '" + name + ":' block",
            "add the '" + name + ":' block with the slide's content");
        return;
    }
    if (block.IsNull()) {
        file.error(file.key_node(root, name), "the '" + name + "' block is empty", "fill in the '" + name + ":' block");
        return;
    }
    if (!file.expect_map(block, "the '" + name + "' block"))
        return;
    notice.body = parse_block(file, *kind, block, assets);
}

void read_schedule(YamlFile& file, const YAML::Node& root, Notice& notice)
{
    notice.valid_from = read_date_time(file, root, "valid_from", DateOnlyMeans::StartOfDay);
    notice.valid_until = read_date_time(file, root, "valid_until", DateOnlyMeans::EndOfDay);
    if (notice.valid_from && notice.valid_until && *notice.valid_until < *notice.valid_from) {
        auto from = tidy(value_of(root, "valid_from").Scalar());
        auto until = tidy(value_of(root, "valid_until").Scalar());
        file.error(value_of(root, "valid_until"), "valid_until '" + until + "' is before valid_from '" + from + "'",
            "the notice would never be shown; check both dates");
    }
    notice.days = read_days(file, root).value_or(std::vector<Weekday> {});
    notice.hours = read_hours(file, root).value_or(std::vector<TimeOfDayRange> {});
    if (auto priority = read_choice(file, root, "priority", { "normal", "high", "urgent" }))
        notice.priority = static_cast<Priority>(*priority);
}

void read_notice(
    YamlFile& file, const YAML::Node& root, const ChannelDefaults& defaults, ParsedNotice& result, Notice& notice)
{
    // The common fields, then one block key per kind.
    std::vector<std::string_view> keys { "id", "kind", "title", "duration", "valid_from", "valid_until", "days",
        "hours", "priority", "tags", "footer" };
    for (auto name : notice_kind_names())
        keys.push_back(name);
    file.check_keys(root, keys, "a notice");
    read_id(file, root, result, notice);
    auto blocks = kind_blocks(root);
    auto kind = read_kind(file, root, blocks);
    if (kind)
        notice.kind = *kind;

    bool title_required = kind && *kind != NoticeKind::Ticker && *kind != NoticeKind::Image;
    notice.title = read_text(file, root, "title", title_required ? Presence::Required : Presence::Optional,
        "add 'title:' with the slide's heading")
                       .value_or("");

    notice.duration = has_key(root, "duration") ? read_duration(file, root, "duration") : defaults.duration;
    read_schedule(file, root, notice);
    notice.tags = has_key(root, "tags") ? read_tags(file, root).value_or(std::vector<std::string> {}) : defaults.tags;
    notice.footer
        = has_key(root, "footer") ? read_text(file, root, "footer", Presence::Optional).value_or("") : defaults.footer;

    read_body(file, root, kind, blocks, notice, result.assets);
}

// Turns anything a library throws into one error, so that a strange file never stops a run.
template <typename Function>
void guarded(Diagnostics& diagnostics, const std::string& display_name, Function function)
{
    try {
        function();
    } catch (YAML::Exception const& exception) {
        diagnostics.error({ display_name, exception.mark.line + 1, exception.mark.column + 1 },
            "could not read this file: " + exception.msg);
    } catch (std::exception const& exception) {
        diagnostics.error({ display_name, 0, 0 }, std::string("could not read this file: ") + exception.what());
    }
}

} // namespace

void append_in_file_order(Diagnostics& to, const Diagnostics& from)
{
    auto sorted = from.all();
    std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
    });
    for (auto& diagnostic : sorted) {
        if (diagnostic.severity == Severity::Error)
            to.error(std::move(diagnostic.where), std::move(diagnostic.message), std::move(diagnostic.hint));
        else
            to.warning(std::move(diagnostic.where), std::move(diagnostic.message), std::move(diagnostic.hint));
    }
}

ParsedNotice parse_notice_file(std::string_view yaml_text, const std::string& display_name,
    const ChannelDefaults& defaults, Diagnostics& diagnostics)
{
    ParsedNotice result;
    int errors_before = diagnostics.error_count();
    Notice notice;
    notice.defined_at = { display_name, 0, 0 };
    guarded(diagnostics, display_name, [&] {
        YamlFile file(display_name, diagnostics);
        auto root = file.parse(yaml_text);
        if (!root)
            return;
        if (!root->IsMap()) {
            file.error(*root, "a notice file must be made of 'key: value' lines, like 'id: tariff-2026'",
                root->IsSequence() ? "remove the '- ' in front of the lines"
                                   : "start the file with 'id:' and 'kind:' lines");
            return;
        }
        read_notice(file, *root, defaults, result, notice);
    });
    if (diagnostics.error_count() == errors_before)
        result.notice = std::move(notice);
    return result;
}

} // namespace parsing

std::optional<Notice> parse_notice(std::string_view yaml_text, const std::string& display_name,
    const ChannelDefaults& defaults, Diagnostics& diagnostics)
{
    Diagnostics found;
    auto parsed = parsing::parse_notice_file(yaml_text, display_name, defaults, found);
    parsing::append_in_file_order(diagnostics, found);
    return parsed.notice;
}

bool parsing::is_blank_yaml(std::string_view text)
{
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    while (!text.empty()) {
        auto end = text.find('\n');
        auto line = parsing::tidy(text.substr(0, end));
        if (!line.empty() && line.front() != '#' && line != "---" && line != "...")
            return false;
        if (end == std::string_view::npos)
            break;
        text.remove_prefix(end + 1);
    }
    return true;
}

static std::optional<double> read_reading_speed(YamlFile& file, const YAML::Node& root)
{
    auto text = parsing::read_text(file, root, "reading_speed", Presence::Optional);
    if (!text)
        return std::nullopt;
    double speed = 0;
    auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), speed);
    if (error != std::errc() || end != text->data() + text->size() || !(speed > 0) || speed > 100) {
        file.error(parsing::value_of(root, "reading_speed"),
            "reading_speed '" + *text + "' is not a number of characters per second between 0 and 100",
            "a typical value is 6");
        return std::nullopt;
    }
    return speed;
}

std::optional<ChannelDefaults> parse_channel(
    std::string_view yaml_text, const std::string& display_name, Diagnostics& diagnostics)
{
    using namespace parsing;
    if (parsing::is_blank_yaml(yaml_text) && is_valid_utf8(yaml_text))
        return ChannelDefaults {};
    Diagnostics found;
    ChannelDefaults channel;
    guarded(found, display_name, [&] {
        YamlFile file(display_name, found);
        auto root = file.parse(yaml_text);
        if (!root)
            return;
        if (!file.expect_map(*root, "channel.yaml"))
            return;
        file.check_keys(
            *root, { "duration", "tags", "footer", "reading_speed", "min_duration", "max_duration" }, "channel.yaml");
        channel.duration = read_duration(file, *root, "duration");
        channel.tags = read_tags(file, *root).value_or(std::vector<std::string> {});
        channel.footer = read_text(file, *root, "footer", Presence::Optional).value_or("");
        channel.reading_speed = read_reading_speed(file, *root);
        channel.min_duration = read_duration(file, *root, "min_duration");
        channel.max_duration = read_duration(file, *root, "max_duration");
        if (channel.min_duration && channel.max_duration && *channel.max_duration < *channel.min_duration) {
            file.error(value_of(*root, "max_duration"), "max_duration is shorter than min_duration",
                "make max_duration at least as long as min_duration");
        }
    });
    append_in_file_order(diagnostics, found);
    if (found.has_errors())
        return std::nullopt;
    return channel;
}

} // namespace hallboard
