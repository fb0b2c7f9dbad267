// Internal to the content module: strict reading of parsed JSON (types, ranges, unknown keys)
// with every problem reported as a diagnostic naming the JSON path. Shared by the manifest and
// notice readers.
#pragma once

#include "base/diagnostics.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hallboard::json_reading {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

// Collects the problems of one document. After max_errors the rest are counted, not listed,
// so a hostile file cannot flood the log.
class JsonErrors {
public:
    static constexpr int max_errors = 50;

    JsonErrors(std::string display_name, Diagnostics& diagnostics);
    ~JsonErrors(); // reports how many were left out, if any

    JsonErrors(const JsonErrors&) = delete;
    JsonErrors& operator=(const JsonErrors&) = delete;

    // `path` is where in the document ("notices[2].tariff.rows[1]"); empty for the whole.
    void error(const std::string& path, const std::string& message);
    void error_at(int line, int column, const std::string& message);
    int count() const { return m_count; }

private:
    std::string m_display_name;
    Diagnostics& m_diagnostics;
    int m_count = 0;
};

std::string member_path(const std::string& path, std::string_view key); // "a.b"
std::string item_path(const std::string& path, size_t index);           // "a[3]"
// A short description of a JSON value's type for messages: "a number", "a list", ...
std::string type_name(const Json& value);
// 'text' in quotes for a message, cut (at a character boundary) when long: values come from
// files that may be hostile.
std::string quote_text(std::string_view text);

enum class Emptiness { Allowed, Refused };

// Reads the members of one JSON object. Every member asked for must be present (a manifest
// always writes every field; absent optional values are null); members never asked for are
// reported as unknown when the reader goes out of scope. Readers return a usable value even
// after reporting a problem; callers decide validity by comparing JsonErrors::count().
class ObjectReader {
public:
    ObjectReader(const Json& value, std::string path, JsonErrors& errors);
    ~ObjectReader();
    ObjectReader(const ObjectReader&) = delete;
    ObjectReader& operator=(const ObjectReader&) = delete;

    bool is_object() const { return m_object != nullptr; }
    const std::string& path() const { return m_path; }
    std::string path_of(std::string_view key) const { return member_path(m_path, key); }

    // The member, or nullptr (reported) when absent or when this is not an object.
    const Json* member(std::string_view key);

    std::string text(std::string_view key, Emptiness emptiness);
    // null gives nullopt without an error.
    std::optional<std::string> nullable_text(std::string_view key);
    std::vector<std::string> text_list(std::string_view key, Emptiness items, Emptiness list);
    // A whole number in [minimum, maximum].
    std::optional<std::uint64_t> integer(std::string_view key, std::uint64_t minimum, std::uint64_t maximum);
    std::optional<std::uint64_t> nullable_integer(std::string_view key, std::uint64_t minimum, std::uint64_t maximum);
    // A number in (exclusive_minimum, maximum]; null gives nullopt.
    std::optional<double> nullable_number(std::string_view key, double exclusive_minimum, double maximum);
    // One of `choices`; returns its index.
    std::optional<size_t> choice(std::string_view key, std::span<const std::string_view> choices);
    std::optional<size_t> choice(std::string_view key, std::initializer_list<std::string_view> choices)
    {
        return choice(key, std::span(choices.begin(), choices.size()));
    }
    // The list at `key`, or nullptr (reported) when absent or not a list; `list` Refused reports an empty one.
    const Json* array(std::string_view key, Emptiness list);

private:
    const Json* m_object = nullptr;
    std::string m_path;
    JsonErrors& m_errors;
    std::set<std::string, std::less<>> m_read;
};

// A string item of a list, reported when it is not one.
std::string text_item(const Json& value, const std::string& path, Emptiness emptiness, JsonErrors& errors);

} // namespace hallboard::json_reading
