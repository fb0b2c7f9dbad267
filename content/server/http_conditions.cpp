// Parsing entity-tag lists: `"a", W/"b", *`.
#include "content/server/http_conditions.h"

#include <functional>

namespace hallboard {

namespace {

bool is_space(char c)
{
    return c == ' ' || c == '\t';
}

struct EntityTag {
    bool weak = false;
    std::string_view opaque; // with its quotes, or the bare token when unquoted
};

// Calls `visit` for every tag of a comma-separated list; stops early when it returns true.
bool any_tag(std::string_view header, const std::function<bool(const EntityTag&)>& visit)
{
    size_t i = 0;
    while (i < header.size()) {
        while (i < header.size() && (is_space(header[i]) || header[i] == ','))
            ++i;
        if (i >= header.size())
            break;
        EntityTag tag;
        if (header.compare(i, 2, "W/") == 0) {
            tag.weak = true;
            i += 2;
        }
        size_t start = i;
        if (i < header.size() && header[i] == '"') {
            size_t close = header.find('"', i + 1);
            if (close == std::string_view::npos)
                return false; // unterminated: the whole header is malformed
            i = close + 1;
        } else {
            while (i < header.size() && header[i] != ',' && !is_space(header[i]))
                ++i;
        }
        tag.opaque = header.substr(start, i - start);
        if (visit(tag))
            return true;
        while (i < header.size() && header[i] != ',')
            ++i;
    }
    return false;
}

} // namespace

std::string manifest_etag(uint64_t version, std::string_view sha256_hex)
{
    return "\"v" + std::to_string(version) + "-" + std::string(sha256_hex.substr(0, 16)) + "\"";
}

std::string content_etag(std::string_view sha256_hex)
{
    return "\"" + std::string(sha256_hex) + "\"";
}

bool if_none_match_matches(std::string_view header, std::string_view etag)
{
    if (etag.empty())
        return false;
    std::string_view wanted = etag;
    if (wanted.substr(0, 2) == "W/")
        wanted.remove_prefix(2);
    return any_tag(header, [&](const EntityTag& tag) { return tag.opaque == "*" || tag.opaque == wanted; });
}

bool if_match_names_version(std::string_view header, uint64_t current_version, std::string_view current_etag)
{
    std::string number = std::to_string(current_version);
    std::string quoted = "\"" + number + "\"";
    std::string quoted_v = "\"v" + number + "\"";
    return any_tag(header, [&](const EntityTag& tag) {
        if (tag.weak)
            return false;
        return tag.opaque == quoted || tag.opaque == quoted_v || tag.opaque == number
            || (!current_etag.empty() && tag.opaque == current_etag);
    });
}

} // namespace hallboard
