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
    if (starts_with(YAML::ErrorMsg::END_OF_MAP_FLOW) || starts_with(YAML::ErrorMsg::END_OF_SEQ_FLOW)
        || starts_with(YAML::ErrorMsg::FLOW_END))
        return "a '[' or '{' is not closed, or text in it contains ',', ']' or '}' and needs quotes";
    if (starts_with(YAML::ErrorMsg::END_OF_MAP) || starts_with(YAML::ErrorMsg::END_OF_SEQ)
        || starts_with(YAML::ErrorMsg::BLOCK_ENTRY) || starts_with(YAML::ErrorMsg::MAP_KEY))
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

// Full-width punctuation typed with a Chinese input method where YAML needs the ASCII sign:
// the character, its name, and what to type instead.
struct FullWidthSign {
    char32_t code_point;
    char const* text;
    char const* name;
    char const* ascii;
};
constexpr FullWidthSign full_width_signs[] = {
    { U'\uFF1A', "：", "full-width colon", ":" },
    { U'\uFF0C', "，", "full-width comma", "," },
    { U'\u3001', "、", "enumeration comma", "," },
    { U'\uFF1B', "；", "full-width semicolon", "," },
    { U'\u3000', "　", "full-width space", "a space" },
    { U'\uFF08', "（", "full-width parenthesis", "(" },
    { U'\uFF09', "）", "full-width parenthesis", ")" },
    { U'\u3010', "【", "full-width bracket", "[" },
    { U'\u3011', "】", "full-width bracket", "]" },
    { U'\uFF3B', "［", "full-width bracket", "[" },
    { U'\uFF3D', "］", "full-width bracket", "]" },
    { U'\uFF5B', "｛", "full-width brace", "{" },
    { U'\uFF5D', "｝", "full-width brace", "}" },
    { U'\u201C', "“", "Chinese quotation mark", "\"" },
    { U'\u201D', "”", "Chinese quotation mark", "\"" },
    { U'\u2018', "‘", "Chinese quotation mark", "'" },
    { U'\u2019', "’", "Chinese quotation mark", "'" },
    { U'\uFF0D', "－", "full-width hyphen", "-" },
    { U'\uFF03', "＃", "full-width number sign", "#" },
};

static FullWidthSign const* full_width_sign(char32_t code_point)
{
    for (auto const& sign : full_width_signs)
        if (sign.code_point == code_point)
            return &sign;
    return nullptr;
}

std::string describe_full_width(char32_t code_point)
{
    auto const* sign = full_width_sign(code_point);
    if (!sign)
        return {};
    std::string ascii = sign->ascii;
    if (ascii != "a space")
        ascii = "'" + ascii + "'";
    return std::string(sign->name) + " '" + sign->text + "' where YAML needs " + ascii;
}

namespace {

// One line of the text, split into what the full-width scan needs.
struct ScanLine {
    std::string_view text;
    int number = 0;
    size_t indent = 0; // ASCII spaces before the first other character
};

int character_column(std::string_view line, size_t byte_offset)
{
    return 1
        + static_cast<int>(
            std::count_if(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(std::min(byte_offset, line.size())),
                [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Byte offset of the ASCII ':' that ends a plain key on this line (followed by a space or the
// end of the line, outside quotes and brackets), or npos.
size_t ascii_key_colon(std::string_view line)
{
    char quote = 0;
    int depth = 0;
    for (size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quote) {
            if (c == quote)
                quote = 0;
            continue;
        }
        if (c == '"' || c == '\'')
            quote = c;
        else if (c == '#' && (i == 0 || line[i - 1] == ' '))
            return std::string_view::npos;
        else if (c == '[' || c == '{')
            ++depth;
        else if (c == ']' || c == '}')
            --depth;
        else if (c == ':' && depth <= 0 && (i + 1 == line.size() || line[i + 1] == ' '))
            return i;
    }
    return std::string_view::npos;
}

} // namespace

std::vector<FullWidthMistake> find_full_width_mistakes(std::string_view text)
{
    std::vector<FullWidthMistake> mistakes;
    std::vector<ScanLine> lines;
    size_t start = 0;
    if (text.rfind("\xEF\xBB\xBF", 0) == 0)
        start = 3;
    for (int number = 1; start <= text.size(); ++number) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        auto line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        ScanLine scan { line, number, 0 };
        while (scan.indent < line.size() && line[scan.indent] == ' ')
            ++scan.indent;
        lines.push_back(scan);
        if (end == text.size())
            break;
        start = end + 1;
    }

    // Where a key may start: a line no deeper than the last key line, or any depth right after a
    // key with nothing after its ':'. Deeper lines otherwise continue a value (prose is free to
    // use full-width punctuation), and the lines of a '|' or '>' block are prose too.
    size_t key_indent = 0;
    bool after_open_key = true;         // the top of the file
    std::optional<size_t> block_indent; // inside a | or > block deeper than this
    for (auto const& line : lines) {
        auto rest = line.text.substr(line.indent);
        if (rest.empty() || rest[0] == '#')
            continue;
        if (block_indent) {
            if (line.indent > *block_indent)
                continue;
            block_indent.reset();
        }
        bool key_position = after_open_key || line.indent <= key_indent;
        if (!key_position)
            continue;

        // Indentation made of full-width spaces (or their mix with ASCII ones).
        size_t offset = line.indent;
        if (line.text.substr(offset).rfind("\u3000", 0) == 0) {
            mistakes.push_back({ line.number, character_column(line.text, offset), U'\u3000',
                "full-width space '　' used for indentation",
                "indent with ASCII spaces (turn off full-width input, 全角, for YAML signs)" });
            continue;
        }
        auto item = rest;
        size_t item_offset = line.indent;
        while (item.rfind("- ", 0) == 0) {
            item.remove_prefix(2);
            item_offset += 2;
        }
        if (item.rfind("\uFF0D ", 0) == 0 || item == "\uFF0D") {
            mistakes.push_back({ line.number, character_column(line.text, item_offset), U'\uFF0D',
                describe_full_width(U'\uFF0D'), "a list item starts with '- '" });
            continue;
        }

        auto colon = ascii_key_colon(item);
        if (colon == std::string_view::npos) {
            // No ASCII key: a full-width colon in the first word is the key's colon.
            auto full_colon = item.find("\uFF1A");
            auto first_space = item.find(' ');
            bool quoted = !item.empty() && (item[0] == '"' || item[0] == '\'');
            if (!quoted && item_offset == line.indent && full_colon != std::string_view::npos && full_colon > 0
                && (first_space == std::string_view::npos || first_space > full_colon)) {
                auto key = item.substr(0, full_colon);
                mistakes.push_back({ line.number, character_column(line.text, item_offset + full_colon), U'\uFF1A',
                    describe_full_width(U'\uFF1A') + " after '" + std::string(key) + "'",
                    "type an ASCII colon and a space: " + std::string(key) + ": ..." });
                key_indent = item_offset;
                after_open_key = false;
                continue;
            }
            after_open_key = false;
            continue;
        }

        key_indent = item_offset;
        auto value = item.substr(colon + 1);
        size_t value_offset = item_offset + colon + 1;
        while (!value.empty() && value[0] == ' ') {
            value.remove_prefix(1);
            ++value_offset;
        }
        after_open_key = value.empty() || value[0] == '#';
        if (!value.empty() && (value[0] == '|' || value[0] == '>')) {
            block_indent = line.indent;
            continue;
        }
        // A flow list separated by full-width commas is one item to YAML.
        if (!value.empty() && (value[0] == '[' || value[0] == '{')) {
            bool is_list = value[0] == '[';
            bool has_ascii_comma = false;
            bool closed = false;
            std::optional<std::pair<size_t, char32_t>> found;
            std::optional<std::pair<size_t, char32_t>> last;
            bool colon_in_pair = false;
            char quote = 0;
            for (size_t i = 0; i < value.size();) {
                auto decoded = decode_utf8(value, i);
                char32_t c = decoded.code_point;
                if (quote) {
                    if (c == static_cast<char32_t>(quote))
                        quote = 0;
                } else if (c == '"' || c == '\'') {
                    quote = static_cast<char>(c);
                } else if (c == ',' || c == '{') {
                    has_ascii_comma = has_ascii_comma || c == ',';
                    colon_in_pair = false;
                } else if (c == ':') {
                    colon_in_pair = true;
                } else if (c == ']' || c == '}') {
                    closed = true;
                } else if (!found && is_list && (c == U'\uFF0C' || c == U'\u3001' || c == U'\uFF1B')) {
                    found = std::pair { i, c };
                } else if (!found && !is_list && c == U'\uFF1A' && !colon_in_pair) {
                    found = std::pair { i, c };
                }
                if (c != ' ')
                    last = std::pair { i, c };
                i += decoded.length;
            }
            if (found && is_list && has_ascii_comma)
                found.reset(); // prose with its own commas inside items separated by ASCII ones
            if (!found && !closed && last
                && (last->second == U'\u3011' || last->second == U'\uFF3D' || last->second == U'\uFF5D'))
                found = last;
            if (found) {
                mistakes.push_back({ line.number, character_column(line.text, value_offset + found->first),
                    found->second, describe_full_width(found->second),
                    "between the items of [ ] or { } type ASCII signs: [时段, 时间, 电价]" });
            }
        } else if (!value.empty()) {
            // A list or mapping opened with a full-width bracket is plain text to YAML.
            auto decoded = decode_utf8(value, 0);
            if (decoded.code_point == U'\uFF3B' || decoded.code_point == U'\uFF5B') {
                mistakes.push_back({ line.number, character_column(line.text, value_offset), decoded.code_point,
                    describe_full_width(decoded.code_point), "type ASCII brackets: [a, b]" });
            }
        }
    }
    return mistakes;
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
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string&) override
    {
        content(mark);
    }
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
    // Windows Notepad's "Unicode" is UTF-16: a byte-order mark FF FE or FE FF, and a zero byte
    // beside every ASCII character (so one of the first two bytes is zero). Say so rather than report its first odd
    // byte.
    if (text.rfind("\xFF\xFE", 0) == 0 || text.rfind("\xFE\xFF", 0) == 0
        || (text.size() >= 2 && (text[0] == '\0' || text[1] == '\0'))) {
        m_diagnostics.error({ m_name, 1, 1 }, "file is UTF-16 text (it has zero bytes), not UTF-8",
            "save it as UTF-8: in Notepad choose 另存为 (Save As) and the encoding UTF-8");
        return std::nullopt;
    }
    if (auto bad = invalid_utf8_offset(text); bad != std::string_view::npos) {
        // Point at the line of the first bad byte so the user can find it.
        auto before = text.substr(0, bad);
        int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
        auto line_start = before.rfind('\n');
        auto line_text = before.substr(line_start == std::string_view::npos ? 0 : line_start + 1);
        int column = 1 + static_cast<int>(std::count_if(line_text.begin(), line_text.end(), [](char c) {
            return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        }));
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
    // Full-width signs typed where YAML needs ASCII ones: yaml-cpp would report them a line
    // late or as a wrong type, never naming the character.
    if (auto mistakes = find_full_width_mistakes(text); !mistakes.empty()) {
        for (auto const& mistake : mistakes)
            m_diagnostics.error({ m_name, mistake.line, mistake.column }, mistake.message, mistake.hint);
        return std::nullopt;
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
        m_diagnostics.error(location_of(exception.mark), "YAML syntax: " + exception.msg, syntax_hint(exception.msg));
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
            m_diagnostics.error(location_of(scanner.first_mark()),
                "file holds more than one YAML document ('---' starts a new one)",
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
            error(node,
                "this file expands to more than " + std::to_string(max_yaml_text_bytes / (1024 * 1024))
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

std::optional<std::vector<std::string>> YamlFile::text_list(
    const YAML::Node& map, std::string_view key, Presence presence)
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
