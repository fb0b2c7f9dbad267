// The screen config's keys, one table row each: the parser, the unknown-key check, the reload comparison and the docs
// test read it.
#pragma once

#include "content/model/yaml_support.h"
#include "player/config/screen_config.h"

#include <filesystem>
#include <span>
#include <string_view>

namespace hallboard {

// How a running player takes a change to a key (ConfigWatcher, compare_configs).
enum class Apply {
    Live,    // the render loop applies it from the next frame or slide on
    Restart, // set up once (the window, the sync, the heartbeats): the player restarts in place
};

// What a row's reader is given: the mapping its key is in and the key's name there.
struct KeyReader {
    YamlFile& file;
    const YAML::Node& map;               // the key's section ("display"), or the file's root for a top-level key
    std::string_view name;               // the key as written in `map`: "rotate"
    const std::filesystem::path& folder; // the config's folder: relative paths start there
};

// Reads the key's value into the config when present, reporting every problem at its place;
// an absent key leaves the default. Called for every row, present or not.
using ReadKey = void (*)(const KeyReader& reader, ScreenConfig& config);
// Whether two configs differ in this key.
using KeyDiffers = bool (*)(const ScreenConfig& a, const ScreenConfig& b);

// How a key is read into the ScreenConfig member it fills, and compared there.
struct KeyField {
    ReadKey read;       // the parser, with the key's range or word table
    KeyDiffers differs; // the reload comparison
};

struct ScreenConfigKey {
    std::string_view key; // dotted as the docs write it, "display.rotate"; no dot: a top-level key
    KeyField field;
    Apply apply;
    std::string_view default_text; // as the Default column of docs/screen-config.md writes it
};

// Every key, in the order of a config file (and of the docs): the parser reads them in this
// order, unknown-key hints list them in it, compare_configs reports changes in it.
std::span<const ScreenConfigKey> screen_config_keys();

// A section of the config ("screen", "display"...): the part of a key before the dot.
struct ScreenConfigSection {
    std::string_view name;
    Presence presence;
    std::string_view missing_hint; // when a required section is missing
    void (*check)(
        YamlFile& file, const YAML::Node& section); // rules between its keys, before they are read; may be null
};

// The rules of sections that have any; a section not listed is optional with no rules.
std::span<const ScreenConfigSection> screen_config_sections();

// The top-level key naming the theme file, which the loader and the watcher read on their own.
inline constexpr std::string_view theme_key = "theme";

} // namespace hallboard
