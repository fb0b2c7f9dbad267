// Comparing two manifests notice by notice, for `publish --dry-run` and the publish summary.
#include "content/publish/publish_diff.h"

#include "content/model/notice_json.h"

#include <map>

namespace hallboard {

// What a screen sees of a notice: its canonical JSON without the file name, plus the sha256 of
// every picture it uses, so that a replaced poster makes its notice "changed".
static std::string fingerprint(const Notice& notice, const Manifest& manifest)
{
    auto value = notice_to_json(notice);
    value.erase("file");
    auto pictures = json_reading::OrderedJson::object();
    for (auto const& path : assets_used_by(notice)) {
        auto const* blob = manifest.blob_for(path);
        pictures[path] = blob ? blob->sha256 : "";
    }
    value["pictures"] = std::move(pictures);
    return value.dump(-1, ' ', false, json_reading::Json::error_handler_t::replace);
}

PublishDiff diff_manifests(const Manifest* previous, const Manifest& next)
{
    PublishDiff diff;
    std::map<std::string, const Notice*> old_by_id;
    if (previous) {
        for (auto const& notice : previous->notices)
            old_by_id.emplace(notice.id, &notice);
        diff.channel_changed = !(previous->channel == next.channel);
    }
    std::map<std::string, const Notice*> new_by_id;
    std::vector<std::string> kept_in_new_order;
    for (auto const& notice : next.notices) {
        new_by_id.emplace(notice.id, &notice);
        auto old = old_by_id.find(notice.id);
        if (old == old_by_id.end()) {
            diff.added.push_back({ notice.id, notice.defined_at.file });
            continue;
        }
        kept_in_new_order.push_back(notice.id);
        if (fingerprint(*old->second, *previous) != fingerprint(notice, next))
            diff.changed.push_back({ notice.id, notice.defined_at.file });
    }
    std::vector<std::string> kept_in_old_order;
    if (previous) {
        for (auto const& notice : previous->notices) {
            if (new_by_id.count(notice.id))
                kept_in_old_order.push_back(notice.id);
            else
                diff.removed.push_back({ notice.id, notice.defined_at.file });
        }
    }
    diff.order_changed = kept_in_old_order != kept_in_new_order;
    return diff;
}

} // namespace hallboard
