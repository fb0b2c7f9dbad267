// The size the screen is composed at: the config's size, turned for portrait mounting,
// unless --size overrides it.
#pragma once

#include "player/app/command_line.h"

#include <optional>

namespace hallboard {

// Prints an error and returns nullopt when --size is malformed.
std::optional<ScreenSize> composed_size(const CommandLine& command_line, const ScreenConfig& config);

} // namespace hallboard
