// Decoding every picture `check` meets, so that a truncated or corrupt one is an error before it
// reaches a screen (the content model only reads a picture's first bytes; it does not link SDL).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace hallboard {

// What is wrong with the PNG or JPEG at `path` once fully decoded ("is cut short: ..."), or
// nullopt when it decodes whole.
std::optional<std::string> picture_problem(const std::filesystem::path& path);

} // namespace hallboard
