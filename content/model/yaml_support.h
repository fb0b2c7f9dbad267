// Reading user-written YAML safely: bounded size, UTF-8 only, errors with file:line:col and hints.
// Used by the content parser, the screen config and the theme loader alike.
#pragma once

#include "base/diagnostics.h"
#include "base/did_you_mean.h"
#include "base/utf8.h"

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hallboard {

inline constexpr std::size_t max_yaml_file_bytes = 1024 * 1024; // no hand-written notice is this big
// Aliases (*name) repeat text without growing the file; this bounds what one file may expand to
// so that a "billion laughs" file cannot exhaust memory.
inline constexpr std::size_t max_yaml_text_bytes = 4 * max_yaml_file_bytes;

// A full-width sign (：，　【 …) typed with a Chinese input method where YAML needs an ASCII one.
struct FullWidthMistake {
    int line = 0;
    int column = 0; // in characters
    char32_t character = 0;
    std::string message; // names the character and the ASCII sign to type instead
    std::string hint;
};
// Finds full-width signs in the places YAML reads as syntax: the colon after a key, indentation,
// a '- ' item, the commas and brackets of [ ] and { }. Prose in values is left alone.
std::vector<FullWidthMistake> find_full_width_mistakes(std::string_view text);
// "full-width colon '：' where YAML needs ':'", or empty for a character that has no ASCII twin.
std::string describe_full_width(char32_t code_point);

enum class Presence { Required, Optional };

// Reads one YAML file and reports what is wrong with it under `display_name` (the name the
// user knows, e.g. "notices/tariff.yaml"). All helpers collect diagnostics and never throw.
class YamlFile {
public:
    YamlFile(std::string display_name, Diagnostics& diagnostics);

    // Loads and parses `path`: refuses files over `max_bytes`, non-UTF-8 bytes, tab
    // indentation, YAML syntax errors and a second document after '---'. Returns nullopt when
    // the file is unusable.
    std::optional<YAML::Node> load(const std::filesystem::path& path, std::size_t max_bytes = max_yaml_file_bytes);
    std::optional<YAML::Node> parse(std::string_view text);
    // Reads the bytes of `path`, refusing files over `max_bytes`; nullopt (and an error) when unusable.
    std::optional<std::string> read(const std::filesystem::path& path, std::size_t max_bytes = max_yaml_file_bytes);

    const std::string& name() const { return m_name; }
    Diagnostics& diagnostics() { return m_diagnostics; }
    // Where `node` starts. Columns count characters, not bytes, so that they match what an
    // editor shows on a line of Chinese text.
    SourceLocation at(const YAML::Node& node) const;
    void error(const YAML::Node& node, std::string message, std::string hint = {});
    void warning(const YAML::Node& node, std::string message, std::string hint = {});

    // The key node of `key` in `map` (for pointing at "title:" when its value is empty), or an
    // undefined node when `map` has no such key.
    YAML::Node key_node(const YAML::Node& map, std::string_view key) const;

    // True once the text read through scalar() passed max_yaml_text_bytes (reported once);
    // loops over lists stop then, so that aliases cannot make them run for hours.
    bool over_text_budget() const { return m_over_text_budget; }

    // True when `node` is a map; otherwise reports "<what> must be a mapping (key: value lines)".
    bool expect_map(const YAML::Node& node, std::string_view what);
    // Reports each key of `map` that is not allowed, with a did-you-mean hint, and each key
    // that appears twice (YAML would silently use only the first).
    void check_keys(const YAML::Node& map, std::span<const std::string_view> allowed, std::string_view what);
    void check_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed, std::string_view what)
    {
        check_keys(map, std::span(allowed.begin(), allowed.size()), what);
    }

    // Typed field readers. A missing optional field is nullopt with no error; a missing
    // required field or a field of the wrong type is an error and nullopt.
    std::optional<std::string> text(const YAML::Node& map, std::string_view key, Presence presence);
    std::optional<std::vector<std::string>> text_list(const YAML::Node& map, std::string_view key, Presence presence);
    // The scalar value of `node` as text, or an error naming `what` when it is not a scalar.
    std::optional<std::string> scalar(const YAML::Node& node, std::string_view what);

private:
    std::string m_name;
    Diagnostics& m_diagnostics;
    std::size_t m_text_bytes = 0;
    bool m_over_text_budget = false;
    std::string m_text; // the parsed text, to turn byte columns into character columns
    std::vector<std::size_t> m_line_starts;

    SourceLocation location_of(const YAML::Mark& mark) const;
    bool check_documents();
};

} // namespace hallboard
