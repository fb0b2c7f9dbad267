// manifest.json: canonical writing, and strict, bounded, exception-free reading.
#include "content/publish/manifest.h"

#include "content/model/json_reading.h"
#include "content/model/notice_json.h"
#include "content/model/notice_parsing.h"
#include "content/publish/signing.h"
#include "content/model/strict_json.h"
#include "content/model/source_loader.h"

#include <algorithm>
#include <ctime>
#include <map>
#include <set>

namespace hallboard {

using json_reading::Emptiness;
using json_reading::item_path;
using json_reading::Json;
using json_reading::JsonErrors;
using json_reading::ObjectReader;
using json_reading::OrderedJson;
using json_reading::quote_text;

const ManifestBlob* Manifest::blob_for(std::string_view path) const
{
    for (auto const& blob : blobs) {
        if (blob.path == path)
            return &blob;
    }
    return nullptr;
}

std::vector<std::string> assets_used_by(const Notice& notice)
{
    std::vector<std::string> paths;
    auto add = [&](const std::string& path) {
        if (!path.empty() && std::find(paths.begin(), paths.end(), path) == paths.end())
            paths.push_back(path);
    };
    if (auto const* image = std::get_if<ImageSlide>(&notice.body))
        add(image->src);
    if (auto const* hotlines = std::get_if<Hotlines>(&notice.body)) {
        for (auto const& entry : hotlines->entries)
            add(entry.qr);
    }
    return paths;
}

std::string format_utc_timestamp(std::chrono::system_clock::time_point moment)
{
    std::time_t seconds = std::chrono::system_clock::to_time_t(moment);
    std::tm parts {};
    gmtime_r(&seconds, &parts);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return buffer;
}

bool is_utc_timestamp(std::string_view text)
{
    if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z')
        return false;
    if (!parse_date(text.substr(0, 10)))
        return false;
    auto two_digits = [&](size_t offset, int maximum) {
        char high = text[offset], low = text[offset + 1];
        if (high < '0' || high > '9' || low < '0' || low > '9')
            return false;
        return (high - '0') * 10 + (low - '0') <= maximum;
    };
    return two_digits(11, 23) && two_digits(14, 59) && two_digits(17, 59);
}

std::string manifest_to_json(const Manifest& manifest)
{
    OrderedJson document;
    document["format"] = manifest.format;
    document["version"] = manifest.version;
    document["published_at"] = manifest.published_at;
    document["channel"] = channel_to_json(manifest.channel);
    // Only when there is one, so a tree without calendar.yaml keeps the bytes (and the
    // signature) it always had and screens of before the calendar still read it.
    if (!manifest.calendar.empty())
        document["calendar"] = calendar_to_json(manifest.calendar);
    auto notices = OrderedJson::array();
    for (auto const& notice : manifest.notices)
        notices.push_back(notice_to_json(notice));
    document["notices"] = std::move(notices);
    auto blobs = OrderedJson::array();
    for (auto const& blob : manifest.blobs)
        blobs.push_back(OrderedJson { { "path", blob.path }, { "sha256", blob.sha256 }, { "size", blob.size } });
    document["blobs"] = std::move(blobs);
    return document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

namespace {

std::optional<ManifestBlob> read_blob(const Json& value, const std::string& path, JsonErrors& errors)
{
    int errors_before = errors.count();
    ManifestBlob blob;
    {
        ObjectReader reader(value, path, errors);
        if (!reader.is_object())
            return std::nullopt;
        blob.path = reader.text("path", Emptiness::Refused);
        if (!blob.path.empty()) {
            if (auto problem = parsing::asset_path_problem(blob.path))
                errors.error(reader.path_of("path"), problem->message);
        }
        blob.sha256 = reader.text("sha256", Emptiness::Refused);
        if (!blob.sha256.empty() && !is_sha256_hex(blob.sha256))
            errors.error(reader.path_of("sha256"), quote_text(blob.sha256) + " is not 64 lowercase hexadecimal digits");
        blob.size = reader.integer("size", 1, max_asset_bytes).value_or(0);
    }
    if (errors.count() != errors_before)
        return std::nullopt;
    return blob;
}

// The cross-references: ids unique, every asset a notice uses listed once, nothing listed unused.
void check_references(const Manifest& manifest, JsonErrors& errors)
{
    std::map<std::string, size_t> first_index_of_id;
    std::set<std::string> used;
    for (size_t i = 0; i < manifest.notices.size(); ++i) {
        auto const& notice = manifest.notices[i];
        auto path = item_path("notices", i);
        auto [first, inserted] = first_index_of_id.emplace(notice.id, i);
        if (!inserted)
            errors.error(
                path, "id " + quote_text(notice.id) + " is already used by " + item_path("notices", first->second));
        for (auto const& asset : assets_used_by(notice)) {
            used.insert(asset);
            if (!manifest.blob_for(asset))
                errors.error(path, "uses " + quote_text(asset) + ", which is not listed in blobs");
        }
    }
    std::set<std::string> listed;
    for (size_t i = 0; i < manifest.blobs.size(); ++i) {
        auto const& blob = manifest.blobs[i];
        auto path = item_path("blobs", i);
        if (!listed.insert(blob.path).second)
            errors.error(path, quote_text(blob.path) + " is listed twice");
        else if (!used.count(blob.path))
            errors.error(path, quote_text(blob.path) + " is not used by any notice");
    }
}

} // namespace

std::optional<Manifest> manifest_from_json(
    std::string_view json_text, const std::string& display_name, Diagnostics& diagnostics)
{
    JsonErrors errors(display_name, diagnostics);
    if (json_text.size() > max_manifest_bytes) {
        errors.error("",
            "the manifest is " + std::to_string(json_text.size()) + " bytes, more than the limit of "
                + std::to_string(max_manifest_bytes));
        return std::nullopt;
    }
    auto document = json_reading::parse_strict_json(json_text, max_manifest_depth, errors);
    if (!document)
        return std::nullopt;
    if (!document->is_object()) {
        errors.error("", "expected an object, found " + json_reading::type_name(*document));
        return std::nullopt;
    }
    // The format first and alone: a manifest of another format is not worth a list of field errors.
    auto format = document->find("format");
    if (format == document->end()) {
        errors.error("format", "missing");
        return std::nullopt;
    }
    if (!format->is_number_unsigned() || format->get<std::uint64_t>() != static_cast<std::uint64_t>(manifest_format)) {
        errors.error("format",
            "this Hallboard reads manifests of format " + std::to_string(manifest_format) + ", not "
                + (format->is_number() ? format->dump() : json_reading::type_name(*format)));
        return std::nullopt;
    }

    Manifest manifest;
    {
        ObjectReader reader(*document, "", errors);
        reader.member("format");
        manifest.version = reader.integer("version", 1, max_manifest_version).value_or(0);
        manifest.published_at = reader.text("published_at", Emptiness::Refused);
        if (!manifest.published_at.empty() && !is_utc_timestamp(manifest.published_at))
            errors.error("published_at",
                quote_text(manifest.published_at) + " is not a UTC time written as YYYY-MM-DDTHH:MM:SSZ");
        if (auto const* channel = reader.member("channel"))
            manifest.channel = channel_from_json(*channel, "channel", errors).value_or(ChannelDefaults {});
        if (document->contains("calendar")) {
            if (auto const* calendar = reader.member("calendar"))
                manifest.calendar = calendar_from_json(*calendar, "calendar", errors).value_or(HolidayCalendar {});
        }
        if (auto const* notices = reader.array("notices", Emptiness::Allowed)) {
            if (notices->size() > static_cast<size_t>(max_notice_files)) {
                errors.error("notices",
                    "holds " + std::to_string(notices->size()) + " notices, more than the limit of "
                        + std::to_string(max_notice_files));
            } else {
                for (size_t i = 0; i < notices->size(); ++i) {
                    if (auto notice = notice_from_json((*notices)[i], item_path("notices", i), errors))
                        manifest.notices.push_back(std::move(*notice));
                }
            }
        }
        if (auto const* blobs = reader.array("blobs", Emptiness::Allowed)) {
            if (blobs->size() > max_manifest_blobs) {
                errors.error("blobs",
                    "holds " + std::to_string(blobs->size()) + " entries, more than the limit of "
                        + std::to_string(max_manifest_blobs));
            } else {
                for (size_t i = 0; i < blobs->size(); ++i) {
                    if (auto blob = read_blob((*blobs)[i], item_path("blobs", i), errors))
                        manifest.blobs.push_back(std::move(*blob));
                }
            }
        }
    }
    if (errors.count() > 0)
        return std::nullopt;
    check_references(manifest, errors);
    if (errors.count() > 0)
        return std::nullopt;
    return manifest;
}

} // namespace hallboard
