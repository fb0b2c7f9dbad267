// Strict, exception-free parsing of untrusted JSON documents.
#include "content/model/strict_json.h"

#include <algorithm>
#include <set>
#include <vector>

namespace hallboard::json_reading {

int json_nesting_depth(std::string_view text)
{
    int depth = 0, deepest = 0;
    bool in_string = false, escaped = false;
    for (char c : text) {
        if (in_string) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                in_string = false;
            continue;
        }
        if (c == '"')
            in_string = true;
        else if (c == '[' || c == '{')
            deepest = std::max(deepest, ++depth);
        else if (c == ']' || c == '}')
            --depth;
    }
    return deepest;
}

namespace {

// Line and column (1-based, in bytes) of a 1-based byte position, as nlohmann reports errors.
std::pair<int, int> line_and_column(std::string_view text, size_t byte)
{
    int line = 1, column = 1;
    for (size_t i = 0; i + 1 < byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return { line, column };
}

// nlohmann's message without its "[json.exception.parse_error.101] parse error at line 1, column 2: " prefix.
std::string parse_error_message(const std::string& what)
{
    auto column = what.find("column ");
    auto colon = column == std::string::npos ? std::string::npos : what.find(": ", column);
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

} // namespace

std::optional<Json> parse_strict_json(std::string_view text, int max_depth, JsonErrors& errors)
{
    if (json_nesting_depth(text) > max_depth) {
        errors.error("", "nests deeper than " + std::to_string(max_depth) + " levels");
        return std::nullopt;
    }
    std::vector<std::set<std::string>> open_objects;
    std::vector<std::string> duplicates;
    auto callback = [&](int, Json::parse_event_t event, Json& parsed) {
        switch (event) {
        case Json::parse_event_t::object_start:
            open_objects.emplace_back();
            break;
        case Json::parse_event_t::key:
            if (!open_objects.empty() && !open_objects.back().insert(parsed.get<std::string>()).second)
                duplicates.push_back(parsed.get<std::string>());
            break;
        case Json::parse_event_t::object_end:
            if (!open_objects.empty())
                open_objects.pop_back();
            break;
        default:
            break;
        }
        return true;
    };
    try {
        auto document = Json::parse(text.begin(), text.end(), callback, true, false);
        for (auto const& key : duplicates)
            errors.error("", "the field " + quote_text(key) + " appears twice in one object");
        if (!duplicates.empty())
            return std::nullopt;
        return document;
    } catch (Json::parse_error const& error) {
        auto [line, column] = line_and_column(text, error.byte);
        errors.error_at(line, column, "not valid JSON: " + parse_error_message(error.what()));
    } catch (std::exception const& error) {
        errors.error("", std::string("cannot read this document: ") + error.what());
    }
    return std::nullopt;
}

} // namespace hallboard::json_reading
