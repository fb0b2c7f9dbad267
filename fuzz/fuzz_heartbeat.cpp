// Fuzzes the heartbeat parser (what any client may POST to /api/heartbeat) and its answer's parser.
// A heartbeat that parses must survive its own round trip: to JSON and back, the same heartbeat.
#include "content/heartbeat/heartbeat.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view text(reinterpret_cast<const char*>(data), size);
    hallboard::heartbeat_answer_from_json(text);
    hallboard::parse_utc_timestamp(text);
    hallboard::is_valid_screen_id(text);
    hallboard::Diagnostics diagnostics;
    auto heartbeat = hallboard::heartbeat_from_json(text, diagnostics);
    if (!heartbeat)
        return 0;
    hallboard::Diagnostics again;
    auto reparsed = hallboard::heartbeat_from_json(hallboard::heartbeat_to_json(*heartbeat), again);
    if (!reparsed || hallboard::heartbeat_to_json(*reparsed) != hallboard::heartbeat_to_json(*heartbeat))
        std::abort(); // what the server accepted, written back, is refused or changed
    return 0;
}
