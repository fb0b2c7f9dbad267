// Reading a content source folder into a SourceSnapshot, through the same loader `check` uses.
#include "content/desk/source_snapshot.h"

#include "base/durable_files.h"
#include "content/model/source_loader.h"
#include "content/model/yaml_support.h"
#include "content/publish/signing.h"

#include <algorithm>

namespace hallboard::desk {

namespace fs = std::filesystem;

SourceText make_source_text(std::string file, std::string bytes)
{
    auto sha256 = sha256_hex_of(bytes);
    return SourceText { std::move(file), std::move(bytes), std::move(sha256) };
}

namespace {

// One line for a Result: the first error, and how many more `hallboard check` would list.
Error first_error(const Diagnostics& diagnostics, const fs::path& root)
{
    for (auto const& diagnostic : diagnostics.all()) {
        if (diagnostic.severity != Severity::Error)
            continue;
        auto more = diagnostics.error_count() - 1;
        return fail(root.string() + ": " + format_diagnostic(diagnostic)
            + (more > 0 ? " (and " + std::to_string(more) + " more; run hallboard check " + root.string() + ")" : ""));
    }
    return fail(root.string() + ": the content source has errors");
}

Result<SourceText> read_text_file(const fs::path& root, const std::string& relative)
{
    auto bytes = durable::read_file(root / relative, max_yaml_file_bytes);
    if (!bytes)
        return std::move(bytes).take_error();
    if (!*bytes)
        return fail(relative + " disappeared while the source was being read");
    return make_source_text(relative, std::move(**bytes));
}

bool is_inside(const fs::path& path, const fs::path& folder)
{
    return std::mismatch(folder.begin(), folder.end(), path.begin(), path.end()).first == folder.end();
}

// Every regular file under assets/, by path. Hidden files and folders are editor and system
// litter (.DS_Store, .thumbnails/) and are not content.
Result<std::map<std::string, SourceAsset>> read_assets(const fs::path& root)
{
    std::map<std::string, SourceAsset> assets;
    std::error_code error;
    auto folder = root / "assets";
    if (!fs::exists(fs::symlink_status(folder, error)))
        return assets;
    auto canonical_folder = fs::canonical(folder, error);
    if (error || !fs::is_directory(canonical_folder, error))
        return fail((root / "assets").string() + " is not a folder");
    fs::recursive_directory_iterator it(folder, error), end;
    for (; !error && it != end; it.increment(error)) {
        // A problem with one entry (a dangling link) is that entry's, not the listing's.
        std::error_code entry_error;
        auto name = it->path().filename().string();
        if (name.empty() || name.front() == '.') {
            if (it->is_directory(entry_error))
                it.disable_recursion_pending();
            continue;
        }
        if (it->is_directory(entry_error))
            continue;
        auto relative = "assets/" + fs::relative(it->path(), folder, entry_error).generic_string();
        auto resolved = fs::canonical(it->path(), entry_error);
        if (entry_error)
            return fail(relative + " is a link to something that does not exist; copy the file itself into assets/");
        if (!is_inside(resolved, canonical_folder))
            return fail(relative + " is a link that leads outside assets/; copy the file itself into assets/");
        if (assets.size() >= max_snapshot_assets)
            return fail("assets/ holds more than " + std::to_string(max_snapshot_assets) + " files");
        auto digest = sha256_of_file(resolved, max_asset_bytes);
        if (!digest)
            return fail(relative + ": " + digest.error());
        assets.emplace(relative, SourceAsset { digest->sha256, digest->size });
    }
    if (error)
        return fail("cannot list " + folder.string() + ": " + error.message());
    return assets;
}

} // namespace

Result<SourceSnapshot> snapshot_from_folder(const fs::path& root)
{
    Diagnostics diagnostics;
    auto source = load_content_source(root, diagnostics);
    if (!source || diagnostics.has_errors())
        return first_error(diagnostics, root);

    SourceSnapshot snapshot;
    for (auto name : { "channel.yaml", "channel.yml" }) {
        std::error_code error;
        if (!fs::exists(root / name, error))
            continue;
        auto text = read_text_file(root, name);
        if (!text)
            return std::move(text).take_error();
        snapshot.channel = std::move(*text);
        break; // the loader reads channel.yml only when there is no channel.yaml
    }
    for (auto const& notice : source->notices) {
        auto text = read_text_file(root, notice.defined_at.file);
        if (!text)
            return std::move(text).take_error();
        // The loader parsed the file a moment ago; parsing the bytes kept makes sure the key is
        // the id of exactly these bytes, even if an editor saved the file in between.
        Diagnostics reparse;
        auto parsed = parse_notice(text->bytes, text->file, source->channel, reparse);
        if (!parsed || parsed->id != notice.id)
            return fail(text->file + " changed while the source was being read; try again");
        snapshot.notices.emplace(notice.id, std::move(*text));
    }
    auto assets = read_assets(root);
    if (!assets)
        return std::move(assets).take_error();
    snapshot.assets = std::move(*assets);
    return snapshot;
}

} // namespace hallboard::desk
