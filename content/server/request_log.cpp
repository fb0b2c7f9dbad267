// Formatting the request log line.
#include "content/server/request_log.h"

#include <cstdio>

namespace hallboard {

std::string escape_for_log(std::string_view raw, size_t max_bytes)
{
    std::string text;
    bool cut = raw.size() > max_bytes;
    if (cut)
        raw = raw.substr(0, max_bytes);
    for (char c : raw) {
        auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte >= 0x7f || c == '"' || c == '\\') {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02x", byte);
            text += escaped;
        } else {
            text += c;
        }
    }
    if (cut)
        text += "...";
    return text;
}

std::string format_request_log(const RequestLogEntry& entry)
{
    std::string line = escape_for_log(entry.remote, 64);
    line += ' ';
    line += escape_for_log(entry.method, 16);
    line += ' ';
    line += escape_for_log(entry.path, 200);
    line += ' ' + std::to_string(entry.status) + ' ' + std::to_string(entry.bytes) + 'B';
    if (entry.milliseconds) {
        char time[32];
        std::snprintf(time, sizeof time, " %.2fms", *entry.milliseconds);
        line += time;
    } else {
        line += " -ms";
    }
    return line;
}

} // namespace hallboard
