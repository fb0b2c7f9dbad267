// Finding the end of a request head, with its bounds.
#include "content/server/request_head_scan.h"

namespace hallboard {

HeadScan scan_request_head(std::string_view received, HeadBounds bounds)
{
    size_t start = 0;
    size_t lines = 0; // the request line included
    for (;;) {
        size_t newline = received.find('\n', start);
        if (newline == std::string_view::npos || newline + 1 > bounds.max_bytes) {
            if (received.size() < bounds.max_bytes && newline == std::string_view::npos)
                return HeadScan::Incomplete;
            return lines == 0 ? HeadScan::RequestLineTooLong : HeadScan::TooLarge;
        }
        auto line = received.substr(start, newline + 1 - start);
        if (lines > 0 && line == "\r\n")
            return HeadScan::Complete;
        if (++lines > bounds.max_header_lines + 1)
            return HeadScan::TooManyLines;
        start = newline + 1;
    }
}

} // namespace hallboard
