// Conflicts to and from JSON.
#include "content/desk/conflict_json.h"

#include "content/desk/source_paths.h"

namespace hallboard::desk {

using json_reading::Json;
using json_reading::OrderedJson;

namespace {

constexpr std::string_view subject_names[] = { "notice", "channel", "asset", "notice_file" };

template <typename T>
OrderedJson side_value(const std::optional<T>& side)
{
    if (!side)
        return nullptr;
    if constexpr (std::is_same_v<T, SourceText>)
        return OrderedJson { { "file", side->file }, { "text", side->bytes }, { "sha256", side->sha256 } };
    else
        return OrderedJson { { "sha256", side->sha256 }, { "size", side->size } };
}

std::string text_member(const Json& object, const char* key)
{
    auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        throw std::runtime_error(std::string("'") + key + "' is not text");
    return it->get<std::string>();
}

std::optional<SourceText> text_side(const Json& value)
{
    if (value.is_null())
        return std::nullopt;
    return SourceText { text_member(value, "file"), text_member(value, "text"), text_member(value, "sha256") };
}

std::optional<SourceAsset> asset_side(const Json& value)
{
    if (value.is_null())
        return std::nullopt;
    auto size = value.at("size");
    if (!size.is_number_unsigned())
        throw std::runtime_error("'size' is not a number");
    return SourceAsset { text_member(value, "sha256"), size.get<std::uint64_t>() };
}

} // namespace

OrderedJson conflicts_json_value(const std::vector<Conflict>& conflicts)
{
    auto list = OrderedJson::array();
    for (auto const& conflict : conflicts) {
        OrderedJson item;
        item["subject"] = subject_names[static_cast<size_t>(conflict.subject)];
        item["name"] = conflict.name;
        item["description"] = describe(conflict);
        item["ids"] = conflict.ids;
        bool is_asset = conflict.subject == ConflictSubject::Asset;
        item["base"] = is_asset ? side_value(conflict.asset.base) : side_value(conflict.text.base);
        item["theirs"] = is_asset ? side_value(conflict.asset.theirs) : side_value(conflict.text.theirs);
        item["ours"] = is_asset ? side_value(conflict.asset.ours) : side_value(conflict.text.ours);
        list.push_back(std::move(item));
    }
    return list;
}

Result<std::vector<Conflict>> conflicts_from_json_value(const Json& value)
{
    if (!value.is_array())
        return fail("the conflicts are not a list");
    std::vector<Conflict> conflicts;
    try {
        for (auto const& item : value) {
            Conflict conflict;
            auto subject = text_member(item, "subject");
            size_t index = 0;
            while (index < std::size(subject_names) && subject_names[index] != subject)
                ++index;
            if (index == std::size(subject_names))
                return fail("unknown conflict subject '" + subject.substr(0, 40) + "'");
            conflict.subject = static_cast<ConflictSubject>(index);
            conflict.name = text_member(item, "name");
            for (auto const& id : item.at("ids")) {
                if (!id.is_string())
                    return fail("a conflict's ids are not text");
                conflict.ids.push_back(id.get<std::string>());
            }
            if (conflict.subject == ConflictSubject::NoticeFile && conflict.ids.size() != 2)
                return fail("a file conflict must name two notices");
            if (conflict.subject == ConflictSubject::Asset) {
                conflict.asset
                    = { asset_side(item.at("base")), asset_side(item.at("theirs")), asset_side(item.at("ours")) };
            } else {
                conflict.text
                    = { text_side(item.at("base")), text_side(item.at("theirs")), text_side(item.at("ours")) };
            }
            conflicts.push_back(std::move(conflict));
        }
    } catch (std::exception const& problem) {
        return fail(std::string("the server's list of conflicts cannot be read: ") + problem.what());
    }
    return conflicts;
}

} // namespace hallboard::desk
