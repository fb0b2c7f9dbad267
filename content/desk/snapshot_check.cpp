// Checking a snapshot from its bytes: the loader's rules without the folder.
#include "content/desk/snapshot_check.h"

#include "content/model/source_loader.h"

#include <algorithm>
#include <set>

namespace hallboard::desk {

Result<CheckedSnapshot> check_snapshot(const SourceSnapshot& snapshot, const AssetProbe& probe)
{
    Diagnostics diagnostics;
    CheckedSnapshot checked;
    if (snapshot.channel) {
        auto channel = parse_channel(snapshot.channel->bytes, snapshot.channel->file, diagnostics);
        if (channel)
            checked.source.channel = *channel;
    }
    // The rotation follows the file names, as the loader reads notices/ in sorted order.
    std::vector<std::pair<std::string, std::string>> by_file; // file, id
    std::set<std::string> files;
    for (auto const& [id, text] : snapshot.notices) {
        if (!files.insert(text.file).second)
            diagnostics.error({ text.file, 0, 0 }, "a second notice ('" + id + "') in this file");
        by_file.emplace_back(text.file, id);
    }
    std::sort(by_file.begin(), by_file.end());
    std::set<std::string> used;
    for (auto const& [file, id] : by_file) {
        auto const& text = snapshot.notices.at(id);
        auto errors_before = diagnostics.error_count();
        auto notice = parse_notice(text.bytes, text.file, checked.source.channel, diagnostics);
        if (!notice || diagnostics.error_count() != errors_before)
            continue;
        if (notice->id != id) {
            diagnostics.error({ text.file, 0, 0 }, "holds notice '" + notice->id + "', but is kept as '" + id + "'");
            continue;
        }
        for (auto const& path : assets_used_by(*notice)) {
            auto asset = snapshot.assets.find(path);
            if (asset == snapshot.assets.end()) {
                diagnostics.error({ text.file, 0, 0 }, "uses " + path + ", which the source does not hold",
                    "the picture was removed or never uploaded; add it to assets/ or change the notice");
                continue;
            }
            if (!used.insert(path).second)
                continue;
            if (auto probed = probe(path, asset->second); !probed) {
                diagnostics.error({ path, 0, 0 }, probed.error());
                continue;
            }
            checked.used_assets.push_back({ path, asset->second.sha256, asset->second.size });
        }
        for (auto const& path : assets_used_by(*notice)) {
            auto& referenced = checked.source.referenced_assets;
            if (std::find(referenced.begin(), referenced.end(), path) == referenced.end())
                referenced.push_back(path);
        }
        checked.source.notices.push_back(std::move(*notice));
    }
    if (diagnostics.has_errors()) {
        for (auto const& diagnostic : diagnostics.all()) {
            if (diagnostic.severity != Severity::Error)
                continue;
            auto more = diagnostics.error_count() - 1;
            return fail(
                format_diagnostic(diagnostic) + (more > 0 ? " (and " + std::to_string(more) + " more problems)" : ""));
        }
    }
    std::sort(checked.used_assets.begin(), checked.used_assets.end(),
        [](auto const& a, auto const& b) { return a.path < b.path; });
    return checked;
}

} // namespace hallboard::desk
