// Loads a whole content source: channel.yaml, then every notice file in name order, then the
// pictures they use. Every problem is reported; the valid notices are kept.
#include "content/model/source_loader.h"
#include "content/model/notice_parsing.h"

#include <algorithm>
#include <map>

namespace hallboard {

namespace fs = std::filesystem;

bool is_content_source(const fs::path& directory)
{
    std::error_code error;
    return fs::is_directory(directory / "notices", error);
}

static std::string location_text(const SourceLocation& where)
{
    std::string text = where.file;
    if (where.line > 0)
        text += ":" + std::to_string(where.line) + (where.column > 0 ? ":" + std::to_string(where.column) : "");
    return text;
}

static ChannelDefaults load_channel(const fs::path& root, Diagnostics& diagnostics)
{
    std::error_code error;
    bool has_yaml = fs::exists(root / "channel.yaml", error);
    bool has_yml = fs::exists(root / "channel.yml", error);
    if (!has_yaml && !has_yml)
        return {};
    std::string name = has_yaml ? "channel.yaml" : "channel.yml";
    if (has_yaml && has_yml)
        diagnostics.warning(
            { "channel.yml", 0, 0 }, "channel.yml is not read because channel.yaml exists", "keep only one of them");
    if (!fs::is_regular_file(root / name, error)) {
        diagnostics.error({ name, 0, 0 }, name + " is not a regular file");
        return {};
    }
    YamlFile file(name, diagnostics);
    auto text = file.read(root / name);
    if (!text)
        return {};
    // With a broken channel.yaml the notices are still read, with no defaults, so that their
    // problems show up in the same run.
    return parse_channel(*text, name, diagnostics).value_or(ChannelDefaults {});
}

// calendar.yaml is optional; a broken one is an error (publish refuses it) and counts as none.
static HolidayCalendar load_calendar(const fs::path& root, Diagnostics& diagnostics)
{
    std::string const name = "calendar.yaml";
    std::error_code error;
    if (!fs::exists(root / name, error)) {
        if (fs::exists(root / "calendar.yml", error))
            diagnostics.warning({ "calendar.yml", 0, 0 }, "calendar.yml is not read", "name the file calendar.yaml");
        return {};
    }
    if (!fs::is_regular_file(root / name, error)) {
        diagnostics.error({ name, 0, 0 }, name + " is not a regular file");
        return {};
    }
    YamlFile file(name, diagnostics);
    auto text = file.read(root / name);
    if (!text)
        return {};
    return parse_calendar(*text, name, diagnostics).value_or(HolidayCalendar {});
}

static bool ends_with(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

static std::string lowercase(std::string text)
{
    for (char& c : text) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return text;
}

// The notice files in name order. Hidden files (editor and system litter such as .DS_Store)
// are skipped silently; anything else that is not a notice gets a warning, since it is
// probably a notice saved under the wrong name.
static std::vector<std::string> list_notice_files(const fs::path& root, Diagnostics& diagnostics)
{
    std::vector<std::string> names;
    std::error_code error;
    auto folder = root / "notices";
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
        auto name = it->path().filename().string();
        if (name.empty() || name.front() == '.')
            continue;
        auto display = "notices/" + name;
        std::error_code status_error;
        if (it->is_directory(status_error)) {
            diagnostics.warning({ display, 0, 0 }, "folders inside notices/ are not read",
                "move the notices it holds into notices/ itself");
            continue;
        }
        if (!ends_with(name, ".yaml") && !ends_with(name, ".yml")) {
            auto lower = lowercase(name);
            diagnostics.warning({ display, 0, 0 }, "this file is not read: only .yaml and .yml files are notices",
                ends_with(lower, ".yaml") || ends_with(lower, ".yml")
                    ? "rename it to end in lowercase .yaml"
                    : "move it out of notices/, or rename it to .yaml if it is a notice");
            continue;
        }
        names.push_back(name);
    }
    if (error) {
        diagnostics.error({ "notices/", 0, 0 }, "cannot list the notices folder: " + error.message());
        return {};
    }
    std::sort(names.begin(), names.end());
    if (names.size() > static_cast<size_t>(max_notice_files)) {
        diagnostics.error({ "notices/", 0, 0 },
            "notices/ holds " + std::to_string(names.size()) + " notice files, more than the limit of "
                + std::to_string(max_notice_files),
            "remove old notices; only the first " + std::to_string(max_notice_files) + " by name were read");
        names.resize(static_cast<size_t>(max_notice_files));
    }
    return names;
}

std::optional<ContentSource> load_content_source(const fs::path& root, Diagnostics& diagnostics)
{
    std::error_code error;
    if (!fs::is_directory(root, error)) {
        diagnostics.error({ root.string(), 0, 0 }, "content folder does not exist or is not a folder");
        return std::nullopt;
    }
    if (!is_content_source(root)) {
        diagnostics.error({ root.string(), 0, 0 }, "this folder is not a content source: it has no notices/ folder",
            "create notices/ inside it, with one .yaml file per notice");
        return std::nullopt;
    }

    ContentSource source;
    source.root = root;
    source.channel = load_channel(root, diagnostics);
    source.calendar = load_calendar(root, diagnostics);

    std::map<std::string, SourceLocation> first_use_of_id;
    for (auto const& name : list_notice_files(root, diagnostics)) {
        auto display = "notices/" + name;
        auto path = root / "notices" / name;
        if (!fs::is_regular_file(path, error)) {
            // A pipe or device would block or never end; a dangling link has nothing to read.
            diagnostics.error({ display, 0, 0 }, "this is not a regular file", "replace it with a plain .yaml file");
            continue;
        }
        YamlFile file(display, diagnostics);
        auto text = file.read(path);
        if (!text)
            continue;
        Diagnostics found; // this file's problems, sorted by line before they are reported
        auto parsed = parsing::parse_notice_file(*text, display, source.channel, found);
        if (!parsed.id.empty()) {
            auto [first, inserted] = first_use_of_id.emplace(parsed.id, parsed.id_at);
            if (!inserted) {
                found.error(parsed.id_at, "id '" + parsed.id + "' is already used in " + location_text(first->second),
                    "every notice needs its own id");
                parsed.notice.reset();
            }
        }
        for (auto const& asset : parsed.assets) {
            if (!check_asset(root, asset.path, asset.where, found))
                parsed.notice.reset();
        }
        parsing::append_in_file_order(diagnostics, found);
        if (!parsed.notice)
            continue;
        for (auto const& asset : parsed.assets) {
            if (std::find(source.referenced_assets.begin(), source.referenced_assets.end(), asset.path)
                == source.referenced_assets.end())
                source.referenced_assets.push_back(asset.path);
        }
        source.notices.push_back(std::move(*parsed.notice));
    }
    return source;
}

std::optional<ContentSource> load_content_source_as_given(const fs::path& root, Diagnostics& diagnostics)
{
    Diagnostics found;
    auto source = load_content_source(root, found);
    for (auto diagnostic : found.all()) {
        fs::path file = diagnostic.where.file;
        if (!file.empty() && file.is_relative() && root != ".")
            diagnostic.where.file = (root / file).lexically_normal().string();
        if (diagnostic.severity == Severity::Error)
            diagnostics.error(diagnostic.where, diagnostic.message, diagnostic.hint);
        else
            diagnostics.warning(diagnostic.where, diagnostic.message, diagnostic.hint);
    }
    return source;
}

} // namespace hallboard
