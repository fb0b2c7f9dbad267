// Safe YAML reading: bounds, UTF-8, syntax errors and key checks turned into diagnostics.
#include "content/yaml_support.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace hallboard {

size_t invalid_utf8_offset(std::string_view text)
{
    size_t i = 0;
    while (i < text.size()) {
        auto byte = static_cast<unsigned char>(text[i]);
        size_t length = 0;
        uint32_t code_point = 0;
        if (byte < 0x80) {
            ++i;
            continue;
        } else if ((byte & 0xE0) == 0xC0) {
            length = 2;
            code_point = byte & 0x1F;
        } else if ((byte & 0xF0) == 0xE0) {
            length = 3;
            code_point = byte & 0x0F;
        } else if ((byte & 0xF8) == 0xF0) {
            length = 4;
            code_point = byte & 0x07;
        } else {
            return i;
        }
        if (i + length > text.size())
            return i;
        for (size_t k = 1; k < length; ++k) {
            auto continuation = static_cast<unsigned char>(text[i + k]);
            if ((continuation & 0xC0) != 0x80)
                return i;
            code_point = (code_point << 6) | (continuation & 0x3F);
        }
        // Overlong forms, surrogates and values past Unicode are not UTF-8.
        static constexpr uint32_t smallest[] = { 0, 0, 0x80, 0x800, 0x10000 };
        if (code_point < smallest[length] || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF))
            return i;
        i += length;
    }
    return std::string_view::npos;
}

bool is_valid_utf8(std::string_view text) { return invalid_utf8_offset(text) == std::string_view::npos; }

static size_t edit_distance(std::string_view a, std::string_view b)
{
    std::vector<size_t> previous(b.size() + 1), current(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        previous[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({ previous[j] + 1, current[j - 1] + 1, substitution });
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

template<typename Range>
static std::string closest(std::string_view word, Range const& candidates)
{
    // Allow about one typo per three letters: "dispaly" -> "display", but not "foo" -> "id".
    size_t best_distance = std::max<size_t>(1, word.size() / 3) + 1;
    std::string best;
    for (std::string_view candidate : candidates) {
        size_t distance = edit_distance(word, candidate);
        if (distance < best_distance) {
            best_distance = distance;
            best = std::string(candidate);
        }
    }
    return best.empty() ? std::string() : "did you mean '" + best + "'?";
}

std::string did_you_mean(std::string_view word, std::initializer_list<std::string_view> candidates)
{
    return closest(word, candidates);
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates)
{
    return closest(word, candidates);
}

YamlFile::YamlFile(std::string display_name, Diagnostics& diagnostics)
    : m_name(std::move(display_name))
    , m_diagnostics(diagnostics)
{
}

std::optional<YAML::Node> YamlFile::load(const std::filesystem::path& path, std::size_t max_bytes)
{
    std::error_code error;
    auto size = std::filesystem::file_size(path, error);
    if (error) {
        m_diagnostics.error({ m_name, 0, 0 }, "cannot read file: " + error.message());
        return std::nullopt;
    }
    if (size > max_bytes) {
        m_diagnostics.error({ m_name, 0, 0 },
            "file is " + std::to_string(size) + " bytes, more than the limit of " + std::to_string(max_bytes));
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        m_diagnostics.error({ m_name, 0, 0 }, "cannot open file");
        return std::nullopt;
    }
    std::ostringstream contents;
    contents << in.rdbuf();
    return parse(contents.str());
}

std::optional<YAML::Node> YamlFile::parse(std::string_view text)
{
    if (auto bad = invalid_utf8_offset(text); bad != std::string_view::npos) {
        // Point at the line of the first bad byte so the user can find it.
        int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n'));
        m_diagnostics.error({ m_name, line, 0 }, "file is not valid UTF-8 text",
            "save it as UTF-8; GBK or GB2312 encodings are not accepted");
        return std::nullopt;
    }
    // YAML forbids tabs in indentation; say so plainly instead of yaml-cpp's generic message.
    int line = 1;
    bool at_line_start = true;
    for (char c : text) {
        if (c == '\n') {
            ++line;
            at_line_start = true;
        } else if (at_line_start && c == '\t') {
            m_diagnostics.error({ m_name, line, 1 }, "tab used for indentation", "indent with spaces");
            return std::nullopt;
        } else if (c != ' ') {
            at_line_start = false;
        }
    }
    try {
        YAML::Node root = YAML::Load(std::string(text));
        if (!root || root.IsNull()) {
            m_diagnostics.error({ m_name, 0, 0 }, "file is empty");
            return std::nullopt;
        }
        return root;
    } catch (YAML::Exception const& exception) {
        m_diagnostics.error({ m_name, exception.mark.line + 1, exception.mark.column + 1 },
            "YAML syntax: " + exception.msg);
        return std::nullopt;
    }
}

SourceLocation YamlFile::at(const YAML::Node& node) const
{
    if (!node.IsDefined())
        return { m_name, 0, 0 };
    auto mark = node.Mark();
    if (mark.is_null())
        return { m_name, 0, 0 };
    return { m_name, mark.line + 1, mark.column + 1 };
}

void YamlFile::error(const YAML::Node& node, std::string message, std::string hint)
{
    m_diagnostics.error(at(node), std::move(message), std::move(hint));
}

void YamlFile::warning(const YAML::Node& node, std::string message, std::string hint)
{
    m_diagnostics.warning(at(node), std::move(message), std::move(hint));
}

bool YamlFile::expect_map(const YAML::Node& node, std::string_view what)
{
    if (node.IsMap())
        return true;
    error(node, std::string(what) + " must be a mapping (key: value lines)");
    return false;
}

void YamlFile::check_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed, std::string_view what)
{
    for (auto const& entry : map) {
        if (!entry.first.IsScalar()) {
            error(entry.first, "keys in " + std::string(what) + " must be plain words");
            continue;
        }
        auto key = entry.first.Scalar();
        if (std::find(allowed.begin(), allowed.end(), key) != allowed.end())
            continue;
        std::string list;
        for (auto name : allowed)
            list += (list.empty() ? "" : ", ") + std::string(name);
        auto hint = did_you_mean(key, allowed);
        if (hint.empty())
            hint = "allowed here: " + list;
        error(entry.first, "unknown key '" + key + "' in " + std::string(what), hint);
    }
}

std::optional<std::string> YamlFile::scalar(const YAML::Node& node, std::string_view what)
{
    if (node.IsScalar())
        return node.Scalar();
    if (node.IsNull()) {
        error(node, std::string(what) + " is empty");
        return std::nullopt;
    }
    error(node, std::string(what) + " must be a single value, not a " + (node.IsMap() ? "mapping" : "list"),
        node.IsSequence() ? "remove the [ ] or the '-' items" : "quote the text if it contains ': '");
    return std::nullopt;
}

std::optional<std::string> YamlFile::text(const YAML::Node& map, std::string_view key, Presence presence)
{
    auto node = map[std::string(key)];
    if (!node.IsDefined() || (node.IsNull() && presence == Presence::Optional)) {
        if (presence == Presence::Required)
            error(map, "missing required key '" + std::string(key) + "'");
        return std::nullopt;
    }
    return scalar(node, "'" + std::string(key) + "'");
}

std::optional<std::vector<std::string>> YamlFile::text_list(const YAML::Node& map, std::string_view key, Presence presence)
{
    auto node = map[std::string(key)];
    if (!node.IsDefined() || (node.IsNull() && presence == Presence::Optional)) {
        if (presence == Presence::Required)
            error(map, "missing required key '" + std::string(key) + "'");
        return std::nullopt;
    }
    if (!node.IsSequence()) {
        error(node, "'" + std::string(key) + "' must be a list, like [a, b] or '- a' lines");
        return std::nullopt;
    }
    std::vector<std::string> items;
    bool ok = true;
    for (auto const& item : node) {
        auto value = scalar(item, "an item of '" + std::string(key) + "'");
        if (value)
            items.push_back(*value);
        else
            ok = false;
    }
    if (!ok)
        return std::nullopt;
    return items;
}

} // namespace hallboard
