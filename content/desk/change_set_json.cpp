// Writing and strictly reading change sets as JSON.
#include "content/desk/change_set_json.h"

#include "content/desk/source_paths.h"
#include "content/model/json_reading.h"
#include "content/model/source_loader.h"
#include "content/model/strict_json.h"
#include "content/model/yaml_support.h"
#include "content/publish/manifest.h"
#include "content/publish/signing.h"

#include <algorithm>
#include <set>

namespace hallboard::desk {

using json_reading::Emptiness;
using json_reading::Json;
using json_reading::JsonErrors;
using json_reading::ObjectReader;
using json_reading::OrderedJson;

namespace {

constexpr std::string_view notice_operations[] = { "add", "change", "withdraw" };
constexpr std::string_view asset_operations[] = { "put", "remove" };

OrderedJson nullable(const std::optional<std::string>& text)
{
    return text ? OrderedJson(*text) : OrderedJson(nullptr);
}

OrderedJson notice_json(const NoticeEdit& edit)
{
    OrderedJson item;
    item["op"] = notice_operations[static_cast<size_t>(edit.operation)];
    item["id"] = edit.id;
    if (edit.operation != NoticeOperation::Add)
        item["base_sha256"] = edit.base_sha256;
    if (edit.operation != NoticeOperation::Withdraw && edit.after) {
        item["file"] = edit.after->file;
        item["text"] = edit.after->bytes;
        item["sha256"] = edit.after->sha256;
    }
    return item;
}

} // namespace

Result<std::string> change_set_to_json(const ChangeSet& change)
{
    OrderedJson document;
    document["format"] = change_set_format;
    document["base_version"] = change.base_version;
    document["message"] = change.message;
    document["notices"] = OrderedJson::array();
    for (auto const& edit : change.notices)
        document["notices"].push_back(notice_json(edit));
    if (change.channel) {
        auto const& after = change.channel->after;
        document["channel"] = OrderedJson {
            { "base_sha256", nullable(change.channel->base_sha256) },
            { "file", after ? OrderedJson(after->file) : OrderedJson(nullptr) },
            { "text", after ? OrderedJson(after->bytes) : OrderedJson(nullptr) },
            { "sha256", after ? OrderedJson(after->sha256) : OrderedJson(nullptr) },
        };
    } else {
        document["channel"] = nullptr;
    }
    document["assets"] = OrderedJson::array();
    for (auto const& edit : change.assets) {
        OrderedJson item;
        item["op"] = asset_operations[static_cast<size_t>(edit.operation)];
        item["path"] = edit.path;
        if (edit.operation == AssetOperation::Put && edit.after) {
            item["sha256"] = edit.after->sha256;
            item["size"] = edit.after->size;
        }
        item["base_sha256"] = nullable(edit.base_sha256);
        document["assets"].push_back(std::move(item));
    }
    try {
        return document.dump(-1, ' ', false, OrderedJson::error_handler_t::strict) + "\n";
    } catch (std::exception const&) {
        return fail("the change holds text that is not UTF-8");
    }
}

namespace {

bool is_notice_id(std::string_view id)
{
    auto allowed = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (id.empty() || id.size() > 64 || !allowed(id.front()))
        return false;
    return std::all_of(id.begin(), id.end(), [&](char c) { return allowed(c) || c == '_' || c == '-'; });
}

// Reads the sides of a change, reporting every problem to `errors`.
class Reader {
public:
    explicit Reader(JsonErrors& errors)
        : m_errors(errors)
    {
    }

    void check_sha256(const std::string& path, const std::string& value)
    {
        if (!is_sha256_hex(value))
            m_errors.error(path, "must be 64 lowercase hexadecimal digits");
    }

    void check(const std::string& path, const Result<void>& checked)
    {
        if (!checked)
            m_errors.error(path, checked.error());
    }

    // file, text and sha256 of a notice or channel.yaml; `text` Allowed to be null for a removed channel.
    std::optional<SourceText> source_text(ObjectReader& object, bool is_channel)
    {
        auto file = is_channel ? object.nullable_text("file") : std::optional(object.text("file", Emptiness::Refused));
        auto text = is_channel ? object.nullable_text("text") : std::optional(object.text("text", Emptiness::Allowed));
        auto sha256
            = is_channel ? object.nullable_text("sha256") : std::optional(object.text("sha256", Emptiness::Refused));
        if (!file && !text && !sha256)
            return std::nullopt;
        if (!file || !text || !sha256) {
            m_errors.error(object.path(), "file, text and sha256 must be all given or all null");
            return std::nullopt;
        }
        check(object.path_of("file"), is_channel ? check_channel_file(*file) : check_notice_file(*file));
        if (text->size() > max_yaml_file_bytes)
            m_errors.error(object.path_of("text"),
                "is larger than a notice file may be (" + std::to_string(max_yaml_file_bytes) + " bytes)");
        else if (sha256_hex_of(*text) != *sha256)
            m_errors.error(object.path_of("sha256"), "is not the sha256 of text (damaged on the way?)");
        return make_source_text(std::move(*file), std::move(*text));
    }

    std::optional<NoticeEdit> notice(const Json& value, const std::string& path)
    {
        ObjectReader object(value, path, m_errors);
        if (!object.is_object())
            return std::nullopt;
        auto operation = object.choice("op", notice_operations);
        NoticeEdit edit;
        edit.id = object.text("id", Emptiness::Refused);
        if (!is_notice_id(edit.id))
            m_errors.error(object.path_of("id"), "is not a notice id (a-z, 0-9, _ and -, at most 64)");
        if (!operation)
            return std::nullopt;
        edit.operation = static_cast<NoticeOperation>(*operation);
        if (edit.operation != NoticeOperation::Add) {
            edit.base_sha256 = object.text("base_sha256", Emptiness::Refused);
            check_sha256(object.path_of("base_sha256"), edit.base_sha256);
        }
        if (edit.operation != NoticeOperation::Withdraw)
            edit.after = source_text(object, false);
        return edit;
    }

    std::optional<ChannelEdit> channel(const Json& value, const std::string& path)
    {
        if (value.is_null())
            return std::nullopt;
        ObjectReader object(value, path, m_errors);
        if (!object.is_object())
            return std::nullopt;
        ChannelEdit edit;
        edit.base_sha256 = object.nullable_text("base_sha256");
        if (edit.base_sha256)
            check_sha256(object.path_of("base_sha256"), *edit.base_sha256);
        edit.after = source_text(object, true);
        if (!edit.base_sha256 && !edit.after)
            m_errors.error(path, "removes a channel.yaml the base does not have");
        return edit;
    }

    std::optional<AssetEdit> asset(const Json& value, const std::string& path)
    {
        ObjectReader object(value, path, m_errors);
        if (!object.is_object())
            return std::nullopt;
        auto operation = object.choice("op", asset_operations);
        AssetEdit edit;
        edit.path = object.text("path", Emptiness::Refused);
        check(object.path_of("path"), check_asset_path(edit.path));
        if (!operation)
            return std::nullopt;
        edit.operation = static_cast<AssetOperation>(*operation);
        if (edit.operation == AssetOperation::Put) {
            SourceAsset after;
            after.sha256 = object.text("sha256", Emptiness::Refused);
            check_sha256(object.path_of("sha256"), after.sha256);
            after.size = object.integer("size", 1, max_asset_bytes).value_or(0);
            edit.after = after;
        }
        edit.base_sha256 = object.nullable_text("base_sha256");
        if (edit.base_sha256)
            check_sha256(object.path_of("base_sha256"), *edit.base_sha256);
        if (edit.operation == AssetOperation::Remove && !edit.base_sha256)
            m_errors.error(object.path_of("base_sha256"), "a removed file needs the sha256 it had in the base");
        return edit;
    }

private:
    JsonErrors& m_errors;
};

Error summary(const Diagnostics& diagnostics)
{
    if (diagnostics.all().empty())
        return fail("the change is not valid");
    auto more = diagnostics.error_count() - 1;
    return fail(format_diagnostic(diagnostics.all().front())
        + (more > 0 ? " (and " + std::to_string(more) + " more problems)" : ""));
}

} // namespace

Result<ChangeSet> change_set_from_json(std::string_view json_text)
{
    if (json_text.size() > max_change_set_bytes)
        return fail("the change is " + std::to_string(json_text.size()) + " bytes, more than the limit of "
            + std::to_string(max_change_set_bytes) + "; publish it in smaller parts");
    Diagnostics diagnostics;
    ChangeSet change;
    {
        JsonErrors errors("change", diagnostics);
        auto document = json_reading::parse_strict_json(json_text, max_change_set_depth, errors);
        if (!document)
            return summary(diagnostics);
        ObjectReader object(*document, "", errors);
        if (!object.is_object())
            return summary(diagnostics);
        Reader reader(errors);
        if (auto format = object.integer("format", 0, 1000); format && *format != change_set_format)
            errors.error("format",
                "is " + std::to_string(*format) + "; this build reads format " + std::to_string(change_set_format));
        change.base_version = object.integer("base_version", 0, max_manifest_version).value_or(0);
        change.message = object.text("message", Emptiness::Allowed);
        if (change.message.size() > max_change_message_bytes)
            errors.error("message", "is longer than " + std::to_string(max_change_message_bytes) + " bytes");

        std::set<std::string> ids;
        if (auto const* notices = object.array("notices", Emptiness::Allowed)) {
            if (notices->size() > static_cast<size_t>(max_notice_files))
                errors.error("notices", "holds more than " + std::to_string(max_notice_files) + " notices");
            else {
                for (size_t i = 0; i < notices->size(); ++i) {
                    auto path = json_reading::item_path("notices", i);
                    auto edit = reader.notice((*notices)[i], path);
                    if (edit && !ids.insert(edit->id).second)
                        errors.error(path, "notice '" + edit->id + "' appears twice");
                    if (edit)
                        change.notices.push_back(std::move(*edit));
                }
            }
        }
        if (auto const* channel = object.member("channel"))
            change.channel = reader.channel(*channel, "channel");

        std::set<std::string> paths;
        if (auto const* assets = object.array("assets", Emptiness::Allowed)) {
            if (assets->size() > max_snapshot_assets)
                errors.error("assets", "holds more than " + std::to_string(max_snapshot_assets) + " files");
            else {
                for (size_t i = 0; i < assets->size(); ++i) {
                    auto path = json_reading::item_path("assets", i);
                    auto edit = reader.asset((*assets)[i], path);
                    if (edit && !paths.insert(edit->path).second)
                        errors.error(path, edit->path + " appears twice");
                    if (edit)
                        change.assets.push_back(std::move(*edit));
                }
            }
        }
    } // the readers report unknown keys when they go out of scope
    if (diagnostics.has_errors())
        return summary(diagnostics);
    std::sort(change.notices.begin(), change.notices.end(), [](auto const& a, auto const& b) { return a.id < b.id; });
    std::sort(change.assets.begin(), change.assets.end(), [](auto const& a, auto const& b) { return a.path < b.path; });
    return change;
}

} // namespace hallboard::desk
