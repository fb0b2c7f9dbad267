// Fuzzes the content source parser: one notice file, and channel.yaml, from arbitrary bytes.
#include "content/model/source_loader.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view text(reinterpret_cast<const char*>(data), size);
    hallboard::Diagnostics diagnostics;
    auto channel = hallboard::parse_channel(text, "channel.yaml", diagnostics);
    // The notice is parsed under the channel's defaults when the input is also a valid channel,
    // so the defaults' paths (durations, reading speed) are reached too.
    hallboard::parse_notice(text, "notices/fuzz.yaml", channel ? *channel : hallboard::ChannelDefaults {}, diagnostics);
    return 0;
}
