// Safe YAML reading: bounds, UTF-8, syntax errors and key checks turned into diagnostics.
#include "content/model/yaml_support.h"

#include "base/did_you_mean.h"
#include "base/utf8.h"

#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace hallboard {

static std::string syntax_hint(std::string const& message)
{
    auto starts_with = [&](std::string_view prefix) { return message.rfind(prefix, 0) == 0; };
    if (starts_with(YAML::ErrorMsg::MAP_VALUE))
        return "text that contains ': ' must be put in quotes, like title: \"注意: 停电\"";
    if (starts_with(YAML::ErrorMsg::END_OF_MAP_FLOW) || starts_with(YAML::ErrorMsg::END_OF_SEQ_FLOW) || starts_with(YAML::ErrorMsg::FLOW_END))
        return "a '[' or '{' is not closed, or text in it contains ',', ']' or '}' and needs quotes";
    if (starts_with(YAML::ErrorMsg::END_OF_MAP) || starts_with(YAML::ErrorMsg::END_OF_SEQ) || starts_with(YAML::ErrorMsg::BLOCK_ENTRY)
        || starts_with(YAML::ErrorMsg::MAP_KEY))
        return "check the indentation: lines of the same block must start in the same column";
    if (starts_with(YAML::ErrorMsg::INVALID_ESCAPE))
        return "inside \"double quotes\" a backslash starts an escape; use 'single quotes' or write \\\\";
    if (starts_with(YAML::ErrorMsg::UNKNOWN_ANCHOR) || starts_with(YAML::ErrorMsg::ALIAS_NOT_FOUND)
        || starts_with(YAML::ErrorMsg::ANCHOR_NOT_FOUND))
        return "text that starts with '*' or '&' must be put in quotes";
    if (starts_with(YAML::ErrorMsg::EOF_IN_SCALAR))
        return "a quote is opened but never closed";
    if (starts_with(YAML::ErrorMsg::UNKNOWN_TOKEN))
        return "text that starts with '@', '`' or '%' must be put in quotes";
    return "check this line's indentation, quotes and brackets";
}

namespace {

// Summarises each document of a stream without building nodes: whether it holds anything,
// where its first node is, and where a document that is only "null" was found.
class DocumentScanner final : public YAML::EventHandler {
public:
    bool has_content() const { return m_has_content; }
    const YAML::Mark& first_mark() const { return m_first_mark; }
    const std::optional<YAML::Mark>& null_mark() const { return m_null_mark; }

    void OnDocumentStart(const YAML::Mark&) override
    {
        m_has_content = false;
        m_null_mark.reset();
    }
    void OnDocumentEnd() override { }
    void OnNull(const YAML::Mark& mark, YAML::anchor_t) override
    {
        if (!m_has_content && !m_null_mark)
            m_null_mark = mark;
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { content(mark); }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string&) override { content(mark); }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override
    {
        content(mark);
    }
    void OnSequenceEnd() override { }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override
    {
        content(mark);
    }
    void OnMapEnd() override { }

private:
    void content(const YAML::Mark& mark)
    {
        if (!m_has_content)
            m_first_mark = mark;
        m_has_content = true;
    }

    bool m_has_content = false;
    YAML::Mark m_first_mark = YAML::Mark::null_mark();
    std::optional<YAML::Mark> m_null_mark;
};

} // namespace

YamlFile::YamlFile(std::string display_name, Diagnostics& diagnostics)
    : m_name(std::move(display_name))
    , m_diagnostics(diagnostics)
{
}

std::optional<std::string> YamlFile::read(const std::filesystem::path& path, std::size_t max_bytes)
{
    std::error_code error;
    auto size = std::filesystem::file_size(path, error);
    if (error) {
        m_diagnostics.error({ m_name, 0, 0 }, "cannot read file: " + error.message());
        return std::nullopt;
    }
    if (size > max_bytes) {
        m_diagnostics.error({ m_name, 0, 0 },
            "file is " + std::to_string(size) + " bytes, more than the limit of " + std::to_string(max_bytes),
            "split it into several smaller files");
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        m_diagnostics.error({ m_name, 0, 0 }, "cannot open file");
        return std::nullopt;
    }
    std::ostringstream contents;
    contents << in.rdbuf();
    auto text = contents.str();
    // The file may have grown since it was measured.
    if (text.size() > max_bytes) {
        m_diagnostics.error({ m_name, 0, 0 }, "file is more than the limit of " + std::to_string(max_bytes) + " bytes");
        return std::nullopt;
    }
    return text;
}

std::optional<YAML::Node> YamlFile::load(const std::filesystem::path& path, std::size_t max_bytes)
{
    auto text = read(path, max_bytes);
    if (!text)
        return std::nullopt;
    return parse(*text);
}

std::optional<YAML::Node> YamlFile::parse(std::string_view text)
{
    if (auto bad = invalid_utf8_offset(text); bad != std::string_view::npos) {
        // Point at the line of the first bad byte so the user can find it.
        auto before = text.substr(0, bad);
        int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
        auto line_start = before.rfind('\n');
        auto line_text = before.substr(line_start == std::string_view::npos ? 0 : line_start + 1);
        int column = 1 + static_cast<int>(std::count_if(line_text.begin(), line_text.end(),
                             [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
        m_diagnostics.error({ m_name, line, column }, "file is not valid UTF-8 text",
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
    m_text = std::string(text);
    m_line_starts = { 0 };
    for (size_t i = 0; i < m_text.size(); ++i) {
        if (m_text[i] == '\n')
            m_line_starts.push_back(i + 1);
    }
    try {
        if (!check_documents())
            return std::nullopt;
        auto root = YAML::Load(m_text);
        if (!root || root.IsNull()) {
            m_diagnostics.error({ m_name, 0, 0 }, "file is empty");
            return std::nullopt;
        }
        return root;
    } catch (YAML::Exception const& exception) {
        m_diagnostics.error(location_of(exception.mark),
            "YAML syntax: " + exception.msg, syntax_hint(exception.msg));
        return std::nullopt;
    }
}

// yaml-cpp's Load silently drops everything after a second "---", and its LoadAll loops
// forever, allocating, on a stray ',' at the top level (yaml-cpp issue #1040, fixed upstream
// by PR #1319 after 0.7). So the documents are walked here with a bounded loop first.
bool YamlFile::check_documents()
{
    std::istringstream stream(m_text);
    YAML::Parser parser(stream);
    DocumentScanner scanner;
    std::optional<YAML::Mark> previous_null;
    for (int document = 0; document < 3 && parser.HandleNextDocument(scanner); ++document) {
        if (document > 0 && scanner.has_content()) {
            m_diagnostics.error(location_of(scanner.first_mark()), "file holds more than one YAML document ('---' starts a new one)",
                "keep one document per file: remove the '---' line or split the file");
            return false;
        }
        // The parser did not move: a token it cannot use at the top of a document.
        auto const& null_mark = scanner.null_mark();
        if (null_mark && previous_null && null_mark->pos == previous_null->pos) {
            std::string character = null_mark->pos >= 0 && static_cast<size_t>(null_mark->pos) < m_text.size()
                ? std::string(1, m_text[static_cast<size_t>(null_mark->pos)])
                : std::string();
            m_diagnostics.error(location_of(*null_mark), "YAML syntax: unexpected '" + character + "'",
                "text that starts with a sign such as , [ ] { } & * ! | > % @ must be put in quotes");
            return false;
        }
        previous_null = null_mark;
    }
    return true;
}

SourceLocation YamlFile::location_of(const YAML::Mark& mark) const
{
    if (mark.is_null() || mark.line < 0 || mark.column < 0)
        return { m_name, 0, 0 };
    auto line = static_cast<size_t>(mark.line);
    if (line >= m_line_starts.size())
        return { m_name, mark.line + 1, mark.column + 1 };
    // yaml-cpp counts bytes, and skips a byte-order mark without counting it.
    size_t start = m_line_starts[line];
    if (line == 0 && m_text.rfind("\xEF\xBB\xBF", 0) == 0)
        start += 3;
    size_t end = std::min(m_text.size(), start + static_cast<size_t>(mark.column));
    int characters = 0;
    for (size_t i = start; i < end; ++i)
        characters += (static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80;
    return { m_name, mark.line + 1, characters + 1 };
}

SourceLocation YamlFile::at(const YAML::Node& node) const
{
    if (!node.IsDefined())
        return { m_name, 0, 0 };
    return location_of(node.Mark());
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

YAML::Node YamlFile::key_node(const YAML::Node& map, std::string_view key) const
{
    if (!map.IsMap())
        return YAML::Node(YAML::NodeType::Undefined);
    for (auto const& entry : map) {
        if (entry.first.IsScalar() && entry.first.Scalar() == key)
            return entry.first;
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

void YamlFile::check_keys(const YAML::Node& map, std::span<const std::string_view> allowed, std::string_view what)
{
    std::vector<std::string> seen;
    for (auto const& entry : map) {
        if (!entry.first.IsScalar()) {
            error(entry.first, "keys in " + std::string(what) + " must be plain words");
            continue;
        }
        auto key = entry.first.Scalar();
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
            error(entry.first, "'" + key + "' appears twice in " + std::string(what),
                "remove one of them; only the first one would be used");
            continue;
        }
        seen.push_back(key);
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
    if (m_over_text_budget)
        return std::nullopt;
    if (node.IsScalar()) {
        m_text_bytes += node.Scalar().size();
        if (m_text_bytes > max_yaml_text_bytes) {
            m_over_text_budget = true;
            error(node, "this file expands to more than " + std::to_string(max_yaml_text_bytes / (1024 * 1024))
                    + " MiB of text through aliases (*name)",
                "write the text out instead of repeating it with anchors (&) and aliases (*)");
            return std::nullopt;
        }
        return node.Scalar();
    }
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
    if (node.IsNull()) {
        // A null value's mark is wherever the next token starts, often the next line: point at the key.
        error(key_node(map, key), "'" + std::string(key) + "' is empty");
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
    if (node.IsNull()) {
        error(key_node(map, key), "'" + std::string(key) + "' is empty");
        return std::nullopt;
    }
    if (!node.IsSequence()) {
        error(node, "'" + std::string(key) + "' must be a list, like [a, b] or '- a' lines");
        return std::nullopt;
    }
    std::vector<std::string> items;
    bool ok = true;
    for (auto const& item : node) {
        if (m_over_text_budget)
            return std::nullopt;
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
