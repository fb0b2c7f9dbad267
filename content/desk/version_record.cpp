// Version records: computing which notices changed, and the JSON form.
#include "content/desk/version_record.h"

#include "content/desk/change_set_json.h"
#include "content/desk/snapshot_json.h"
#include "content/model/source_loader.h"
#include "content/model/strict_json.h"
#include "content/publish/manifest.h"
#include "content/publish/signing.h"

namespace hallboard::desk {

using json_reading::Emptiness;
using json_reading::Json;
using json_reading::JsonErrors;
using json_reading::ObjectReader;
using json_reading::OrderedJson;

namespace {

constexpr std::string_view kind_names[] = { "change", "restore", "urgent" };

} // namespace

void record_notice_changes(VersionRecord& record, const SourceSnapshot& before, const SourceSnapshot& after)
{
    record.added.clear();
    record.changed.clear();
    record.withdrawn.clear();
    for (auto const& [id, text] : after.notices) {
        auto old = before.notices.find(id);
        if (old == before.notices.end())
            record.added.push_back(id);
        else if (old->second != text)
            record.changed.push_back(id);
    }
    for (auto const& [id, text] : before.notices) {
        if (!after.notices.count(id))
            record.withdrawn.push_back(id);
    }
}

bool is_author_name(std::string_view name)
{
    if (name.empty() || name.size() > max_author_bytes)
        return false;
    auto at = [&](size_t i) { return i < name.size() ? static_cast<unsigned char>(name[i]) : 0; };
    for (size_t i = 0; i < name.size(); ++i) {
        auto c = at(i);
        bool ascii_ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
            || c == '_' || c == '-' || c == '@';
        if (c < 0x80 && !ascii_ok)
            return false;
        // Names are shown on terminals and pages: no C1 controls, no bidi overrides or isolates.
        if (c == 0xc2 && at(i + 1) >= 0x80 && at(i + 1) <= 0x9f)
            return false;
        if (c == 0xe2 && at(i + 1) == 0x80 && at(i + 2) >= 0xaa && at(i + 2) <= 0xae)
            return false;
        if (c == 0xe2 && at(i + 1) == 0x81 && at(i + 2) >= 0xa6 && at(i + 2) <= 0xa9)
            return false;
    }
    return true;
}

std::string_view kind_name(VersionKind kind)
{
    return kind_names[static_cast<size_t>(kind)];
}

OrderedJson version_record_value(const VersionRecord& record)
{
    OrderedJson document;
    document["format"] = version_record_format;
    document["version"] = record.version;
    document["based_on"] = record.based_on;
    document["author"] = record.author;
    document["approved_by"] = record.approved_by ? OrderedJson(*record.approved_by) : OrderedJson(nullptr);
    document["published_at"] = record.published_at;
    document["message"] = record.message;
    document["kind"] = kind_name(record.kind);
    document["restored_from"] = record.restored_from ? OrderedJson(*record.restored_from) : OrderedJson(nullptr);
    document["added"] = record.added;
    document["changed"] = record.changed;
    document["withdrawn"] = record.withdrawn;
    document["manifest_sha256"] = record.manifest_sha256;
    return document;
}

std::string version_record_to_json(const VersionRecord& record)
{
    // Names and messages arrive as checked UTF-8; a stray byte is replaced rather than failing a publish.
    return version_record_value(record).dump(2, ' ', false, OrderedJson::error_handler_t::replace) + "\n";
}

std::optional<VersionRecord> read_version_record_value(const Json& value, const std::string& path, JsonErrors& errors)
{
    int before = errors.count();
    VersionRecord record;
    {
        ObjectReader object(value, path, errors);
        if (!object.is_object())
            return std::nullopt;
        if (auto format = object.integer("format", 0, 1000); format && *format != version_record_format)
            errors.error(object.path_of("format"),
                "is " + std::to_string(*format) + "; this build reads format " + std::to_string(version_record_format));
        record.version = object.integer("version", 1, max_manifest_version).value_or(0);
        record.based_on = object.integer("based_on", 0, max_manifest_version).value_or(0);
        record.author = object.text("author", Emptiness::Refused);
        if (!is_author_name(record.author))
            errors.error(object.path_of("author"), "is not a user name");
        record.approved_by = object.nullable_text("approved_by");
        if (record.approved_by && !is_author_name(*record.approved_by))
            errors.error(object.path_of("approved_by"), "is not a user name");
        record.published_at = object.text("published_at", Emptiness::Refused);
        if (!is_utc_timestamp(record.published_at))
            errors.error(object.path_of("published_at"), "is not a UTC time like 2026-12-05T10:00:00Z");
        record.message = object.text("message", Emptiness::Allowed);
        if (record.message.size() > max_change_message_bytes)
            errors.error(object.path_of("message"), "is too long");
        record.kind = static_cast<VersionKind>(object.choice("kind", kind_names).value_or(0));
        record.restored_from = object.nullable_integer("restored_from", 1, max_manifest_version);
        for (auto [key, list] : { std::pair { "added", &record.added }, std::pair { "changed", &record.changed },
                 std::pair { "withdrawn", &record.withdrawn } }) {
            *list = object.text_list(key, Emptiness::Refused, Emptiness::Allowed);
            if (list->size() > static_cast<size_t>(max_notice_files))
                errors.error(object.path_of(key), "lists too many notices");
            for (auto const& id : *list) {
                if (!is_notice_id(id))
                    errors.error(object.path_of(key), json_reading::quote_text(id) + " is not a notice id");
            }
        }
        record.manifest_sha256 = object.text("manifest_sha256", Emptiness::Refused);
        if (!is_sha256_hex(record.manifest_sha256))
            errors.error(object.path_of("manifest_sha256"), "must be 64 lowercase hexadecimal digits");
    }
    if (errors.count() != before)
        return std::nullopt;
    return record;
}

Result<VersionRecord> version_record_from_json(std::string_view json_text)
{
    if (json_text.size() > max_version_record_bytes)
        return fail("the version record is larger than " + std::to_string(max_version_record_bytes) + " bytes");
    Diagnostics diagnostics;
    std::optional<VersionRecord> record;
    {
        JsonErrors errors("version.json", diagnostics);
        auto document = json_reading::parse_strict_json(json_text, 3, errors);
        if (document)
            record = read_version_record_value(*document, "", errors);
    }
    if (!record || diagnostics.has_errors())
        return first_json_problem(diagnostics, "the version record");
    return std::move(*record);
}

} // namespace hallboard::desk
