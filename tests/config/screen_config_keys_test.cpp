// The key table against docs/screen-config.md (every key, its default, live or restart) and against ScreenConfig's
// defaults.
#include "player/config/screen_config_keys.h"

#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <sstream>

using namespace hallboard;

namespace {

std::string read_doc()
{
    std::ifstream in(HALLBOARD_SOURCE_DIR "/docs/screen-config.md");
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string trimmed(std::string_view text)
{
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ')
        text.remove_suffix(1);
    return std::string(text);
}

std::vector<std::string> cells(const std::string& line)
{
    std::vector<std::string> result;
    std::string_view rest(line);
    rest.remove_prefix(1); // the leading |
    while (!rest.empty()) {
        auto bar = rest.find('|');
        result.push_back(trimmed(rest.substr(0, bar)));
        if (bar == std::string_view::npos)
            break;
        rest.remove_prefix(bar + 1);
    }
    return result;
}

// The `words` in backquotes in `text`, each with whether a '/' comes right before it
// ("`display.fullscreen`/`index`": index shares the section before it).
std::vector<std::pair<std::string, bool>> quoted_words(std::string_view text)
{
    std::vector<std::pair<std::string, bool>> words;
    size_t at = 0;
    while ((at = text.find('`', at)) != std::string_view::npos) {
        auto close = text.find('`', at + 1);
        if (close == std::string_view::npos)
            break;
        words.emplace_back(std::string(text.substr(at + 1, close - at - 1)), at > 0 && text[at - 1] == '/');
        at = close + 1;
    }
    return words;
}

// What the docs say about the keys: each field table's rows (the key, dotted, and its Default
// cell) and the reload table's two lists.
struct DocumentedKeys {
    std::map<std::string, std::string> defaults;
    std::vector<std::string> live;
    std::vector<std::string> restart;
};

DocumentedKeys documented_keys(const std::string& doc)
{
    DocumentedKeys found;
    std::istringstream lines(doc);
    std::string line;
    std::string section;     // "## 3. `display`": the fields below are display.*
    int default_column = -1; // in a "| Field |" table
    bool reload_table = false;
    while (std::getline(lines, line)) {
        if (line.starts_with("## ")) {
            auto words = quoted_words(line);
            section = words.size() == 1 ? words[0].first : "";
            continue;
        }
        if (!line.starts_with("|")) {
            default_column = -1;
            reload_table = false;
            continue;
        }
        auto row = cells(line);
        if (row.empty() || row[0].starts_with("---"))
            continue;
        if (row[0] == "Field") {
            for (size_t i = 0; i < row.size(); ++i) {
                if (row[i] == "Default")
                    default_column = static_cast<int>(i);
            }
            continue;
        }
        if (row[0] == "keys" && row.size() > 1 && row[1] == "how") {
            reload_table = true;
            continue;
        }
        if (default_column >= 0 && static_cast<size_t>(default_column) < row.size()) {
            auto words = quoted_words(row[0]);
            REQUIRE(words.size() == 1);
            auto name = words[0].first;
            auto key = name.find('.') == std::string::npos && !section.empty() ? section + "." + name : name;
            found.defaults[key] = row[static_cast<size_t>(default_column)];
        } else if (reload_table && row.size() > 1) {
            auto& list = row[1].find("restarts") != std::string::npos ? found.restart : found.live;
            std::string prefix;
            for (auto const& [word, after_slash] : quoted_words(row[0])) {
                if (after_slash) {
                    list.push_back(prefix + word);
                    continue;
                }
                auto dot = word.find('.');
                prefix = dot == std::string::npos ? "" : word.substr(0, dot + 1);
                list.push_back(word);
            }
        }
    }
    return found;
}

// Whether `list` names `key`, itself or as "section.*".
bool names(const std::vector<std::string>& list, std::string_view key)
{
    for (auto const& entry : list) {
        if (entry == key)
            return true;
        if (entry.ends_with(".*") && key.starts_with(std::string_view(entry).substr(0, entry.size() - 1)))
            return true;
    }
    return false;
}

} // namespace

TEST_CASE("docs/screen-config.md documents every key of the table, with its default, and no other")
{
    auto documented = documented_keys(read_doc());
    REQUIRE_FALSE(documented.defaults.empty());
    for (auto const& row : screen_config_keys()) {
        std::string key(row.key);
        INFO("key " << key);
        auto found = documented.defaults.find(key);
        CHECK(found != documented.defaults.end());
        if (found != documented.defaults.end())
            CHECK(found->second == row.default_text);
    }
    for (auto const& documented_default : documented.defaults) {
        // Not a structured binding: INFO's lambda cannot capture bindings under clang 14.
        auto const& key = documented_default.first;
        INFO("documented key " << key);
        bool in_table = false;
        for (auto const& row : screen_config_keys())
            in_table = in_table || row.key == key;
        CHECK(in_table);
    }
}

TEST_CASE("docs/screen-config.md says of every key whether a change applies live or restarts the player")
{
    auto documented = documented_keys(read_doc());
    REQUIRE_FALSE(documented.live.empty());
    REQUIRE_FALSE(documented.restart.empty());
    for (auto const& row : screen_config_keys()) {
        INFO("key " << row.key);
        CHECK(names(documented.live, row.key) == (row.apply == Apply::Live));
        CHECK(names(documented.restart, row.key) == (row.apply == Apply::Restart));
    }
}

TEST_CASE("a key's documented default, written out, reads as the default ScreenConfig already has")
{
    for (auto const& row : screen_config_keys()) {
        auto value = std::string(row.default_text);
        if (value.size() < 2 || value.front() != '`' || value.back() != '`')
            continue; // prose: "none", "always on", "**required**"
        value = value.substr(1, value.size() - 2);
        std::string key(row.key);
        SUBCASE(key.c_str())
        {
            auto dot = key.find('.');
            REQUIRE(dot != std::string::npos); // the table's backquoted defaults are all in sections
            auto section = key.substr(0, dot);
            auto line = "  " + key.substr(dot + 1) + ": " + value + "\n";
            std::string screen = "screen:\n  id: t-01\n  hall: 测试营业厅\n";
            std::string content = "content:\n  source: content\n";
            std::string other;
            if (section == "screen")
                screen += line;
            else if (section == "content")
                content += line;
            else
                other = section + ":\n" + line;

            Diagnostics diagnostics;
            auto without = parse_screen_config(screen + content, "/halls/screen.yaml", diagnostics);
            auto with = parse_screen_config(screen + content + other, "/halls/screen.yaml", diagnostics);
            INFO(diagnostics.format_all());
            REQUIRE(without);
            REQUIRE(with);
            CHECK(diagnostics.error_count() == 0);
            CHECK_FALSE(row.field.differs(*without, *with));
        }
    }
}

TEST_CASE("the renderer's words, for --renderer")
{
    CHECK(renderer_setting_named("auto") == RendererSetting::Auto);
    CHECK(renderer_setting_named("gpu") == RendererSetting::Gpu);
    CHECK(renderer_setting_named("software") == RendererSetting::Software);
    CHECK_FALSE(renderer_setting_named("opengl"));
    CHECK_FALSE(renderer_setting_named(" gpu")); // the command line is not trimmed
    CHECK(renderer_setting_words() == "auto, gpu or software");
}
