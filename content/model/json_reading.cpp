// Strict, exception-free reading of parsed JSON objects for the manifest.
#include "content/model/json_reading.h"

#include "base/utf8.h"

#include <cmath>

namespace hallboard::json_reading {

JsonErrors::JsonErrors(std::string display_name, Diagnostics& diagnostics)
    : m_display_name(std::move(display_name))
    , m_diagnostics(diagnostics)
{
}

JsonErrors::~JsonErrors()
{
    if (m_count > max_errors)
        m_diagnostics.error(
            { m_display_name, 0, 0 }, std::to_string(m_count - max_errors) + " more error(s) not shown");
}

void JsonErrors::error(const std::string& path, const std::string& message)
{
    if (++m_count > max_errors)
        return;
    m_diagnostics.error({ m_display_name, 0, 0 }, path.empty() ? message : path + ": " + message);
}

void JsonErrors::error_at(int line, int column, const std::string& message)
{
    if (++m_count > max_errors)
        return;
    m_diagnostics.error({ m_display_name, line, column }, message);
}

std::string member_path(const std::string& path, std::string_view key)
{
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string item_path(const std::string& path, size_t index)
{
    return path + "[" + std::to_string(index) + "]";
}

std::string type_name(const Json& value)
{
    switch (value.type()) {
    case Json::value_t::null:
        return "null";
    case Json::value_t::object:
        return "an object";
    case Json::value_t::array:
        return "a list";
    case Json::value_t::string:
        return "text";
    case Json::value_t::boolean:
        return "true/false";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
        return "a whole number";
    case Json::value_t::number_float:
        return "a fractional number";
    default:
        return "something else";
    }
}

std::string quote_text(std::string_view text)
{
    constexpr size_t limit = 60;
    if (text.size() <= limit)
        return "'" + std::string(text) + "'";
    return "'" + std::string(truncate_utf8(text, limit)) + "…'";
}

ObjectReader::ObjectReader(const Json& value, std::string path, JsonErrors& errors)
    : m_path(std::move(path))
    , m_errors(errors)
{
    if (value.is_object())
        m_object = &value;
    else
        m_errors.error(m_path, "expected an object, found " + type_name(value));
}

ObjectReader::~ObjectReader()
{
    if (!m_object)
        return;
    for (auto const& [key, value] : m_object->items()) {
        if (!m_read.count(key))
            m_errors.error(path_of(key.size() > 40 ? quote_text(key) : key), "unknown field");
    }
}

const Json* ObjectReader::member(std::string_view key)
{
    if (!m_object)
        return nullptr;
    m_read.emplace(key);
    auto found = m_object->find(key);
    if (found == m_object->end()) {
        m_errors.error(path_of(key), "missing");
        return nullptr;
    }
    return &*found;
}

std::string text_item(const Json& value, const std::string& path, Emptiness emptiness, JsonErrors& errors)
{
    if (!value.is_string()) {
        errors.error(path, "expected text, found " + type_name(value));
        return {};
    }
    auto const& text = value.get_ref<const std::string&>();
    if (text.empty() && emptiness == Emptiness::Refused)
        errors.error(path, "must not be empty");
    return text;
}

std::string ObjectReader::text(std::string_view key, Emptiness emptiness)
{
    auto const* value = member(key);
    return value ? text_item(*value, path_of(key), emptiness, m_errors) : std::string {};
}

std::optional<std::string> ObjectReader::nullable_text(std::string_view key)
{
    auto const* value = member(key);
    if (!value || value->is_null())
        return std::nullopt;
    if (!value->is_string()) {
        m_errors.error(path_of(key), "expected text or null, found " + type_name(*value));
        return std::nullopt;
    }
    return value->get<std::string>();
}

const Json* ObjectReader::array(std::string_view key, Emptiness list)
{
    auto const* value = member(key);
    if (!value)
        return nullptr;
    if (!value->is_array()) {
        m_errors.error(path_of(key), "expected a list, found " + type_name(*value));
        return nullptr;
    }
    if (value->empty() && list == Emptiness::Refused)
        m_errors.error(path_of(key), "must not be an empty list");
    return value;
}

std::vector<std::string> ObjectReader::text_list(std::string_view key, Emptiness items, Emptiness list)
{
    std::vector<std::string> result;
    auto const* value = array(key, list);
    if (!value)
        return result;
    for (size_t i = 0; i < value->size(); ++i)
        result.push_back(text_item((*value)[i], item_path(path_of(key), i), items, m_errors));
    return result;
}

static std::optional<std::uint64_t> whole_number(
    const Json& value, const std::string& path, std::uint64_t minimum, std::uint64_t maximum, JsonErrors& errors)
{
    auto range = "from " + std::to_string(minimum) + " to " + std::to_string(maximum);
    // nlohmann gives non-negative integers the unsigned type; a negative one is number_integer.
    if (value.is_number_integer() && !value.is_number_unsigned()) {
        errors.error(path, "must be a whole number " + range + ", found " + std::to_string(value.get<std::int64_t>()));
        return std::nullopt;
    }
    if (!value.is_number_unsigned()) {
        errors.error(path, "expected a whole number, found " + type_name(value));
        return std::nullopt;
    }
    auto number = value.get<std::uint64_t>();
    if (number < minimum || number > maximum) {
        errors.error(path, "must be a whole number " + range + ", found " + std::to_string(number));
        return std::nullopt;
    }
    return number;
}

std::optional<std::uint64_t> ObjectReader::integer(std::string_view key, std::uint64_t minimum, std::uint64_t maximum)
{
    auto const* value = member(key);
    return value ? whole_number(*value, path_of(key), minimum, maximum, m_errors) : std::nullopt;
}

std::optional<std::uint64_t> ObjectReader::nullable_integer(
    std::string_view key, std::uint64_t minimum, std::uint64_t maximum)
{
    auto const* value = member(key);
    if (!value || value->is_null())
        return std::nullopt;
    return whole_number(*value, path_of(key), minimum, maximum, m_errors);
}

std::optional<double> ObjectReader::nullable_number(std::string_view key, double exclusive_minimum, double maximum)
{
    auto const* value = member(key);
    if (!value || value->is_null())
        return std::nullopt;
    if (!value->is_number()) {
        m_errors.error(path_of(key), "expected a number or null, found " + type_name(*value));
        return std::nullopt;
    }
    auto number = value->get<double>();
    if (!std::isfinite(number) || !(number > exclusive_minimum) || number > maximum) {
        m_errors.error(path_of(key),
            "must be a number above " + Json(exclusive_minimum).dump() + " and at most " + Json(maximum).dump());
        return std::nullopt;
    }
    return number;
}

std::optional<size_t> ObjectReader::choice(std::string_view key, std::span<const std::string_view> choices)
{
    auto const* value = member(key);
    if (!value)
        return std::nullopt;
    std::string list;
    size_t index = 0;
    for (auto name : choices) {
        if (value->is_string() && value->get_ref<const std::string&>() == name)
            return index;
        list += (list.empty() ? "" : ", ") + std::string(name);
        ++index;
    }
    m_errors.error(path_of(key),
        "must be one of " + list + ", found "
            + (value->is_string() ? quote_text(value->get_ref<const std::string&>()) : type_name(*value)));
    return std::nullopt;
}

} // namespace hallboard::json_reading
