// Where a request head ends in the bytes a connection has received so far, looked at before the
// HTTP library reads any of them: the connection guard waits for a whole head this way, and
// refuses one that is too large or has too many lines while holding at most its bound.
#pragma once

#include <cstddef>
#include <string_view>

namespace hallboard {

struct HeadBounds {
    size_t max_bytes = 8192; // request line + header lines + the blank line
    size_t max_header_lines = 100;
};

enum class HeadScan {
    Complete,           // a whole head within the bounds is there
    Incomplete,         // not yet: more bytes are needed, and may still come within the bounds
    RequestLineTooLong, // no end of the request line within max_bytes (414)
    TooLarge,           // no end of the head within max_bytes (431)
    TooManyLines,       // more than max_header_lines header lines (431)
};

// `received` starts at the head's first byte. Lines end at '\n', as cpp-httplib reads them; the
// head is the request line and every line after it up to the first that is exactly "\r\n".
HeadScan scan_request_head(std::string_view received, HeadBounds bounds);

} // namespace hallboard
