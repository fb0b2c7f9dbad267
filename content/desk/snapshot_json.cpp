// Writing and strictly reading snapshots as JSON.
#include "content/desk/snapshot_json.h"

#include "content/desk/source_paths.h"
#include "content/model/source_loader.h"
#include "content/model/strict_json.h"
#include "content/model/yaml_support.h"
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

OrderedJson text_value(const SourceText& text)
{
    return OrderedJson { { "file", text.file }, { "text", text.bytes }, { "sha256", text.sha256 } };
}

// file, text and sha256, the text within a notice file's size and matching its digest.
std::optional<SourceText> read_text(ObjectReader& object, bool is_channel, JsonErrors& errors)
{
    auto file = object.text("file", Emptiness::Refused);
    auto text = object.text("text", Emptiness::Allowed);
    auto sha256 = object.text("sha256", Emptiness::Refused);
    auto checked = is_channel ? check_channel_file(file) : check_notice_file(file);
    if (!checked)
        errors.error(object.path_of("file"), checked.error());
    if (text.size() > max_yaml_file_bytes) {
        errors.error(object.path_of("text"),
            "is larger than a notice file may be (" + std::to_string(max_yaml_file_bytes) + " bytes)");
        return std::nullopt;
    }
    if (sha256_hex_of(text) != sha256)
        errors.error(object.path_of("sha256"), "is not the sha256 of text (damaged?)");
    return make_source_text(std::move(file), std::move(text));
}

} // namespace

bool is_notice_id(std::string_view id)
{
    auto allowed = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (id.empty() || id.size() > 64 || !allowed(id.front()))
        return false;
    return std::all_of(id.begin(), id.end(), [&](char c) { return allowed(c) || c == '_' || c == '-'; });
}

OrderedJson snapshot_json_value(const SourceSnapshot& snapshot)
{
    OrderedJson document;
    document["format"] = snapshot_format;
    document["channel"] = snapshot.channel ? text_value(*snapshot.channel) : OrderedJson(nullptr);
    document["notices"] = OrderedJson::array();
    for (auto const& [id, text] : snapshot.notices) {
        OrderedJson item { { "id", id } };
        item.update(text_value(text));
        document["notices"].push_back(std::move(item));
    }
    document["assets"] = OrderedJson::array();
    for (auto const& [path, asset] : snapshot.assets)
        document["assets"].push_back({ { "path", path }, { "sha256", asset.sha256 }, { "size", asset.size } });
    return document;
}

Result<std::string> snapshot_to_json(const SourceSnapshot& snapshot)
{
    try {
        return snapshot_json_value(snapshot).dump(-1, ' ', false, OrderedJson::error_handler_t::strict) + "\n";
    } catch (std::exception const&) {
        return fail("the source holds text that is not UTF-8");
    }
}

std::optional<SourceSnapshot> read_snapshot_value(const Json& value, const std::string& path, JsonErrors& errors)
{
    int before = errors.count();
    SourceSnapshot snapshot;
    {
        ObjectReader object(value, path, errors);
        if (!object.is_object())
            return std::nullopt;
        if (auto format = object.integer("format", 0, 1000); format && *format != snapshot_format)
            errors.error(object.path_of("format"),
                "is " + std::to_string(*format) + "; this build reads format " + std::to_string(snapshot_format));
        if (auto const* channel = object.member("channel"); channel && !channel->is_null()) {
            ObjectReader reader(*channel, object.path_of("channel"), errors);
            if (reader.is_object())
                snapshot.channel = read_text(reader, true, errors);
        }
        std::set<std::string> files;
        if (auto const* notices = object.array("notices", Emptiness::Allowed)) {
            if (notices->size() > static_cast<size_t>(max_notice_files))
                errors.error(
                    object.path_of("notices"), "holds more than " + std::to_string(max_notice_files) + " notices");
            else
                for (size_t i = 0; i < notices->size(); ++i) {
                    ObjectReader reader((*notices)[i], json_reading::item_path(object.path_of("notices"), i), errors);
                    if (!reader.is_object())
                        continue;
                    auto id = reader.text("id", Emptiness::Refused);
                    if (!is_notice_id(id))
                        errors.error(reader.path_of("id"), "is not a notice id (a-z, 0-9, _ and -, at most 64)");
                    auto text = read_text(reader, false, errors);
                    if (!text)
                        continue;
                    if (!files.insert(text->file).second)
                        errors.error(reader.path(), "a second notice in " + text->file);
                    if (!snapshot.notices.emplace(id, std::move(*text)).second)
                        errors.error(reader.path(), "notice '" + id + "' appears twice");
                }
        }
        if (auto const* assets = object.array("assets", Emptiness::Allowed)) {
            if (assets->size() > max_snapshot_assets)
                errors.error(
                    object.path_of("assets"), "holds more than " + std::to_string(max_snapshot_assets) + " files");
            else
                for (size_t i = 0; i < assets->size(); ++i) {
                    ObjectReader reader((*assets)[i], json_reading::item_path(object.path_of("assets"), i), errors);
                    if (!reader.is_object())
                        continue;
                    auto asset_path = reader.text("path", Emptiness::Refused);
                    if (auto checked = check_asset_path(asset_path); !checked)
                        errors.error(reader.path_of("path"), checked.error());
                    SourceAsset asset;
                    asset.sha256 = reader.text("sha256", Emptiness::Refused);
                    if (!is_sha256_hex(asset.sha256))
                        errors.error(reader.path_of("sha256"), "must be 64 lowercase hexadecimal digits");
                    asset.size = reader.integer("size", 1, max_asset_bytes).value_or(0);
                    if (!snapshot.assets.emplace(asset_path, asset).second)
                        errors.error(reader.path(), asset_path + " appears twice");
                }
        }
    } // the readers report unknown keys when they go out of scope
    if (errors.count() != before)
        return std::nullopt;
    return snapshot;
}

Error first_json_problem(const Diagnostics& diagnostics, std::string_view what)
{
    if (diagnostics.all().empty())
        return fail(std::string(what) + " is not valid");
    auto more = diagnostics.error_count() - 1;
    return fail(format_diagnostic(diagnostics.all().front())
        + (more > 0 ? " (and " + std::to_string(more) + " more problems)" : ""));
}

Result<SourceSnapshot> snapshot_from_json(std::string_view json_text)
{
    if (json_text.size() > max_snapshot_json_bytes)
        return fail("the source is " + std::to_string(json_text.size()) + " bytes, more than the limit of "
            + std::to_string(max_snapshot_json_bytes));
    Diagnostics diagnostics;
    std::optional<SourceSnapshot> snapshot;
    {
        JsonErrors errors("source", diagnostics);
        auto document = json_reading::parse_strict_json(json_text, max_snapshot_depth, errors);
        if (document)
            snapshot = read_snapshot_value(*document, "", errors);
    }
    if (!snapshot || diagnostics.has_errors())
        return first_json_problem(diagnostics, "the source");
    return std::move(*snapshot);
}

} // namespace hallboard::desk
