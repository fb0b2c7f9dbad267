// Reading and writing DIR/.hallboard/base.json.
#include "content/desk/pull_record.h"

#include "base/durable_files.h"
#include "content/desk/snapshot_json.h"
#include "content/model/strict_json.h"
#include "content/publish/manifest.h"

namespace hallboard::desk {

namespace fs = std::filesystem;
using json_reading::Emptiness;
using json_reading::JsonErrors;
using json_reading::ObjectReader;
using json_reading::OrderedJson;

fs::path pull_record_path(const fs::path& folder)
{
    return folder / ".hallboard" / "base.json";
}

Result<std::optional<PullRecord>> read_pull_record(const fs::path& folder)
{
    auto file = pull_record_path(folder);
    auto bytes = durable::read_file(file, max_snapshot_json_bytes + 4096);
    if (!bytes)
        return std::move(bytes).take_error();
    if (!*bytes)
        return std::optional<PullRecord>();
    Diagnostics diagnostics;
    PullRecord record;
    bool read = false;
    {
        JsonErrors errors(file.string(), diagnostics);
        auto document = json_reading::parse_strict_json(**bytes, max_snapshot_depth + 1, errors);
        if (document) {
            ObjectReader object(*document, "", errors);
            if (object.is_object()) {
                if (auto format = object.integer("format", 1, 1); !format)
                    errors.error("format", "this build reads format 1");
                record.server = object.text("server", Emptiness::Refused);
                record.version = object.integer("version", 0, max_manifest_version).value_or(0);
                if (auto const* source = object.member("source")) {
                    auto snapshot = read_snapshot_value(*source, "source", errors);
                    if (snapshot) {
                        record.base = std::move(*snapshot);
                        read = true;
                    }
                }
            }
        }
    }
    if (!read || diagnostics.has_errors()) {
        auto problem = first_json_problem(diagnostics, file.string());
        return fail(problem.message + "; pull into a new folder, or remove " + file.string()
            + " to publish the folder as a whole");
    }
    return std::optional<PullRecord>(std::move(record));
}

Result<void> write_pull_record(const fs::path& folder, const PullRecord& record)
{
    OrderedJson document;
    document["format"] = 1;
    document["server"] = record.server;
    document["version"] = record.version;
    document["source"] = snapshot_json_value(record.base);
    std::string text;
    try {
        text = document.dump(-1, ' ', false, OrderedJson::error_handler_t::strict) + "\n";
    } catch (std::exception const&) {
        return fail("the source holds text that is not UTF-8");
    }
    std::error_code error;
    fs::create_directories(pull_record_path(folder).parent_path(), error);
    if (error)
        return fail("cannot create " + pull_record_path(folder).parent_path().string() + ": " + error.message());
    return durable::write_file(pull_record_path(folder), text);
}

} // namespace hallboard::desk
